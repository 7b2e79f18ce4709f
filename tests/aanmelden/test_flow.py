"""The whole flow against a real provider: start, the provider's login, the callback."""

import pytest
from django.contrib.auth import SESSION_KEY

from aanmelden.models import Aanmeldgebeurtenis, Identiteit
from core.models import Rol, User

from .conftest import log_in, provider_voor, zet_persoon


@pytest.fixture
def provider_a(wereld, idp_url, monkeypatch):
    provider = provider_voor(wereld.corporatie_a, idp_url, monkeypatch)
    provider.rolkoppelingen.create(groep="pm-beleid", rol=Rol.BELEIDSMEDEWERKER)
    provider.rolkoppelingen.create(groep="pm-coordinatie", rol=Rol.COORDINATOR)
    return provider


def test_first_login_creates_the_user_in_the_providers_organisation_with_the_claims_role(
    client, wereld, provider_a, idp_url
):
    zet_persoon(
        idp_url, "anna-1", email="anna@corporatie-a.nl", groups=["pm-beleid", "andere-groep"]
    )
    response = log_in(client, wereld.corporatie_a, "anna-1")
    assert response.status_code == 302
    assert response["Location"] == "/"
    anna = User.objects.get(email="anna@corporatie-a.nl")
    assert anna.organisatie == wereld.corporatie_a
    assert set(anna.groups.values_list("name", flat=True)) == {Rol.BELEIDSMEDEWERKER}
    assert not anna.has_usable_password()
    assert client.session[SESSION_KEY] == str(anna.pk)
    start = client.get("/")
    assert start.status_code == 200
    assert "anna@corporatie-a.nl" in start.content.decode()
    gebeurtenis = Aanmeldgebeurtenis.objects.filter(gebruiker=anna, soort="ingelogd").get()
    assert gebeurtenis.via == "Corporatie A (OpenID Connect)"


def test_second_login_finds_the_same_user_and_follows_a_changed_group(
    client, wereld, provider_a, idp_url
):
    zet_persoon(idp_url, "bert-1", email="bert@corporatie-a.nl", groups=["pm-beleid"])
    log_in(client, wereld.corporatie_a, "bert-1")
    client.logout()
    zet_persoon(idp_url, "bert-1", email="bert@corporatie-a.nl", groups=["pm-coordinatie"])
    response = log_in(client, wereld.corporatie_a, "bert-1")
    assert response.status_code == 302
    bert = User.objects.get(email="bert@corporatie-a.nl")
    assert User.objects.filter(email="bert@corporatie-a.nl").count() == 1
    assert Identiteit.objects.get(provider=provider_a, sub="bert-1").gebruiker == bert
    assert set(bert.groups.values_list("name", flat=True)) == {Rol.COORDINATOR}
    wijziging = Aanmeldgebeurtenis.objects.filter(gebruiker=bert, soort="rol_gewijzigd")
    assert [g.omschrijving for g in wijziging.order_by("pk")] == [
        "+ beleidsmedewerker",
        "− beleidsmedewerker",
        "+ coördinator",
    ]
    assert {g.via for g in wijziging} == {"openid connect"}


def test_an_existing_local_user_of_the_organisation_is_matched_by_email(
    client, wereld, provider_a, idp_url
):
    wereld.eigenaar.email = "Eigenaar@Corporatie-A.nl"
    wereld.eigenaar.save()
    zet_persoon(idp_url, "eig-1", email="eigenaar@corporatie-a.nl", groups=["pm-beleid"])
    assert log_in(client, wereld.corporatie_a, "eig-1").status_code == 302
    assert client.session[SESSION_KEY] == str(wereld.eigenaar.pk)
    assert Identiteit.objects.get(sub="eig-1").gebruiker == wereld.eigenaar


def test_a_user_of_another_organisation_with_that_email_is_not_taken_over(
    client, wereld, provider_a, idp_url
):
    wereld.buitenstaander.email = "b@corporatie-b.nl"
    wereld.buitenstaander.save()
    zet_persoon(idp_url, "b-1", email="b@corporatie-b.nl", groups=["pm-beleid"])
    response = log_in(client, wereld.corporatie_a, "b-1")
    assert response.status_code == 403
    assert "Er is al een ander account met dit e-mailadres" in response.content.decode()
    assert SESSION_KEY not in client.session
    assert not Identiteit.objects.exists()


def test_a_claim_naming_another_organisation_is_ignored(client, wereld, provider_a, idp_url):
    zet_persoon(
        idp_url,
        "claimt-b",
        email="c@corporatie-a.nl",
        groups=["pm-beleid"],
        organisatie="corporatie-b",
        organization="Corporatie B",
    )
    log_in(client, wereld.corporatie_a, "claimt-b")
    assert User.objects.get(email="c@corporatie-a.nl").organisatie == wereld.corporatie_a


def test_without_a_role_the_user_reads_whom_to_ask_and_gets_no_access(
    client, wereld, idp_url, monkeypatch
):
    provider_voor(wereld.gemeente, idp_url, monkeypatch)  # maps no groups: roles by hand
    zet_persoon(idp_url, "nieuw-1", email="nieuw@testdorp.nl")
    response = log_in(client, wereld.gemeente, "nieuw-1")
    assert response.status_code == 403
    tekst = response.content.decode()
    assert "Nog geen toegang" in tekst
    assert "coordinator" in tekst  # the gemeente's coördinator, by name
    assert "elders" not in tekst  # not another organisation's coördinator
    assert SESSION_KEY not in client.session
    nieuw = User.objects.get(email="nieuw@testdorp.nl")
    assert nieuw.organisatie == wereld.gemeente and not nieuw.groups.exists()
    assert Aanmeldgebeurtenis.objects.filter(gebruiker=nieuw, soort="geen_rol").exists()
    # the coördinator gives a role: the next login gets in
    nieuw.groups.add(*wereld.bestuurder.groups.all())
    assert log_in(client, wereld.gemeente, "nieuw-1").status_code == 302
    assert client.session[SESSION_KEY] == str(nieuw.pk)


def test_the_login_page_offers_each_organisation_next_to_the_form(client, wereld, provider_a):
    tekst = client.get("/inloggen/").content.decode()
    assert "Inloggen met uw organisatie" in tekst
    assert f'href="/inloggen/organisatie/{wereld.corporatie_a.slug}/"' in tekst
    assert 'name="password"' in tekst


def test_local_login_refused_when_the_organisation_switched_it_off(client, wereld, provider_a):
    provider_a.lokaal_inloggen = False
    provider_a.save()
    data = {"username": "eigenaar", "password": "geheim-wachtwoord-1"}
    response = client.post("/inloggen/", data)
    assert response.status_code == 200
    assert "logt in via haar eigen inlogdienst" in response.content.decode()
    assert SESSION_KEY not in client.session
    # another organisation's user still signs in with a password
    data = {"username": "buitenstaander", "password": "geheim-wachtwoord-1"}
    assert client.post("/inloggen/", data).status_code == 302


def test_beheers_own_login_page_refuses_the_switched_off_password_too(client, wereld, provider_a):
    provider_a.lokaal_inloggen = False
    provider_a.save()
    User.objects.filter(username="eigenaar").update(is_staff=True)
    data = {"username": "eigenaar", "password": "geheim-wachtwoord-1", "next": "/beheer/"}
    response = client.post("/beheer/login/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "logt in via haar eigen inlogdienst" in html
    # Beheer's page has no provider button: the message leads to the page that has one
    assert '<a href="/inloggen/?next=/beheer/">de inlogpagina</a>' in html
    assert SESSION_KEY not in client.session
    # with the switch on again the same staff member gets in
    provider_a.lokaal_inloggen = True
    provider_a.save()
    assert client.post("/beheer/login/", data).status_code == 302
    assert SESSION_KEY in client.session


def test_local_logins_and_failures_are_in_the_audit_history(client, wereld):
    client.post("/inloggen/", {"username": "eigenaar", "password": "fout"})
    client.post("/inloggen/", {"username": "eigenaar", "password": "geheim-wachtwoord-1"})
    soorten = list(
        Aanmeldgebeurtenis.objects.filter(
            gebruikersnaam="eigenaar", soort__in=["mislukt", "ingelogd"]
        )
        .order_by("pk")
        .values_list("soort", "via")
    )
    assert soorten == [("mislukt", "wachtwoord"), ("ingelogd", "wachtwoord")]
