"""Steering PostgreSQL's planner for one request, where its estimates are known to mislead it."""

import contextlib

from django.db import connection, transaction


@contextlib.contextmanager
def in_volgorde():
    """Let the queries inside walk their tables in index order, by nested loops.

    For the figures of all dossiers (`dashboards.views.CijfersView`) the planner estimates a
    filter on the computed status to keep a few rows of a million, and then hashes every figure
    and judges its status before sorting: 28 s at scale 1 for a page of 50. Walking the figures
    in the order shown, through the indexes, and stopping at the page takes 0,2 s, whatever the
    size of the country (docs/performance.md, "The figures of all dossiers").

    `SET LOCAL` ends with the transaction; the transaction needs no savepoint when the caller
    is already in one (a test), so it costs one statement. Other databases: nothing to do.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(savepoint=False):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off")
        yield
