"""A server error: the user reads a Dutch page, the operator finds the traceback in the log."""

import io
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


def the_database_fails(*args, **kwargs):
    raise OperationalError("server closed the connection unexpectedly")


@pytest.fixture
def failing_start_page(monkeypatch):
    """The database goes away mid-request: the pages' queries of the figures fail."""
    monkeypatch.setattr("dashboards.views.dossierregels", the_database_fails)
    monkeypatch.setattr("dashboards.views.dashboard_context", the_database_fails)


@pytest.fixture
def stderr_handler():
    """The handler config/settings.py LOGGING attaches, writing to a buffer instead of stderr."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "stderr")
    buffer = io.StringIO()
    old = handler.setStream(buffer)
    yield buffer
    handler.setStream(old)


def test_a_server_error_shows_the_dutch_page(client, wereld, settings, failing_start_page):
    settings.DEBUG = False
    client.raise_request_exception = False
    client.force_login(wereld.eigenaar)

    response = client.get(reverse("start"))

    html = response.content.decode()
    assert response.status_code == 500
    assert '<h1 class="utrecht-heading-1">Er ging iets mis</h1>' in html
    assert "Probeer het over enkele minuten opnieuw" in html
    assert '<html lang="nl">' in html
    assert "Server Error" not in html
    assert "server closed the connection" not in html  # no details for the user


def test_a_server_error_is_logged_with_its_traceback_and_path(
    client, wereld, settings, failing_start_page, stderr_handler
):
    settings.DEBUG = False
    client.raise_request_exception = False
    client.force_login(wereld.eigenaar)

    client.get(reverse("dashboards:dossier", args=[wereld.dossier.slug]) + "?jaar=2015")

    log = stderr_handler.getvalue()
    path = f"/dashboards/{wereld.dossier.slug}/"
    assert f"[ERROR] django.request: Internal Server Error: {path}\n" in log
    assert "Traceback (most recent call last):" in log
    assert 'dashboards/views.py", line' in log
    assert "OperationalError: server closed the connection unexpectedly" in log


def test_the_log_line_has_time_process_level_and_logger(stderr_handler):
    logging.getLogger("core.health").error("De database is niet bereikbaar.")

    line = stderr_handler.getvalue().strip()
    assert line.endswith("[ERROR] core.health: De database is niet bereikbaar.")
    assert line.startswith("[20")  # [2026-12-03 10:05:00 +0100] [1234] ...


def test_errors_are_logged_with_debug_on_too(
    client, wereld, settings, failing_start_page, stderr_handler
):
    settings.DEBUG = True
    client.raise_request_exception = False
    client.force_login(wereld.eigenaar)

    response = client.get(reverse("start"))

    assert response.status_code == 500
    assert stderr_handler.getvalue().count("Internal Server Error: /") == 1


def test_in_production_the_log_goes_to_standard_error():
    """As gunicorn runs it: DEBUG off, the settings' LOGGING writes to the process's stderr."""
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('django.request').error('Internal Server Error: /x/')"
    )
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "x" * 50,
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }

    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr
    assert "[ERROR] django.request: Internal Server Error: /x/" in result.stderr
    assert result.stdout == ""
