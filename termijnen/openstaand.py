"""Which due dates a user must act on, and which of them are still open: the one source of
"Mijn taken", the start page's agenda, the reminders and the calendar feed.

A user acts on a due date of the parties (`Termijn.Wie.PARTIJEN`) when their organisation
answers for figures in the dossier (core.aanlevering) and they enter figures (a
beleidsmedewerker or coördinator there), on a bod only at a corporation; on a due date of
the coördinator when they are a coördinator at the dossier's penvoerder. A realisation or a bod
is done for an organisation once it has submitted it for that year; any other due date once
the coördinator marks it done.

A project's reports (`projecten.Rapportage`) are due dates too, dated by their window's end
and not stored again as a `Termijn`: the parties that answer for the project's figures and
the coördinators of its penvoerder submit them; a report is done once received.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from core.models import Dossier, Jaaropgave, Organisatie
from core.rules import is_beleidsmedewerker, is_coordinator
from projecten.models import Rapportage

from .models import Termijn

INGEDIEND = [Jaaropgave.Status.INGEDIEND, Jaaropgave.Status.VASTGESTELD]
PER_OPGAVE = [Termijn.Soort.REALISATIE, Termijn.Soort.BOD]  # also `Jaaropgave.soort`s


@dataclass
class Open:
    """A due date to act on: a dossier's `termijn` or a project's `rapportage`."""

    datum: datetime.date
    omschrijving: str
    dossier: Dossier
    te_laat: bool
    url: str
    termijn: Termijn | None = None
    rapportage: Rapportage | None = None

    @property
    def sleutel(self) -> str:
        """What a reminder about it is recorded as ("vooraf:12", "rapportage-te-laat:3")."""
        moment = "te-laat" if self.te_laat else "vooraf"
        if self.rapportage is not None:
            return f"rapportage-{moment}:{self.rapportage.pk}"
        return f"{moment}:{self.termijn.pk}"


def termijnen_van(user, dossiers=None):
    """Every due date of published dossiers that `user` acts on (`dossiers`: only those)."""
    organisatie_id = user.organisatie_id
    if organisatie_id is None:
        return Termijn.objects.none()
    gepubliceerd = Dossier.objects.gepubliceerd()
    if dossiers is not None:
        gepubliceerd = gepubliceerd.filter(pk__in=dossiers)
    q = Q(pk__in=[])
    if is_beleidsmedewerker(user) or is_coordinator(user):
        eigen = gepubliceerd.reported_by(organisatie_id).values("pk")
        partijen = Q(wie=Termijn.Wie.PARTIJEN, dossier__in=eigen)
        if not brengt_bod_uit(user.organisatie):
            partijen &= ~Q(soort=Termijn.Soort.BOD)
        q |= partijen
    if is_coordinator(user):
        geleid = gepubliceerd.filter(penvoerder_id=organisatie_id).values("pk")
        q |= Q(wie=Termijn.Wie.COORDINATOR, dossier__in=geleid)
    return Termijn.objects.filter(q).select_related("dossier")


def rapportages_van(user, dossiers=None):
    """The reports of published projects that `user` submits (`dossiers`: only those)."""
    organisatie_id = user.organisatie_id
    if organisatie_id is None:
        return Rapportage.objects.none()
    gepubliceerd = Dossier.objects.gepubliceerd().filter(soort=Dossier.Soort.PROJECT)
    if dossiers is not None:
        gepubliceerd = gepubliceerd.filter(pk__in=dossiers)
    q = Q(pk__in=[])
    if is_beleidsmedewerker(user) or is_coordinator(user):
        q |= Q(project__in=gepubliceerd.reported_by(organisatie_id).values("pk"))
    if is_coordinator(user):
        q |= Q(project__in=gepubliceerd.filter(penvoerder_id=organisatie_id).values("pk"))
    return Rapportage.objects.filter(q).select_related("project")


def rapportage_omschrijving(rapportage: Rapportage) -> str:
    return f"{rapportage.get_soort_display().capitalize()} indienen"


def open_voor(
    user,
    vandaag: datetime.date,
    tot: datetime.date | None = None,
    dossiers=None,
    behalve_realisaties: bool = False,
) -> list[Open]:
    """The due dates `user` must still act on (up to `tot`), overdue ones marked, with the
    reports of their projects not yet received. Three queries.
    `behalve_realisaties`: without the parties' realisations, for a list that shows each
    year not yet submitted itself (dashboards), dated by `realisatiedatums`."""
    termijnen = termijnen_van(user, dossiers).filter(afgerond_op__isnull=True)
    if behalve_realisaties:
        termijnen = termijnen.exclude(soort=Termijn.Soort.REALISATIE, wie=Termijn.Wie.PARTIJEN)
    if tot is not None:
        termijnen = termijnen.filter(datum__lte=tot)
    termijnen = list(termijnen)
    gedaan = _ingediend(user.organisatie_id, [t for t in termijnen if _per_partij(t)])
    uit = [
        Open(t.datum, t.omschrijving, t.dossier, t.datum < vandaag, url_van(t, user.organisatie), t)
        for t in termijnen
        if not (_per_partij(t) and (t.dossier_id, t.jaar, t.soort) in gedaan)
    ]
    rapportages = rapportages_van(user, dossiers).filter(ontvangen_op__isnull=True)
    if tot is not None:
        rapportages = rapportages.filter(venster_eind__lte=tot)
    return uit + [
        Open(
            r.venster_eind,
            rapportage_omschrijving(r),
            r.project,
            r.is_te_laat(vandaag),
            r.project.get_absolute_url(),
            rapportage=r,
        )
        for r in rapportages
    ]


def brengt_bod_uit(organisatie) -> bool:
    """Of the parties that deliver figures, the corporations present a bod."""
    return organisatie is not None and organisatie.soort == Organisatie.Soort.WONINGCORPORATIE


def realisatiedatums(dossiers) -> dict[tuple[int, int], datetime.date]:
    """(dossier pk, year) → the due date of that year's realisation, where one is set."""
    return {
        (dossier_id, jaar): datum
        for dossier_id, jaar, datum in Termijn.objects.filter(
            dossier__in=dossiers, soort=Termijn.Soort.REALISATIE
        ).values_list("dossier_id", "jaar", "datum")
    }


def url_van(termijn: Termijn, organisatie) -> str:
    """Where to act: the entry grid of a realisation, the report, else the dossier."""
    dossier = termijn.dossier
    if _per_partij(termijn) and organisatie is not None:
        url = reverse("core:invoer", args=[dossier.slug, termijn.jaar, termijn.soort])
        return f"{url}?organisatie={organisatie.slug}"
    if termijn.soort == Termijn.Soort.JAARVERSLAG:
        return reverse("rapportages:rapport", args=[dossier.slug, termijn.jaar])
    return dossier.get_absolute_url()


def _per_partij(termijn: Termijn) -> bool:
    """A realisation or a bod of the parties: done per organisation once it submitted it."""
    return termijn.soort in PER_OPGAVE and termijn.wie == Termijn.Wie.PARTIJEN


def _ingediend(organisatie_id, termijnen: list[Termijn]) -> set[tuple[int, int, str]]:
    if not termijnen:
        return set()
    return set(
        Jaaropgave.objects.filter(
            organisatie_id=organisatie_id,
            dossier__in={t.dossier_id for t in termijnen},
            soort__in=PER_OPGAVE,
            status__in=INGEDIEND,
        ).values_list("dossier_id", "jaar", "soort")
    )
