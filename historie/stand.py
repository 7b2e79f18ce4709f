"""How far a dossier's data has come: the version a dashboard is kept by (dashboards.bewaard).

Every write to a followed table leaves a history row (`historie.triggers`), numbered by one
sequence and holding its dossier, or none for what several dossiers share (an organisation,
a tranche). So the newest row of the dossier or of no dossier changes with everything a
dossier's page shows, and with nothing of the other dossiers.

The number alone is not exact on PostgreSQL: two transactions may commit in another order
than they took their numbers, so the newest visible row may be seen while an older one is
still to come. The stand is therefore `exact` only when, after the snapshot that read the
number, no other transaction of this database holds a transaction id (`backend_xid`: only a
transaction that wrote has one) and this one wrote nothing (it may still roll back). Whatever
committed before that is visible to what the caller reads next, and anything later gets a
higher number. (The snapshot's own list of running transactions does not do: it leaves out
those that took their id after the last commit.) SQLite lets one writer in at a time: its
numbers come in commit order.
"""

from typing import NamedTuple

from django.db import connection

from .models import Mutatie


class Stand(NamedTuple):
    versie: int
    exact: bool  # whether a result computed now may be kept under `versie`


def dossierstand(*dossier_ids: int | None) -> Stand:
    """The stand of what these dossiers' pages show: the newest row of any of them or of no
    dossier."""
    ids = sorted({d for d in dossier_ids if d is not None})
    tabel = connection.ops.quote_name(Mutatie._meta.db_table)
    postgresql = connection.vendor == "postgresql"
    exact = (
        """NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
                          AND backend_xid IS NOT NULL AND pid <> pg_backend_pid())
           AND pg_current_xact_id_if_assigned() IS NULL"""
        if postgresql
        else "1"
    )
    # An index lookup on `mutatie_versie` (dossier, id) per dossier and one for no dossier.
    eigen = " UNION ALL ".join(
        [f"SELECT MAX(id) AS id FROM {tabel} WHERE dossier_id = %s"] * len(ids)
    )
    sql = f"""SELECT COALESCE((SELECT MAX(id) FROM ({eigen}) eigen), 0),
                     COALESCE((SELECT MAX(id) FROM {tabel} WHERE dossier_id IS NULL), 0),
                     {exact}"""
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        eigen, gedeeld, zeker = cursor.fetchone()
    # Inside a transaction PostgreSQL answers pg_stat_activity from what it read first.
    zeker = zeker and not (postgresql and connection.in_atomic_block)
    return Stand(max(eigen, gedeeld), bool(zeker))
