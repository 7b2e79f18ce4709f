"""The permission predicates per role, with an owner, a colleague and an outsider."""

import pytest

from core.models import Dossier, Waarde

ROLLEN = [
    "eigenaar",
    "collega",
    "buitenstaander",
    "bestuurder",
    "coordinator",
    "andere_coordinator",
    "beheerder",
]


def test_owner_and_colleague_may_read_and_change_their_own_concept_figure(wereld):
    for user in (wereld.eigenaar, wereld.collega):
        assert user.has_perm("core.view_waarde", wereld.waarde_a)
        assert user.has_perm("core.change_waarde", wereld.waarde_a)


def test_outsider_may_not_read_or_change_another_corporations_concept(wereld):
    assert not wereld.buitenstaander.has_perm("core.view_waarde", wereld.waarde_a)
    assert not wereld.buitenstaander.has_perm("core.change_waarde", wereld.waarde_a)


def test_a_submitted_figure_is_readable_by_everyone_but_changeable_only_by_its_owner(wereld):
    assert wereld.eigenaar.has_perm("core.view_waarde", wereld.waarde_b)
    assert wereld.bestuurder.has_perm("core.view_waarde", wereld.waarde_b)
    assert not wereld.eigenaar.has_perm("core.change_waarde", wereld.waarde_b)
    assert wereld.buitenstaander.has_perm("core.change_waarde", wereld.waarde_b)


def test_bestuurder_changes_nothing(wereld):
    for waarde in Waarde.objects.all():
        assert not wereld.bestuurder.has_perm("core.change_waarde", waarde)
    assert not wereld.bestuurder.has_perm("core.change_dossier", wereld.dossier)


def test_the_dossiers_coordinator_reads_and_changes_all_its_figures(wereld):
    for waarde in Waarde.objects.all():
        assert wereld.coordinator.has_perm("core.view_waarde", waarde)
        assert wereld.coordinator.has_perm("core.change_waarde", waarde)
    assert wereld.coordinator.has_perm("core.change_dossier", wereld.dossier)


def test_a_coordinator_of_another_dossier_gets_no_extra_rights(wereld):
    assert not wereld.andere_coordinator.has_perm("core.view_waarde", wereld.waarde_a)
    assert not wereld.andere_coordinator.has_perm("core.change_dossier", wereld.dossier)


def test_beheerder_may_do_everything(wereld):
    for waarde in Waarde.objects.all():
        assert wereld.beheerder.has_perm("core.change_waarde", waarde)
    assert wereld.beheerder.has_perm("core.change_dossier", wereld.dossier)


def test_unsplit_figures_belong_to_the_penvoerder(wereld):
    """The plan total has no organisation: the gemeente that leads the agreement owns it."""
    assert wereld.bestuurder.has_perm("core.view_waarde", wereld.totaal)
    assert not wereld.eigenaar.has_perm("core.view_waarde", wereld.totaal)


@pytest.mark.parametrize("rol", ROLLEN)
def test_querysets_agree_with_the_predicates_for_every_role(wereld, rol):
    user = getattr(wereld, rol)
    alle = list(Waarde.objects.all())

    assert set(Waarde.objects.visible_to(user)) == {
        w for w in alle if user.has_perm("core.view_waarde", w)
    }
    assert set(Waarde.objects.editable_by(user)) == {
        w for w in alle if user.has_perm("core.change_waarde", w)
    }
    assert set(Dossier.objects.editable_by(user)) == {
        d for d in Dossier.objects.all() if user.has_perm("core.change_dossier", d)
    }
