"""A dossier's due dates: proposed by its kind, adjusted by its coördinator within its term,
read by "Mijn taken" and the start page; a user's settings page and calendar feed."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from core.models import Rol
from termijnen.models import Instellingen, Termijn
from termijnen.services import vul_kalender_aan

VANDAAG = datetime.date(2026, 6, 20)


@pytest.fixture
def kalender(termijnafspraak, user_factory):
    t = termijnafspraak
    vul_kalender_aan(dossier=t.dossier, vandaag=VANDAAG)
    vul_kalender_aan(dossier=t.ander, vandaag=VANDAAG)
    t.buiten = user_factory("elders-beleid", t.ander.penvoerder, Rol.BELEIDSMEDEWERKER)
    return t


def test_a_prestatieafspraak_proposes_the_bod_the_agreement_and_the_realisation_per_year(
    kalender,
):
    termijnen = {(t.soort, t.jaar): t for t in Termijn.objects.filter(dossier=kalender.dossier)}
    bod = termijnen[("bod", 2027)]
    assert (bod.datum, bod.wie, bod.omschrijving) == (
        datetime.date(2026, 7, 1),
        "partijen",
        "Bod voor 2027 uitbrengen",
    )
    jaarschijf = termijnen[("jaarschijf", 2027)]
    assert (jaarschijf.datum, jaarschijf.wie) == (datetime.date(2026, 12, 1), "coördinator")
    assert termijnen[("realisatie", 2026)].datum == datetime.date(2027, 4, 1)
    # Only what is still to come: no bod for 2026 (due 1 July 2025) made late today.
    assert ("bod", 2026) not in termijnen
    assert ("realisatie", 2025) not in termijnen


def test_the_coordinator_completes_and_adjusts_the_calendar_in_the_browser(kalender, client):
    client.force_login(kalender.coordinator)
    url = reverse("termijnen:dossier", args=[kalender.dossier.slug])
    pagina = client.get(url).content.decode()
    assert "Bod voor 2027 uitbrengen" in pagina and "1 juli 2026" in pagina
    assert client.post(url).status_code == 302  # completing again adds nothing
    assert Termijn.objects.filter(dossier=kalender.dossier).count() == 7

    realisatie = Termijn.objects.get(dossier=kalender.dossier, soort="realisatie", jaar=2026)
    bewerk = reverse("termijnen:termijn", args=[kalender.dossier.slug, realisatie.pk])
    velden = {
        "omschrijving": realisatie.omschrijving,
        "wie": "partijen",
        "handeling": "indienen",
        "afgerond_op": "",
    }
    fout = client.post(bewerk, {**velden, "datum": "2031-03-01"})
    assert fout.status_code == 400
    assert "valt buiten de looptijd van het dossier (2025–2028)" in fout.content.decode()
    assert client.post(bewerk, {**velden, "datum": "2027-03-15"}).status_code == 302
    realisatie.refresh_from_db()
    assert realisatie.datum == datetime.date(2027, 3, 15)


def test_others_may_not_adjust_the_calendar(kalender, client):
    url = reverse("termijnen:dossier", args=[kalender.dossier.slug])
    client.force_login(kalender.beleid_corporatie)
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    client.force_login(kalender.buiten)
    assert client.get(url).status_code == 403


def test_my_tasks_and_the_start_page_show_the_due_dates_the_user_acts_on(kalender, client):
    from dashboards.overzicht import agenda
    from dashboards.taken import mijn_taken

    vandaag = datetime.date(2026, 6, 30)
    taken = {t.wat: t for t in mijn_taken(kalender.beleid_corporatie, vandaag)}
    assert taken["Bod voor 2027 uitbrengen"].datum == datetime.date(2026, 7, 1)
    assert not taken["Bod voor 2027 uitbrengen"].te_laat
    later = {t.wat: t for t in mijn_taken(kalender.beleid_corporatie, datetime.date(2026, 7, 2))}
    assert later["Bod voor 2027 uitbrengen"].te_laat
    # The coördinator sees the agreement to record; the tenants and an outsider no bod.
    coordinator = {t.wat for t in mijn_taken(kalender.coordinator, datetime.date(2026, 11, 1))}
    assert "Afspraken voor 2027 vastleggen" in coordinator
    assert "Bod voor 2027 uitbrengen" not in {t.wat for t in mijn_taken(kalender.buiten, vandaag)}
    punten = agenda(kalender.beleid_corporatie, [kalender.dossier, kalender.ander], vandaag)
    assert [p.wat for p in punten if p.datum == datetime.date(2026, 7, 1)] == [
        "Bod voor 2027 uitbrengen"
    ]
    client.force_login(kalender.beleid_corporatie)
    assert "Bod voor 2027 uitbrengen" in client.get(reverse("start")).content.decode()


def test_a_realisation_is_late_from_its_due_date_the_coordinator_chose(kalender):
    from dashboards.taken import mijn_taken

    Termijn.objects.create(
        dossier=kalender.dossier,
        soort="realisatie",
        jaar=2025,
        datum=datetime.date(2026, 5, 1),
        wie="partijen",
        handeling="indienen",
        omschrijving="Realisatie 2025 invoeren en indienen",
    )
    [voor] = [
        t
        for t in mijn_taken(kalender.beleid_corporatie, datetime.date(2026, 4, 1))
        if t.wat == "Realisatie 2025 invoeren en indienen"
    ]
    assert (voor.datum, voor.te_laat) == (datetime.date(2026, 5, 1), False)
    [na] = [
        t
        for t in mijn_taken(kalender.beleid_corporatie, datetime.date(2026, 5, 2))
        if t.wat == "Realisatie 2025 invoeren en indienen"
    ]
    assert na.te_laat


def test_a_bod_is_done_for_the_corporation_once_it_submitted_its_bod(kalender, client):
    from dashboards.taken import mijn_taken

    def bod_taak():
        taken = mijn_taken(kalender.beleid_corporatie, datetime.date(2026, 6, 30))
        return [t for t in taken if t.wat == "Bod voor 2027 uitbrengen"]

    [taak] = bod_taak()
    grid = reverse("core:invoer", args=[kalender.dossier.slug, 2027, "bod"])
    assert taak.url == f"{grid}?organisatie={kalender.corporatie.slug}"
    client.force_login(kalender.beleid_corporatie)
    indienen = reverse("core:invoer_actie", args=[kalender.dossier.slug, 2027, "bod", "indienen"])
    client.post(f"{indienen}?organisatie={kalender.corporatie.slug}", {"bevestigd": "ja"})

    assert bod_taak() == []


def test_the_settings_page_switches_reminders_off(kalender, client):
    client.force_login(kalender.beleid_corporatie)
    pagina = client.get(reverse("start")).content.decode()
    assert f'href="{reverse("instellingen")}"' in pagina  # from the header's user part
    antwoord = client.post(reverse("instellingen"), {"dagen_vooraf": "3"})
    assert antwoord.status_code == 302
    eigen = Instellingen.objects.get(gebruiker=kalender.beleid_corporatie)
    assert (eigen.herinneringen, eigen.dagen_vooraf) == (False, 3)
    fout = client.post(reverse("instellingen"), {"herinneringen": "on", "dagen_vooraf": "0"})
    assert fout.status_code == 400


def feed_van(client, gebruiker) -> str:
    client.force_login(gebruiker)
    client.post(reverse("kalenderlink"), {"actie": "nieuw"})
    token = Instellingen.objects.get(gebruiker=gebruiker).kalendertoken
    client.logout()
    return reverse("kalender", args=[token])


def test_the_calendar_feed_holds_the_users_due_dates_and_only_theirs(kalender, client):
    url = feed_van(client, kalender.beleid_corporatie)
    antwoord = client.get(url)  # a calendar program: not logged in
    assert antwoord["Content-Type"].startswith("text/calendar")
    agenda = Calendar.from_ical(antwoord.content)
    events = {(str(e["summary"]), e.decoded("dtstart")) for e in agenda.walk("VEVENT")}
    assert (
        "Bod voor 2027 uitbrengen – Prestatieafspraken Voorbeeldstad 2025–2028",
        datetime.date(2026, 7, 1),
    ) in events
    assert not any("Elders" in wat for wat, _ in events)  # the outsider's agreement
    assert not any("vastleggen" in wat for wat, _ in events)  # the coördinator's
    # The outsider's own feed has its own dates and none of Voorbeeldstad.
    buiten = Calendar.from_ical(client.get(feed_van(client, kalender.buiten)).content)
    wat = [str(e["summary"]) for e in buiten.walk("VEVENT")]
    assert wat and all("Elders" in w for w in wat)


def test_a_revoked_or_renewed_calendar_link_is_gone(kalender, client):
    oud = feed_van(client, kalender.beleid_corporatie)
    nieuw = feed_van(client, kalender.beleid_corporatie)
    assert client.get(oud).status_code == 404
    assert client.get(nieuw).status_code == 200
    client.force_login(kalender.beleid_corporatie)
    client.post(reverse("kalenderlink"), {"actie": "intrekken"})
    client.logout()
    assert client.get(nieuw).status_code == 404
    assert client.get(reverse("kalender", args=["geraden"])).status_code == 404


def test_the_feed_the_start_page_and_the_calendar_page_take_as_many_queries_with_more_dossiers(
    kalender, client
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from afspraken.models import Afspraak
    from core.models import Indicator

    t = kalender
    feed = feed_van(client, t.beleid_corporatie)

    def tellen() -> list[int]:
        aantallen = []
        for gebruiker, url in (
            (None, feed),
            (t.beleid_corporatie, reverse("start")),
            (t.coordinator, reverse("termijnen:dossier", args=[t.dossier.slug])),
        ):
            client.logout()
            if gebruiker:
                client.force_login(gebruiker)
            client.get(url)  # warm up: the session, content types
            with CaptureQueriesContext(connection) as vastgelegd:
                assert client.get(url).status_code == 200
            aantallen.append(len(vastgelegd.captured_queries))
        return aantallen

    voor = tellen()
    for nummer in range(4):
        extra = Afspraak.objects.create(
            titel=f"Extra {nummer}",
            slug=f"extra-{nummer}",
            startdatum=datetime.date(2025, 1, 1),
            einddatum=datetime.date(2028, 12, 31),
            penvoerder=t.gemeente,
            soort_afspraak="prestatieafspraken",
        )
        extra.partijen.create(organisatie=t.corporatie, rol="partij")
        Indicator.objects.create(
            dossier=extra, code="x", naam="X", eenheid="aantal", uitsplitsing="organisatie"
        )
        vul_kalender_aan(dossier=extra, vandaag=VANDAAG)
    assert Termijn.objects.count() > 30
    assert tellen() == voor


def test_a_due_date_the_coordinator_moves_is_in_the_dossiers_history(kalender, client):
    from historie.models import Mutatie

    bod = Termijn.objects.get(dossier=kalender.dossier, soort="bod", jaar=2027)
    client.force_login(kalender.coordinator)
    client.post(
        reverse("termijnen:termijn", args=[kalender.dossier.slug, bod.pk]),
        {
            "datum": "2026-06-15",
            "omschrijving": bod.omschrijving,
            "wie": "partijen",
            "handeling": "indienen",
            "afgerond_op": "",
        },
    )
    mutatie = (
        Mutatie.objects.filter(tabel="termijnen.termijn", object_id=bod.pk).order_by("pk").last()
    )
    assert (mutatie.oud["datum"], mutatie.nieuw["datum"]) == ("2026-07-01", "2026-06-15")
    assert (mutatie.gebruiker, mutatie.dossier_id) == (kalender.coordinator, kalender.dossier.pk)
    historie = client.get(reverse("historie:dossier", args=[kalender.dossier.slug]))
    assert "Bod voor 2027 uitbrengen" in historie.content.decode()
    # What was mailed and a user's calendar secret are not followed.
    client.post(reverse("kalenderlink"), {"actie": "nieuw"})
    assert not Mutatie.objects.filter(tabel__startswith="termijnen.instellingen").exists()
