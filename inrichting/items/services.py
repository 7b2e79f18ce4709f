"""Saving and removing a dossier's items: an item with its first target in one step; an item
is only removed while the dossier is being set up and it has no figures, else it is ended."""

from django.core.exceptions import ValidationError
from django.db import transaction

from core.models import Indicator, Norm, Streefdoel, User, Waarde
from historie.context import namens_door


@namens_door
@transaction.atomic
def bewaar_item(
    *, item: Indicator, streefdoel: Streefdoel | None = None, door: User | None
) -> Indicator:
    """Save `item` (checked by its form) and, if given, its target: both or neither. A target
    the model refuses raises its ValidationError, and the item is not saved either."""
    item.save()
    if streefdoel is not None:
        streefdoel.indicator = item
        streefdoel.full_clean()
        streefdoel.save()
    return item


def waarom_niet_verwijderen(item: Indicator) -> str:
    """Why `item` cannot be removed, in Dutch; empty if it can."""
    if Waarde.objects.filter(indicator=item).exists():
        return "Een item met cijfers wordt beëindigd, niet verwijderd: vul het laatste jaar in."
    if not item.dossier.in_opbouw:
        return (
            "Het dossier is vastgesteld: een item wordt dan beëindigd, niet verwijderd. "
            "Vul het laatste jaar in."
        )
    if item.delen.exists() or item.uitsplitsingen.exists():
        return "Andere items zijn een deel of uitsplitsing van dit item: pas die eerst aan."
    if Norm.objects.filter(ten_opzichte_van=item).exclude(indicator=item).exists():
        return "Een norm van een ander item rekent met dit item: pas die norm eerst aan."
    return ""


@namens_door
@transaction.atomic
def verwijder_item(*, item: Indicator, door: User | None) -> None:
    """Remove an item without figures from a dossier in opbouw, with its targets and norms."""
    item = Indicator.objects.select_for_update().select_related("dossier").get(pk=item.pk)
    reden = waarom_niet_verwijderen(item)
    if reden:
        raise ValidationError(reden, code="niet_verwijderen")
    Streefdoel.objects.filter(indicator=item).delete()
    item.delete()
