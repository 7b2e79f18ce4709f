""" "Mijn taken": what this user must do, one link each, overdue first.

A corporation enters and submits its realisation; a coördinator also confirms what the
parties submitted (vaststellen), writes the year's report and sees the milestones of the
dossiers it leads. A reader (bestuurder) has no tasks. A fixed number of queries.
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse

from core.models import Dossier, Jaaropgave
from core.rules import is_beheerder, is_beleidsmedewerker, is_coordinator
from rapportages.models import Rapport
from termijnen.openstaand import open_voor, realisatiedatums

from .overzicht import VOORUIT, _invoer_url, _mijlpalen


@dataclass
class Taak:
    wat: str
    dossier: Dossier
    url: str
    te_laat: bool
    datum: datetime.date | None = None  # the due date, when the source gives one
    volgorde: datetime.date | None = None  # when no due date: the end of the year concerned


def heeft_taken(user) -> bool:
    """Only those who enter, confirm or report have tasks; a bestuurder reads."""
    return is_beleidsmedewerker(user) or is_coordinator(user) or is_beheerder(user)


def mijn_taken(user, vandaag: datetime.date) -> list[Taak]:
    organisatie = user.organisatie
    if organisatie is None or not heeft_taken(user):
        return []
    zichtbaar = Dossier.objects.visible_to(user)
    eigen = list(zichtbaar.reported_by(organisatie))
    geleid = list(zichtbaar.filter(penvoerder=organisatie)) if is_coordinator(user) else []
    taken = _invoeren(user, eigen, vandaag) + _termijnen(user, vandaag)
    if geleid:
        taken += _vaststellen(geleid) + _rapporteren(geleid, vandaag)
        taken += [
            Taak(p.wat, p.dossier, p.url, p.te_laat, p.datum) for p in _mijlpalen(geleid, vandaag)
        ]
    taken.sort(key=lambda t: (not t.te_laat, t.datum or t.volgorde or vandaag, t.dossier.titel))
    return taken


def _termijnen(user, vandaag: datetime.date) -> list[Taak]:
    """The due dates the user acts on (termijnen, a project's reports), within the agenda's
    window or late; the realisations are `_invoeren`'s."""
    return [
        Taak(o.omschrijving, o.dossier, o.url, o.te_laat, o.datum)
        for o in open_voor(user, vandaag, tot=vandaag + VOORUIT, behalve_realisaties=True)
    ]


def _invoeren(user, dossiers: list[Dossier], vandaag: datetime.date) -> list[Taak]:
    """Each past year whose realisation the organisation has not submitted yet: late from its
    due date (termijnen), or at once when the dossier has none for that year."""
    organisatie = user.organisatie
    datums = realisatiedatums(dossiers)
    ingediend = set(
        Jaaropgave.objects.filter(
            dossier__in=dossiers,
            organisatie=organisatie,
            soort="realisatie",
            status__in=[Jaaropgave.Status.INGEDIEND, Jaaropgave.Status.VASTGESTELD],
        ).values_list("dossier_id", "jaar")
    )
    taken = []
    for dossier in dossiers:
        if dossier.startjaar is None:
            continue
        laatste = min(dossier.eindjaar or vandaag.year - 1, vandaag.year - 1)
        for jaar in range(dossier.startjaar, laatste + 1):
            if (dossier.pk, jaar) not in ingediend:
                datum = datums.get((dossier.pk, jaar))
                taken.append(
                    Taak(
                        f"Realisatie {jaar} invoeren en indienen",
                        dossier,
                        _invoer_url(dossier, jaar, organisatie),
                        te_laat=datum is None or datum < vandaag,
                        datum=datum,
                        volgorde=datetime.date(jaar, 12, 31),
                    )
                )
    return taken


def _vaststellen(dossiers: list[Dossier]) -> list[Taak]:
    """What the parties submitted in the dossiers the coördinator leads, to confirm."""
    per_pk = {d.pk: d for d in dossiers}
    opgaven = Jaaropgave.objects.filter(
        dossier__in=dossiers, status=Jaaropgave.Status.INGEDIEND
    ).select_related("organisatie")
    return [
        Taak(
            f"{opgave.get_soort_display().capitalize()} {opgave.jaar} van "
            f"{opgave.organisatie} vaststellen",
            per_pk[opgave.dossier_id],
            _opgave_url(per_pk[opgave.dossier_id], opgave),
            te_laat=False,
            volgorde=datetime.date(opgave.jaar + 1, 1, 1),
        )
        for opgave in opgaven
    ]


def _rapporteren(dossiers: list[Dossier], vandaag: datetime.date) -> list[Taak]:
    """The report over last year of each running dossier the coördinator leads, until final."""
    vorig = vandaag.year - 1
    lopend = [
        d
        for d in dossiers
        # A project reports through its own windows (termijnen.openstaand).
        if d.soort != "project" and (d.startjaar or vorig) <= vorig <= (d.eindjaar or vorig)
    ]
    definitief = set(
        Rapport.objects.filter(
            dossier__in=lopend, jaar=vorig, status=Rapport.Status.DEFINITIEF
        ).values_list("dossier_id", flat=True)
    )
    return [
        Taak(
            f"Voortgangsrapportage {vorig} maken",
            dossier,
            reverse("rapportages:rapport", args=[dossier.slug, vorig]),
            te_laat=False,
            volgorde=datetime.date(vandaag.year, 12, 31),
        )
        for dossier in lopend
        if dossier.pk not in definitief
    ]


def _opgave_url(dossier: Dossier, opgave: Jaaropgave) -> str:
    url = reverse("core:invoer", args=[dossier.slug, opgave.jaar, opgave.soort])
    return f"{url}?organisatie={opgave.organisatie.slug}"
