"""What core tells the other apps, without knowing them (core imports none of the apps).

`cijfers_gewijzigd` is sent once the transaction that changed a dossier's figures, costs or a
report's narrative has committed, with `dossier_ids`: the concept reports of those dossiers
are made again in the background (rapportages/apps.py), so a coördinator's click finds them
ready.
"""

from django.db import transaction
from django.dispatch import Signal

cijfers_gewijzigd = Signal()


def meld_cijfers_gewijzigd(*dossier_ids: int) -> None:
    ids = set(dossier_ids)
    transaction.on_commit(lambda: cijfers_gewijzigd.send(sender=None, dossier_ids=ids))


def _streefdoel_gewijzigd(sender, instance, raw=False, **kwargs) -> None:
    """A changed target changes the report's chapter of targets, as a changed figure does."""
    if not raw:
        meld_cijfers_gewijzigd(instance.dossier_id)


def verbind() -> None:
    from django.db.models.signals import post_delete, post_save

    from .models import Streefdoel

    post_save.connect(_streefdoel_gewijzigd, sender=Streefdoel, dispatch_uid="streefdoel_save")
    post_delete.connect(_streefdoel_gewijzigd, sender=Streefdoel, dispatch_uid="streefdoel_del")
