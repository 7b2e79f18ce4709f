from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from .dutch_numbers import format_getal, parse_getal
from .models import Eenheid, Indicator, Waarde


@dataclass
class InvoerRij:
    indicator: Indicator
    bestaand: Waarde | None
    meetdefinitie: str

    @property
    def waarde_veld(self) -> str:
        return f"waarde_{self.indicator.pk}"

    @property
    def toelichting_veld(self) -> str:
        return f"toelichting_{self.indicator.pk}"


class JaaropgaveForm(forms.Form):
    """One grid: every figure an organisation fills for one year, with a toelichting each.

    Values are typed the Dutch way (1.234,56); each bad cell gets its own Dutch error.
    """

    def __init__(self, *args, rijen: list[InvoerRij], **kwargs):
        super().__init__(*args, **kwargs)
        self.rijen = rijen
        for rij in rijen:
            bestaand = rij.bestaand
            self.fields[rij.waarde_veld] = forms.CharField(
                label=rij.indicator.naam,
                required=False,
                initial=format_getal(bestaand.waarde) if bestaand else "",
                widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "utrecht-textbox"}),
            )
            self.fields[rij.toelichting_veld] = forms.CharField(
                label=f"Toelichting bij {rij.indicator.naam}",
                required=False,
                initial=bestaand.toelichting if bestaand else "",
                widget=forms.Textarea(attrs={"rows": 2, "class": "utrecht-textarea"}),
            )

    def clean(self):
        cleaned = super().clean()
        self.cijfers: dict[int, tuple[Decimal | None, str]] = {}
        for rij in self.rijen:
            tekst = cleaned.get(rij.waarde_veld, "")
            toelichting = cleaned.get(rij.toelichting_veld, "").strip()
            if not tekst.strip():
                self.cijfers[rij.indicator.pk] = (None, toelichting)
                continue
            try:
                waarde = lees_cijfer(tekst, rij.indicator)
            except ValidationError as error:
                self.add_error(rij.waarde_veld, error)
                continue
            self.cijfers[rij.indicator.pk] = (waarde, toelichting)
        return cleaned

    def regels(self):
        """Rows with their bound fields, for the template."""
        for rij in self.rijen:
            yield rij, self[rij.waarde_veld], self[rij.toelichting_veld]


def lees_cijfer(tekst: str, indicator: Indicator) -> Decimal:
    """Parse one typed figure and hold it to its item's unit."""
    waarde = parse_getal(tekst)
    if waarde < 0 and not indicator.mag_negatief:
        raise ValidationError("Een negatief getal is hier niet toegestaan.", code="negatief")
    if indicator.eenheid == Eenheid.AANTAL and waarde != waarde.to_integral_value():
        raise ValidationError("Een aantal is een heel getal.", code="geen_geheel_getal")
    if abs(waarde) >= Decimal("1e14"):
        raise ValidationError("Dit getal is te groot.", code="te_groot")
    if waarde.as_tuple().exponent < -2:
        raise ValidationError("Gebruik hoogstens twee decimalen.", code="te_veel_decimalen")
    return waarde


class HeropenForm(forms.Form):
    reden = forms.CharField(
        label="Reden van heropenen",
        widget=forms.Textarea(attrs={"rows": 3, "class": "utrecht-textarea"}),
        error_messages={"required": "Geef een reden op: die wordt vastgelegd."},
    )
