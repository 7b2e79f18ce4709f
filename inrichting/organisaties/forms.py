"""An organisation, and a colleague added to it with their role(s)."""

from django import forms

from core.doelen_forms import NL_DESIGN_SYSTEM
from core.models import Organisatie, Rol


class OrganisatieForm(forms.ModelForm):
    class Meta:
        model = Organisatie
        fields = ["naam", "afkorting", "soort"]
        error_messages = {"naam": {"unique": "Er bestaat al een organisatie met deze naam."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = [("", "(kies de soort)"), *Organisatie.Soort.choices]
        for veld in self.fields.values():
            veld.widget.attrs.setdefault("class", NL_DESIGN_SYSTEM[veld.widget.input_type])


class CollegaForm(forms.Form):
    voornaam = forms.CharField(label="Voornaam", max_length=150)
    achternaam = forms.CharField(label="Achternaam", max_length=150)
    email = forms.EmailField(
        label="E-mailadres",
        help_text="Hierheen gaat de link om een wachtwoord in te stellen; het is ook de "
        "gebruikersnaam.",
    )
    rollen = forms.MultipleChoiceField(
        label="Rol(len)",
        widget=forms.CheckboxSelectMultiple(
            attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
        ),
        error_messages={"required": "Kies minstens één rol."},
    )

    def __init__(self, *args, rollen: list[Rol], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rollen"].choices = [(rol.value, rol.label) for rol in rollen]
        for naam in ("voornaam", "achternaam", "email"):
            self.fields[naam].widget.attrs["class"] = NL_DESIGN_SYSTEM["text"]
        self.fields["email"].widget.attrs["autocomplete"] = "off"

    def clean_rollen(self) -> list[Rol]:
        return [Rol(waarde) for waarde in self.cleaned_data["rollen"]]
