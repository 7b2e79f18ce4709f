"""Progress toward a target (`Streefdoel`): one rule for every screen, report and export.

The realisations are summed in the database (`reeksen`, one grouped query for any number of
targets); the rule itself (`bepaal_voortgang`) works on plain values. The rule, with a worked
example, is in docs/data-model.md.

- per jaar: the year's realisation against the year's target (or the year's plan), as a cell.
- over de looptijd: the realisations summed up to the year looked at, against the share due
  by then: the yearly plans where they are given, otherwise pro rata by elapsed years; within
  15 % is op schema. In or after the last year: gehaald or niet gehaald.
- bandbreedte: binnen, onder or boven, per year or on the sum over the term (below the
  minimum before the term is over is still lopend).
- mijlpaal: gehaald (on time or late), te laat, or lopend.
- effect: the latest measurement against the level to reach (or the reference), due pro rata
  from the baseline; gehaald or niet gehaald once the term is over.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.db.models import Case, Q, Sum, When
from django.utils import timezone

from .status import Status, bepaal_status
from .streefdoel import Streefdoel


def formatteer(waarde: Decimal | None, eenheid: str) -> str:
    from .dutch_numbers import format_euro, format_getal, format_procent

    if eenheid == "euro":
        return format_euro(waarde)
    if eenheid == "procent":
        return format_procent(waarde, 0 if waarde == int(waarde) else 1)
    return format_getal(waarde)


class Doelstatus(models.TextChoices):
    OP_SCHEMA = "op_schema", "op schema"
    VOOR = "voor", "voor"
    ACHTER = "achter", "achter"
    GEHAALD = "gehaald", "gehaald"
    GEHAALD_TE_LAAT = "gehaald_te_laat", "gehaald (te laat)"
    NIET_GEHAALD = "niet_gehaald", "niet gehaald"
    BINNEN = "binnen", "binnen de bandbreedte"
    ONDER = "onder", "onder de bandbreedte"
    BOVEN = "boven", "boven de bandbreedte"
    TE_LAAT = "te_laat", "te laat"
    LOPEND = "lopend", "lopend"
    GEEN_REALISATIE = "geen_realisatie", "geen realisatie"
    VERVALLEN = "vervallen", "vervallen"

    @property
    def css(self) -> str:
        return self.value.replace("_", "-")

    @property
    def is_zorg(self) -> bool:
        """Worth a bestuurder's attention."""
        return self in ZORGEN


ZORGEN = {
    Doelstatus.ACHTER,
    Doelstatus.NIET_GEHAALD,
    Doelstatus.TE_LAAT,
    Doelstatus.ONDER,
    Doelstatus.BOVEN,
}


@dataclass
class Reeks:
    """An item's figures per year as a target counts them (totals, else the sum of parts)."""

    realisatie: dict[int, Decimal] = field(default_factory=dict)
    plan: dict[int, Decimal] = field(default_factory=dict)


@dataclass
class Voortgang:
    doel: Streefdoel
    status: Doelstatus
    peiljaar: int | None
    gerealiseerd: Decimal | None = None  # to date (summed), or the year's or latest value
    verwacht: Decimal | None = None  # what is due by the peiljaar
    vorige_periode: Decimal | None = None  # the predecessor's realisation of the same item

    @property
    def streefwaarde(self) -> Decimal | None:
        return self.doel.waarde

    @property
    def aandeel(self) -> Decimal | None:
        """Realised as a share (0–1) of the whole target, for a progress bar."""
        doel = self.doel.waarde if self.doel.waarde is not None else self.doel.maximum
        if self.gerealiseerd is None or not doel:
            return None
        return max(Decimal(0), min(Decimal(1), self.gerealiseerd / doel))

    @property
    def tekst(self) -> str:
        """ "410 van 800" for a term target; the plain value otherwise."""
        if self.gerealiseerd is None:
            return "nog niets gerealiseerd"
        gedaan = formatteer(self.gerealiseerd, self.doel.eenheid_van)
        if self.doel.is_opgeteld and self.doel.waarde is not None:
            return f"{gedaan} van {formatteer(self.doel.waarde, self.doel.eenheid_van)}"
        return gedaan


def bepaal_voortgang(
    doel: Streefdoel,
    reeks: Reeks,
    peiljaar: int | None,
    vandaag: datetime.date | None = None,
) -> Voortgang:
    vandaag = vandaag or timezone.localdate()
    if doel.vervallen:
        return Voortgang(doel, Doelstatus.VERVALLEN, peiljaar)
    if doel.soort == Streefdoel.Soort.MIJLPAAL:
        return Voortgang(doel, _mijlpaal(doel, vandaag), peiljaar)
    if peiljaar is None:
        peiljaar = max(reeks.realisatie, default=None) or vandaag.year
    if doel.soort == Streefdoel.Soort.EFFECT:
        return _effect(doel, reeks, peiljaar)
    if doel.is_opgeteld:
        return _opgeteld(doel, reeks, peiljaar)
    return _per_jaar(doel, reeks, peiljaar)


def _mijlpaal(doel: Streefdoel, vandaag: datetime.date) -> Doelstatus:
    if doel.bereikt_op:
        if doel.uiterlijk and doel.bereikt_op > doel.uiterlijk:
            return Doelstatus.GEHAALD_TE_LAAT
        return Doelstatus.GEHAALD
    if doel.uiterlijk and doel.uiterlijk < vandaag:
        return Doelstatus.TE_LAAT
    return Doelstatus.LOPEND


def _van_status(status: Status) -> Doelstatus:
    return {
        Status.OP_SCHEMA: Doelstatus.OP_SCHEMA,
        Status.VOOR: Doelstatus.VOOR,
        Status.ACHTER: Doelstatus.ACHTER,
    }.get(status, Doelstatus.GEEN_REALISATIE)


def _bandbreedte(doel: Streefdoel, waarde: Decimal, voorbij: bool) -> Doelstatus:
    if doel.maximum is not None and waarde > doel.maximum:
        return Doelstatus.BOVEN
    if doel.minimum is not None and waarde < doel.minimum:
        return Doelstatus.ONDER if voorbij else Doelstatus.LOPEND
    return Doelstatus.BINNEN


def _per_jaar(doel: Streefdoel, reeks: Reeks, peiljaar: int) -> Voortgang:
    gerealiseerd = reeks.realisatie.get(peiljaar)
    if doel.soort == Streefdoel.Soort.BANDBREEDTE:
        if gerealiseerd is None:
            return Voortgang(doel, Doelstatus.GEEN_REALISATIE, peiljaar)
        return Voortgang(doel, _bandbreedte(doel, gerealiseerd, True), peiljaar, gerealiseerd)
    verwacht = doel.waarde if doel.waarde is not None else reeks.plan.get(peiljaar)
    if gerealiseerd is None:
        return Voortgang(doel, Doelstatus.GEEN_REALISATIE, peiljaar, verwacht=verwacht)
    if verwacht is None:
        return Voortgang(doel, Doelstatus.LOPEND, peiljaar, gerealiseerd)
    status = bepaal_status(
        plan=verwacht, realisatie=gerealiseerd, lager_is_beter=doel.lager_is_beter
    )
    return Voortgang(doel, _van_status(status), peiljaar, gerealiseerd, verwacht)


def verwacht_tot(doel: Streefdoel, reeks: Reeks, peiljaar: int) -> Decimal | None:
    """The share of a term target due by the end of `peiljaar`: the yearly plans where the
    item has a plan for every year so far, otherwise pro rata by elapsed years."""
    jaren = doel.jaren
    if doel.waarde is None or not jaren:
        return None
    verstreken = [j for j in jaren if j <= peiljaar]
    if reeks.plan and all(j in reeks.plan for j in verstreken):
        return sum((reeks.plan[j] for j in verstreken), Decimal(0))
    return (Decimal(doel.waarde) * len(verstreken) / len(jaren)).quantize(Decimal("0.01"))


def _opgeteld(doel: Streefdoel, reeks: Reeks, peiljaar: int) -> Voortgang:
    """Summed over the target's years; without a known first year (a convenant that starts
    "the day after signing") every realised year up to its last counts, nothing is due pro
    rata, and only its last year judges it."""
    tot = min(peiljaar, doel.eindjaar) if doel.eindjaar else peiljaar
    if doel.startjaar:
        jaren = [j for j in doel.jaren if j <= peiljaar]
    else:
        jaren = sorted(j for j in reeks.realisatie if j <= tot)
    gemeten = [reeks.realisatie[j] for j in jaren if j in reeks.realisatie]
    if not gemeten:
        status = Doelstatus.LOPEND if not jaren else Doelstatus.GEEN_REALISATIE
        return Voortgang(doel, status, peiljaar)
    gerealiseerd = sum(gemeten, Decimal(0))
    voorbij = bool(doel.eindjaar and peiljaar >= doel.eindjaar)
    if doel.soort == Streefdoel.Soort.BANDBREEDTE:
        status = _bandbreedte(doel, gerealiseerd, voorbij)
        return Voortgang(doel, status, peiljaar, gerealiseerd)
    verwacht = verwacht_tot(doel, reeks, peiljaar)
    if voorbij:
        gehaald = (
            gerealiseerd <= doel.waarde if doel.lager_is_beter else gerealiseerd >= doel.waarde
        )
        status = Doelstatus.GEHAALD if gehaald else Doelstatus.NIET_GEHAALD
        return Voortgang(doel, status, peiljaar, gerealiseerd, verwacht)
    if verwacht is None:
        return Voortgang(doel, Doelstatus.LOPEND, peiljaar, gerealiseerd)
    status = bepaal_status(
        plan=verwacht, realisatie=gerealiseerd, lager_is_beter=doel.lager_is_beter
    )
    return Voortgang(doel, _van_status(status), peiljaar, gerealiseerd, verwacht)


def _effect(doel: Streefdoel, reeks: Reeks, peiljaar: int) -> Voortgang:
    metingen = {j: w for j, w in reeks.realisatie.items() if j <= peiljaar}
    if not metingen:
        return Voortgang(doel, Doelstatus.GEEN_REALISATIE, peiljaar)
    gemeten = metingen[max(metingen)]
    niveau = doel.waarde if doel.waarde is not None else doel.referentiewaarde
    if niveau is None:
        return Voortgang(doel, Doelstatus.LOPEND, peiljaar, gemeten)
    bereikt = gemeten <= niveau if doel.lager_is_beter else gemeten >= niveau
    if doel.eindjaar and peiljaar >= doel.eindjaar:
        status = Doelstatus.GEHAALD if bereikt else Doelstatus.NIET_GEHAALD
        return Voortgang(doel, status, peiljaar, gemeten, niveau)
    verwacht = _verwacht_effect(doel, niveau, peiljaar)
    if verwacht is None:
        status = Doelstatus.OP_SCHEMA if bereikt else Doelstatus.LOPEND
        return Voortgang(doel, status, peiljaar, gemeten)
    status = bepaal_status(plan=verwacht, realisatie=gemeten, lager_is_beter=doel.lager_is_beter)
    return Voortgang(doel, _van_status(status), peiljaar, gemeten, verwacht)


def _verwacht_effect(doel: Streefdoel, niveau: Decimal, peiljaar: int) -> Decimal | None:
    """From the baseline to the level, pro rata by the years since the baseline."""
    start = doel.nulmeting_jaar or doel.startjaar
    if doel.nulmeting is None or start is None or not doel.eindjaar or doel.eindjaar <= start:
        return None
    deel = Decimal(min(max(peiljaar - start, 0), doel.eindjaar - start)) / (doel.eindjaar - start)
    return (doel.nulmeting + (niveau - doel.nulmeting) * deel).quantize(Decimal("0.01"))


# --- From the database ---------------------------------------------------------------


def reeksen(waarden, doelen: list[Streefdoel]) -> dict[tuple[int, int | None], Reeks]:
    """Per (item, organisation): realisations and plans per year, summed in the database.

    `waarden` is already limited to what the user may see. An item's own total is used where
    it has one; otherwise its parts (per organisation or location) are summed. One query.
    """
    indicatoren = {d.indicator_id for d in doelen if d.indicator_id}
    if not indicatoren:
        return {}
    totaal = Q(organisatie__isnull=True, locatie__isnull=True)
    rijen = (
        waarden.filter(indicator__in=indicatoren)
        .order_by()
        .values("indicator_id", "jaar", "soort", "organisatie_id")
        .annotate(
            totaal=Sum(Case(When(totaal, then="waarde"))),
            delen=Sum(Case(When(~totaal, then="waarde"))),
        )
    )
    per_item: dict[tuple, dict[str, dict[int, list]]] = defaultdict(
        lambda: {"plan": defaultdict(list), "realisatie": defaultdict(list)}
    )
    for rij in rijen:
        sommen = per_item[(rij["indicator_id"], None)][rij["soort"]][rij["jaar"]]
        sommen.append((rij["totaal"], rij["delen"]))
        if rij["organisatie_id"] is not None:
            eigen = per_item[(rij["indicator_id"], rij["organisatie_id"])][rij["soort"]]
            eigen[rij["jaar"]].append((None, rij["delen"]))
    return {sleutel: _reeks(per_soort) for sleutel, per_soort in per_item.items()}


def _reeks(per_soort: dict) -> Reeks:
    def jaarwaarde(sommen: list) -> Decimal | None:
        totalen = [t for t, _ in sommen if t is not None]
        if totalen:
            return sum(totalen, Decimal(0))
        delen = [d for _, d in sommen if d is not None]
        return sum(delen, Decimal(0)) if delen else None

    reeks = Reeks()
    for soort, doel in (("realisatie", reeks.realisatie), ("plan", reeks.plan)):
        for jaar, sommen in per_soort[soort].items():
            waarde = jaarwaarde(sommen)
            if waarde is not None:
                doel[jaar] = waarde
    return reeks


def voortgang_van(
    dossier, user, peiljaar: int | None, vandaag: datetime.date | None = None
) -> list[Voortgang]:
    """Every target of a dossier with its progress as `user` may see it, in three queries:
    the targets, the figures they count, and the predecessor's realisations."""
    from .models import Waarde

    waarden = Waarde.objects.visible_to(user, [dossier.pk])
    doelen = list(
        Streefdoel.objects.filter(dossier=dossier)
        .select_related("indicator", "organisatie", "dossier")
        .order_by("volgorde", "pk")
    )
    per_reeks = reeksen(waarden, doelen)
    vorige = vorige_periode(dossier, doelen, user)
    uitkomst = []
    for doel in doelen:
        reeks = per_reeks.get((doel.indicator_id, doel.organisatie_id), Reeks())
        voortgang = bepaal_voortgang(doel, reeks, peiljaar, vandaag)
        if doel.indicator_id:
            voortgang.vorige_periode = vorige.get(doel.indicator.code)
        uitkomst.append(voortgang)
    return uitkomst


def vorige_periode(dossier, doelen: list[Streefdoel], user) -> dict[str, Decimal]:
    """What the predecessor realised over its term, per item code the targets share with it
    (its totals, else the sum of its parts), as `user` may see it. One query."""
    from .models import Waarde

    codes = {d.indicator.code for d in doelen if d.indicator_id}
    if not dossier.voorganger_id or not codes:
        return {}
    totaal = Q(organisatie__isnull=True, locatie__isnull=True)
    rijen = (
        Waarde.objects.visible_to(user, [dossier.voorganger_id])
        .filter(
            indicator__dossier_id=dossier.voorganger_id,
            indicator__code__in=codes,
            soort="realisatie",
        )
        .order_by()
        .values_list("indicator__code", "jaar")
        .annotate(
            totaal=Sum(Case(When(totaal, then="waarde"))),
            delen=Sum(Case(When(~totaal, then="waarde"))),
        )
    )
    som: dict[str, Decimal] = defaultdict(Decimal)
    for code, _jaar, totaal_jaar, delen in rijen:
        waarde = totaal_jaar if totaal_jaar is not None else delen
        if waarde is not None:
            som[code] += waarde
    return dict(som)
