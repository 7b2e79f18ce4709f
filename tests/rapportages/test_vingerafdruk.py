"""The fingerprint of a report covers everything the report shows, so the current report is
made again when any of it changes, and only then; it costs the same few queries for a small
and a large dossier."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import (
    Doelwijziging,
    Dossier,
    Indicator,
    Jaaropgave,
    Norm,
    Partij,
    Streefdoel,
    User,
)
from core.services import heropen_jaaropgave
from rapportages import services
from rapportages.models import Rapport
from regiodeals.models import Regiodeal

MAASTRICHT, GRONINGEN = "maastricht-2015", "regio-deal-groningen-noord-ii"


def _beheerder() -> User:
    return User.objects.get(username="beheerder")


def heropening(dossier):
    """A fixed year reopened through its service, with a reason."""
    opgave = Jaaropgave.objects.filter(dossier=dossier, status="vastgesteld").first()
    if opgave is None:  # a dossier without a fixed year gets one first
        opgave = Jaaropgave.objects.create(
            dossier=dossier, organisatie=dossier.penvoerder, jaar=2015, soort="plan"
        )
        Jaaropgave.objects.filter(pk=opgave.pk).update(status="vastgesteld")
        opgave.refresh_from_db()
    heropen_jaaropgave(opgave=opgave, door=_beheerder(), reden="Correctie van de accountant")


def doelwijziging(dossier):
    doel = Streefdoel.objects.filter(dossier=dossier).first()
    if doel is None:
        doel = Streefdoel.objects.create(
            dossier=dossier, indicator=dossier.indicatoren.first(), soort="looptijd", waarde=10
        )
    Doelwijziging.objects.create(
        streefdoel=doel,
        datum=date(2016, 3, 1),
        reden="Minder bouwlocaties",
        oud={"waarde": "10"},
        nieuw={"waarde": "8"},
        door=_beheerder(),
    )


def korte_naam(dossier):
    Dossier.objects.filter(pk=dossier.pk).update(korte_naam="Anders genoemd")


def partij(dossier):
    p = Partij.objects.filter(dossier=dossier).first()
    Partij.objects.filter(pk=p.pk).update(levert_cijfers=not p.levert_cijfers)


def itemnaam(dossier):
    Indicator.objects.filter(pk=dossier.indicatoren.first().pk).update(naam="Nieuwe naam")


def norm(dossier):
    Norm.objects.create(
        indicator=dossier.indicatoren.first(), soort="absoluut", ondergrens=Decimal(1)
    )


def dealmaximum(dossier):
    deal = Regiodeal.objects.get(pk=dossier.pk)
    Regiodeal.objects.filter(pk=deal.pk).update(
        maximale_rijksbijdrage=(deal.maximale_rijksbijdrage or 0) + 1
    )


def _rapport(slug: str) -> Rapport:
    """A report of the dossier, or for a deal in a tranche the tranche's report."""
    dossier = Dossier.objects.get(slug=slug)
    deal = Regiodeal.objects.filter(pk=dossier.pk).first()
    if deal and deal.tranche_id:
        return Rapport.objects.create(tranche=deal.tranche, jaar=2025, aangemaakt_door=_beheerder())
    return Rapport.objects.create(dossier=dossier, jaar=2015, aangemaakt_door=_beheerder())


@pytest.mark.parametrize(
    "verandering",
    [heropening, doelwijziging, korte_naam, partij, itemnaam, norm, dealmaximum],
)
@pytest.mark.parametrize("elders", [False, True], ids=["hier", "elders"])
def test_each_thing_the_report_shows_changes_its_fingerprint_and_nothing_else_does(
    brondata, verandering, elders
):
    hier = MAASTRICHT if verandering is not dealmaximum else GRONINGEN
    rapport = _rapport(hier)
    ander = (
        Dossier.objects.exclude(pk=rapport.dossier_id or 0)
        .filter(indicatoren__isnull=False, partijen__isnull=False)
        .first()
    )
    if rapport.tranche_id:  # another deal, outside this tranche
        ander = Regiodeal.objects.create(
            titel="Regio Deal elders", penvoerder=ander.penvoerder, maximale_rijksbijdrage=1
        )
    voor = services.vingerafdruk(rapport)

    assert ander is not None
    verandering(ander if elders else rapport.dossier or Dossier.objects.get(slug=hier))

    assert (services.vingerafdruk(rapport) == voor) is elders


def test_the_fingerprint_costs_the_same_few_queries_for_a_small_and_a_large_dossier(brondata):
    tellingen = []
    for rapport in [_rapport(MAASTRICHT), _rapport(GRONINGEN)]:
        with CaptureQueriesContext(connection) as queries:
            services.vingerafdruk(rapport)
        tellingen.append(len(queries))
    assert tellingen[0] == tellingen[1] <= 20
