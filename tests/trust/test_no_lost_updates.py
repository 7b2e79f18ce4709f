"""Two people open the same grid; one saves, then the other: the second is told, with both
values, and nothing is overwritten. Saving again after seeing the conflict is deliberate."""

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from core.models import User
from regiodeals.models import Kosten, Regiodeal
from tests.rooster import formulier


@dataclass
class TweeSchermen:
    """The owner and a colleague each have the 2015 realisation grid open (`door_*`: what
    their form would post back); `veld` is corporation A's Nieuwbouw."""

    url: str
    veld: str
    eerste: Client
    tweede: Client
    door_eerste: dict[str, str]
    door_tweede: dict[str, str]


@pytest.fixture
def schermen(wereld) -> TweeSchermen:
    url = reverse("core:invoer", args=[wereld.dossier.slug, 2015, "realisatie"])
    eerste, tweede = Client(), Client()
    eerste.force_login(wereld.eigenaar)
    tweede.force_login(wereld.collega)
    return TweeSchermen(
        url=url,
        veld=f"waarde_{wereld.nieuwbouw.pk}_{wereld.corporatie_a.pk}",
        eerste=eerste,
        tweede=tweede,
        door_eerste=formulier(eerste.get(url).content.decode()),
        door_tweede=formulier(tweede.get(url).content.decode()),
    )


def test_the_second_save_on_the_same_grid_gets_both_values_and_overwrites_nothing(wereld, schermen):
    url, veld, tweede = schermen.url, schermen.veld, schermen.tweede
    assert schermen.door_eerste[veld] == "60"

    assert schermen.eerste.post(url, schermen.door_eerste | {veld: "61"}).status_code == 302
    conflict = tweede.post(url, schermen.door_tweede | {veld: "75"})

    assert conflict.status_code == 409
    html = conflict.content.decode()
    assert "Er is niets overschreven" in html
    assert "‘Nieuwbouw’: uw waarde 75, opgeslagen waarde 61" in html
    wereld.waarde_a.refresh_from_db()
    assert wereld.waarde_a.waarde == 61
    assert wereld.waarde_a.versie == 2

    # The page kept the second person's value and now carries the stored version:
    # saving again is a choice made knowing the other value.
    opnieuw = formulier(html)
    assert opnieuw[veld] == "75"
    assert tweede.post(url, opnieuw).status_code == 302
    wereld.waarde_a.refresh_from_db()
    assert (wereld.waarde_a.waarde, wereld.waarde_a.versie) == (75, 3)


def test_a_figure_removed_in_between_is_a_conflict_too(wereld, schermen):
    url, veld = schermen.url, schermen.veld

    schermen.eerste.post(url, schermen.door_eerste | {veld: ""})
    conflict = schermen.tweede.post(url, schermen.door_tweede | {veld: "62"})

    assert conflict.status_code == 409
    assert "uw waarde 62, opgeslagen waarde (leeg) (verwijderd)" in conflict.content.decode()
    assert not wereld.nieuwbouw.waarden.filter(organisatie=wereld.corporatie_a).exists()


def test_saving_what_is_already_stored_is_no_conflict(wereld, schermen):
    url, veld = schermen.url, schermen.veld

    schermen.eerste.post(url, schermen.door_eerste | {veld: "61"})
    tweede = schermen.tweede.post(url, schermen.door_tweede | {veld: "61"})

    assert tweede.status_code == 302
    wereld.waarde_a.refresh_from_db()
    assert (wereld.waarde_a.waarde, wereld.waarde_a.versie) == (61, 2)
    assert wereld.waarde_a.ingevoerd_door == wereld.eigenaar  # the second save changed nothing
    assert 'value="61"' in schermen.tweede.get(url).content.decode()


ZONDER_VERSIES = "dit formulier zegt niet van welke versie van de cijfers het uitgaat"


def test_a_grid_post_without_versions_is_refused_as_a_conflict(wereld, schermen):
    """A hand-made client that leaves out the versie_* fields cannot overwrite unseen."""
    url, veld = schermen.url, schermen.veld
    zonder = {naam: w for naam, w in schermen.door_tweede.items() if not naam.startswith("versie_")}

    response = schermen.tweede.post(url, zonder | {veld: "75"})

    assert response.status_code == 409
    html = response.content.decode()
    assert "Er is niets opgeslagen" in html and ZONDER_VERSIES in html
    wereld.waarde_a.refresh_from_db()
    assert (wereld.waarde_a.waarde, wereld.waarde_a.versie) == (60, 1)
    # Nor with the version of one cell left out, or sent empty.
    leeg = schermen.door_tweede | {veld: "75", veld.replace("waarde_", "versie_"): ""}
    assert schermen.tweede.post(url, leeg).status_code == 409
    wereld.waarde_a.refresh_from_db()
    assert wereld.waarde_a.waarde == 60


def test_the_cost_grid_refuses_a_lost_update_as_well(brondata):
    deal = Regiodeal.objects.get(slug="regio-deal-groningen-noord-ii")
    url = reverse("regiodeals:kosten", args=[deal.slug, 2024])
    groningen, beheerder = Client(), Client()
    groningen.force_login(User.objects.get(username="groningen"))
    beheerder.force_login(User.objects.get(username="beheerder"))
    door_groningen = formulier(groningen.get(url).content.decode())
    door_beheerder = formulier(beheerder.get(url).content.decode())
    veld = next(naam for naam in door_groningen if naam.startswith("waarde_"))

    assert groningen.post(url, door_groningen | {veld: "1.000"}).status_code == 302
    conflict = beheerder.post(url, door_beheerder | {veld: "2.500,50"})

    assert conflict.status_code == 409
    assert "uw waarde 2.500,50, opgeslagen waarde 1.000" in conflict.content.decode()
    assert [k.bedrag for k in Kosten.objects.filter(post__regiodeal=deal, jaar=2024)] == [
        Decimal("1000.00")
    ]


def test_a_cost_grid_post_without_versions_is_refused_as_a_conflict(brondata):
    deal = Regiodeal.objects.get(slug="regio-deal-groningen-noord-ii")
    url = reverse("regiodeals:kosten", args=[deal.slug, 2024])
    groningen = Client()
    groningen.force_login(User.objects.get(username="groningen"))
    velden = formulier(groningen.get(url).content.decode())
    veld = next(naam for naam in velden if naam.startswith("waarde_"))
    assert groningen.post(url, velden | {veld: "1.000"}).status_code == 302
    zonder = {naam: w for naam, w in velden.items() if not naam.startswith("versie_")}

    response = groningen.post(url, zonder | {veld: "2.500,50"})

    assert response.status_code == 409
    assert ZONDER_VERSIES in response.content.decode()
    assert [k.bedrag for k in Kosten.objects.filter(post__regiodeal=deal, jaar=2024)] == [
        Decimal("1000.00")
    ]
