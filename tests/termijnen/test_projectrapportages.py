"""A project's reports (`projecten.Rapportage`) are due dates like any other: reminders by mail
before and after the window's end, the calendar feed and "Mijn taken" read them from
termijnen.openstaand, without storing the date again."""

import datetime

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from core.models import Indicator
from projecten.models import Project, Rapportage
from termijnen.herinneringen import berichten
from termijnen.models import Herinnering

from .test_herinneringen import aan, html, tekst
from .test_termijnen import feed_van

GEMEENTE = "voorbeeld-gemeente@example.org"
UITERLIJK = datetime.date(2026, 7, 1)


def project_van(t, nummer: int = 0, uiterlijk=UITERLIJK) -> Rapportage:
    """A project of the municipality (its penvoerder, which reports its figures) with a
    tussenrapportage due by `uiterlijk`."""
    project = Project.objects.create(
        titel=f"Buurtproject Voorbeeldstad {nummer}",
        slug=f"buurtproject-{nummer}",
        startdatum=datetime.date(2025, 1, 1),
        einddatum=datetime.date(2027, 12, 31),
        penvoerder=t.gemeente,
    )
    Indicator.objects.create(dossier=project, code="x", naam="X", eenheid="aantal")
    return Rapportage.objects.create(
        project=project,
        soort=Rapportage.Soort.TUSSEN,
        venster_start=uiterlijk - datetime.timedelta(days=60),
        venster_eind=uiterlijk,
    )


def over_de_rapportage(postbus, adres: str):
    return [b for b in aan(postbus, adres) if "Tussenrapportage indienen" in tekst(b)]


def test_the_municipality_hears_of_its_project_report_the_day_before_and_never_twice(cyclus, smtp):
    rapportage = project_van(cyclus)
    call_command("stuur_herinneringen", "--datum", "2026-06-30")
    [morgen] = over_de_rapportage(smtp, GEMEENTE)
    assert "uiterlijk 1 juli 2026, morgen" in tekst(morgen)
    assert "Buurtproject Voorbeeldstad 0" in tekst(morgen)
    assert "https://monitor.example/projecten/buurtproject-0/" in html(morgen)
    # Not the corporation (no party to the project), not an outsider.
    for ander in ("voorbeeld-corporatie@example.org", "elders@example.org"):
        assert not over_de_rapportage(smtp, ander)
    assert Herinnering.objects.filter(
        gebruiker=cyclus.beleid_gemeente, sleutel=f"rapportage-vooraf:{rapportage.pk}"
    ).exists()

    aantal = len(smtp.berichten)
    call_command("stuur_herinneringen", "--datum", "2026-06-30")
    assert len(smtp.berichten) == aantal  # the same day again: nothing

    call_command("stuur_herinneringen", "--datum", "2026-07-02")
    [_, verstreken] = over_de_rapportage(smtp, GEMEENTE)
    assert "verstreken op 1 juli 2026" in tekst(verstreken)
    # The coördinator of the penvoerder reads it in the weekly digest of what is late.
    [overzicht] = [
        b for b in aan(smtp, "voorbeeld-coordinator@example.org") if "Weekoverzicht" in b["Subject"]
    ]
    assert (
        "Tussenrapportage indienen (Buurtproject Voorbeeldstad 0), uiterlijk 1 juli 2026: "
        "nog te doen door Gemeente Voorbeeldstad"
    ) in tekst(overzicht)
    assert not over_de_rapportage(smtp, "elders@example.org")


def test_a_received_project_report_brings_no_mail(cyclus, smtp):
    rapportage = project_van(cyclus)
    rapportage.ontvangen_op = datetime.date(2026, 6, 15)
    rapportage.save()
    call_command("stuur_herinneringen", "--datum", "2026-06-30")
    call_command("stuur_herinneringen", "--datum", "2026-07-02")
    assert not over_de_rapportage(smtp, GEMEENTE)
    assert not Herinnering.objects.filter(sleutel__startswith="rapportage-").exists()


def test_the_calendar_feed_holds_the_project_report_of_those_who_submit_it(cyclus, client):
    project_van(cyclus)

    def events(gebruiker):
        agenda = Calendar.from_ical(client.get(feed_van(client, gebruiker)).content)
        return {(str(e["summary"]), e.decoded("dtstart")) for e in agenda.walk("VEVENT")}

    rapport = ("Tussenrapportage indienen – Buurtproject Voorbeeldstad 0", UITERLIJK)
    assert rapport in events(cyclus.beleid_gemeente)
    assert rapport in events(cyclus.coordinator)
    assert not any("Buurtproject" in wat for wat, _ in events(cyclus.beleid_corporatie))
    assert not any("Buurtproject" in wat for wat, _ in events(cyclus.buiten))


def test_my_tasks_and_the_agenda_show_a_project_report_once(cyclus):
    from dashboards.overzicht import agenda
    from dashboards.taken import mijn_taken

    rapportage = project_van(cyclus)
    vandaag = datetime.date(2026, 6, 30)
    wat = "Tussenrapportage indienen"
    [taak] = [t for t in mijn_taken(cyclus.beleid_gemeente, vandaag) if t.wat == wat]
    assert (taak.datum, taak.te_laat, taak.url) == (UITERLIJK, False, "/projecten/buurtproject-0/")
    [punt] = [
        p for p in agenda(cyclus.beleid_gemeente, [rapportage.project], vandaag) if p.wat == wat
    ]
    assert punt.datum == UITERLIJK
    for ander in (cyclus.beleid_corporatie, cyclus.buiten):
        assert wat not in {t.wat for t in mijn_taken(ander, vandaag)}


def test_the_reminders_take_as_many_queries_with_more_project_reports(cyclus):
    project_van(cyclus)
    vandaag = datetime.date(2026, 6, 30)

    def tellen() -> int:
        with CaptureQueriesContext(connection) as vastgelegd:
            lijst = berichten(vandaag)
        return len(vastgelegd.captured_queries), len(lijst)

    voor, mails = tellen()
    for nummer in range(1, 5):
        project_van(cyclus, nummer)
    na, mails_na = tellen()
    assert na == voor
    assert mails_na == mails
