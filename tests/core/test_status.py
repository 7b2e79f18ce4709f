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


@pytest.mark.django_db
def test_the_database_status_agrees_with_bepaal_status(organisatie_factory):
    """`core.cellen` computes the status in SQL; it must give what `bepaal_status` gives."""
    from itertools import product

    from core.cellen import cellen
    from core.models import Dossier, Indicator, User, Waarde

    gemeente = organisatie_factory("Gemeente Raster", "gemeente")
    dossier = Dossier.objects.create(
        soort="afspraak", titel="Raster", slug="raster", penvoerder=gemeente
    )
    getallen = [
        None,
        Decimal(0),
        Decimal(-40),
        Decimal(100),
        Decimal(85),
        Decimal(115),
        Decimal("114.99"),
        Decimal("84.99"),
        Decimal(116),
        Decimal(200),
    ]
    verwacht = {}
    for richting in ("hoger", "lager"):
        indicator = Indicator.objects.create(
            dossier=dossier,
            code=f"i-{richting}",
            naam=richting,
            eenheid="aantal",
            richting=richting,
        )
        for jaar, (plan, realisatie) in enumerate(product(getallen, getallen), start=1900):
            if plan is None and realisatie is None:
                continue
            for soort, waarde in (("plan", plan), ("realisatie", realisatie)):
                if waarde is not None:
                    Waarde.objects.create(
                        indicator=indicator, jaar=jaar, soort=soort, waarde=waarde
                    )
            verwacht[(indicator.pk, jaar)] = bepaal_status(
                plan=plan, realisatie=realisatie, lager_is_beter=richting == "lager"
            )
    beheerder = User.objects.create_superuser("raster", password="x")

    gevonden = {
        (c.indicator_id, c.jaar): Status(c.status)
        for c in cellen(beheerder).filter(indicator__dossier=dossier)
    }

    assert gevonden == verwacht
