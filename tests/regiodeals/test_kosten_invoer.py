"""The coördinator enters a year's realised costs; nobody else can."""

from decimal import Decimal

import pytest
from django.urls import reverse

from core.models import Rol
from regiodeals.models import Kosten
from tests.rooster import rooster_post

MLN = Decimal(1_000_000)


@pytest.fixture
def deals(deal_factory):
    eigen = deal_factory("Eigen", 10 * MLN)
    eigen.startdatum, eigen.einddatum = "2025-01-01", "2028-12-31"
    eigen.save()
    return eigen, deal_factory("Ander", 10 * MLN)


def url(deal, jaar=2025):
    return reverse("regiodeals:kosten", args=[deal.slug, jaar])


def veld(deal, bron="rijk"):
    return f"waarde_{deal.posten.get(naam='Werken').pk}_{bron}"


def test_coordinator_enters_costs_per_source_in_dutch_notation(client, deals, user_factory):
    eigen, _ = deals
    client.force_login(user_factory("coord", eigen.penvoerder, Rol.COORDINATOR))

    response = rooster_post(
        client,
        url(eigen),
        {veld(eigen): "1.250.000,50", veld(eigen, "regionaal_publiek"): "900.000"},
    )

    assert response.status_code == 302
    assert dict(Kosten.objects.values_list("bron", "bedrag")) == {
        "rijk": Decimal("1250000.50"),
        "regionaal_publiek": Decimal("900000"),
    }
    pagina = client.get(eigen.get_absolute_url())
    assert pagina.context["financien"].rijksbijdrage == Decimal("1075000.25")


def test_coordinator_cannot_enter_another_deals_costs(client, deals, user_factory):
    eigen, ander = deals
    client.force_login(user_factory("coord", eigen.penvoerder, Rol.COORDINATOR))

    assert client.get(url(ander)).status_code == 403
    assert client.post(url(ander), {veld(ander): "5"}).status_code == 403
    assert not Kosten.objects.exists()


def test_bestuurder_enters_nothing(client, deals, user_factory):
    eigen, _ = deals
    client.force_login(user_factory("wethouder", eigen.penvoerder, Rol.BESTUURDER))

    assert client.post(url(eigen), {veld(eigen): "5"}).status_code == 403
    assert not Kosten.objects.exists()


def test_one_bad_cell_saves_nothing(client, deals, user_factory):
    eigen, _ = deals
    client.force_login(user_factory("coord", eigen.penvoerder, Rol.COORDINATOR))

    response = rooster_post(
        client, url(eigen), {veld(eigen): "100", veld(eigen, "regionaal_privaat"): "-5"}
    )

    assert response.status_code == 400
    assert response.context["form"].errors[veld(eigen, "regionaal_privaat")] == [
        "Een negatief getal is hier niet toegestaan."
    ]
    assert not Kosten.objects.exists()


def test_a_year_outside_the_term_is_not_found_and_nothing_is_stored(client, deals, user_factory):
    eigen, _ = deals
    client.force_login(user_factory("coord", eigen.penvoerder, Rol.COORDINATOR))
    versie = veld(eigen).replace("waarde_", "versie_")

    pagina = client.get(url(eigen, 2031))
    response = client.post(url(eigen, 2031), {veld(eigen): "100", versie: "0"})

    assert pagina.status_code == response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()
    assert not Kosten.objects.exists()
