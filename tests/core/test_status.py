from decimal import Decimal

import pytest

from core.status import Status, bepaal_status


@pytest.mark.parametrize(
    ("plan", "realisatie", "verwacht"),
    [
        (100, 85, Status.OP_SCHEMA),  # exactly 15 % below: still on schedule
        (100, 84, Status.ACHTER),
        (100, 115, Status.OP_SCHEMA),
        (100, 116, Status.VOOR),
        (0, 0, Status.OP_SCHEMA),
        (0, 1, Status.VOOR),
        (-40, -40, Status.OP_SCHEMA),
    ],
)
def test_status_when_higher_is_better(plan, realisatie, verwacht):
    assert bepaal_status(plan=Decimal(plan), realisatie=Decimal(realisatie)) == verwacht


def test_status_is_direction_aware_when_lower_is_better():
    assert (
        bepaal_status(plan=Decimal(100), realisatie=Decimal(70), lager_is_beter=True) == Status.VOOR
    )
    assert (
        bepaal_status(plan=Decimal(100), realisatie=Decimal(130), lager_is_beter=True)
        == Status.ACHTER
    )


def test_no_realisation_yet_and_missed_norm_and_no_plan():
    assert bepaal_status(plan=Decimal(100), realisatie=None) == Status.GEEN_REALISATIE
    assert (
        bepaal_status(plan=Decimal(100), realisatie=Decimal(100), norm_gehaald=False)
        == Status.NORM_NIET_GEHAALD
    )
    assert bepaal_status(plan=None, realisatie=Decimal(3)) == Status.GEEN_PLAN
