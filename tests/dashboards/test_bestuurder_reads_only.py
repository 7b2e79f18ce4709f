"""A bestuurder reads every dashboard and reaches no edit URL."""

import pytest
from django.urls import reverse

from core.models import Dossier, Indicator


def test_bestuurder_reaches_every_dashboard(als):
    client = als("bestuurder")
    for dossier in Dossier.objects.all():
        assert client.get(reverse("dashboards:dossier", args=[dossier.slug])).status_code == 200
        assert (
            client.get(reverse("dashboards:vergelijking", args=[dossier.slug])).status_code == 200
        )
    for indicator in Indicator.objects.select_related("dossier"):
        url = reverse("dashboards:trend", args=[indicator.dossier.slug, indicator.code])
        assert client.get(url).status_code == 200
    assert client.get(reverse("dashboards:cijfers")).status_code == 200
    assert client.get(reverse("start")).status_code == 200


@pytest.mark.parametrize(
    ("methode", "url"),
    [
        ("get", "/dossiers/maastricht-2015/invoer/2015/realisatie/"),
        ("post", "/dossiers/maastricht-2015/invoer/2015/realisatie/"),
        ("get", "/dossiers/maastricht-2015/invoer/2015/plan/?organisatie=gemeente-maastricht"),
        ("post", "/dossiers/maastricht-2015/invoer/2015/realisatie/indienen/"),
        ("post", "/dossiers/maastricht-2015/invoer/2014/realisatie/heropenen/"),
        ("get", "/regiodeals/regio-deal-groningen-noord-ii/kosten/2025/"),
        ("post", "/regiodeals/regio-deal-groningen-noord-ii/kosten/2025/"),
        ("get", "/dossiers/sociaal-vitaal-in-kleine-kernen/invoer/2017/realisatie/"),
    ],
)
def test_bestuurder_is_refused_every_edit_url(als, methode, url):
    response = getattr(als("bestuurder"), methode)(url)

    assert response.status_code == 403


def test_bestuurder_is_refused_the_admin(als):
    response = als("bestuurder").get("/beheer/")

    assert response.status_code == 302 and "/beheer/login/" in response["Location"]


@pytest.mark.parametrize(
    "slug", ["maastricht-2015", "regio-deal-groningen-noord-ii", "sociaal-vitaal-in-kleine-kernen"]
)
def test_dashboards_offer_a_bestuurder_no_edit_link(als, slug):
    html = als("bestuurder").get(reverse("dashboards:dossier", args=[slug])).content.decode()

    assert (
        "/invoer/" not in html and "/kosten/" not in html and "<form" not in html.split("<main")[1]
    )
