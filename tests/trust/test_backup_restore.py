"""scripts/backup.sh and scripts/restore.sh: a dump restored elsewhere holds the same figures.

PostgreSQL only (pg_dump and pg_restore). The test data is committed (transaction=True) so
pg_dump, a separate connection, sees it.
"""

import os
import secrets
import subprocess
from urllib.parse import quote

import psycopg
import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from core.models import Waarde

from .project_files import ROOT

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="back-up en herstel gaan met pg_dump/pg_restore"
)

FIGURES = (
    "SELECT indicator_id, jaar, soort, organisatie_id, locatie_id, waarde FROM {table} "
    "ORDER BY indicator_id, jaar, soort, organisatie_id NULLS FIRST, locatie_id NULLS FIRST"
)


def url_for(name: str) -> str:
    s = connection.settings_dict
    user = quote(s["USER"] or "", safe="")
    password = f":{quote(s['PASSWORD'], safe='')}" if s["PASSWORD"] else ""
    host = s["HOST"] or "localhost"
    port = f":{s['PORT']}" if s["PORT"] else ""
    return f"postgres://{user}{password}@{host}{port}/{name}"


def figures(url: str) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(FIGURES.format(table=Waarde._meta.db_table)).fetchall()


def row_counts(url: str) -> dict[str, int]:
    """Rows per table of every model: nothing else went missing either."""
    tables = sorted({model._meta.db_table for model in apps.get_models()})
    with psycopg.connect(url) as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def script(name: str, *args: str, url: str):
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run(
        [str(ROOT / "scripts" / name), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@postgresql_only
# serialized_rollback: the flush afterwards leaves the migrated rows (role groups, content
# types) as they were, so a transactional test after this one on the same worker finds them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_and_restore_into_a_fresh_database_keep_every_figure(tmp_path):
    call_command("laad_brondata", verbosity=0)
    source = url_for(connection.settings_dict["NAME"])
    fresh = f"{connection.settings_dict['NAME']}_herstel_{secrets.token_hex(4)}"
    admin_url = url_for("postgres")
    dump = tmp_path / "prestatiemonitor.dump"

    backup = script("backup.sh", str(dump), url=source)
    assert backup.returncode == 0, backup.stderr
    assert dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{fresh}"')
    try:
        restore = script("restore.sh", str(dump), url=url_for(fresh))
        assert restore.returncode == 0, restore.stderr

        original = figures(source)
        assert len(original) == Waarde.objects.count() > 50
        assert figures(url_for(fresh)) == original
        assert row_counts(url_for(fresh)) == row_counts(source)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{fresh}" WITH (FORCE)')


def test_the_scripts_refuse_without_a_postgresql_database_url(tmp_path):
    dump = tmp_path / "x.dump"
    dump.write_bytes(b"")

    for result in (
        script("backup.sh", str(dump), url="sqlite:///db.sqlite3"),
        script("restore.sh", str(dump), url="sqlite:///db.sqlite3"),
        script("restore.sh", str(tmp_path / "bestaat-niet.dump"), url=url_for("x")),
    ):
        assert result.returncode == 2
        assert result.stderr.strip()
