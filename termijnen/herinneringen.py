"""The reminders of one day: who gets which mail, and sending them so that nobody gets one
twice (a `Herinnering` per item, written only once its mail was accepted)."""

import datetime
import smtplib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from core.models import Dossier, Jaaropgave, Organisatie, Rol, User
from core.rules import is_coordinator
from projecten.models import Rapportage

from .models import Herinnering, Instellingen, Termijn
from .openstaand import INGEDIEND, Open, open_voor, rapportage_omschrijving

MAX_VOORAF = 60  # days; the most a user can choose


@dataclass
class Punt:
    sleutel: str
    open: Open
    wie: str = ""  # in a digest: the organisations that are late


@dataclass
class Bericht:
    gebruiker: User
    onderwerp: str
    punten: list[Punt]
    soort: str  # "herinnering" or "overzicht"


@dataclass
class Verslag:
    verstuurd: int = 0
    zonder_adres: list[str] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)


def berichten(vandaag: datetime.date) -> list[Bericht]:
    """Per user who must act: one mail with what comes near or is overdue and was not yet
    mailed; per coördinator once a week what is late across the dossiers they lead."""
    gebruikers = _ontvangers()
    instellingen = {
        i.gebruiker_id: i for i in Instellingen.objects.filter(gebruiker__in=gebruikers)
    }
    verstuurd = _verstuurd(gebruikers)
    uit = []
    for gebruiker in gebruikers:
        eigen = instellingen.get(gebruiker.pk) or Instellingen(gebruiker=gebruiker)
        if not eigen.herinneringen:
            continue
        al = verstuurd.get(gebruiker.pk, set())
        punten = [p for p in _punten(gebruiker, vandaag, eigen.dagen_vooraf) if p.sleutel not in al]
        if punten:
            uit.append(Bericht(gebruiker, _onderwerp(punten, vandaag), punten, "herinnering"))
        if is_coordinator(gebruiker):
            week = "overzicht:{}-W{:02d}".format(*vandaag.isocalendar()[:2])
            if week not in al and (late := _overzicht(gebruiker, vandaag)):
                for punt in late:
                    punt.sleutel = week
                onderwerp = f"Weekoverzicht: {len(late)} termijn(en) verstreken"
                uit.append(Bericht(gebruiker, onderwerp, late, "overzicht"))
    return uit


def verstuur(lijst: list[Bericht], vandaag: datetime.date) -> Verslag:
    """Send each mail on its own; record it as sent only when the server accepted it. A user
    without an address is skipped and named; a refusing server is reported per mail."""
    verslag = Verslag()
    verbinding = get_connection()
    for bericht in lijst:
        gebruiker = bericht.gebruiker
        if not gebruiker.email:
            verslag.zonder_adres.append(gebruiker.get_username())
            continue
        try:
            _mail(bericht, vandaag, verbinding).send()
        except (smtplib.SMTPException, OSError) as fout:
            verslag.fouten.append(f"{gebruiker.get_username()}: {fout}")
            continue
        with transaction.atomic():
            Herinnering.objects.bulk_create(
                [
                    Herinnering(gebruiker=gebruiker, sleutel=p.sleutel, termijn=p.open.termijn)
                    for p in bericht.punten
                ],
                ignore_conflicts=True,
            )
        verslag.verstuurd += 1
    return verslag


def _ontvangers() -> list[User]:
    rollen = [Rol.BELEIDSMEDEWERKER, Rol.COORDINATOR]
    return list(
        User.objects.filter(is_active=True, organisatie__isnull=False, groups__name__in=rollen)
        .select_related("organisatie")
        .distinct()
        .order_by("pk")
    )


def _verstuurd(gebruikers: list[User]) -> dict[int, set[str]]:
    per_gebruiker: dict[int, set[str]] = {}
    for gebruiker_id, sleutel in Herinnering.objects.filter(gebruiker__in=gebruikers).values_list(
        "gebruiker_id", "sleutel"
    ):
        per_gebruiker.setdefault(gebruiker_id, set()).add(sleutel)
    return per_gebruiker


def _punten(gebruiker: User, vandaag: datetime.date, dagen: int) -> list[Punt]:
    tot = vandaag + datetime.timedelta(days=min(dagen, MAX_VOORAF))
    return [Punt(o.sleutel, o) for o in open_voor(gebruiker, vandaag, tot=tot)]


def _overzicht(gebruiker: User, vandaag: datetime.date) -> list[Punt]:
    """What is late in the published dossiers the coördinator's organisation leads, and for
    the parties' due dates which organisations have not done it."""
    from core.aanlevering import organisaties_q

    termijnen = Termijn.objects.filter(
        dossier__in=Dossier.objects.gepubliceerd().filter(penvoerder=gebruiker.organisatie_id),
        afgerond_op__isnull=True,
        datum__lt=vandaag,
    ).select_related("dossier")
    punten = []
    for termijn in termijnen:
        wie = ""
        if termijn.wie == Termijn.Wie.PARTIJEN:
            te_laat = Organisatie.objects.filter(organisaties_q(termijn.dossier))
            if termijn.soort == Termijn.Soort.BOD:
                te_laat = te_laat.filter(soort=Organisatie.Soort.WONINGCORPORATIE)
            if termijn.soort in (Termijn.Soort.REALISATIE, Termijn.Soort.BOD):
                ingediend = Jaaropgave.objects.filter(
                    dossier=termijn.dossier,
                    jaar=termijn.jaar,
                    soort=termijn.soort,
                    status__in=INGEDIEND,
                )
                te_laat = te_laat.exclude(pk__in=ingediend.values("organisatie_id"))
            namen = [str(o) for o in te_laat]
            if not namen:
                continue
            wie = ", ".join(namen)
        else:
            wie = str(gebruiker.organisatie)
        url = termijn.dossier.get_absolute_url()
        open_ = Open(termijn.datum, termijn.omschrijving, termijn.dossier, True, url, termijn)
        punten.append(Punt("", open_, wie))
    return punten + _late_rapportages(gebruiker, vandaag)


def _late_rapportages(gebruiker: User, vandaag: datetime.date) -> list[Punt]:
    """The reports not received after their window in the published projects the
    coördinator's organisation leads, with the organisations that submit them."""
    from core.aanlevering import organisaties_q

    geleid = Dossier.objects.gepubliceerd().filter(penvoerder=gebruiker.organisatie_id)
    rapportages = Rapportage.objects.filter(
        project__in=geleid.values("pk"), ontvangen_op__isnull=True, venster_eind__lt=vandaag
    ).select_related("project")
    punten = []
    for r in rapportages:
        namen = [str(o) for o in Organisatie.objects.filter(organisaties_q(r.project))]
        wie = ", ".join(namen) or str(gebruiker.organisatie)
        url = r.project.get_absolute_url()
        open_ = Open(r.venster_eind, rapportage_omschrijving(r), r.project, True, url, rapportage=r)
        punten.append(Punt("", open_, wie))
    return punten


def _onderwerp(punten: list[Punt], vandaag: datetime.date) -> str:
    eerste = punten[0].open
    if len(punten) > 1:
        return f"Herinnering: {len(punten)} termijnen in de Prestatiemonitor"
    if eerste.te_laat:
        return f"Verstreken: {eerste.omschrijving} ({eerste.dossier.naam})"
    return f"{wanneer(eerste.datum, vandaag).capitalize()}: {eerste.omschrijving}"


def wanneer(datum: datetime.date, vandaag: datetime.date) -> str:
    dagen = (datum - vandaag).days
    if dagen == 0:
        return "vandaag"
    if dagen == 1:
        return "morgen"
    if dagen > 1:
        return f"over {dagen} dagen"
    return f"{-dagen} dag(en) geleden"


def _mail(bericht: Bericht, vandaag: datetime.date, verbinding) -> EmailMultiAlternatives:
    basis = settings.SITE_URL.rstrip("/")
    context = {
        "bericht": bericht,
        "regels": [
            {
                "wat": p.open.omschrijving,
                "dossier": p.open.dossier.naam,
                "datum": p.open.datum,
                "wanneer": wanneer(p.open.datum, vandaag),
                "te_laat": p.open.te_laat,
                "wie": p.wie,
                "link": basis + p.open.url,
            }
            for p in bericht.punten
        ],
        "instellingen": basis + reverse("instellingen"),
    }
    naam = f"termijnen/mail/{bericht.soort}"
    mail = EmailMultiAlternatives(
        subject=bericht.onderwerp,
        body=render_to_string(f"{naam}.txt", context),
        to=[bericht.gebruiker.email],
        connection=verbinding,
    )
    mail.attach_alternative(render_to_string(f"{naam}.html", context), "text/html")
    return mail
