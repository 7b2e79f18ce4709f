"""Refused, with a Dutch page, nothing created, and logged: a wrong state or nonce, a tampered,
expired or foreign token, a missing e-mail claim."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import SESSION_KEY
from oidc_provider_mock import run_server_in_thread

from aanmelden.backends import OrganisatieBackend
from aanmelden.models import Aanmeldgebeurtenis, Identiteit
from core.models import Rol, User

from .conftest import bij_provider_ingelogd, log_in, provider_voor, zet_persoon


@pytest.fixture
def provider_a(wereld, idp_url, monkeypatch):
    provider = provider_voor(wereld.corporatie_a, idp_url, monkeypatch)
    provider.rolkoppelingen.create(groep="pm-beleid", rol=Rol.BELEIDSMEDEWERKER)
    return provider


def _geweigerd(response, client, code: str) -> None:
    assert response.status_code == 403
    assert "Niet ingelogd" in response.content.decode()
    assert SESSION_KEY not in client.session
    assert not User.objects.filter(email__endswith="@kwaad.nl").exists()
    assert not Identiteit.objects.exists()
    gebeurtenis = Aanmeldgebeurtenis.objects.get(soort="mislukt")
    assert gebeurtenis.omschrijving.startswith(code)
    assert gebeurtenis.via == "Corporatie A (OpenID Connect)"


def test_a_tampered_token_is_refused(client, wereld, provider_a, idp_url, monkeypatch):
    zet_persoon(idp_url, "kwaad-1", email="kwaad@kwaad.nl", groups=["pm-beleid"])
    echte_get_token = OrganisatieBackend.get_token

    def vervalst(self, payload):
        antwoord = echte_get_token(self, payload)
        kop, inhoud, handtekening = antwoord["id_token"].split(".")
        inhoud = inhoud[:-4] + ("AAAA" if inhoud[-4:] != "AAAA" else "BBBB")
        antwoord["id_token"] = f"{kop}.{inhoud}.{handtekening}"
        return antwoord

    monkeypatch.setattr(OrganisatieBackend, "get_token", vervalst)
    _geweigerd(log_in(client, wereld.corporatie_a, "kwaad-1"), client, "token_ongeldig")


def test_a_wrong_nonce_is_refused(client, wereld, provider_a, idp_url):
    zet_persoon(idp_url, "kwaad-2", email="kwaad@kwaad.nl", groups=["pm-beleid"])
    terug = bij_provider_ingelogd(client, wereld.corporatie_a, "kwaad-2")
    sessie = client.session
    for staat in sessie["oidc_states"].values():
        staat["nonce"] = "een-andere-nonce"
    sessie.save()
    _geweigerd(client.get(terug), client, "token_ongeldig")


def test_an_unknown_state_is_refused(client, wereld, provider_a, idp_url):
    zet_persoon(idp_url, "kwaad-3", email="kwaad@kwaad.nl", groups=["pm-beleid"])
    terug = bij_provider_ingelogd(client, wereld.corporatie_a, "kwaad-3")
    pad, query = terug.split("?")
    response = client.get(f"{pad}?{query.replace('state=', 'state=x')}")
    _geweigerd(response, client, "state_onbekend")


def test_a_state_older_than_a_quarter_of_an_hour_is_refused(client, wereld, provider_a, idp_url):
    zet_persoon(idp_url, "kwaad-8", email="kwaad@kwaad.nl", groups=["pm-beleid"])
    terug = bij_provider_ingelogd(client, wereld.corporatie_a, "kwaad-8")
    sessie = client.session
    for staat in sessie["oidc_states"].values():
        staat["added_on"] -= 16 * 60
    sessie.save()
    _geweigerd(client.get(terug), client, "state_verlopen")


def test_an_expired_token_is_refused(client, wereld, monkeypatch):
    with run_server_in_thread(access_token_max_age=timedelta(seconds=-60)) as server:
        url = f"http://localhost:{server.server_port}"
        provider_voor(wereld.corporatie_a, url, monkeypatch)
        zet_persoon(url, "kwaad-4", email="kwaad@kwaad.nl")
        response = log_in(client, wereld.corporatie_a, "kwaad-4")
    _geweigerd(response, client, "token_ongeldig")
    assert "Signature has expired" in Aanmeldgebeurtenis.objects.get(soort="mislukt").omschrijving


def test_a_missing_email_claim_is_refused(client, wereld, provider_a, idp_url):
    zet_persoon(idp_url, "kwaad-5", name="Zonder Adres", groups=["pm-beleid"])
    response = log_in(client, wereld.corporatie_a, "kwaad-5")
    _geweigerd(response, client, "geen_email")
    assert "geen e-mailadres" in response.content.decode()


def test_the_answer_for_one_organisations_provider_is_refused_at_anothers(
    client, wereld, provider_a, idp_url, monkeypatch
):
    provider_voor(wereld.corporatie_b, idp_url, monkeypatch)
    zet_persoon(idp_url, "kwaad-6", email="kwaad@kwaad.nl", groups=["pm-beleid"])
    terug = bij_provider_ingelogd(client, wereld.corporatie_a, "kwaad-6")
    elders = terug.replace("/corporatie-a/", "/corporatie-b/")
    response = client.get(elders)
    assert response.status_code == 403
    assert SESSION_KEY not in client.session
    assert not Identiteit.objects.exists()
    assert Aanmeldgebeurtenis.objects.get(soort="mislukt").via == "Corporatie B (OpenID Connect)"


def test_a_token_from_another_issuer_is_refused(client, wereld, idp_url, monkeypatch):
    provider_voor(wereld.corporatie_a, idp_url, monkeypatch, issuer="https://login.elders.nl")
    zet_persoon(idp_url, "kwaad-7", email="kwaad@kwaad.nl")
    response = log_in(client, wereld.corporatie_a, "kwaad-7")
    _geweigerd(response, client, "token_ongeldig")
    assert "issuer" in Aanmeldgebeurtenis.objects.get(soort="mislukt").omschrijving


def test_logout_ends_our_session_and_the_providers(client, wereld, provider_a, idp_url):
    import requests

    zet_persoon(idp_url, "uit-1", email="uit@corporatie-a.nl", groups=["pm-beleid"])
    log_in(client, wereld.corporatie_a, "uit-1")
    id_token = client.session["oidc_id_token"]
    response = client.post("/uitloggen/")
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
    assert client.get("/").status_code == 302  # to the login page
    link = response.context["url"]
    assert link.startswith(f"{idp_url}/oauth2/end_session?")
    assert f"id_token_hint={id_token}" in link
    # the provider ends its session and sends the browser back to our login page
    bevestig = requests.get(link, timeout=5)
    assert bevestig.status_code == 200
    terug = requests.post(
        f"{idp_url}/oauth2/end_session/confirm",
        data={"redirect_uri": "http://testserver/inloggen/"},
        allow_redirects=False,
        timeout=5,
    )
    assert urlsplit(terug.headers["Location"]).path == "/inloggen/"
    assert Aanmeldgebeurtenis.objects.filter(soort="uitgelogd").exists()


def test_a_session_idle_too_long_is_logged_out(client, wereld, settings):
    settings.SESSION_IDLE_MINUTES = 30
    client.force_login(wereld.eigenaar)
    assert client.get("/").status_code == 200
    sessie = client.session
    sessie["laatst_actief"] -= 31 * 60
    sessie.save()
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/inloggen/")
    assert SESSION_KEY not in client.session
