"""Organisations and their users in the application: the beheerder keeps them all, a
coördinator those of their dossier's parties; a new user sets a password by a one-time link."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import Organisatie, Rol, User


def tekst(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def collega(email: str, *rollen: Rol, **extra) -> dict:
    return {
        "actie": "collega",
        "voornaam": "Anne",
        "achternaam": "de Vries",
        "email": email,
        "rollen": [rol.value for rol in rollen],
        **extra,
    }


@pytest.fixture
def elders(organisatie_factory):
    """An organisation that is no party of the coördinator's dossier."""
    return organisatie_factory("Corporatie C")


def test_the_beheerder_adds_an_organisation_and_a_user_who_sets_a_password_by_the_link(
    client, wereld
):
    beheerder = wereld.beheerder
    beheerder.first_name, beheerder.last_name = "Bea", "Heer"
    beheerder.save()
    client.force_login(beheerder)
    response = client.post(
        reverse("inrichting:organisaties"),
        {"naam": "Gemeente Nieuwdorp", "afkorting": "", "soort": "gemeente"},
    )
    organisatie = Organisatie.objects.get(naam="Gemeente Nieuwdorp")
    assert organisatie.soort == "gemeente" and organisatie.slug == "gemeente-nieuwdorp"
    assert response["Location"] == reverse("inrichting:organisatie", args=[organisatie.slug])

    url = reverse("inrichting:organisatie", args=[organisatie.slug])
    response = client.post(url, collega("Anne.deVries@nieuwdorp.nl", Rol.BEHEERDER, Rol.BESTUURDER))
    assert response.status_code == 302
    nieuw = User.objects.get(email="Anne.deVries@nieuwdorp.nl")
    assert nieuw.username == "anne.devries@nieuwdorp.nl"
    assert (nieuw.organisatie, nieuw.has_usable_password()) == (organisatie, False)
    assert nieuw.rollen == {"beheerder", "bestuurder"} and nieuw.is_staff

    [bericht] = mail.outbox
    assert bericht.to == ["Anne.deVries@nieuwdorp.nl"]
    assert "Bea Heer heeft u toegevoegd" in bericht.body
    assert "voor Gemeente Nieuwdorp" in bericht.body
    link = re.search(r"http://testserver(/wachtwoord/\S+/)", bericht.body).group(1)
    pagina = tekst(client.get(url))
    assert "Anne de Vries" in pagina and "beheerder, bestuurder" in pagina
    assert "wacht op wachtwoord" in pagina

    client.logout()
    response = client.get(link, follow=True)  # Django swaps the token for a session key
    assert "Wachtwoord instellen" in tekst(response)
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "Zomer-Maas-2026", "new_password2": "Zomer-Maas-2026"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("login")
    assert "Uw wachtwoord is ingesteld. U kunt nu inloggen." in tekst(response)
    response = client.post(
        reverse("login"),
        {"username": "anne.devries@nieuwdorp.nl", "password": "Zomer-Maas-2026"},
    )
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(nieuw.pk)
    client.logout()
    assert "Deze link werkt niet meer" in tekst(client.get(link, follow=True))


def test_a_coordinator_adds_a_colleague_to_a_party_of_their_dossier_never_as_beheerder(
    client, wereld
):
    client.force_login(wereld.coordinator)
    url = reverse("inrichting:organisatie", args=[wereld.corporatie_a.slug])
    response = client.post(url, collega("jan@corporatie-a.nl", Rol.BELEIDSMEDEWERKER))
    assert response.status_code == 302
    jan = User.objects.get(email="jan@corporatie-a.nl")
    assert (jan.organisatie, jan.rollen) == (wereld.corporatie_a, {"beleidsmedewerker"})
    assert "voor Corporatie A" in mail.outbox[0].body

    response = client.post(url, collega("piet@corporatie-a.nl", Rol.BEHEERDER))
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in tekst(response)
    assert "beheerder" not in [c for c, _ in response.context["collega"].fields["rollen"].choices]
    assert not User.objects.filter(email="piet@corporatie-a.nl").exists()
    assert len(mail.outbox) == 1


def test_a_coordinator_keeps_their_own_organisation_but_not_one_outside_their_dossiers(
    client, wereld, elders
):
    client.force_login(wereld.andere_coordinator)  # coordinates no dossier
    eigen = reverse("inrichting:organisatie", args=[wereld.corporatie_b.slug])
    assert client.get(eigen).status_code == 200
    for slug in (elders.slug, wereld.gemeente.slug):
        url = reverse("inrichting:organisatie", args=[slug])
        assert client.get(url).status_code == 403
        assert client.post(url, collega("x@elders.nl", Rol.BESTUURDER)).status_code == 403
    assert not User.objects.filter(email="x@elders.nl").exists()
    assert mail.outbox == []


def test_a_coordinator_adds_a_new_organisation_and_is_told_to_make_it_a_party(client, wereld):
    client.force_login(wereld.coordinator)
    response = client.post(
        reverse("inrichting:organisaties"),
        {"naam": "Huurdersvereniging Testdorp", "afkorting": "HVT", "soort": "huurdersorganisatie"},
        follow=True,
    )
    assert Organisatie.objects.filter(naam="Huurdersvereniging Testdorp", afkorting="HVT").exists()
    assert "Maak haar partij van uw dossier" in tekst(response)


@pytest.mark.parametrize("wie", ["bestuurder", "eigenaar"])
def test_who_is_no_beheerder_or_coordinator_is_refused(client, wereld, wie):
    client.force_login(getattr(wereld, wie))
    assert client.get(reverse("inrichting:organisaties")).status_code == 403
    response = client.post(
        reverse("inrichting:organisaties"), {"naam": "Stichting X", "soort": "overig"}
    )
    assert response.status_code == 403
    url = reverse("inrichting:organisatie", args=[wereld.corporatie_a.slug])
    assert client.get(url).status_code == 403
    assert not Organisatie.objects.filter(naam="Stichting X").exists()


def test_an_email_already_in_use_is_a_dutch_error_and_nothing_is_saved(client, wereld):
    wereld.eigenaar.email = "eigenaar@corporatie-a.nl"
    wereld.eigenaar.save()
    client.force_login(wereld.beheerder)
    url = reverse("inrichting:organisatie", args=[wereld.corporatie_b.slug])
    response = client.post(url, collega("EIGENAAR@corporatie-a.nl", Rol.BESTUURDER))
    assert response.status_code == 400
    assert "Er is al een gebruiker met dit e-mailadres." in tekst(response)
    assert User.objects.filter(email__iexact="eigenaar@corporatie-a.nl").count() == 1
    assert mail.outbox == []


def test_a_failed_mail_saves_no_user(client, wereld, settings, monkeypatch):
    def kapot(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("inrichting.organisaties.services.send_mail", kapot)
    client.force_login(wereld.beheerder)
    url = reverse("inrichting:organisatie", args=[wereld.corporatie_b.slug])
    with pytest.raises(ConnectionRefusedError):
        client.post(url, collega("nieuw@corporatie-b.nl", Rol.BESTUURDER))
    assert not User.objects.filter(email="nieuw@corporatie-b.nl").exists()


def test_a_new_link_is_sent_to_who_lost_it_and_refused_for_another_organisation(
    client, wereld, elders, user_factory
):
    wereld.collega.email = "collega@corporatie-a.nl"
    wereld.collega.save()
    client.force_login(wereld.coordinator)
    url = reverse("inrichting:gebruiker_link", args=[wereld.corporatie_a.slug, wereld.collega.pk])
    response = client.post(url, follow=True)
    assert "Er is een nieuwe link gestuurd naar collega@corporatie-a.nl." in tekst(response)
    [bericht] = mail.outbox
    assert "nieuwe link" in bericht.body and "/wachtwoord/" in bericht.body
    assert client.get(url).status_code == 405

    vreemde = user_factory("vreemde", elders, Rol.BELEIDSMEDEWERKER)
    vreemde.email = "v@c.nl"
    vreemde.save()
    url = reverse("inrichting:gebruiker_link", args=[elders.slug, vreemde.pk])
    assert client.post(url).status_code == 403
    assert len(mail.outbox) == 1


def test_a_user_is_deactivated_never_deleted_and_can_be_activated_again(client, wereld):
    client.force_login(wereld.coordinator)
    url = reverse("inrichting:gebruiker_actief", args=[wereld.corporatie_a.slug, wereld.collega.pk])
    client.post(url, {"actief": "0"})
    wereld.collega.refresh_from_db()
    assert wereld.collega.is_active is False
    pagina = tekst(client.get(reverse("inrichting:organisatie", args=[wereld.corporatie_a.slug])))
    assert "gedeactiveerd" in pagina and "Weer activeren" in pagina
    client.post(url, {"actief": "1"})
    wereld.collega.refresh_from_db()
    assert wereld.collega.is_active is True


def test_a_coordinator_cannot_deactivate_a_beheerder_of_a_party(client, wereld, user_factory):
    beheer_a = user_factory("beheer-a", wereld.corporatie_a, Rol.BEHEERDER)
    client.force_login(wereld.coordinator)
    url = reverse("inrichting:gebruiker_actief", args=[wereld.corporatie_a.slug, beheer_a.pk])
    assert client.post(url, {"actief": "0"}).status_code == 403
    beheer_a.refresh_from_db()
    assert beheer_a.is_active


def test_the_beheerder_renames_an_organisation(client, wereld):
    client.force_login(wereld.beheerder)
    url = reverse("inrichting:organisatie", args=[wereld.corporatie_b.slug])
    data = {"actie": "organisatie", "naam": "Corporatie Bee", "afkorting": "CB", "soort": "overig"}
    assert client.post(url, data).status_code == 302
    wereld.corporatie_b.refresh_from_db()
    assert (wereld.corporatie_b.naam, wereld.corporatie_b.soort) == ("Corporatie Bee", "overig")
    response = client.post(url, {**data, "naam": "Corporatie A"})
    assert response.status_code == 400
    assert "Er bestaat al een organisatie met deze naam." in tekst(response)


def test_the_list_searches_and_its_query_count_stays_flat(client, wereld, organisatie_factory):
    client.force_login(wereld.coordinator)
    with CaptureQueriesContext(connection) as weinig:
        client.get(reverse("inrichting:organisaties"))
    for i in range(15):
        organisatie_factory(f"Stichting {i}")
    with CaptureQueriesContext(connection) as veel:
        pagina = tekst(client.get(reverse("inrichting:organisaties")))
    assert len(veel) == len(weinig)
    assert "Stichting 14" in pagina
    response = client.get(reverse("inrichting:organisaties"), {"q": "corporatie"})
    assert [o.naam for o in response.context["organisaties"]] == [
        "Corporatie A",
        "Corporatie B",
    ]
    assert "Stichting 3" not in tekst(response)
    # the coordinator's parties link to their page, other organisations do not
    html = client.get(reverse("inrichting:organisaties")).content.decode()
    assert reverse("inrichting:organisatie", args=[wereld.corporatie_a.slug]) in html
    assert reverse("inrichting:organisatie", args=["stichting-3"]) not in html


def test_anonymous_users_are_sent_to_login_and_groups_exist(client, db):
    assert Group.objects.filter(name=Rol.COORDINATOR.value).exists()
    response = client.get(reverse("inrichting:organisaties"))
    assert response["Location"].startswith(reverse("login"))


def test_the_pages_refuse_another_method(client, wereld):
    client.force_login(wereld.beheerder)
    assert client.delete(reverse("inrichting:organisaties")).status_code == 405
    url = reverse("inrichting:organisatie", args=[wereld.corporatie_a.slug])
    assert client.put(url).status_code == 405
    url = reverse("inrichting:gebruiker_actief", args=[wereld.corporatie_a.slug, wereld.collega.pk])
    assert client.get(url).status_code == 405
