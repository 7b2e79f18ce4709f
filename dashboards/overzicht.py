"""What a user sees first: their dossiers with counts per status, the newest findings, and
what is due. A fixed number of queries for a page of dossiers, whatever their size."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from core.cellen import cellen, tel_per
from core.checks import Bevinding, toets_dossiers
from core.models import Dossier, Jaaropgave, Streefdoel, Waarde
from core.rules import is_beleidsmedewerker, is_coordinator
from core.status import Status
from termijnen.openstaand import open_voor, realisatiedatums

VOORUIT = datetime.timedelta(days=90)
MAX_BEVINDINGEN = 10


@dataclass
class Dossierregel:
    dossier: Dossier
    telling: dict[Status, int]

    @property
    def heeft_cijfers(self) -> bool:
        return any(self.telling.values())


@dataclass
class Gevonden:
    dossier: Dossier
    bevinding: Bevinding


@dataclass
class Agendapunt:
    datum: datetime.date | None
    wat: str
    dossier: Dossier
    url: str
    te_laat: bool


def dossierregels(user, dossiers: list[Dossier]) -> list[Dossierregel]:
    tellingen = tel_per(
        cellen(user, [d.pk for d in dossiers], met_waarden=False), "indicator__dossier"
    )
    leeg = dict.fromkeys(Status, 0)
    return [Dossierregel(d, tellingen.get(d.pk, leeg)) for d in dossiers]


def nieuwste_bevindingen(user, dossiers: list[Dossier]) -> tuple[list[Gevonden], int]:
    """The findings of the latest years first (what the next board meeting must discuss), and
    how many figures were checked: without figures there is nothing that "adds up"."""
    per_pk = {d.pk: d for d in dossiers}
    toetsingen = toets_dossiers(list(per_pk), Waarde.objects.visible_to(user, list(per_pk)))
    alle = [
        Gevonden(per_pk[pk], bevinding)
        for pk, toetsing in toetsingen.items()
        for bevinding in toetsing.bevindingen
    ]
    alle.sort(key=lambda g: (-g.bevinding.jaar, g.dossier.titel, g.bevinding.soort))
    return alle[:MAX_BEVINDINGEN], sum(t.aantal_cijfers for t in toetsingen.values())


def agenda(user, dossiers: list[Dossier], vandaag: datetime.date) -> list[Agendapunt]:
    """Milestones, reports and years to submit that are due within 90 days or overdue."""
    ids = [d.pk for d in dossiers]
    per_pk = {d.pk: d for d in dossiers}
    grens = vandaag + VOORUIT
    punten = _mijlpalen(dossiers, vandaag) + _niet_ingediend(user, dossiers, vandaag)
    punten += [
        Agendapunt(o.datum, o.omschrijving, per_pk[o.dossier.pk], o.url, o.te_laat)
        for o in open_voor(user, vandaag, tot=grens, dossiers=ids, behalve_realisaties=True)
    ]
    punten.sort(key=lambda p: (p.datum or vandaag, p.dossier.titel))
    return punten


def _mijlpalen(dossiers: list[Dossier], vandaag: datetime.date) -> list[Agendapunt]:
    """Milestones not reached (nor dropped) whose due date, their own or the dossier's end,
    is within 90 days or past. One query."""
    per_pk = {d.pk: d for d in dossiers}
    grens = vandaag + VOORUIT
    doelen = (
        Streefdoel.objects.filter(
            dossier__in=list(per_pk),
            soort=Streefdoel.Soort.MIJLPAAL,
            vervallen=False,
            bereikt_op__isnull=True,
        )
        .filter(Q(deadline__lte=grens) | Q(deadline__isnull=True, dossier__einddatum__lte=grens))
        .select_related("afspraakpunt", "beoogd_resultaat")
    )
    punten = []
    for doel in doelen:
        doel.dossier = dossier = per_pk[doel.dossier_id]
        punten.append(
            Agendapunt(
                doel.uiterlijk,
                _mijlpaal_tekst(doel),
                dossier,
                _mijlpaal_url(doel, dossier),
                doel.uiterlijk < vandaag,
            )
        )
    return punten


def _mijlpaal_tekst(doel: Streefdoel) -> str:
    """The promise as its agreement item or intended result words it."""
    punt = getattr(doel, "afspraakpunt", None)
    resultaat = getattr(doel, "beoogd_resultaat", None)
    wat = (
        (punt and (punt.resultaat or punt.titel))
        or doel.omschrijving
        or (resultaat and str(resultaat))
        or str(doel)
    )
    if punt and punt.deadline_omschrijving:
        return f"{wat} ({punt.deadline_omschrijving})"
    return wat


def _mijlpaal_url(doel: Streefdoel, dossier: Dossier) -> str:
    punt = getattr(doel, "afspraakpunt", None)
    if punt is not None:
        return reverse("afspraken:punt", args=[dossier.slug, punt.pk])
    return dossier.get_absolute_url()


def _niet_ingediend(user, dossiers: list[Dossier], vandaag: datetime.date) -> list[Agendapunt]:
    """Past years whose realisation the user's organisation has not yet submitted, dated by
    their due date (termijnen; late from then) or else the year's end (late at once).

    Only dossiers in which the organisation answers for figures (core.aanlevering): a party
    that only signs is never late.
    """
    organisatie = user.organisatie
    if organisatie is None:
        return []
    verantwoordelijk = set(
        Dossier.objects.filter(pk__in=[d.pk for d in dossiers])
        .reported_by(organisatie)
        .values_list("pk", flat=True)
    )
    ingediend = set(
        Jaaropgave.objects.filter(
            dossier__in=verantwoordelijk,
            organisatie=organisatie,
            soort="realisatie",
            status__in=[Jaaropgave.Status.INGEDIEND, Jaaropgave.Status.VASTGESTELD],
        ).values_list("dossier_id", "jaar")
    )
    datums = realisatiedatums(verantwoordelijk)
    punten = []
    mag_invoeren = is_beleidsmedewerker(user) or is_coordinator(user)
    for dossier in dossiers:
        if dossier.pk not in verantwoordelijk or dossier.startjaar is None:
            continue
        laatste = min(dossier.eindjaar or vandaag.year - 1, vandaag.year - 1)
        for jaar in range(dossier.startjaar, laatste + 1):
            if (dossier.pk, jaar) in ingediend:
                continue
            datum = datums.get((dossier.pk, jaar))
            punten.append(
                Agendapunt(
                    datum or datetime.date(jaar, 12, 31),
                    f"Realisatie {jaar} van {organisatie} nog niet ingediend",
                    dossier,
                    _invoer_url(dossier, jaar, organisatie)
                    if mag_invoeren
                    else reverse("dashboards:dossier", args=[dossier.slug]),
                    datum is None or datum < vandaag,
                )
            )
    return punten


def _invoer_url(dossier: Dossier, jaar: int, organisatie) -> str:
    url = reverse("core:invoer", args=[dossier.slug, jaar, "realisatie"])
    return f"{url}?organisatie={organisatie.slug}"
