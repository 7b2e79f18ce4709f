"""Writing many rows at once: `COPY` on PostgreSQL, `executemany` elsewhere.

Only for rows nothing else refers to by primary key (figures, costs, links); objects that
other rows point at are made with `bulk_create`, which returns their keys. Columns the caller
does not name get their field's default, so a column added later (with a default) does not
break the generator.
"""

from collections.abc import Iterable, Sequence
from itertools import islice

from django.db import connection, models
from django.db.models.fields import NOT_PROVIDED, AutoFieldMixin
from django.utils import timezone

CHUNK = 5_000


def _vaste_waarden(model: type[models.Model], velden: Sequence[str]) -> dict[str, object]:
    """The value of every other column: its default, or now for an `auto_now` field."""
    nu = timezone.now()
    vast = {}
    for field in model._meta.local_concrete_fields:
        if field.attname in velden or field.name in velden:
            continue
        if isinstance(field, AutoFieldMixin):
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            vast[field.column] = nu
        elif field.default is not NOT_PROVIDED:
            vast[field.column] = field.get_default()
        elif field.null:
            vast[field.column] = None
        elif field.blank and isinstance(field, (models.CharField, models.TextField)):
            vast[field.column] = ""
        else:
            raise ValueError(f"{model.__name__}.{field.name} heeft geen standaardwaarde")
    return vast


def schrijf(model: type[models.Model], velden: Sequence[str], rijen: Iterable[tuple]) -> int:
    """Insert `rijen` (tuples in the order of `velden`, field names or attnames); the count."""
    meta = model._meta
    kolommen = [meta.get_field(veld.removesuffix("_id")).column for veld in velden]
    vast = _vaste_waarden(model, velden)
    kolommen += list(vast)
    extra = tuple(vast.values())
    tabel = connection.ops.quote_name(meta.db_table)
    namen = ", ".join(connection.ops.quote_name(k) for k in kolommen)
    aantal = 0
    rijen = iter(rijen)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {tabel} ({namen}) FROM STDIN") as copy:
                for rij in rijen:
                    copy.write_row(rij + extra)
                    aantal += 1
            return aantal
        sql = f"INSERT INTO {tabel} ({namen}) VALUES ({', '.join(['%s'] * len(kolommen))})"
        while brok := [rij + extra for rij in islice(rijen, CHUNK)]:
            cursor.executemany(sql, brok)
            aantal += len(brok)
    return aantal


def maak(model: type[models.Model], objecten: Sequence[models.Model]) -> list[models.Model]:
    """`bulk_create` in batches; the objects come back with their primary keys."""
    return model.objects.bulk_create(objecten, batch_size=2_000)
