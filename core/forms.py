from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from .dutch_numbers import GROOTSTE_GETAL, format_getal, parse_getal
from .models import Eenheid, Waarde
from .versies import Wijzigingsconflict


@dataclass
class InvoerRij:
    """One row of an entry grid: a figure to type, with its toelichting."""

    sleutel: object  # what the saving service knows the figure by
    naam: str
    eenheid: str
    waarde: Decimal | None = None
    toelichting: str = ""
    meetdefinitie: str = ""
    mag_negatief: bool = False
    versie: int = 0  # of the stored figure; 0 when there is none (see core.versies)
    historie_url: str = ""
    doelen: tuple[str, ...] = ()  # what the figure counts toward (core.invoerdoelen)
    bevindingen: tuple[str, ...] = ()  # the dossier's checks on what is saved (core.invoertoets)

    @classmethod
    def voor_plek(
        cls,
        plek,
        bestaand: Waarde | None,
        meetdefinitie: str,
        *,
        historie_url: str = "",
        doelen: list[str] | tuple[str, ...] = (),
        bevindingen: list[str] | tuple[str, ...] = (),
    ):
        """A row for a `core.services.Invoerplek`."""
        indicator = plek.indicator
        return cls(
            sleutel=plek.sleutel,
            naam=plek.naam,
            eenheid=indicator.eenheid,
            waarde=bestaand.waarde if bestaand else None,
            toelichting=bestaand.toelichting if bestaand else "",
            meetdefinitie=meetdefinitie,
            mag_negatief=indicator.mag_negatief,
            versie=bestaand.versie if bestaand else 0,
            historie_url=historie_url,
            doelen=tuple(doelen),
            bevindingen=tuple(bevindingen),
        )

    @property
    def veldnaam(self) -> str:
        delen = self.sleutel if isinstance(self.sleutel, tuple) else (self.sleutel,)
        return "_".join(str(deel).replace(":", "_") for deel in delen if deel is not None)

    @property
    def waarde_veld(self) -> str:
        return f"waarde_{self.veldnaam}"

    @property
    def toelichting_veld(self) -> str:
        return f"toelichting_{self.veldnaam}"

    @property
    def versie_veld(self) -> str:
        return f"versie_{self.veldnaam}"

    @property
    def eenheid_label(self) -> str:
        return Eenheid(self.eenheid).label


class CijferForm(forms.Form):
    """An entry grid: figures with a toelichting each, typed the Dutch way (1.234,56).

    Each bad cell gets its own Dutch error; `cijfers` maps each row's key to (value or None,
    toelichting) for a service that saves them all or none.
    """

    def __init__(self, *args, rijen: list[InvoerRij], **kwargs):
        super().__init__(*args, **kwargs)
        self.rijen = rijen
        for rij in rijen:
            self.fields[rij.waarde_veld] = forms.CharField(
                label=rij.naam,
                required=False,
                initial=format_getal(rij.waarde) if rij.waarde is not None else "",
                widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "utrecht-textbox"}),
            )
            self.fields[rij.toelichting_veld] = forms.CharField(
                label=f"Toelichting bij {rij.naam}",
                required=False,
                initial=rij.toelichting,
                widget=forms.Textarea(attrs={"rows": 2, "class": "utrecht-textarea"}),
            )
            self.fields[rij.versie_veld] = forms.IntegerField(
                required=False, min_value=0, initial=rij.versie, widget=forms.HiddenInput
            )

    def clean(self):
        cleaned = super().clean()
        self.cijfers: dict[object, tuple[Decimal | None, str]] = {}
        self.versies = {
            rij.sleutel: cleaned[rij.versie_veld]
            for rij in self.rijen
            if cleaned.get(rij.versie_veld) is not None
        }
        self._eis_versies()
        for rij in self.rijen:
            tekst = cleaned.get(rij.waarde_veld, "")
            toelichting = cleaned.get(rij.toelichting_veld, "").strip()
            if not tekst.strip():
                self.cijfers[rij.sleutel] = (None, toelichting)
                continue
            try:
                waarde = lees_cijfer(tekst, eenheid=rij.eenheid, mag_negatief=rij.mag_negatief)
            except ValidationError as error:
                self.add_error(rij.waarde_veld, error)
                continue
            self.cijfers[rij.sleutel] = (waarde, toelichting)
        return cleaned

    def _eis_versies(self) -> None:
        """Every cell carries the version it was based on (core.versies). A post without
        them (not from our grid) cannot be checked against saves in between: it is refused
        as a conflict and nothing is applied."""
        if all(rij.sleutel in self.versies for rij in self.rijen):
            return
        self.add_error(
            None,
            ValidationError(
                "Er is niets opgeslagen: dit formulier zegt niet van welke versie van de "
                "cijfers het uitgaat, dus kan niet worden nagegaan of iemand anders intussen "
                "iets heeft opgeslagen. Open het invoerscherm opnieuw en voer uw wijzigingen "
                "daarin in.",
                code="conflict",
            ),
        )

    def regels(self):
        """Rows with their bound fields, for the template."""
        for rij in self.rijen:
            yield rij, self[rij.waarde_veld], self[rij.toelichting_veld], self[rij.versie_veld]

    def bewaar(self, opslaan) -> bool:
        """Run `opslaan()`, the service that saves this grid. A conflict with another save
        (`Wijzigingsconflict`) or a refusal (`ValidationError`) lands on the form, with
        nothing saved; True when it was saved."""
        try:
            opslaan()
        except Wijzigingsconflict as conflict:
            self.meld_conflict(conflict)
        except ValidationError as error:
            self.add_error(None, error)
        else:
            return True
        return False

    def meld_conflict(self, conflict) -> None:
        """Show a `Wijzigingsconflict`; the next save goes knowingly over what is stored."""
        self.data = self.data.copy()
        for rij in self.rijen:
            if rij.sleutel in conflict.versies:
                self.data[self.add_prefix(rij.versie_veld)] = conflict.versies[rij.sleutel]
        self.add_error(None, conflict)


def form_status(form) -> int:
    """409 when someone else saved in between, 400 for other errors, else 200."""
    if not (form.is_bound and form.errors):
        return 200
    conflict = any(e.code == "conflict" for e in form.non_field_errors().as_data())
    return 409 if conflict else 400


def lees_cijfer(tekst: str, *, eenheid: str, mag_negatief: bool = False) -> Decimal:
    """Parse one typed figure and hold it to its unit."""
    return toets_cijfer(parse_getal(tekst), eenheid=eenheid, mag_negatief=mag_negatief)


def toets_cijfer(waarde: Decimal, *, eenheid: str, mag_negatief: bool = False) -> Decimal:
    """Hold a figure to its unit, however it was read (typed text, an Excel number)."""
    if waarde < 0 and not mag_negatief:
        raise ValidationError("Een negatief getal is hier niet toegestaan.", code="negatief")
    if eenheid == Eenheid.AANTAL and waarde != waarde.to_integral_value():
        raise ValidationError("Een aantal is een heel getal.", code="geen_geheel_getal")
    if abs(waarde) >= GROOTSTE_GETAL:
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
