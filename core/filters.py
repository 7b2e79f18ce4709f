"""Choices for the filters above the lists: what exists, not a box to type in."""

from django.db.models import Max, Min
from django.utils import timezone

from .models import Dossier


def jaarkeuzes() -> list[tuple[int, str]]:
    """The years the dossiers run in, newest first: one query over the dossiers, not the
    figures (a set that does not grow with every figure typed)."""
    grenzen = Dossier.objects.aggregate(
        begin=Min("startdatum"), begin_eind=Min("einddatum"), eind=Max("einddatum")
    )
    begin = grenzen["begin"] or grenzen["begin_eind"]
    if begin is None:
        return []
    eind = max(grenzen["eind"] or begin, timezone.localdate())
    return [(jaar, str(jaar)) for jaar in range(eind.year, begin.year - 1, -1)]
