"""The status of intended results (DOMAIN.md rule 4 for ranges), and on the deal page."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from core.models import Rol, User, Waarde
from core.services import create_demo_accounts
from core.status import Status
from regiodeals.models import BeoogdResultaat
from regiodeals.results import resultaat_status

D = Decimal


def resultaat(**velden):
    return BeoogdResultaat(omschrijving="test", **velden)


@pytest.mark.parametrize(
    ("waarden", "status"),
    [
        ({}, Status.GEEN_REALISATIE),
        ({2025: D(0)}, Status.NORM_NIET_GEHAALD),
        ({2025: D(1)}, Status.OP_SCHEMA),
        ({2025: D(2), 2026: D(1)}, Status.OP_SCHEMA),
        ({2025: D(2), 2026: D(2)}, Status.NORM_NIET_GEHAALD),
    ],
)
def test_a_range_over_the_term_is_met_when_the_sum_lies_in_it(waarden, status):
    r = resultaat(soort="telbaar", minimum=D(1), maximum=D(3))
    assert resultaat_status(r, waarden) == status


def test_a_result_per_year_is_judged_on_its_latest_year():
    r = resultaat(soort="telbaar", streefwaarde=D(15), per_jaar=True)
    assert resultaat_status(r, {2025: D(15), 2026: D(10)}) == Status.ACHTER
    assert resultaat_status(r, {2025: D(10), 2026: D(15)}) == Status.OP_SCHEMA


def test_a_milestone_is_reached_or_not():
    assert resultaat_status(resultaat(soort="mijlpaal"), {}) == Status.GEEN_REALISATIE
    bereikt = resultaat(soort="mijlpaal", bereikt_op=datetime.date(2026, 3, 1))
    assert resultaat_status(bereikt, {}) == Status.OP_SCHEMA


def test_an_effect_moves_towards_or_away_from_its_reference():
    r = resultaat(soort="effect", referentiewaarde=D(70), nulmeting=D(50))
    assert resultaat_status(r, {2026: D(60)}) == Status.VOOR
    assert resultaat_status(r, {2026: D(45)}) == Status.ACHTER


def test_groningen_enters_a_result_and_the_deal_page_shows_its_status(client, db, settings):
    call_command("loaddata", "organisaties", "tranche_6", "groningen_noord_2", verbosity=0)
    settings.DEBUG = True
    create_demo_accounts()
    client.force_login(User.objects.get(username="groningen"))
    wijkcentra = BeoogdResultaat.objects.get(minimum=1, maximum=3, onderdeel__nummer="1b")
    deal = wijkcentra.regiodeal
    deal.startdatum = datetime.date(2025, 7, 1)
    deal.save()
    grid = reverse("core:invoer", args=[deal.slug, 2026, "realisatie"])

    response = client.post(grid, {f"waarde_{wijkcentra.indicator_id}": "2"})
    ander = client.post(
        reverse("core:invoer", args=["regio-deal-noord-drenthe", 2026, "realisatie"]),
        {"waarde_1": "2"},
    )

    assert response.status_code == 302
    assert Waarde.objects.get(indicator=wijkcentra.indicator).waarde == 2
    assert ander.status_code == 403
    pagina = client.get(deal.get_absolute_url())
    statussen = [
        r.status
        for lijn in pagina.context["lijnen"]
        for project in lijn.subonderdelen.all()
        for r in project.beoogde_resultaten.all()
        if r.pk == wijkcentra.pk
    ]
    assert statussen == [Status.OP_SCHEMA]
    assert Rol.COORDINATOR.value in User.objects.get(username="groningen").rollen
