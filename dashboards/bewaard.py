"""A dossier's dashboard kept between requests until something of the dossier changes.

Building a dashboard's context reads and checks every figure of the dossier (some 25 to 40 ms
for a large one); the board member who opens it again, or the next one, gets the same. So the
context is kept per process, under the dossier's stand (`historie.stand`: it changes with
every write to what the dossier's page shows) and everything else it depends on: what the
reader may see (organisation and roles), the year asked for, and today's date (milestones
due, the current year). A stand that is not exact, because a writer is busy, is not kept: the
page is then built as before. Rendering the template is not kept; it runs on every request.

The context must hold finished values only: lists and objects, no queryset or generator that
a second rendering would find evaluated or used up (tests/dashboards/test_bewaard.py).
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from django.utils import timezone

from historie.stand import dossierstand

# Contexts per process, the least recently read going first. The largest generated agreement's
# (2.000 figures) holds 0,9 MB, a deal's 0,3, a project's 0,1: at most some 60 MB per worker.
MAXIMUM = 64

_bewaard: OrderedDict = OrderedDict()
_slot = threading.Lock()


def lezer(user) -> tuple:
    """What decides which of a dossier's figures and links `user` gets (core.rules)."""
    return (user.organisatie_id, tuple(sorted(user.rollen)), user.is_superuser)


def bewaard(dossier, user, vraag: Hashable, maak: Callable[[], dict]) -> dict:
    """`maak()`, or what it gave before for the same dossier at the same stand, the same kind
    of reader, the same `vraag` (what the page was asked for) and the same day. The stand is
    also its predecessor's: the targets' progress shows what the previous term realised."""
    stand = dossierstand(dossier.pk, dossier.voorganger_id)
    sleutel = (dossier.pk, stand.versie, lezer(user), vraag, timezone.localdate())
    with _slot:
        if (context := _bewaard.get(sleutel)) is not None:
            _bewaard.move_to_end(sleutel)
            return context
    context = maak()
    if stand.exact:
        with _slot:
            _bewaard[sleutel] = context
            while len(_bewaard) > MAXIMUM:
                _bewaard.popitem(last=False)
    return context


def vergeet() -> None:
    """Forget every kept dashboard (tests; after a database is restored from a backup)."""
    with _slot:
        _bewaard.clear()
