"""Generated files go through Django's storage API, chosen from the environment."""

import os
import subprocess
import sys

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage

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


def test_the_default_storage_writes_where_media_root_points(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert isinstance(default_storage, FileSystemStorage)

    naam = default_storage.save("rapporten/voortgang.txt", ContentFile(b"rapport"))

    assert (tmp_path / naam).read_bytes() == b"rapport"


def test_sessions_live_in_the_database(settings):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
