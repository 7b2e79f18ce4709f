"""Who may read, manage and comment on a voortgangsrapportage.

A final report is public to every user; a concept only to the parties of its dossier (and the
beheerder). The coördinator of the dossier manages it; a tranche's report the beheerder.
"""

import rules
from django.db.models import Q

from core.models import Dossier, Partij
from core.rules import editable_dossiers_q, is_beheerder


@rules.predicate
def is_definitief(user, rapport) -> bool:
    return rapport.status == "definitief"


@rules.predicate
def is_partij(user, rapport) -> bool:
    if rapport.dossier_id is None or user.organisatie_id is None:
        return False
    if rapport.dossier.penvoerder_id == user.organisatie_id:
        return True
    return Partij.objects.filter(
        dossier_id=rapport.dossier_id, organisatie_id=user.organisatie_id
    ).exists()


@rules.predicate
def beheert(user, rapport) -> bool:
    if rapport.dossier_id is None:
        return False
    return user.has_perm("core.change_dossier", rapport.dossier)


@rules.predicate
def is_voorgelegd(user, rapport) -> bool:
    return rapport.status == "voorgelegd"


rules.add_perm("rapportages.view_rapport", is_definitief | is_beheerder | is_partij | beheert)
rules.add_perm("rapportages.change_rapport", is_beheerder | beheert)
rules.add_perm("rapportages.comment_rapport", is_voorgelegd & (is_partij | beheert))


def leesbare_rapporten_q(user) -> Q:
    """`view_rapport` as a filter, for the list of reports: final ones for everyone, the others
    for the parties of their dossier (penvoerder included) and the beheerder; a dossier in
    opbouw only for who may see it."""
    if is_beheerder(user):
        return Q()
    leesbaar = Q(status="definitief") | Q(
        dossier__in=Dossier.objects.filter(editable_dossiers_q(user))
    )
    if user.organisatie_id:
        partijen = Partij.objects.filter(organisatie_id=user.organisatie_id).values("dossier_id")
        leesbaar |= Q(dossier__penvoerder_id=user.organisatie_id) | Q(dossier_id__in=partijen)
    zichtbaar = Q(dossier__isnull=True) | Q(dossier__in=Dossier.objects.visible_to(user))
    return leesbaar & zichtbaar
