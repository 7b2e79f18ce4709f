"""A civil servant signs in through their organisation's provider (a real OpenID Connect
provider on the loopback), in Chromium, and logs out at both ends; the pages pass axe and
reflow at 320 and 1280 px."""

import re

import pytest
from playwright.sync_api import Page, expect

from aanmelden.models import Identiteitsprovider
from core.models import Rol, User
from tests.aanmelden.conftest import provider_voor, zet_persoon

from .test_accessibility import BREEDTES, axe_source, reflow, violations  # noqa: F401


@pytest.fixture
def idp(monkeypatch):
    from oidc_provider_mock import run_server_in_thread

    with run_server_in_thread(require_nonce=True) as server:
        yield f"http://localhost:{server.server_port}"


def toegankelijk(page: Page, axe_source: str) -> list[str]:  # noqa: F811
    fouten = []
    for breedte in BREEDTES:
        fouten += reflow(page, breedte)
        fouten += [f"axe ({breedte} px): {fout}" for fout in violations(page, axe_source)]
    return fouten


def bij_de_provider(page: Page, organisatie, sub: str) -> None:
    page.goto("/inloggen/")
    page.get_by_role("link", name=f"Inloggen met uw organisatie: {organisatie}").click()
    page.locator("input[name=sub]").fill(sub)
    page.get_by_role("button", name="Authorize").click()


def test_a_civil_servant_signs_in_through_the_organisation_and_logs_out_at_both_ends(
    page,
    idp,
    monkeypatch,
    axe_source,  # noqa: F811
):
    organisatie = User.objects.get(username="maasvallei").organisatie
    provider = provider_voor(organisatie, idp, monkeypatch)
    provider.rolkoppelingen.create(groep="pm-beleid", rol=Rol.BELEIDSMEDEWERKER)
    zet_persoon(idp, "petra", email="petra@maasvallei.example", groups=["pm-beleid"])
    zet_persoon(idp, "zonder-rol", email="zonder@maasvallei.example")

    page.goto("/inloggen/")
    expect(page.get_by_role("heading", name="Inloggen met uw organisatie")).to_be_visible()
    assert toegankelijk(page, axe_source) == []

    bij_de_provider(page, organisatie, "zonder-rol")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nog geen toegang")
    assert toegankelijk(page, axe_source) == []

    page.goto(f"/inloggen/organisatie/{organisatie.slug}/terug/?state=onbekend&code=x")
    expect(page.get_by_role("heading", level=1)).to_have_text("Niet ingelogd")
    expect(page.get_by_role("alert")).to_contain_text("kon niet worden gecontroleerd")
    assert toegankelijk(page, axe_source) == []

    bij_de_provider(page, organisatie, "petra")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welkom")
    petra = User.objects.get(email="petra@maasvallei.example")
    assert petra.organisatie == organisatie and petra.rollen == {Rol.BELEIDSMEDEWERKER}

    page.get_by_role("button", name="Uitloggen").click()
    page.get_by_role("button", name="End session").click()  # the provider's own page
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    expect(page).to_have_url(re.compile(r"/inloggen/$"))
    page.goto("/")  # our session has ended too
    expect(page).to_have_url(re.compile(r"/inloggen/\?next=/$"))
    assert Identiteitsprovider.objects.get().identiteiten.count() == 2
