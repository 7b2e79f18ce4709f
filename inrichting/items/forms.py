"""The forms for a dossier's items (with, optionally, the item's target in the same step) and
its norms. Only this dossier's parts and items can be chosen; the models' `clean()` gives the
errors of a part in another dossier, a cycle of parts or a norm on its own item, on the field."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify

from core.doelen_forms import NL_DESIGN_SYSTEM, GetalVeld
from core.models import Dossier, Indicator, Norm, Onderdeel, Streefdoel

# The kinds of target that can be given with an item (an effect needs the full target page).
DOELSOORTEN = [
    ("", "(geen streefdoel, of later op de pagina Streefdoelen)"),
    (Streefdoel.Soort.PER_JAAR, "per jaar"),
    (Streefdoel.Soort.LOOPTIJD, "over de looptijd"),
    (Streefdoel.Soort.BANDBREEDTE, "bandbreedte (per jaar)"),
    (Streefdoel.Soort.MIJLPAAL, "mijlpaal"),
]
DOELVELDEN = ["waarde", "minimum", "maximum", "van_jaar", "tot_en_met_jaar", "deadline"]


def _opmaak(form: forms.Form) -> None:
    for veld in form.fields.values():
        soort = getattr(veld.widget, "input_type", "textarea")
        veld.widget.attrs.setdefault("class", NL_DESIGN_SYSTEM[soort])


def _items(dossier: Dossier):
    return Indicator.objects.filter(dossier=dossier).order_by("volgorde", "naam")


class ItemForm(forms.ModelForm):
    """An item of the dossier; a code left empty is made from the name."""

    doel_soort = forms.ChoiceField(label="Streefdoel", choices=DOELSOORTEN, required=False)
    doel_waarde = GetalVeld(label="Streefwaarde", required=False)
    doel_minimum = GetalVeld(label="Minimum", required=False)
    doel_maximum = GetalVeld(label="Maximum", required=False)
    doel_van_jaar = forms.IntegerField(label="Van jaar", required=False, min_value=1900)
    doel_tot_en_met_jaar = forms.IntegerField(
        label="Tot en met jaar", required=False, min_value=1900
    )
    doel_deadline = forms.DateField(
        label="Uiterlijk (datum)",
        required=False,
        input_formats=["%d-%m-%Y", "%Y-%m-%d"],
        help_text="Voor een mijlpaal; schrijf de datum als dd-mm-jjjj.",
    )

    class Meta:
        model = Indicator
        fields = [
            "naam",
            "code",
            "onderdeel",
            "eenheid",
            "richting",
            "uitsplitsing",
            "deel_van",
            "is_waarvan",
            "uitsplitsing_van",
            "mag_negatief",
            "meetdefinitie",
            "volgorde",
            "laatste_jaar",
        ]
        labels = {"onderdeel": "Onderdeel (thema)"}
        help_texts = {"code": "Leeg: gemaakt uit de naam. Uniek binnen het dossier."}
        widgets = {"meetdefinitie": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, dossier: Dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.dossier = dossier
        self.dossier = dossier
        self.fields["code"].required = False
        self.fields["onderdeel"].queryset = Onderdeel.objects.filter(dossier=dossier)
        self.fields["onderdeel"].empty_label = "(geen onderdeel)"
        for naam in ("deel_van", "uitsplitsing_van"):
            self.fields[naam].queryset = _items(dossier).exclude(pk=self.instance.pk)
            self.fields[naam].empty_label = "(geen)"
        self.fields["eenheid"].choices = [
            ("", "(kies de eenheid)"),
            *self.fields["eenheid"].choices[1:],
        ]
        if self.instance.pk:  # the target of an existing item: on the targets page
            for naam in ["soort", *DOELVELDEN]:
                del self.fields[f"doel_{naam}"]
        _opmaak(self)

    def clean_code(self) -> str:
        code = self.cleaned_data.get("code") or ""
        bezet = _items(self.dossier).exclude(pk=self.instance.pk)
        if code and bezet.filter(code=code).exists():
            raise ValidationError(
                "Dit dossier heeft al een item met de code ‘%(code)s’.",
                code="code_bezet",
                params={"code": code},
            )
        return code

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("code") and cleaned.get("naam") and "code" not in self._errors:
            cleaned["code"] = self._vrije_code(slugify(cleaned["naam"])[:70] or "item")
        return cleaned

    def _vrije_code(self, basis: str) -> str:
        bezet = set(
            _items(self.dossier)
            .exclude(pk=self.instance.pk)
            .filter(code__startswith=basis)
            .values_list("code", flat=True)
        )
        code, nummer = basis, 2
        while code in bezet:
            code, nummer = f"{basis}-{nummer}", nummer + 1
        return code

    def streefdoel(self) -> Streefdoel | None:
        """The target typed with a new item (unsaved, without its item), or None."""
        soort = self.cleaned_data.get("doel_soort")
        if not soort:
            return None
        waarden = {naam: self.cleaned_data.get(f"doel_{naam}") for naam in DOELVELDEN}
        return Streefdoel(
            dossier=self.dossier,
            soort=soort,
            per_jaar=soort == Streefdoel.Soort.BANDBREEDTE,
            **waarden,
        )

    def fouten_van_doel(self, fout: ValidationError) -> None:
        """The target's errors (from its model) on the target's fields of this form."""
        for veld, fouten in fout.message_dict.items():
            naam = f"doel_{veld}" if f"doel_{veld}" in self.fields else "doel_soort"
            for tekst in fouten:
                self.add_error(naam, tekst)


class NormForm(forms.ModelForm):
    """A norm on one of the dossier's items; bounds typed the Dutch way."""

    ondergrens = GetalVeld(label="Ondergrens", required=False)
    bovengrens = GetalVeld(label="Bovengrens", required=False)

    class Meta:
        model = Norm
        fields = [
            "indicator",
            "soort",
            "ondergrens",
            "bovengrens",
            "ten_opzichte_van",
            "omschrijving",
        ]
        labels = {"indicator": "Item", "ten_opzichte_van": "Ten opzichte van (bij een aandeel)"}

    def __init__(self, *args, dossier: Dossier, **kwargs):
        super().__init__(*args, **kwargs)
        for naam in ("indicator", "ten_opzichte_van"):
            self.fields[naam].queryset = _items(dossier)
        self.fields["indicator"].empty_label = "(kies het item)"
        self.fields["ten_opzichte_van"].empty_label = "(geen)"
        self.fields["soort"].choices = [("", "(kies de soort norm)"), *Norm.Soort.choices]
        _opmaak(self)

    def _post_clean(self):
        # As on the targets form: an unreadable number keeps just its own error.
        onleesbaar = {veld: fouten.copy() for veld, fouten in self._errors.items()}
        super()._post_clean()
        self._errors.update(onleesbaar)
