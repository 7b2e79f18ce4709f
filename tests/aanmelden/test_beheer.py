"""Providers kept in Beheer by the beheerder; the audit history read there, never edited."""

import pytest
from django.core.exceptions import ValidationError

from aanmelden.models import Aanmeldgebeurtenis, Identiteitsprovider, Rolkoppeling
from core.models import Rol
from historie.context import wijzigingscontext

from .conftest import provider_voor


def test_the_beheerder_adds_a_provider_and_reads_the_audit_history(client, wereld):
    wereld.beheerder.is_staff = wereld.beheerder.is_superuser = True
    wereld.beheerder.save()
    client.force_login(wereld.beheerder)
    assert client.get("/beheer/aanmelden/identiteitsprovider/add/").status_code == 200
    lijst = client.get("/beheer/aanmelden/aanmeldgebeurtenis/")
    assert lijst.status_code == 200
    assert "beheer" in lijst.content.decode()  # the login just made
    gebeurtenis = Aanmeldgebeurtenis.objects.first()
    wijzig = client.post(f"/beheer/aanmelden/aanmeldgebeurtenis/{gebeurtenis.pk}/delete/")
    assert wijzig.status_code == 403


def test_an_outsider_does_not_reach_the_providers_in_beheer(client, wereld):
    client.force_login(wereld.coordinator)
    response = client.get("/beheer/aanmelden/identiteitsprovider/")
    assert response.status_code == 302 and "/beheer/login/" in response["Location"]


def test_a_provider_signing_with_its_keys_needs_their_address(wereld, idp_url, monkeypatch):
    provider = provider_voor(wereld.corporatie_a, idp_url, monkeypatch, jwks_endpoint="")
    with pytest.raises(ValidationError) as fout:
        provider.full_clean()
    assert fout.value.error_dict["jwks_endpoint"][0].code == "jwks_nodig"
    provider.algoritme = Identiteitsprovider.Algoritme.HS256
    provider.full_clean()


def test_no_provider_hands_out_the_beheerder_role(wereld, idp_url, monkeypatch):
    provider = provider_voor(wereld.corporatie_a, idp_url, monkeypatch)
    koppeling = Rolkoppeling(provider=provider, groep="admins", rol=Rol.BEHEERDER)
    with pytest.raises(ValidationError):
        koppeling.full_clean()


def test_a_role_given_in_the_application_is_in_the_audit_history_with_who_gave_it(wereld):
    from django.contrib.auth.models import Group

    with wijzigingscontext(door=wereld.coordinator, bron="scherm"):
        wereld.eigenaar.groups.add(Group.objects.get(name=Rol.COORDINATOR))
    gebeurtenis = Aanmeldgebeurtenis.objects.filter(gebruiker=wereld.eigenaar).latest("pk")
    assert gebeurtenis.soort == "rol_gewijzigd"
    assert gebeurtenis.omschrijving == "+ coördinator"
    assert (gebeurtenis.door, gebeurtenis.via) == (wereld.coordinator, "scherm")
