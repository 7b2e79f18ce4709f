"""For migrations that change a followed table: SQLite refuses to drop a column that a
trigger names, so such a migration first drops the history triggers of the tables it alters;
`post_migrate` installs them again from the models (historie/triggers.py). PostgreSQL's
triggers name no columns and stay. Imports no models: migrations load it."""

from django.db import migrations

ACTIES = ("INSERT", "UPDATE", "DELETE")


def sqlite_trigger(tabel: str, actie: str) -> str:
    """The name of the SQLite history trigger of `tabel` for `actie` (INSERT, UPDATE, DELETE)."""
    return f"historie_{tabel}_{actie.lower()}"


def zonder_sqlite_triggers(*tabellen: str) -> migrations.RunPython:
    def verwijder(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for tabel in tabellen:
            for actie in ACTIES:
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {sqlite_trigger(tabel, actie)}")

    return migrations.RunPython(verwijder, verwijder, elidable=True)
