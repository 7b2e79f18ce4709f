"""The targets of a dossier per theme or action line, as a bestuurder reads them.

Each agreement item (`Afspraakpunt`) or intended result (`BeoogdResultaat`) with its target,
and every target of the dossier that has neither, under the top-level theme or action line it
belongs to. Progress comes from the one rule, `core.voortgang`; the words from
`core.doeltekst`. Built from what the dashboard already loaded: no queries of its own.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.urls import reverse

from core.doelgrafieken import Doelbalk
from core.doeltekst import context_tekst, doel_tekst, stand_tekst
from core.models import Onderdeel, Streefdoel
from core.voortgang import Doelstatus, Voortgang

# An item without a target of its own: its status as the agreement records it.
PUNTSTATUS_CSS = {"afgerond": "gehaald", "vervallen": "vervallen", "gewijzigd": "lopend"}


@dataclass
class Doelregel:
    """One line of a theme's targets: what was promised, where it stands, its status."""

    titel: str
    soort: str  # "bestuursopdracht", "beoogd resultaat", "streefdoel", ...
    nummer: str = ""  # the action line or project it hangs under ("1b")
    url: str = ""
    resultaat: str = ""  # what is to be delivered, and when, as the agreement words it
    termijn: str = ""  # when, as the agreement words it, where it names no deliverable
    punt_status: str = ""  # the item's own status (lopend, afgerond, vervallen, gewijzigd)
    voortgang: Voortgang | None = None
    balk: Doelbalk | None = None
    trend_url: str = ""  # the item over the years, with the target line
    context: list[str] = field(default_factory=list)

    @property
    def doel(self) -> Streefdoel | None:
        return self.voortgang.doel if self.voortgang else None

    @property
    def doeltekst(self) -> str:
        return doel_tekst(self.doel) if self.doel else ""

    @property
    def stand(self) -> list[str]:
        return stand_tekst(self.voortgang) if self.voortgang else []

    @property
    def status_label(self) -> str:
        return self.voortgang.status.label if self.voortgang else self.punt_status

    @property
    def status_css(self) -> str:
        if self.voortgang:
            return self.voortgang.status.css
        return PUNTSTATUS_CSS.get(self.punt_status, "lopend")


def bovenste(onderdelen: list[Onderdeel]) -> dict[int, Onderdeel]:
    """Every onderdeel's top-level theme or action line, walked up in memory."""
    per_pk = {o.pk: o for o in onderdelen}

    def top(o: Onderdeel) -> Onderdeel:
        while o.hoofdonderdeel_id and o.hoofdonderdeel_id in per_pk:
            o = per_pk[o.hoofdonderdeel_id]
        return o

    return {o.pk: top(o) for o in onderdelen}


def balk_van(voortgang: Voortgang, id_: str, titel: str) -> Doelbalk | None:
    """A bullet chart for a target with a number to draw: a term target, a range, a yearly
    target; milestones and effects are words only."""
    doel = voortgang.doel
    if doel.vervallen or doel.soort in (Streefdoel.Soort.MIJLPAAL, Streefdoel.Soort.EFFECT):
        return None
    getallen = (doel.waarde, doel.minimum, doel.maximum, voortgang.verwacht)
    if all(g is None for g in getallen):
        return None
    return Doelbalk(
        id=id_,
        titel=titel,
        gerealiseerd=voortgang.gerealiseerd,
        streefwaarde=doel.waarde,
        verwacht=voortgang.verwacht if doel.is_opgeteld else None,
        minimum=doel.minimum,
        maximum=doel.maximum,
        eenheid=doel.eenheid_van,
        status=voortgang.status.label,
        peiljaar=voortgang.peiljaar,
    )


def _regel(titel: str, soort: str, voortgang: Voortgang | None, **extra) -> Doelregel:
    regel = Doelregel(titel=titel, soort=soort, voortgang=voortgang, **extra)
    if voortgang is not None and voortgang.doel.indicator_id:
        doel = voortgang.doel
        regel.trend_url = reverse("dashboards:trend", args=[doel.dossier.slug, doel.indicator.code])
    if voortgang is not None:
        regel.balk = balk_van(
            voortgang, f"doel-{voortgang.doel.pk}", f"Voortgang: {doel_tekst(voortgang.doel)}"
        )
        regel.context = context_tekst(voortgang.doel)
    return regel


def doelen_per_onderdeel(
    dossier,
    voortgangen: list[Voortgang],
    onderdelen: list[Onderdeel],
    punten: list | None = None,
    resultaten: list | None = None,
) -> dict[int | None, list[Doelregel]]:
    """Per top-level onderdeel (pk; None for targets outside any theme): its lines, items and
    results first in their order, then the targets that stand on their own."""
    top = bovenste(onderdelen)
    per_pk = {o.pk: o for o in onderdelen}
    per_doel = {v.doel.pk: v for v in voortgangen}
    gebruikt: set[int] = set()
    per_onderdeel: dict[int | None, list[Doelregel]] = defaultdict(list)

    def plek(onderdeel_id: int | None) -> int | None:
        return top[onderdeel_id].pk if onderdeel_id in top else None

    for punt in punten or []:
        voortgang = per_doel.get(punt.streefdoel_id)
        gebruikt.add(punt.streefdoel_id)
        resultaat = punt.resultaat
        if resultaat and punt.deadline_omschrijving:
            resultaat = f"{resultaat} ({punt.deadline_omschrijving})"
        per_onderdeel[plek(punt.onderdeel_id)].append(
            _regel(
                punt.titel,
                punt.get_soort_display(),
                voortgang,
                nummer=_nummer(punt.onderdeel_id, top, per_pk),
                url=reverse("afspraken:punt", args=[dossier.slug, punt.pk]),
                resultaat=resultaat,
                termijn="" if punt.resultaat else punt.deadline_omschrijving,
                punt_status=punt.status,
            )
        )
    for resultaat in resultaten or []:
        gebruikt.add(resultaat.streefdoel_id)
        per_onderdeel[plek(resultaat.onderdeel_id)].append(
            _regel(
                resultaat.omschrijving,
                "beoogd resultaat",
                per_doel.get(resultaat.streefdoel_id),
                nummer=_nummer(resultaat.onderdeel_id, top, per_pk),
            )
        )
    for voortgang in voortgangen:
        doel = voortgang.doel
        if doel.pk in gebruikt:
            continue
        onderdeel_id = doel.indicator.onderdeel_id if doel.indicator_id else None
        per_onderdeel[plek(onderdeel_id)].append(
            _regel(str(doel), "streefdoel", voortgang, nummer=_nummer(onderdeel_id, top, per_pk))
        )
    return dict(per_onderdeel)


def _nummer(onderdeel_id: int | None, top: dict[int, Onderdeel], per_pk: dict) -> str:
    """The sub-onderdeel's number ("1b") where an item hangs below its theme or line."""
    if onderdeel_id not in top or top[onderdeel_id].pk == onderdeel_id:
        return ""
    return per_pk[onderdeel_id].nummer


def telling(voortgangen: list[Voortgang]) -> dict[Doelstatus, int]:
    """Targets per status, in the order of `Doelstatus`; only statuses that occur."""
    aantallen = dict.fromkeys(Doelstatus, 0)
    for voortgang in voortgangen:
        aantallen[voortgang.status] += 1
    return {status: n for status, n in aantallen.items() if n}
