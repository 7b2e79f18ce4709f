"""The report's targets: every `core.Streefdoel` of the dossier with its progress by the one
rule (`core.voortgang`), per theme or action line, in words a reader of the report follows.

`streefdoelregels` reads the targets' progress (`voortgang_van`, three queries) and their
places in the document (the afspraakpunt or beoogd resultaat they belong to, one query), so
the report's number of queries does not grow with its targets.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist

from core.models import Streefdoel
from core.voortgang import Doelstatus, Voortgang, formatteer, voortgang_van

MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def datum(dag: datetime.date | None) -> str:
    """31 december 2015, in Dutch whatever the language of the process."""
    return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}" if dag else ""


@dataclass
class Plaats:
    """Where a target stands in the document: its theme or line, and its words there."""

    onderdeel: object | None  # core.Onderdeel
    titel: str
    nummer: str = ""


@dataclass
class Doelregel:
    """One target of the report as the chapter and the sheet show it."""

    voortgang: Voortgang
    plaats: Plaats

    @property
    def doel(self) -> Streefdoel:
        return self.voortgang.doel

    @property
    def titel(self) -> str:
        """The words of the document (the afspraakpunt, the beoogd resultaat), else the target's."""
        return self.plaats.titel or self.doel.omschrijving or str(self.doel)

    @property
    def nader(self) -> str:
        """The target's own description, where it adds to the document's words."""
        omschrijving = self.doel.omschrijving
        return omschrijving if omschrijving and omschrijving != self.titel else ""

    @property
    def omschrijving(self) -> str:
        doel = self.doel
        tekst = doel.omschrijving or self.plaats.titel or str(doel)
        if doel.omschrijving and self.plaats.titel and self.plaats.titel != doel.omschrijving:
            tekst = f"{self.plaats.titel}: {doel.omschrijving}"
        return tekst

    @property
    def thema(self) -> str:
        return _kop(self.plaats.onderdeel) if self.plaats.onderdeel else ""

    @property
    def wie(self) -> str:
        return self.doel.organisatie.naam if self.doel.organisatie_id else ""

    @property
    def eenheid(self) -> str:
        return self.doel.eenheid_van

    @property
    def soort(self) -> str:
        return self.doel.get_soort_display()

    @property
    def status(self) -> str:
        return self.voortgang.status.label

    @property
    def css(self) -> str:
        return Doelstatus(self.voortgang.status).css

    @property
    def doeltekst(self) -> str:
        return doeltekst(self.doel)

    @property
    def gerealiseerd(self) -> str:
        """ "410 van 800"; a milestone: when it was reached."""
        doel = self.doel
        if doel.soort == Streefdoel.Soort.MIJLPAAL:
            return f"bereikt op {datum(doel.bereikt_op)}" if doel.bereikt_op else "nog niet bereikt"
        if doel.soort == Streefdoel.Soort.EFFECT:
            if self.voortgang.gerealiseerd is None:
                return "nog niet gemeten"
            return f"gemeten: {formatteer(self.voortgang.gerealiseerd, self.eenheid)}"
        return self.voortgang.tekst

    @property
    def verwacht(self) -> str:
        """What is due by the end of the report year ("verwacht: 400")."""
        if self.voortgang.verwacht is None:
            return ""
        return f"verwacht: {formatteer(self.voortgang.verwacht, self.eenheid)}"

    @property
    def vorige_periode(self) -> str:
        if self.voortgang.vorige_periode is None:
            return ""
        return f"vorige periode: {formatteer(self.voortgang.vorige_periode, self.eenheid)}"

    @property
    def context(self) -> str:
        """A target reaching past the term: shown for information, never an entry year."""
        doel = self.doel
        if not doel.voorbij_looptijd:
            return ""
        return (
            f"Loopt door tot en met {doel.eindjaar}, na de looptijd van het dossier "
            f"(tot en met {doel.dossier.eindjaar}); de jaren daarna staan hier ter informatie."
        )


def _jaren(doel: Streefdoel) -> str:
    start, eind = doel.startjaar, doel.eindjaar
    if start and eind:
        return f"{start}–{eind}" if eind != start else str(start)
    return f"tot en met {eind}" if eind else ""


def doeltekst(doel: Streefdoel) -> str:
    """The target in words: "800 over 2025–2028", "minimaal 1 en maximaal 3", "uiterlijk
    31 december 2015", "naar gemeentelijk gemiddelde, nulmeting 12 (2019)"."""
    eenheid = doel.eenheid_van
    soort = Streefdoel.Soort
    jaren = _jaren(doel)
    if doel.soort == soort.MIJLPAAL:
        return f"uiterlijk {datum(doel.uiterlijk)}" if doel.uiterlijk else "mijlpaal"
    if doel.soort == soort.BANDBREEDTE:
        grenzen = [
            f"{woord} {formatteer(grens, eenheid)}"
            for woord, grens in (("minimaal", doel.minimum), ("maximaal", doel.maximum))
            if grens is not None
        ]
        tekst = " en ".join(grenzen)
        if doel.per_jaar:
            return f"{tekst} per jaar"
        return f"{tekst} {_over(jaren)}".strip()
    if doel.soort == soort.EFFECT:
        return _effecttekst(doel, eenheid)
    if doel.soort == soort.LOOPTIJD:
        return f"{formatteer(doel.waarde, eenheid)} {_over(jaren)}".strip()
    if doel.waarde is None:
        return "volgens de planning per jaar"
    bereik = f" in {jaren}" if doel.van_jaar or doel.tot_en_met_jaar else ""
    return f"{formatteer(doel.waarde, eenheid)} per jaar{bereik}"


def _over(jaren: str) -> str:
    if not jaren:
        return "over de looptijd"
    return jaren if jaren.startswith("tot") else f"over {jaren}"


def _effecttekst(doel: Streefdoel, eenheid: str) -> str:
    if doel.waarde is not None:
        niveau = formatteer(doel.waarde, eenheid)
        if doel.referentie:
            niveau += f" ({doel.referentie})"
    elif doel.referentie:
        niveau = doel.referentie
        if doel.referentiewaarde is not None:
            niveau += f" ({formatteer(doel.referentiewaarde, eenheid)})"
    else:
        niveau = ""
    delen = [f"naar {niveau}" if niveau else "effect (geen niveau vastgelegd)"]
    if doel.tot_en_met_jaar:
        delen[0] += f" in {doel.tot_en_met_jaar}"
    if doel.nulmeting is not None:
        jaar = f" ({doel.nulmeting_jaar})" if doel.nulmeting_jaar else ""
        delen.append(f"nulmeting {formatteer(doel.nulmeting, eenheid)}{jaar}")
    elif doel.nulmeting_jaar:
        delen.append(f"nulmeting in {doel.nulmeting_jaar}")
    return ", ".join(delen)


def plaatsen(dossier) -> dict[int, Plaats]:
    """Per target: the afspraakpunt or beoogd resultaat it belongs to, else its item. One query."""
    uitkomst = {}
    doelen = Streefdoel.objects.filter(dossier=dossier).select_related(
        "afspraakpunt__onderdeel", "beoogd_resultaat__onderdeel", "indicator__onderdeel"
    )
    for doel in doelen:
        punt, resultaat = _van(doel, "afspraakpunt"), _van(doel, "beoogd_resultaat")
        if punt is not None:
            uitkomst[doel.pk] = Plaats(punt.onderdeel, punt.titel)
        elif resultaat is not None:
            plaats = Plaats(resultaat.onderdeel, resultaat.omschrijving, resultaat.onderdeel.nummer)
            uitkomst[doel.pk] = plaats
        elif doel.indicator_id:
            uitkomst[doel.pk] = Plaats(doel.indicator.onderdeel, doel.indicator.naam)
        else:
            uitkomst[doel.pk] = Plaats(None, "")
    return uitkomst


def _van(doel: Streefdoel, naam: str):
    """A reverse one-to-one that may not exist (select_related has filled it in or not)."""
    try:
        return getattr(doel, naam)
    except ObjectDoesNotExist:
        return None


def streefdoelregels(dossier, user, jaar: int) -> list[Doelregel]:
    """Every target of the dossier with its progress at the end of `jaar`, in document order."""
    waar = plaatsen(dossier)
    return [
        Doelregel(voortgang, waar.get(voortgang.doel.pk, Plaats(None, "")))
        for voortgang in voortgang_van(dossier, user, jaar)
    ]


def per_onderdeel(regels: list[Doelregel]) -> list[tuple[str, list[Doelregel]]]:
    """The targets per theme or action line in the document's order (as the chapters of the
    report), those without one last."""
    groepen: dict[object, list[Doelregel]] = {}
    for regel in regels:
        groepen.setdefault(regel.plaats.onderdeel, []).append(regel)

    def volgorde(onderdeel) -> tuple:
        return (1, 0, "") if onderdeel is None else (0, onderdeel.volgorde, onderdeel.nummer)

    return [
        (_kop(onderdeel) if onderdeel else "Overige streefdoelen", groepen[onderdeel])
        for onderdeel in sorted(groepen, key=volgorde)
    ]


def _kop(onderdeel) -> str:
    return f"{onderdeel.nummer} {onderdeel.titel}".strip()


def getal(waarde) -> Decimal | int | None:
    """A whole number as an int (Excel shows 800, not 800.00), other numbers as they are."""
    if waarde is None:
        return None
    waarde = Decimal(waarde)
    return int(waarde) if waarde == waarde.to_integral_value() else waarde
