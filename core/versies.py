"""No lost updates: a figure is saved only over the version its user saw.

Every grid sends, per figure, the version it showed (0 when there was none). When the stored
version differs and the user's value differs from the stored one, someone else saved in
between: the whole save is refused, with both values, and nothing is overwritten. A grid post
without the versions (not from our page) is refused as a conflict as well (`CijferForm`); only
a script or the import (`gezien` None, the import has its own fingerprint) saves unchecked.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format

from .dutch_numbers import format_getal


@dataclass(frozen=True)
class Botsing:
    naam: str
    uw_waarde: Decimal | None
    opgeslagen: Decimal | None
    door: str
    versie: int


class Wijzigingsconflict(ValidationError):
    def __init__(self, botsingen: list[Botsing], sleutels: list):
        self.botsingen = botsingen
        # The versions now stored, per key: a second save on purpose goes over these.
        self.versies = dict(zip(sleutels, (b.versie for b in botsingen), strict=True))
        super().__init__(
            [
                ValidationError(
                    "Iemand anders heeft intussen cijfers in dit scherm opgeslagen. Er is niets "
                    "overschreven. Vergelijk hieronder; sla opnieuw op om uw waarden te bewaren.",
                    code="conflict",
                )
            ]
            + [
                ValidationError(
                    "‘%(naam)s’: uw waarde %(uw)s, opgeslagen waarde %(opgeslagen)s%(door)s.",
                    code="conflict",
                    params={
                        "naam": b.naam,
                        "uw": _getal(b.uw_waarde),
                        "opgeslagen": _getal(b.opgeslagen),
                        "door": f" ({b.door})" if b.door else "",
                    },
                )
                for b in botsingen
            ]
        )


def _getal(waarde: Decimal | None) -> str:
    return "(leeg)" if waarde is None else format_getal(waarde)


def toets_versies(
    *,
    nieuw: dict,
    gezien: dict | None,
    opgeslagen: dict,
    namen: dict,
    veld: str = "waarde",
) -> None:
    """Refuse the save if any figure changed since its version was seen.

    `nieuw` maps a key to (value or None, toelichting); `opgeslagen` to the stored object
    (with `versie`, `veld`, `toelichting`, `ingevoerd_door`, `ingevoerd_op`) or nothing.
    A key missing from `gezien` (or `gezien` None: a script) is not checked; the grids
    never leave one out (`CijferForm` refuses a post without its versions).
    """
    botsingen, sleutels = [], []
    for sleutel, (waarde, toelichting) in nieuw.items():
        oud = opgeslagen.get(sleutel)
        huidig = oud.versie if oud is not None else 0
        if gezien is None or gezien.get(sleutel, huidig) == huidig:
            continue
        opgeslagen_waarde = getattr(oud, veld) if oud is not None else None
        opgeslagen_toelichting = oud.toelichting if oud is not None else ""
        if (waarde, toelichting) == (opgeslagen_waarde, opgeslagen_toelichting):
            continue  # the same as what is stored: nothing would be lost
        botsingen.append(Botsing(namen[sleutel], waarde, opgeslagen_waarde, _door(oud), huidig))
        sleutels.append(sleutel)
    if botsingen:
        raise Wijzigingsconflict(botsingen, sleutels)


def _door(oud) -> str:
    if oud is None:
        return "verwijderd"
    wie = oud.ingevoerd_door.get_full_name() if oud.ingevoerd_door else ""
    wanneer = date_format(timezone.localtime(oud.ingevoerd_op), "j F Y H:i")
    return f"door {wie}, {wanneer}" if wie else wanneer
