"""Each figure's stored status follows every write that changes it, and the command that
checks and repairs them after a change made around the application."""

import pytest
from django.core.management import CommandError, call_command

from core.models import Norm, User, Waarde
from core.status import GEEN_CEL, ONZICHTBAAR, Status


@pytest.fixture
def maastricht(db):
    call_command("loaddata", "organisaties", "maastricht_2015", verbosity=0)


def _eigen_inplaatsing_2014(soort="realisatie"):
    return Waarde.objects.get(indicator__code="eigen-inplaatsing", jaar=2014, soort=soort)


def test_a_changed_whole_judges_the_share_measured_against_it_again(maastricht):
    eigen = _eigen_inplaatsing_2014()
    eigen.waarde = 200
    eigen.save()
    # the realisation stands beside its plan: the plan's row is the cell, judged on it
    assert _eigen_inplaatsing_2014().status_alles == GEEN_CEL
    assert _eigen_inplaatsing_2014("plan").status_alles == Status.NORM_NIET_GEHAALD

    norm = Norm.objects.get(indicator=eigen.indicator, soort=Norm.Soort.AANDEEL)
    geheel = Waarde.objects.get(
        indicator=norm.ten_opzichte_van, jaar=2014, soort="realisatie", organisatie=None
    )
    geheel.waarde = 100_000  # 200 of 100.000 is 0,2 %: within the norm
    geheel.save()

    opgeslagen = _eigen_inplaatsing_2014("plan")
    assert opgeslagen.status_alles != Status.NORM_NIET_GEHAALD
    beheerder = User.objects.create_superuser("beheer", password="x")
    from core.cellen import cellen

    cel = cellen(beheerder).get(pk=opgeslagen.pk)
    assert cel.status == opgeslagen.status_alles


def test_herbereken_status_finds_and_repairs_a_status_changed_around_the_application(
    maastricht, capsys
):
    plan = _eigen_inplaatsing_2014("plan")
    juist = plan.status_alles
    Waarde.objects.filter(pk=plan.pk).update(status_alles=Status.VOOR)  # as raw SQL would

    with pytest.raises(CommandError, match="1 cijfers hebben een verouderde status"):
        call_command("herbereken_status", "--controleer")
    call_command("herbereken_status")

    assert _eigen_inplaatsing_2014("plan").status_alles == juist != Status.VOOR
    call_command("herbereken_status", "--controleer")
    assert "Alle opgeslagen statussen kloppen." in capsys.readouterr().out


def test_a_withdrawn_submission_takes_its_figures_out_of_everyone_elses_cells_at_once(
    maastricht, client, organisatie_factory, user_factory
):
    """The stored status is also who sees the figure: a year back in concept leaves the
    figures view of a reader from elsewhere, and comes back when submitted again."""
    from django.urls import reverse

    from core.models import Jaaropgave, Rol

    elders = user_factory("elders", organisatie_factory("Gemeente Elders"), Rol.BESTUURDER)
    client.force_login(elders)
    plan = _eigen_inplaatsing_2014("plan")
    opgave = Jaaropgave.objects.get(
        dossier=plan.indicator.dossier, jaar=2014, soort="plan", organisatie=plan.eigenaar_id
    )
    url = (
        reverse("dashboards:cijfers")
        + "?bereik=alle&jaar=2014&onderdeel="
        + plan.indicator.onderdeel.titel
    )

    def zichtbaar() -> bool:
        rijen = client.get(url).context["table"].page.object_list
        return plan.pk in {getattr(r, "record", r).pk for r in rijen}

    assert opgave.status != Jaaropgave.Status.CONCEPT and zichtbaar()
    opgave.status = Jaaropgave.Status.CONCEPT
    opgave.save()
    assert _eigen_inplaatsing_2014("plan").status_openbaar == ONZICHTBAAR
    assert _eigen_inplaatsing_2014("plan").status_alles != GEEN_CEL
    assert not zichtbaar()
    opgave.status = Jaaropgave.Status.INGEDIEND
    opgave.save()
    assert zichtbaar()


def test_a_dossier_is_held_once_per_transaction_and_again_after_its_savepoint_rolled_back(
    maastricht, django_assert_num_queries
):
    """`houd_vast` locks a dossier's row once per transaction (a grid of a hundred figures
    costs one lock); a savepoint rolled back lets go of the locks taken in it, so the
    dossier is locked again after it. SQLite locks the whole database: no query at all."""
    from django.db import connection, transaction

    from core.models import Dossier
    from core.opgeslagen_status import houd_vast

    dossier = Dossier.objects.get().pk
    een = 1 if connection.vendor == "postgresql" else 0
    with django_assert_num_queries(0):  # loading its figures held it already
        houd_vast([dossier, None])
    nieuw, derde = dossier + 1_000, dossier + 2_000  # none of their figures was written yet
    with django_assert_num_queries(een):
        houd_vast([nieuw, dossier])
    # held by the transaction around the savepoint
    with transaction.atomic(), django_assert_num_queries(0):
        houd_vast([nieuw])
    try:
        with transaction.atomic():
            houd_vast([derde])
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    with django_assert_num_queries(een):
        houd_vast([derde])
    with django_assert_num_queries(0):
        houd_vast([nieuw, derde])
