"""A target and its progress in words, the same on every page: what is promised ("800 over
2025–2028", "minimaal 1 en maximaal 3", "uiterlijk 31 december 2015") and where it stands
("410 van 800", "verwacht eind 2026: 400", "vorige periode: 640 gerealiseerd").

The judgement itself is `core.voortgang`; this module only words it. Also the target as it
was: an amendment keeps the old target's values as JSON (`als_gegevens`), and `uit_gegevens`
turns them back into an (unsaved) target to word.
"""

import copy
import datetime
from decimal import Decimal

from .streefdoel import Streefdoel
from .voortgang import Voortgang, formatteer

# What an amendment may change, and what the old target needs to be worded again.
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


MAANDEN = "januari februari maart april mei juni juli augustus september oktober november december"


def datum(dag: datetime.date | None) -> str:
    """31 december 2015, in Dutch whatever the language of the process (reports are made by
    a background worker)."""
    return f"{dag.day} {MAANDEN.split()[dag.month - 1]} {dag.year}" if dag else ""


def _wanneer(doel: Streefdoel) -> str:
    """ "over 2025–2028", "in 2020", or, where the start is not known, up to the end."""
    begin, eind = doel.startjaar, doel.eindjaar
    if begin and eind:
        return f"over {begin}–{eind}" if begin != eind else f"in {eind}"
    if eind:
        return f"over de looptijd tot en met {eind}"
    return "over de looptijd"


def _getal(doel: Streefdoel, waarde: Decimal | None) -> str:
    return formatteer(waarde, doel.eenheid_van)


def bandbreedte_tekst(doel: Streefdoel) -> str:
    if doel.minimum is not None and doel.maximum is not None:
        return f"minimaal {_getal(doel, doel.minimum)} en maximaal {_getal(doel, doel.maximum)}"
    if doel.minimum is not None:
        return f"minimaal {_getal(doel, doel.minimum)}"
    return f"maximaal {_getal(doel, doel.maximum)}"


def doel_tekst(doel: Streefdoel) -> str:
    """What the target promises, in one line."""
    soort = Streefdoel.Soort
    if doel.soort == soort.MIJLPAAL:
        return f"uiterlijk {datum(doel.uiterlijk)}" if doel.uiterlijk else "mijlpaal"
    if doel.soort == soort.BANDBREEDTE:
        wanneer = "per jaar" if doel.per_jaar else _wanneer(doel)
        return f"{bandbreedte_tekst(doel)} {wanneer}"
    if doel.soort == soort.LOOPTIJD:
        return f"{_getal(doel, doel.waarde)} {_wanneer(doel)}"
    if doel.soort == soort.EFFECT:
        niveau = doel.waarde if doel.waarde is not None else doel.referentiewaarde
        richting = "hoogstens" if doel.lager_is_beter else "minstens"
        if niveau is not None:
            wanneer = f" in {doel.eindjaar}" if doel.eindjaar else ""
            return f"{richting} {_getal(doel, niveau)}{wanneer}"
        if doel.referentie:
            return f"dichter bij het {doel.referentie}"
        return "effect, zonder vastgelegd niveau"
    jaren = ""
    if (doel.van_jaar or doel.tot_en_met_jaar) and doel.startjaar and doel.eindjaar:
        jaren = f" in {doel.startjaar}–{doel.eindjaar}"
    if doel.waarde is not None:
        return f"{_getal(doel, doel.waarde)} per jaar{jaren}"
    return f"volgens de planning per jaar{jaren}"


def stand_tekst(voortgang: Voortgang) -> list[str]:
    """Where the target stands at the peiljaar: realised, due by now, the previous period."""
    doel = voortgang.doel
    delen = []
    if doel.soort == Streefdoel.Soort.MIJLPAAL:
        delen.append(
            f"bereikt op {datum(doel.bereikt_op)}" if doel.bereikt_op else "nog niet bereikt"
        )
    elif voortgang.gerealiseerd is not None:
        delen.append(_gerealiseerd(voortgang))
    elif doel.soort != Streefdoel.Soort.MIJLPAAL:
        delen.append("nog niets gerealiseerd")
    if voortgang.verwacht is not None and voortgang.peiljaar:
        if doel.soort != Streefdoel.Soort.PER_JAAR:
            delen.append(f"verwacht eind {voortgang.peiljaar}: {_getal(doel, voortgang.verwacht)}")
        elif doel.waarde is None:
            delen.append(f"plan {voortgang.peiljaar}: {_getal(doel, voortgang.verwacht)}")
    if voortgang.vorige_periode is not None:
        delen.append(f"vorige periode: {_getal(doel, voortgang.vorige_periode)} gerealiseerd")
    return delen


def _gerealiseerd(voortgang: Voortgang) -> str:
    doel, jaar = voortgang.doel, voortgang.peiljaar
    if doel.soort == Streefdoel.Soort.EFFECT:
        return f"laatste meting: {voortgang.tekst}"
    if doel.is_opgeteld:
        return f"{voortgang.tekst} (t/m {jaar})" if jaar else voortgang.tekst
    return f"{voortgang.tekst} in {jaar}" if jaar else voortgang.tekst


def context_tekst(doel: Streefdoel) -> list[str]:
    """What surrounds the target: a reference, a baseline, a source, years past the term."""
    delen = []
    if doel.referentie or doel.referentiewaarde is not None:
        waarde = (
            f" ({_getal(doel, doel.referentiewaarde)})" if doel.referentiewaarde is not None else ""
        )
        delen.append(f"referentie: {doel.referentie or 'referentiewaarde'}{waarde}")
    if doel.nulmeting is not None:
        jaar = f" {doel.nulmeting_jaar}" if doel.nulmeting_jaar else ""
        delen.append(f"nulmeting{jaar}: {_getal(doel, doel.nulmeting)}")
    if doel.bron:
        delen.append(f"bron: {doel.bron}")
    if doel.dossier_id and doel.voorbij_looptijd:
        delen.append(f"loopt door tot {doel.eindjaar}, na de looptijd van dit dossier")
    return delen


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
