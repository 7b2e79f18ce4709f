"""A target in words, the same wherever one is named: "800 in 2025–2028", "minimaal 1 en
maximaal 3 per jaar in 2025–2028", "uiterlijk 31 december 2020", "80 % in 2017".

Also the target as it was: an amendment keeps the old target's values as JSON
(`als_gegevens`), and `uit_gegevens` turns them back into an (unsaved) target to describe.
"""

import copy
import datetime
from decimal import Decimal

from django.utils.formats import date_format

from .streefdoel import Streefdoel
from .voortgang import formatteer

# What an amendment may change, and what the old target needs to be described again.
GEWIJZIGDE_VELDEN = [
    "soort",
    "waarde",
    "minimum",
    "maximum",
    "per_jaar",
    "van_jaar",
    "tot_en_met_jaar",
    "deadline",
    "bereikt_op",
]


def beschrijf(doel: Streefdoel) -> str:
    """The target in one Dutch phrase, with its unit and years."""
    soort = Streefdoel.Soort
    if doel.soort == soort.MIJLPAAL:
        return _mijlpaal(doel)
    if doel.soort == soort.EFFECT:
        return _effect(doel)
    getal = _getal(doel)
    if doel.soort == soort.BANDBREEDTE:
        grenzen = [
            f"{woord} {getal(grens)}"
            for woord, grens in (("minimaal", doel.minimum), ("maximaal", doel.maximum))
            if grens is not None
        ]
        tekst = " en ".join(grenzen) + (" per jaar" if doel.per_jaar else "")
    elif doel.soort == soort.PER_JAAR:
        tekst = "de planning per jaar" if doel.waarde is None else f"{getal(doel.waarde)} per jaar"
    else:
        tekst = getal(doel.waarde)
    return f"{tekst} {_periode(doel)}".strip()


def _getal(doel: Streefdoel):
    eenheid = doel.eenheid_van
    return lambda waarde: "?" if waarde is None else formatteer(Decimal(waarde), eenheid)


def _periode(doel: Streefdoel) -> str:
    begin, eind = doel.startjaar, doel.eindjaar
    if eind is None:
        return ""
    if begin is None or begin == eind:
        return f"in {eind}"
    return f"in {begin}–{eind}"


def _datum(datum: datetime.date) -> str:
    return date_format(datum, "j F Y")


def _mijlpaal(doel: Streefdoel) -> str:
    tekst = f"uiterlijk {_datum(doel.uiterlijk)}" if doel.uiterlijk else "mijlpaal zonder datum"
    if doel.bereikt_op:
        tekst += f", bereikt op {_datum(doel.bereikt_op)}"
    return tekst


def _effect(doel: Streefdoel) -> str:
    getal = _getal(doel)
    delen = [getal(doel.waarde) if doel.waarde is not None else "verbetering"]
    if doel.eindjaar:
        delen.append(f"in {doel.eindjaar}")
    if doel.nulmeting is not None:
        jaar = f" in {doel.nulmeting_jaar}" if doel.nulmeting_jaar else ""
        delen.append(f"(nulmeting {getal(doel.nulmeting)}{jaar})")
    tekst = " ".join(delen)
    if doel.referentie:
        waarde = f" ({getal(doel.referentiewaarde)})" if doel.referentiewaarde is not None else ""
        tekst += f", ten opzichte van {doel.referentie}{waarde}"
    return tekst


def als_gegevens(doel: Streefdoel) -> dict:
    """The values an amendment may change, as JSON: numbers and dates as text."""

    def json(waarde):
        return waarde if waarde is None or isinstance(waarde, bool | int) else str(waarde)

    return {veld: json(getattr(doel, veld)) for veld in GEWIJZIGDE_VELDEN}


def uit_gegevens(gegevens: dict, basis: Streefdoel) -> Streefdoel:
    """`basis` (unsaved copy) with the recorded values over it: the target as it was."""
    doel = copy.copy(basis)
    for veld, waarde in gegevens.items():
        if veld in GEWIJZIGDE_VELDEN:
            setattr(doel, veld, Streefdoel._meta.get_field(veld).to_python(waarde))
    return doel
