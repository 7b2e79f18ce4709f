"""A user who came in through their organisation's provider, with the role of a demo account,
meets every URL of the access matrix exactly as that demo account does."""

import pytest
from django.test import Client

from aanmelden.models import Identiteitsprovider
from core.models import User
from core.services import DEMO_ACCOUNTS
from tests.trust.test_access_matrix import gevallen, vraag, wereld_van_partijen  # noqa: F401

from .conftest import log_in, provider_voor, zet_persoon


@pytest.mark.parametrize("demo", ["maasvallei", "groningen"])
def test_an_oidc_user_meets_the_matrix_as_the_demo_account_with_that_role(
    wereld_van_partijen,  # noqa: F811
    idp_url,
    monkeypatch,
    demo,
):
    account = User.objects.get(username=demo)
    provider = provider_voor(account.organisatie, idp_url, monkeypatch)
    for rol in DEMO_ACCOUNTS[demo][1]:
        provider.rolkoppelingen.create(groep=f"pm-{rol.value}", rol=rol.value)
    zet_persoon(
        idp_url,
        f"oidc-{demo}",
        email=f"oidc-{demo}@example.org",
        groups=[f"pm-{rol.value}" for rol in DEMO_ACCOUNTS[demo][1]],
    )
    client = Client()
    assert log_in(client, account.organisatie, f"oidc-{demo}").status_code == 302
    nieuw = User.objects.get(email=f"oidc-{demo}@example.org")
    assert nieuw.organisatie == account.organisatie and nieuw.rollen == account.rollen
    afwijkingen = []
    for lijst in gevallen(wereld_van_partijen).values():
        for geval in lijst:
            client.force_login(nieuw, backend="aanmelden.backends.OrganisatieBackend")
            status = vraag(client, geval).status_code
            verwacht = (200, 302) if demo in geval.mag else (403,)
            if status not in verwacht:
                afwijkingen.append(f"{geval.methode.upper()} {geval.url}: {status}, {verwacht}")
    assert not afwijkingen, "\n".join(afwijkingen)
    assert Identiteitsprovider.objects.count() == 1
