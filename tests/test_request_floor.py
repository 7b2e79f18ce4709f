"""The benchmark's fair floor (benchmarks/verzoekvloer.py): an empty page and an empty response
for a logged-in reader, through the product's own middleware, reachable only in the benchmark's
process."""

import pytest

from core.models import Rol


@pytest.fixture
def lezer(client, user_factory, organisatie_factory):
    gemeente = organisatie_factory("Gemeente Meetstad")
    client.force_login(user_factory("meter", gemeente, Rol.BESTUURDER))
    return client


def test_the_floor_pages_do_not_exist_in_the_product(lezer):
    assert lezer.get("/_vloer/leeg/").status_code == 404
    assert lezer.get("/_vloer/kaal/").status_code == 404


def test_the_empty_page_is_the_base_template_with_its_menu_and_headers(lezer, settings):
    settings.ROOT_URLCONF = "benchmarks.verzoekvloer"
    leeg = lezer.get("/_vloer/leeg/")
    assert leeg.status_code == 200
    html = leeg.content.decode()
    assert "Prestatiemonitor" in html and "<nav" in html
    assert "Content-Security-Policy" in leeg.headers
    kaal = lezer.get("/_vloer/kaal/")
    assert kaal.status_code == 200 and kaal.content == b""
    # the site's own pages stay where they are
    assert lezer.get("/afspraken/").status_code == 200


def test_the_floor_pages_ask_a_login_like_every_page(client, settings, db):
    settings.ROOT_URLCONF = "benchmarks.verzoekvloer"
    antwoord = client.get("/_vloer/leeg/")
    assert antwoord.status_code == 302 and "/inloggen/" in antwoord["Location"]
