"""The form for one target of a dossier: every kind, with the rules of `Streefdoel.clean()`."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils.text import capfirst

from .doelwijziging import gegevens, is_wijziging
from .dutch_numbers import GROOTSTE_GETAL, format_getal, parse_getal
from .models import Dossier, Indicator, Onderdeel, Organisatie, Streefdoel

GETALLEN = ["waarde", "minimum", "maximum", "referentiewaarde", "nulmeting"]
JAREN = ["van_jaar", "tot_en_met_jaar", "nulmeting_jaar"]
DATUMS = ["deadline", "bereikt_op"]


# The NL Design System's class per kind of control (templates/partials/formulierveld.html).
NL_DESIGN_SYSTEM = {
    "select": "utrecht-select utrecht-select--html-select",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "text": "utrecht-textbox utrecht-textbox--html-input",
    "number": "utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric",
    "date": "utrecht-textbox utrecht-textbox--html-input",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
}


class GetalVeld(forms.CharField):
    """A number typed the Dutch way (1.234,56); empty is no number."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def to_python(self, value) -> Decimal | None:
        tekst = super().to_python(value)
        if not tekst.strip():
            return None
        waarde = parse_getal(tekst)
        if abs(waarde) >= GROOTSTE_GETAL or waarde.as_tuple().exponent < -2:
            raise ValidationError(
                "Gebruik een getal onder de tien biljoen met hoogstens twee decimalen.",
                code="ongeldig_getal",
            )
        return waarde

    def prepare_value(self, value):
        return format_getal(value) if isinstance(value, Decimal) else value


# The document's words for a target, per kind of dossier: the relation from the target (see
# `core.streefdoel.WOORDEN_IN`), the word for the text and the word for its chapter. The
# document's model is read through that relation, so core imports no dossier app.
WOORDEN = {
    Dossier.Soort.AFSPRAAK: ("afspraakpunt", "afspraak", "Afspraakpunt", "Thema"),
    Dossier.Soort.REGIODEAL: (
        "beoogd_resultaat",
        "regiodeal",
        "Beoogd resultaat",
        "Actielijn of project",
    ),
}


def _getalveld(naam: str) -> GetalVeld:
    veld = Streefdoel._meta.get_field(naam)
    return GetalVeld(label=capfirst(veld.verbose_name), help_text=veld.help_text, required=False)


class StreefdoelForm(forms.ModelForm):
    """Only this dossier's items and parties can be chosen; the model's rules give the errors
    (a range upside down, a summed percentage, a year before the start, …) on their field."""

    waarde = _getalveld("waarde")
    minimum = _getalveld("minimum")
    maximum = _getalveld("maximum")
    referentiewaarde = _getalveld("referentiewaarde")
    nulmeting = _getalveld("nulmeting")
    # Asked once the dossier is published: a changed promise is an amendment (core.Doelwijziging).
    wijzigingsdatum = forms.DateField(
        label="Datum van de wijziging",
        required=False,
        input_formats=["%d-%m-%Y", "%Y-%m-%d"],
        help_text="Vanaf wanneer het gewijzigde doel geldt; schrijf de datum als dd-mm-jjjj.",
        widget=forms.DateInput(format="%d-%m-%Y"),
    )
    reden = forms.CharField(
        label="Reden",
        required=False,
        help_text="Waarom het doel wijzigt, bijvoorbeeld het besluit of de actualisatie.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # The document's words (an agreement item, an intended result), shown in its chapter.
    woorden_titel = forms.CharField(required=False, max_length=300)
    woorden_onderdeel = forms.ModelChoiceField(queryset=Onderdeel.objects.none(), required=False)
    woorden_soort = forms.ChoiceField(label="Soort afspraakpunt", required=False)

    class Meta:
        model = Streefdoel
        fields = [
            "omschrijving",
            "soort",
            "indicator",
            "organisatie",
            "waarde",
            "minimum",
            "maximum",
            "per_jaar",
            "van_jaar",
            "tot_en_met_jaar",
            "eenheid",
            "richting",
            "deadline",
            "bereikt_op",
            "referentie",
            "referentiewaarde",
            "nulmeting",
            "nulmeting_jaar",
            "bron",
            "vervallen",
        ]
        labels = {"indicator": "Item", "deadline": "Uiterlijk (datum)"}
        help_texts = {
            "organisatie": "Alleen als het doel van één partij is: dan tellen haar eigen "
            "cijfers mee. Leeg: het doel van het hele dossier.",
            "deadline": "Voor een mijlpaal. Leeg: het einde van het dossier. "
            "Schrijf de datum als dd-mm-jjjj.",
            "bereikt_op": "Voor een mijlpaal die bereikt is; schrijf de datum als dd-mm-jjjj.",
        }
        widgets = {
            "deadline": forms.DateInput(format="%d-%m-%Y"),
            "bereikt_op": forms.DateInput(format="%d-%m-%Y"),
        }

    def __init__(self, *args, dossier: Dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.dossier = dossier
        # Published: the target as stored, to compare with and to record as the old value.
        self.oud = gegevens(self.instance) if self.instance.pk and not dossier.in_opbouw else None
        if self.oud is None:
            del self.fields["wijzigingsdatum"], self.fields["reden"]
        self._woorden_velden(dossier)
        self.fields["indicator"].queryset = Indicator.objects.filter(dossier=dossier).order_by(
            "volgorde", "naam"
        )
        self.fields["organisatie"].queryset = Organisatie.objects.filter(
            pk__in=dossier.partijen.values("organisatie_id")
        ).order_by("naam")
        self.fields["soort"].choices = [("", "(kies de soort doel)"), *Streefdoel.Soort.choices]
        for naam in ("eenheid", "richting"):
            keuzes = Streefdoel._meta.get_field(naam).choices
            self.fields[naam].choices = [("", "(die van het item)"), *keuzes]
        self.fields["indicator"].empty_label = "(geen item: een doel in woorden)"
        self.fields["organisatie"].empty_label = "(het hele dossier)"
        for naam in JAREN:
            self.fields[naam].widget.attrs.update({"inputmode": "numeric"})
        for naam in DATUMS:
            self.fields[naam].input_formats = ["%d-%m-%Y", "%Y-%m-%d"]
        for veld in self.fields.values():
            soort = getattr(veld.widget, "input_type", "textarea")
            veld.widget.attrs.setdefault("class", NL_DESIGN_SYSTEM[soort])

    def _woorden_velden(self, dossier: Dossier) -> None:
        """The document's words of the target, for an agreement or a Regio Deal."""
        self.woorden = WOORDEN.get(dossier.soort)
        if self.woorden and not hasattr(dossier, self.woorden[1]):  # no agreement row: none
            self.woorden = None
        if self.woorden is None:
            for naam in ("woorden_titel", "woorden_onderdeel", "woorden_soort"):
                del self.fields[naam]
            return
        relatie, _, woord, hoofdstuk = self.woorden
        self.fields["woorden_titel"].label = woord
        self.fields["woorden_titel"].help_text = (
            f"Zoals het document het zegt; het {woord.lower()} staat dan bij "
            f"zijn {hoofdstuk.lower()}. Leeg: niets veranderen."
        )
        self.fields["woorden_onderdeel"].label = hoofdstuk
        self.fields["woorden_onderdeel"].queryset = Onderdeel.objects.filter(dossier=dossier)
        self.fields["woorden_onderdeel"].empty_label = f"(kies {hoofdstuk.lower()})"
        model = Streefdoel._meta.get_field(relatie).related_model
        if relatie == "afspraakpunt":
            self.fields["woorden_soort"].choices = model.Soort.choices
            self.fields["woorden_soort"].initial = model.Soort.AFSPRAAK
        else:
            del self.fields["woorden_soort"]
        try:
            bestaand = getattr(self.instance, relatie) if self.instance.pk else None
        except ObjectDoesNotExist:
            bestaand = None
        if bestaand is not None:
            self.initial.update(
                woorden_titel=getattr(bestaand, "titel", None) or bestaand.omschrijving,
                woorden_onderdeel=bestaand.onderdeel_id,
                woorden_soort=getattr(bestaand, "soort", ""),
            )

    def bewaar_woorden(self, doel: Streefdoel) -> None:
        """Create or update the document's item pointing at `doel` (call inside the target's
        transaction)."""
        titel = (self.cleaned_data.get("woorden_titel") or "").strip()
        if not (self.woorden and titel):
            return
        relatie, dossierveld, _, _ = self.woorden
        model = Streefdoel._meta.get_field(relatie).related_model
        waarden = {
            f"{dossierveld}_id": doel.dossier_id,
            "onderdeel": self.cleaned_data["woorden_onderdeel"],
        }
        if relatie == "afspraakpunt":
            waarden.update(titel=titel, soort=self.cleaned_data.get("woorden_soort") or "afspraak")
        else:
            waarden["omschrijving"] = titel
        model.objects.update_or_create(streefdoel=doel, defaults=waarden)

    @property
    def is_wijziging(self) -> bool:
        """After validation: the published target's promise changes (an amendment)."""
        return self.oud is not None and is_wijziging(self.oud, self.instance)

    def _post_clean(self):
        # A field that could not be read keeps just that error: the model, which then sees
        # no value there, would add "geef een waarde" beside "‘8oo’ is geen getal".
        onleesbaar = {veld: fouten.copy() for veld, fouten in self._errors.items()}
        super()._post_clean()
        self._errors.update(onleesbaar)
        if self.is_wijziging:
            self._vraag_om_wijziging()

    def _vraag_om_wijziging(self) -> None:
        if not self.cleaned_data.get("wijzigingsdatum") and "wijzigingsdatum" not in self._errors:
            self.add_error(
                "wijzigingsdatum",
                ValidationError(
                    "Het streefdoel is vastgesteld: geef de datum van de wijziging.",
                    code="verplicht",
                ),
            )
        if not (self.cleaned_data.get("reden") or "").strip():
            self.add_error(
                "reden",
                ValidationError(
                    "Het streefdoel is vastgesteld: geef de reden van de wijziging.",
                    code="verplicht",
                ),
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("woorden_titel") and not cleaned.get("woorden_onderdeel"):
            self.add_error(
                "woorden_onderdeel",
                ValidationError(
                    "Kies waar het %(woord)s onder valt.",
                    code="verplicht",
                    params={"woord": self.woorden[2].lower()},
                ),
            )
        indicator, eenheid = cleaned.get("indicator"), cleaned.get("eenheid")
        if indicator and eenheid and eenheid != indicator.eenheid:
            self.add_error(
                "eenheid",
                ValidationError(
                    "Met een item geldt de eenheid van dat item (%(eenheid)s): laat dit leeg.",
                    code="eenheid_van_item",
                    params={"eenheid": indicator.get_eenheid_display()},
                ),
            )
        return cleaned
