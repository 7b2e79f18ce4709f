"""One run at a time: a second `stuur_herinneringen` started while the first still sends (a
slow mail server, a cron job and a task queue both scheduled) would read the same reminders
as not yet sent and mail them again.

On PostgreSQL a session-level advisory lock, which holds across machines and is released by
the database when the process dies. On SQLite, a database on one machine, a `flock` on a file
beside it, released by the kernel when the process dies. Either way no lock outlives a crash.
"""

import fcntl
import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection


def sleutel(naam: str) -> int:
    """The advisory lock's number: stable across processes (Python's `hash` is not)."""
    return int.from_bytes(hashlib.sha256(naam.encode()).digest()[:8], "big", signed=True)


def slotbestand(naam: str) -> Path:
    """Beside the database file; an in-memory database (the tests) lives in this process
    only, so its lock does too."""
    database = str(connection.settings_dict["NAME"])
    if connection.is_in_memory_db() or not Path(database).parent.is_dir():
        plek, database = Path(tempfile.gettempdir()), f"{database}-{os.getpid()}"
    else:
        plek = Path(database).parent
    code = hashlib.sha256(database.encode()).hexdigest()[:12]
    return plek / f".prestatiemonitor-{naam}-{code}.lock"


@contextmanager
def alleen(naam: str) -> Iterator[bool]:
    """Yields whether this process holds the lock `naam`; never waits for it."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [sleutel(naam)])
            [gekregen] = cursor.fetchone()
        try:
            yield gekregen
        finally:
            if gekregen:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [sleutel(naam)])
        return
    with open(slotbestand(naam), "w") as bestand:
        try:
            fcntl.flock(bestand, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(bestand, fcntl.LOCK_UN)
