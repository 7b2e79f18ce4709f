"""Who is changing things, from where and why: handed to the database triggers.

The triggers cannot see Django's request. Each write statement therefore carries the
current context with it: on PostgreSQL as a session setting made just before the statement
(`prestatiemonitor.context`), on SQLite as a function the trigger calls (`pm_context()`).
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

_context: ContextVar[dict | None] = ContextVar("wijzigingscontext", default=None)

SCHRIJVEN = ("INSERT", "UPDATE", "DELETE", "WITH")


@contextmanager
def wijzigingscontext(*, door=None, bron: str | None = None, reden: str | None = None) -> Iterator:
    """Record `door`, `bron` and `reden` with every change made inside the block."""
    nieuw = dict(_context.get() or {})
    if door is not None:
        nieuw["gebruiker"] = door.pk if door.is_authenticated else None
    if bron is not None:
        nieuw["bron"] = bron
    if reden is not None:
        nieuw["reden"] = reden
    token = _context.set(nieuw)
    try:
        yield
    finally:
        _context.reset(token)


def namens_door(functie):
    """A workflow called with `door=` records that user, also outside a request (a script)."""

    @wraps(functie)
    def omhuld(*args, door, **kwargs):
        with wijzigingscontext(door=door):
            return functie(*args, door=door, **kwargs)

    return omhuld


def als_json() -> str:
    context = _context.get() or {}
    return json.dumps(
        {
            "gebruiker": context.get("gebruiker"),
            "bron": context.get("bron", "systeem"),
            "reden": context.get("reden", ""),
        }
    )


def _geef_context_mee(execute, sql, params, many, context):
    if sql.lstrip()[:6].upper().startswith(SCHRIJVEN):
        # On the raw cursor: not a query of its own in Django's query log or counts.
        context["cursor"].cursor.execute(
            "SELECT set_config('prestatiemonitor.context', %s, false)", [als_json()]
        )
    return execute(sql, params, many, context)


def koppel_verbinding(sender, connection, **kwargs) -> None:
    """On each new database connection: make the context reachable for the triggers."""
    if connection.vendor == "postgresql":
        if _geef_context_mee not in connection.execute_wrappers:
            connection.execute_wrappers.append(_geef_context_mee)
    elif connection.vendor == "sqlite":
        connection.connection.create_function("pm_context", 0, als_json, deterministic=False)


class WijzigingscontextMiddleware:
    """Every change made while answering a request is recorded with its user and screen."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        bron = "scherm"
        if request.path.startswith("/beheer/"):
            bron = "beheer"
        elif request.path.startswith("/import/"):
            bron = "import"
        with wijzigingscontext(door=request.user, bron=bron):
            return self.get_response(request)
