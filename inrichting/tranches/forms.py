"""The tranche and its deals on one page: the tranche's rules check every deal's row."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst

from core.doelen_forms import NL_DESIGN_SYSTEM, GetalVeld
from core.dutch_numbers import format_euro
from core.models import Organisatie
from regiodeals.models import Regiodeal, Tranche, rijksbijdrage_fout

from .services import REGIOKASSIER_ONBEKEND


def _nl_design_system(form: forms.BaseForm) -> None:
    for veld in form.fields.values():
        veld.widget.attrs.setdefault("class", NL_DESIGN_SYSTEM[veld.widget.input_type])


def _bedrag(model, naam: str, *, required: bool) -> GetalVeld:
    veld = model._meta.get_field(naam)
    return GetalVeld(label=capfirst(veld.verbose_name), help_text=veld.help_text, required=required)


class TrancheForm(forms.ModelForm):
    envelop = _bedrag(Tranche, "envelop", required=False)
    aangevraagd = _bedrag(Tranche, "aangevraagd", required=False)
    minimale_rijksbijdrage = _bedrag(Tranche, "minimale_rijksbijdrage", required=True)
    maximale_rijksbijdrage = _bedrag(Tranche, "maximale_rijksbijdrage", required=True)
    cofinanciering = _bedrag(Tranche, "cofinanciering", required=True)

    class Meta:
        model = Tranche
        fields = [
            "nummer",
            "naam",
            "datum_besluit",
            "envelop",
            "aantal_voorstellen",
            "aangevraagd",
            "minimale_rijksbijdrage",
            "maximale_rijksbijdrage",
            "cofinanciering",
        ]
        help_texts = {"datum_besluit": "Schrijf de datum als dd-mm-jjjj."}
        widgets = {"datum_besluit": forms.DateInput(format="%d-%m-%Y")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["datum_besluit"].input_formats = ["%d-%m-%Y", "%Y-%m-%d"]
        self.fields["nummer"].widget.attrs.update({"inputmode": "numeric"})
        _nl_design_system(self)

    def clean(self):
        data = super().clean()
        minimum, maximum = data.get("minimale_rijksbijdrage"), data.get("maximale_rijksbijdrage")
        if minimum is not None and maximum is not None and minimum > maximum:
            self.add_error(
                "maximale_rijksbijdrage",
                ValidationError(
                    "Het maximum ligt onder het minimum.", code="maximum_onder_minimum"
                ),
            )
        return data


class DealForm(forms.ModelForm):
    """One row: a deal of the tranche. The regiokassier may stay empty until it is known."""

    maximale_rijksbijdrage = _bedrag(Regiodeal, "maximale_rijksbijdrage", required=True)
    penvoerder = forms.ModelChoiceField(
        label="Regiokassier (penvoerder)",
        queryset=Organisatie.objects.exclude(slug=REGIOKASSIER_ONBEKEND).order_by("naam"),
        required=False,
        empty_label="(nog niet bekend)",
    )

    class Meta:
        model = Regiodeal
        fields = ["titel", "korte_naam", "regio", "landsdeel", "maximale_rijksbijdrage"]
        labels = {"titel": "Naam van de deal"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["landsdeel"].required = True
        self.fields["landsdeel"].choices = [("", "(kies)"), *self.fields["landsdeel"].choices[1:]]
        kassier = self.instance.penvoerder if self.instance.penvoerder_id else None
        if kassier and kassier.slug != REGIOKASSIER_ONBEKEND:
            self.initial["penvoerder"] = kassier.pk
        _nl_design_system(self)

    def _post_clean(self):
        # The formset checks the amounts against the bounds as typed on this page, not the
        # model against the tranche's stored ones (the same rule, `rijksbijdrage_fout`).
        tranche_id, self.instance.tranche_id = self.instance.tranche_id, None
        try:
            super()._post_clean()
        finally:
            self.instance.tranche_id = tranche_id


class BaseDealFormSet(forms.BaseModelFormSet):
    """Every deal between the tranche's minimum and maximum; together within the envelope."""

    def __init__(self, *args, grenzen: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.grenzen = grenzen or {}

    def ingevulde_forms(self) -> list[DealForm]:
        return [f for f in self.forms if f.has_changed() or f.instance.pk]

    def clean(self):
        super().clean()
        minimum = self.grenzen.get("minimale_rijksbijdrage")
        maximum = self.grenzen.get("maximale_rijksbijdrage")
        totaal = Decimal(0)
        for form in self.ingevulde_forms():
            bedrag = form.cleaned_data.get("maximale_rijksbijdrage")
            if bedrag is None:
                continue
            totaal += bedrag
            fout = rijksbijdrage_fout(bedrag, minimum=minimum, maximum=maximum)
            if fout is not None:
                form.add_error("maximale_rijksbijdrage", fout)
        envelop = self.grenzen.get("envelop")
        if envelop is not None and totaal > envelop:
            raise ValidationError(
                "De deals vragen samen %(totaal)s; beschikbaar (envelop) is %(envelop)s.",
                code="boven_envelop",
                params={"totaal": format_euro(totaal), "envelop": format_euro(envelop)},
            )


DealFormSet = forms.modelformset_factory(
    Regiodeal, form=DealForm, formset=BaseDealFormSet, extra=3, can_delete=False
)
