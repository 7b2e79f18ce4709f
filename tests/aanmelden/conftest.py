"""A real OpenID Connect provider on the loopback (oidc-provider-mock, in a thread), and the
organisations' providers pointing at it."""

from urllib.parse import urlsplit

import pytest
import requests
from django.urls import reverse
from oidc_provider_mock import run_server_in_thread

from aanmelden.models import Identiteitsprovider


@pytest.fixture(scope="session")
def idp_url():
    with run_server_in_thread(require_nonce=True) as server:
        yield f"http://localhost:{server.server_port}"


def provider_voor(organisatie, idp_url: str, monkeypatch, **velden) -> Identiteitsprovider:
    variabele = f"OIDC_GEHEIM_{organisatie.pk}"
    monkeypatch.setenv(variabele, f"geheim-{organisatie.pk}")
    waarden = {
        "issuer": idp_url,
        "authorization_endpoint": f"{idp_url}/oauth2/authorize",
        "token_endpoint": f"{idp_url}/oauth2/token",
        "userinfo_endpoint": f"{idp_url}/userinfo",
        "jwks_endpoint": f"{idp_url}/jwks",
        "end_session_endpoint": f"{idp_url}/oauth2/end_session",
        "client_id": f"prestatiemonitor-{organisatie.slug}",
        "geheim_variabele": variabele,
        **velden,
    }
    return Identiteitsprovider.objects.create(organisatie=organisatie, **waarden)


def zet_persoon(idp_url: str, sub: str, **claims) -> None:
    """The person as the provider knows them (its user store)."""
    requests.put(f"{idp_url}/users/{sub}", json=claims, timeout=5).raise_for_status()


def bij_provider_ingelogd(client, organisatie, sub: str) -> str:
    """Starts at our login, signs in at the provider as `sub`; returns our callback's URL
    (path and query) the provider sends the browser back to."""
    start = client.get(reverse("aanmelden:start", args=[organisatie.slug]))
    assert start.status_code == 302
    antwoord = requests.post(start["Location"], data={"sub": sub}, allow_redirects=False, timeout=5)
    assert antwoord.status_code == 302, antwoord.text
    terug = urlsplit(antwoord.headers["Location"])
    return f"{terug.path}?{terug.query}"


def log_in(client, organisatie, sub: str):
    return client.get(bij_provider_ingelogd(client, organisatie, sub))
