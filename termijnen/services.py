"""Workflows of the yearly cycle: complete a dossier's calendar, a user's calendar link."""

import datetime

from django.db import transaction

from core.models import Dossier, User

from .kalender import voorstel
from .models import Instellingen, Termijn, nieuw_token


@transaction.atomic
def vul_kalender_aan(*, dossier: Dossier, vandaag: datetime.date) -> int:
    """Add the due dates the dossier's kind proposes from today on that it lacks; dates the
    coördinator adjusted stay. Returns how many were added."""
    bestaand = set(dossier.termijnen.values_list("soort", "jaar"))
    nieuw = [t for t in voorstel(dossier, vandaag) if (t.soort, t.jaar) not in bestaand]
    Termijn.objects.bulk_create(nieuw, ignore_conflicts=True)
    return len(nieuw)


def vul_kalenders_aan(*, vandaag: datetime.date) -> int:
    """The calendars of every published dossier still running (or reporting its last year)."""
    dossiers = (
        Dossier.objects.gepubliceerd()
        .filter(einddatum__year__gte=vandaag.year - 1)
        .select_related("afspraak")
    )
    return sum(vul_kalender_aan(dossier=d, vandaag=vandaag) for d in dossiers)


def instellingen_van(gebruiker: User) -> Instellingen:
    """The user's settings; defaults (unsaved) when they never changed them."""
    return Instellingen.objects.filter(gebruiker=gebruiker).first() or Instellingen(
        gebruiker=gebruiker
    )


@transaction.atomic
def nieuwe_kalenderlink(*, gebruiker: User) -> Instellingen:
    """A new secret for the user's calendar feed; the old link stops working."""
    instellingen = instellingen_van(gebruiker)
    instellingen.kalendertoken = nieuw_token()
    instellingen.save()
    return instellingen


@transaction.atomic
def trek_kalenderlink_in(*, gebruiker: User) -> Instellingen:
    instellingen = instellingen_van(gebruiker)
    instellingen.kalendertoken = None
    instellingen.save()
    return instellingen
