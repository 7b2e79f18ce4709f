"""The database triggers that write `Mutatie` rows, for PostgreSQL and for SQLite.

They are (re)installed after every `migrate`, from the models as they are then, so a new
column or table is followed without anyone writing SQL. PostgreSQL triggers fire once per
statement and read the changed rows from transition tables, so a bulk update of thousands of
figures costs one insert of their history, not thousands.
"""

from functools import partial

from django.db import DEFAULT_DB_ALIAS, connections, models

from core.models import Dossier

from .gevolgd import Gevolgd, gevolgde_tabellen
from .migraties import sqlite_trigger
from .models import Mutatie

KOLOMMEN = (
    "tijdstip, tabel, object_id, sleutel, dossier_id, actie, oud, nieuw, gebruiker_id, bron, reden"
)
PG_CONTEXT = (
    "(ctx->>'gebruiker')::bigint, COALESCE(ctx->>'bron', 'database'), COALESCE(ctx->>'reden', '')"
)
SQLITE_CONTEXT = (
    "json_extract(pm_context(), '$.gebruiker'), "
    "COALESCE(json_extract(pm_context(), '$.bron'), 'database'), "
    "COALESCE(json_extract(pm_context(), '$.reden'), '')"
)
ONVERANDERLIJK = "De wijzigingshistorie kan niet worden aangepast."


def installeer_triggers(sender=None, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    connection = connections[using]
    opdrachten = {"postgresql": _postgresql, "sqlite": _sqlite}.get(connection.vendor)
    if opdrachten is None:
        return
    with connection.cursor() as cursor:
        for sql in opdrachten():
            cursor.execute(sql)


def _dossier(model: type[models.Model], rij: str, diepte: int = 0) -> str:
    """SQL for the dossier a row belongs to, following foreign keys up to three steps."""
    if issubclass(model, Dossier):
        return f"{rij}.{model._meta.pk.column}"
    sleutels = [f for f in model._meta.local_concrete_fields if f.is_relation]
    for veld in sleutels:
        if issubclass(veld.related_model, Dossier):
            return f"{rij}.{veld.column}"
    if diepte < 3:
        for veld in sleutels:
            doel = veld.related_model
            if doel is model or doel._meta.label_lower in ("core.user", "core.organisatie"):
                continue
            alias = f"d{diepte}"
            binnen = _dossier(doel, alias, diepte + 1)
            if binnen != "NULL":
                return (
                    f"(SELECT {binnen} FROM {doel._meta.db_table} {alias} "
                    f"WHERE {alias}.{doel._meta.pk.column} = {rij}.{veld.column})"
                )
    return "NULL"


def _sleutel(tabel: Gevolgd, rij: str) -> str:
    return " || '/' || ".join(
        f"COALESCE(CAST({rij}.{kolom} AS TEXT), '-')" for kolom in tabel.sleutelkolommen
    )


def _mutatie(
    tabel: Gevolgd, rij: str, actie: str, oud: str, nieuw: str, *, tijd: str, context: str
) -> str:
    """The values of one `Mutatie` row, for the table row aliased `rij`."""
    model = tabel.model
    return (
        f"{tijd}, '{tabel.label}', {rij}.{model._meta.pk.column}, {_sleutel(tabel, rij)}, "
        f"{_dossier(model, rij)}, '{actie}', {oud}, {nieuw}, {context}"
    )


def _kolommen(tabel: Gevolgd) -> list[str]:
    return [
        veld.column
        for veld in tabel.model._meta.local_concrete_fields
        if veld.column not in tabel.zonder
    ]


def _postgresql() -> list[str]:
    mutaties = Mutatie._meta.db_table
    sql = [
        f"""CREATE OR REPLACE FUNCTION historie_onveranderlijk() RETURNS trigger
        LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{ONVERANDERLIJK}'; END $$""",
        f"DROP TRIGGER IF EXISTS historie_onveranderlijk ON {mutaties}",
        f"""CREATE TRIGGER historie_onveranderlijk BEFORE UPDATE ON {mutaties}
        FOR EACH STATEMENT EXECUTE FUNCTION historie_onveranderlijk()""",
    ]
    for tabel in gevolgde_tabellen():
        model = tabel.model
        naam, pk = model._meta.db_table, model._meta.pk.column
        zonder = "ARRAY[" + ",".join(f"'{k}'" for k in sorted(tabel.zonder)) + "]::text[]"
        oud, nieuw = f"to_jsonb(o) - {zonder}", f"to_jsonb(n) - {zonder}"
        waarden = partial(_mutatie, tabel, tijd="now()", context=PG_CONTEXT)
        functie = f"historie_{naam}"
        sql.append(
            f"""CREATE OR REPLACE FUNCTION {functie}() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              ctx jsonb := NULLIF(current_setting('prestatiemonitor.context', true), '')::jsonb;
            BEGIN
              IF TG_OP = 'INSERT' THEN
                INSERT INTO {mutaties} ({KOLOMMEN})
                SELECT {waarden("n", "I", "NULL", nieuw)} FROM nieuw n;
              ELSIF TG_OP = 'UPDATE' THEN
                INSERT INTO {mutaties} ({KOLOMMEN})
                SELECT {waarden("n", "U", oud, nieuw)}
                FROM oud o JOIN nieuw n ON n.{pk} = o.{pk}
                WHERE {oud} IS DISTINCT FROM {nieuw};
              ELSE
                INSERT INTO {mutaties} ({KOLOMMEN})
                SELECT {waarden("o", "D", oud, "NULL")} FROM oud o;
              END IF;
              RETURN NULL;
            END $$"""
        )
        for actie, referencing in [
            ("INSERT", "NEW TABLE AS nieuw"),
            ("UPDATE", "OLD TABLE AS oud NEW TABLE AS nieuw"),
            ("DELETE", "OLD TABLE AS oud"),
        ]:
            trigger = f"historie_{actie.lower()}"
            sql += [
                f"DROP TRIGGER IF EXISTS {trigger} ON {naam}",
                f"""CREATE TRIGGER {trigger} AFTER {actie} ON {naam}
                REFERENCING {referencing} FOR EACH STATEMENT EXECUTE FUNCTION {functie}()""",
            ]
    return sql


def _sqlite() -> list[str]:
    mutaties = Mutatie._meta.db_table
    sql = [
        "DROP TRIGGER IF EXISTS historie_onveranderlijk",
        f"""CREATE TRIGGER historie_onveranderlijk BEFORE UPDATE ON {mutaties}
        BEGIN SELECT RAISE(ABORT, '{ONVERANDERLIJK}'); END""",
    ]
    tijd = "strftime('%Y-%m-%d %H:%M:%f', 'now')"
    for tabel in gevolgde_tabellen():
        naam = tabel.model._meta.db_table
        kolommen = _kolommen(tabel)
        oud, nieuw = (
            "json_object(" + ", ".join(f"'{k}', {rij}.{k}" for k in kolommen) + ")"
            for rij in ("OLD", "NEW")
        )
        mutatie = partial(_mutatie, tabel, tijd=tijd, context=SQLITE_CONTEXT)
        verschil = " OR ".join(f"OLD.{k} IS NOT NEW.{k}" for k in kolommen)
        for actie, wanneer, waarden in [
            ("INSERT", "", mutatie("NEW", "I", "NULL", nieuw)),
            ("UPDATE", f"WHEN {verschil}", mutatie("NEW", "U", oud, nieuw)),
            ("DELETE", "", mutatie("OLD", "D", oud, "NULL")),
        ]:
            trigger = sqlite_trigger(naam, actie)
            sql += [
                f"DROP TRIGGER IF EXISTS {trigger}",
                f"""CREATE TRIGGER {trigger} AFTER {actie} ON {naam} FOR EACH ROW {wanneer}
                BEGIN INSERT INTO {mutaties} ({KOLOMMEN}) VALUES ({waarden}); END""",
            ]
    return sql
