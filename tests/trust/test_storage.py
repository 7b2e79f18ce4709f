"""Generated files go through Django's storage API, chosen from the environment."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.files.storage import default_storage
from django.urls import reverse

from rapportages.models import Rapportversie

from .project_files import ROOT

SHOW = (
    "from django.core.files.storage import storages; s = storages['default']; "
    "print(type(s).__module__ + '.' + type(s).__name__); print(getattr(s, 'location', '-'))"
)


def storage_in(env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FILE_STORAGE", "MEDIA_"))}
    env.update(DEBUG="0", SECRET_KEY="x" * 60, ALLOWED_HOSTS="monitor.example.nl")
    env.update(env_overrides)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", SHOW],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_by_default_files_go_to_media_root_which_may_be_a_shared_volume(tmp_path):
    shared = tmp_path / "gedeeld"

    assert storage_in({"MEDIA_ROOT": str(shared)}) == [
        "django.core.files.storage.filesystem.FileSystemStorage",
        str(shared),
    ]


def test_another_storage_backend_and_its_options_come_from_the_environment(tmp_path):
    backend, location = storage_in(
        {
            "FILE_STORAGE": "django.core.files.storage.FileSystemStorage",
            "FILE_STORAGE_OPTIONS": f'{{"location": "{tmp_path / "bucket"}"}}',
        }
    )
    assert location == str(tmp_path / "bucket")

    backend, _ = storage_in({"FILE_STORAGE": "django.core.files.storage.InMemoryStorage"})
    assert backend == "django.core.files.storage.memory.InMemoryStorage"


SLUG = "regio-deal-groningen-noord-ii"


def make_report(als, settings):
    """The coördinator of Groningen makes a concept report; the task queue runs at once."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    groningen = als("groningen")
    concept = groningen.post(reverse("rapportages:actie", args=[SLUG, 2025, "concept"]))
    assert concept.status_code == 302
    versie = Rapportversie.objects.get(rapport__dossier__slug=SLUG, rapport__jaar=2025, nummer=1)
    download = groningen.get(reverse("rapportages:download", args=[SLUG, 2025, 1, "pdf"]))
    assert download.status_code == 200
    return versie, b"".join(download.streaming_content)


def test_a_report_is_written_where_the_storage_says_and_downloaded_from_there(
    als, settings, tmp_path
):
    bucket = tmp_path / "bucket"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(bucket)},
        },
    }

    versie, downloaded = make_report(als, settings)

    stored = bucket / versie.pdf.name
    assert stored.is_file()
    assert not (Path(settings.MEDIA_ROOT) / versie.pdf.name).exists()
    assert downloaded.startswith(b"%PDF") and downloaded == stored.read_bytes()


def test_a_report_in_a_storage_without_files_on_disk_is_downloaded_through_the_storage(
    als, settings
):
    """With an object store no path exists: everything must go through the storage API."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }

    versie, downloaded = make_report(als, settings)

    assert default_storage.exists(versie.pdf.name)
    with default_storage.open(versie.pdf.name, "rb") as bestand:
        assert downloaded.startswith(b"%PDF") and downloaded == bestand.read()
    assert not (Path(settings.MEDIA_ROOT) / versie.pdf.name).exists()


def test_sessions_live_in_the_database(settings):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
