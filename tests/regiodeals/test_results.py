"""The intended results of Groningen Noord II on the deal page, judged by the one rule
(core.voortgang): ranges (DOMAIN.md rule 4), milestones and effects."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from core.models import Rol, User, Waarde
from core.services import create_demo_accounts
from core.voortgang import Doelstatus
from regiodeals.models import BeoogdResultaat
from tests.rooster import rooster_post

SLUG = "regio-deal-groningen-noord-ii"


@pytest.fixture
def groningen(client, db, settings):
    call_command("loaddata", "organisaties", "tranche_6", "groningen_noord_2", verbosity=0)
    settings.DEBUG = True
    create_demo_accounts()
    settings.DEBUG = False
    deal = BeoogdResultaat.objects.filter(regiodeal__slug=SLUG).first().regiodeal
    deal.startdatum = datetime.date(2025, 7, 1)  # signed mid-2025: the term is 2025–2028
    deal.save()
    client.force_login(User.objects.get(username="groningen"))
    return deal


def tekst(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def voortgang_op_pagina(pagina, resultaat: BeoogdResultaat):
    return next(
        r.voortgang
        for lijn in pagina.context["lijnen"]
        for onderdeel in [lijn, *lijn.subonderdelen.all()]
        for r in onderdeel.beoogde_resultaten.all()
        if r.pk == resultaat.pk
    )


def test_groningen_enters_a_result_and_the_deal_page_shows_its_range(client, groningen):
    wijkcentra = BeoogdResultaat.objects.select_related("streefdoel").get(
        streefdoel__minimum=1, streefdoel__maximum=3, onderdeel__nummer="1b"
    )
    item = wijkcentra.streefdoel.indicator
    grid = reverse("core:invoer", args=[SLUG, 2026, "realisatie"])

    response = rooster_post(client, grid, {f"waarde_{item.pk}": "2"})
    ander = client.post(
        reverse("core:invoer", args=["regio-deal-noord-drenthe", 2026, "realisatie"]),
        {"waarde_1": "2"},
    )

    assert response.status_code == 302
    assert Waarde.objects.get(indicator=item).waarde == 2
    assert ander.status_code == 403
    pagina = client.get(groningen.get_absolute_url())
    assert voortgang_op_pagina(pagina, wijkcentra).status == Doelstatus.BINNEN
    assert "binnen de bandbreedte" in tekst(pagina)
    assert "minimaal 1 en maximaal 3 over 2025–2028; 2 (t/m 2026)" in tekst(pagina)
    assert Rol.COORDINATOR.value in User.objects.get(username="groningen").rollen


def test_a_range_over_the_term_is_judged_on_the_sum_of_its_years(client, groningen):
    wijkcentra = BeoogdResultaat.objects.select_related("streefdoel").get(
        streefdoel__minimum=1, streefdoel__maximum=3, onderdeel__nummer="1b"
    )
    for jaar, waarde in ((2025, 2), (2026, 2)):
        Waarde.objects.create(
            indicator=wijkcentra.streefdoel.indicator, jaar=jaar, soort="realisatie", waarde=waarde
        )

    pagina = client.get(groningen.get_absolute_url())

    voortgang = voortgang_op_pagina(pagina, wijkcentra)
    assert (voortgang.status, voortgang.gerealiseerd) == (Doelstatus.BOVEN, Decimal(4))
    assert "boven de bandbreedte" in tekst(pagina)


def test_a_milestone_is_reached_or_still_due_and_an_effect_shows_its_reference(client, groningen):
    resultaten = BeoogdResultaat.objects.filter(regiodeal=groningen).select_related("streefdoel")
    mijlpalen = [r for r in resultaten if r.streefdoel.soort == "mijlpaal"]
    bereikt = mijlpalen[0].streefdoel
    bereikt.bereikt_op = datetime.date(2026, 3, 1)
    bereikt.save()
    effect = next(r for r in resultaten if r.streefdoel.referentie).streefdoel
    effect.nulmeting, effect.nulmeting_jaar = Decimal(62), 2024
    effect.save()

    pagina = client.get(groningen.get_absolute_url())

    assert voortgang_op_pagina(pagina, mijlpalen[0]).status == Doelstatus.GEHAALD
    # The others are due by the end of the term (31 december 2028): still running.
    assert voortgang_op_pagina(pagina, mijlpalen[1]).status == Doelstatus.LOPEND
    woorden = tekst(pagina)
    assert "bereikt op 1 maart 2026" in woorden
    assert "uiterlijk 31 december 2028" in woorden
    assert (
        "referentie: gemeentelijk gemiddelde; nulmeting 2024: 62; "
        "bron: Gemeentelijke Basismonitor Groningen" in woorden
    )


def test_every_one_of_the_thirty_results_has_a_status_on_the_deal_page(client, groningen):
    pagina = client.get(groningen.get_absolute_url())

    html = pagina.content.decode()
    lijsten = re.findall(r'<ul class="resultaten">(.*?)</ul>', html, flags=re.S)
    statussen = re.findall(r'class="status status--([a-z-]+)"', "".join(lijsten))
    assert len(statussen) == 30
    assert set(statussen) <= {"lopend", "geen-realisatie"}  # nothing entered yet
