"""The report's targets: every `core.Streefdoel` of the dossier with its progress by the one
rule (`core.voortgang`), per theme or action line, in words a reader of the report follows.

`streefdoelregels` reads the targets' progress (`voortgang_van`, three queries) and their
places in the document (the afspraakpunt or beoogd resultaat they belong to, one query), so
the report's number of queries does not grow with its targets.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist

from core.doeltekst import datum, doel_tekst
from core.models import Streefdoel
from core.voortgang import Doelstatus, Voortgang, formatteer, voortgang_van


@dataclass
class Plaats:
    """Where a target stands in the document: its theme or line, and its words there."""

    onderdeel: object | None  # core.Onderdeel
    titel: str
    nummer: str = ""
    bij: str = ""  # "afspraakpunt" or "beoogd_resultaat": what of the document it belongs to


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
        return doel_tekst(self.doel)

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


def plaatsen(dossier) -> dict[int, Plaats]:
    """Per target: the afspraakpunt or beoogd resultaat it belongs to, else its item. One query."""
    uitkomst = {}
    doelen = Streefdoel.objects.filter(dossier=dossier).select_related(
        "afspraakpunt__onderdeel", "beoogd_resultaat__onderdeel", "indicator__onderdeel"
    )
    for doel in doelen:
        punt, resultaat = _van(doel, "afspraakpunt"), _van(doel, "beoogd_resultaat")
        if punt is not None:
            uitkomst[doel.pk] = Plaats(punt.onderdeel, punt.titel, bij="afspraakpunt")
        elif resultaat is not None:
            plaats = Plaats(
                resultaat.onderdeel,
                resultaat.omschrijving,
                resultaat.onderdeel.nummer,
                bij="beoogd_resultaat",
            )
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
