"""`manage.py stuur_herinneringen` against a real SMTP server on the loopback (aiosmtpd): the
right mails on the right day, nothing twice, nothing marked as sent that was not."""

import fcntl
from contextlib import contextmanager

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from termijnen import slot
from termijnen.models import Herinnering, Instellingen

from .conftest import vrije_poort


def aan(postbus, adres: str):
    return [b for tos, b in postbus.berichten if adres in tos]


def tekst(bericht) -> str:
    return bericht.get_body(preferencelist=("plain",)).get_content()


def html(bericht) -> str:
    return bericht.get_body(preferencelist=("html",)).get_content()


def test_the_corporation_hears_of_its_bod_the_day_before_then_when_overdue_and_never_twice(
    cyclus, smtp
):
    corporatie = "voorbeeld-corporatie@example.org"
    call_command("stuur_herinneringen", "--datum", "2026-06-30")
    [morgen] = aan(smtp, corporatie)
    assert morgen["Subject"] == "Morgen: Bod voor 2027 uitbrengen"
    assert "uiterlijk 1 juli 2026, morgen" in tekst(morgen)
    assert "Prestatieafspraken Voorbeeldstad 2025–2028" in tekst(morgen)
    # straight to the corporation's bod grid for that year
    grid = "https://monitor.example/dossiers/voorbeeldstad-2025-2028/invoer/2027/bod/"
    assert f"{grid}?organisatie=woonstichting-voorbeeld" in html(morgen)
    # The bod is the corporation's: the municipality, the tenants and an outsider get none.
    for ander in ("voorbeeld-gemeente", "voorbeeld-huurders", "elders"):
        assert not [b for b in aan(smtp, ander) if "Bod" in b["Subject"]]

    aantal = len(smtp.berichten)
    call_command("stuur_herinneringen", "--datum", "2026-06-30")
    assert len(smtp.berichten) == aantal  # the same day again: nothing

    call_command("stuur_herinneringen", "--datum", "2026-07-02")
    [_, verstreken] = aan(smtp, corporatie)
    assert verstreken["Subject"].strip() == (
        "Verstreken: Bod voor 2027 uitbrengen (Prestatieafspraken Voorbeeldstad 2025–2028)"
    )
    assert "verstreken op 1 juli 2026" in tekst(verstreken)
    # The coördinator's weekly digest names who is late.
    [overzicht] = [
        b for b in aan(smtp, "voorbeeld-coordinator@example.org") if "Weekoverzicht" in b["Subject"]
    ]
    assert "Bod voor 2027 uitbrengen" in tekst(overzicht)
    assert "nog te doen door Woonstichting Voorbeeld" in tekst(overzicht)
    aantal = len(smtp.berichten)
    call_command("stuur_herinneringen", "--datum", "2026-07-03")  # same week, nothing new
    assert len(smtp.berichten) == aantal
    assert not aan(smtp, "elders@example.org")


def test_a_user_who_switched_reminders_off_gets_none(cyclus, smtp):
    Instellingen.objects.create(gebruiker=cyclus.beleid_corporatie, herinneringen=False)
    call_command("stuur_herinneringen", "--datum", "2026-06-30")
    assert not aan(smtp, "voorbeeld-corporatie@example.org")


def test_a_user_without_an_address_is_skipped_and_named(cyclus, smtp, capsys):
    cyclus.beleid_corporatie.email = ""
    cyclus.beleid_corporatie.save()
    call_command("stuur_herinneringen", "--datum", "2026-06-30")
    assert "Overgeslagen: voorbeeld-corporatie heeft geen e-mailadres." in capsys.readouterr().out
    assert not Herinnering.objects.filter(gebruiker=cyclus.beleid_corporatie).exists()


def test_a_mail_server_that_is_down_is_reported_and_nothing_is_marked_sent(cyclus, smtp, settings):
    werkend = settings.EMAIL_PORT
    settings.EMAIL_PORT = vrije_poort()  # nobody listens there
    with pytest.raises(CommandError, match="niet verstuurd"):
        call_command("stuur_herinneringen", "--datum", "2026-06-30")
    assert Herinnering.objects.count() == 0
    assert smtp.berichten == []

    settings.EMAIL_PORT = werkend  # back up: the next run sends what was left
    call_command("stuur_herinneringen", "--datum", "2026-06-30")
    assert aan(smtp, "voorbeeld-corporatie@example.org")


def test_a_mail_server_that_refuses_is_reported_and_nothing_is_marked_sent(cyclus, smtp):
    async def weiger(server, session, envelope):
        return "554 Geweigerd"

    smtp.handle_DATA = weiger
    with pytest.raises(CommandError):
        call_command("stuur_herinneringen", "--datum", "2026-06-30")
    assert Herinnering.objects.count() == 0


@contextmanager
def een_andere_run():
    """Holds the run's lock as a second process would: its own database session on
    PostgreSQL, its own open file (`flock` locks per open file) on SQLite."""
    if connection.vendor == "postgresql":
        instellingen = connection.get_connection_params()
        with psycopg.connect(**instellingen, autocommit=True) as andere:
            andere.execute("SELECT pg_advisory_lock(%s)", [slot.sleutel("stuur_herinneringen")])
            yield
        return
    with open(slot.slotbestand("stuur_herinneringen"), "w") as bestand:
        fcntl.flock(bestand, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield


def test_a_run_started_while_another_sends_stops_and_sends_nothing(cyclus, smtp, capsys):
    with een_andere_run():
        call_command("stuur_herinneringen", "--datum", "2026-06-30")
    assert "Er loopt al een run" in capsys.readouterr().out
    assert smtp.berichten == []
    assert Herinnering.objects.count() == 0
    # the lock went with the other run: the next run sends
    call_command("stuur_herinneringen", "--datum", "2026-06-30")
    assert aan(smtp, "voorbeeld-corporatie@example.org")
    assert Herinnering.objects.filter(gebruiker=cyclus.beleid_corporatie).exists()


def test_the_reminders_run_as_a_task(cyclus, smtp, settings):
    from termijnen.tasks import stuur_herinneringen

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    stuur_herinneringen.enqueue("2026-06-30")
    assert aan(smtp, "voorbeeld-corporatie@example.org")


def test_the_mail_server_can_be_one_email_url_from_the_environment():
    import os
    import subprocess
    import sys
    from pathlib import Path

    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "1",
        "EMAIL_URL": "smtp+tls://monitor:geheim@smtp.example.nl:587",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS)"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code],
        env=omgeving,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert uit == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.nl",
        "587",
        "monitor",
        "True",
    ]
