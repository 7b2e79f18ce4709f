"""Who may set up a dossier: a beheerder and the dossier's coördinator. A dossier in opbouw
does not exist (404) for others; a published one is refused (403). Wrong method: 405."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from afspraken.models import Afspraak
from core.models import Dossier, Organisatie, Rol

STAPPEN = ["dossier", "partijen", "onderdelen", "locaties"]


@pytest.fixture
def mensen(organisatie_factory, user_factory):
    gemeente = organisatie_factory("Gemeente Testdorp", Organisatie.Soort.GEMEENTE)
    elders = organisatie_factory("Gemeente Elders", Organisatie.Soort.GEMEENTE)
    in_opbouw = Afspraak.objects.create(
        titel="Afspraken Testdorp", penvoerder=gemeente, in_opbouw=True, soort_afspraak="overig"
    )
    # Made as old tests do, without its agreement row: the common fields still show.
    vastgesteld = Dossier.objects.create(
        soort="afspraak", titel="Afspraken Testdorp 2020", penvoerder=gemeente
    )
    return {
        "eigen": user_factory("eigen", gemeente, Rol.COORDINATOR),
        "buitenstaander": user_factory("buitenstaander", elders, Rol.COORDINATOR),
        "bestuurder": user_factory("bestuurder", gemeente, Rol.BESTUURDER),
        "medewerker": user_factory("medewerker", gemeente, Rol.BELEIDSMEDEWERKER),
        "beheerder": user_factory("beheerder", None, Rol.BEHEERDER),
        "in_opbouw": in_opbouw,
        "vastgesteld": vastgesteld,
    }


def test_an_outsider_coordinator_cannot_find_a_dossier_in_opbouw_nor_change_a_published_one(
    client, mensen
):
    client.force_login(mensen["buitenstaander"])
    for naam in STAPPEN:
        assert (
            client.get(reverse(f"inrichting:{naam}", args=["afspraken-testdorp"])).status_code
            == 404
        )
        url = reverse(f"inrichting:{naam}", args=["afspraken-testdorp-2020"])
        assert client.get(url).status_code == 403
        assert client.post(url, {"titel": "Gekaapt"}).status_code == 403
    for slug in ("afspraken-testdorp", "afspraken-testdorp-2020"):
        assert client.post(reverse("inrichting:vaststellen", args=[slug])).status_code in (403, 404)
    assert Dossier.objects.get(slug="afspraken-testdorp").in_opbouw
    assert not Dossier.objects.filter(titel="Gekaapt").exists()
    html = client.get(reverse("inrichting:start")).content.decode()
    assert "Afspraken Testdorp" not in html


@pytest.mark.parametrize("rol", ["bestuurder", "medewerker"])
def test_who_is_no_coordinator_or_beheerder_is_refused(client, mensen, rol):
    client.force_login(mensen[rol])
    assert client.get(reverse("inrichting:start")).status_code == 403
    url = reverse("inrichting:dossier_nieuw", args=["afspraak"])
    assert client.get(url).status_code == 403
    assert client.post(url, {"titel": "Stiekem", "soort_afspraak": "overig"}).status_code == 403
    assert (
        client.get(reverse("inrichting:dossier", args=["afspraken-testdorp-2020"])).status_code
        == 403
    )
    assert not Dossier.objects.filter(titel="Stiekem").exists()


def test_the_coordinator_and_a_beheerder_open_every_step(client, mensen):
    for rol in ("eigen", "beheerder"):
        client.force_login(mensen[rol])
        for naam in STAPPEN:
            for slug in ("afspraken-testdorp", "afspraken-testdorp-2020"):
                response = client.get(reverse(f"inrichting:{naam}", args=[slug]))
                assert response.status_code == 200, (rol, naam, slug)
                assert "Opslaan" in response.content.decode()


def test_a_coordinator_without_organisation_cannot_be_a_penvoerder(client, user_factory, db):
    client.force_login(user_factory("zwerver", None, Rol.COORDINATOR))
    assert client.get(reverse("inrichting:dossier_nieuw", args=["project"])).status_code == 403


def test_wrong_method_and_unknown_kind_or_dossier(client, mensen):
    client.force_login(mensen["eigen"])
    assert (
        client.get(reverse("inrichting:vaststellen", args=["afspraken-testdorp"])).status_code
        == 405
    )
    assert client.put(reverse("inrichting:dossier", args=["afspraken-testdorp"])).status_code == 405
    assert client.post(reverse("inrichting:start")).status_code == 405
    assert client.get("/inrichting/dossiers/nieuw/tranche/").status_code == 404
    assert client.get(reverse("inrichting:partijen", args=["bestaat-niet"])).status_code == 404


def test_anonymous_users_are_sent_to_log_in(client, mensen):
    for url in (
        reverse("inrichting:dossier", args=["afspraken-testdorp"]),
        reverse("inrichting:dossier_nieuw", args=["project"]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_dossier_named_nieuw_keeps_its_pages(client, mensen):
    Dossier.objects.filter(pk=mensen["in_opbouw"].pk).update(slug="nieuw")
    client.force_login(mensen["eigen"])
    assert reverse("inrichting:partijen", args=["nieuw"]) == "/inrichting/dossiers/nieuw/partijen/"
    for naam in STAPPEN:
        response = client.get(reverse(f"inrichting:{naam}", args=["nieuw"]))
        assert response.status_code == 200 and "Afspraken Testdorp" in response.content.decode()


def test_the_start_page_costs_the_same_queries_for_3_or_30_dossiers(client, mensen):
    client.force_login(mensen["beheerder"])

    def tel() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("inrichting:start")).status_code == 200
        return len(queries)

    weinig = tel()
    gemeente = mensen["in_opbouw"].penvoerder
    for n in range(28):
        Dossier.objects.create(
            soort="project", titel=f"Project {n}", penvoerder=gemeente, in_opbouw=n % 2 == 0
        )
    assert tel() == weinig
    html = client.get(reverse("inrichting:start")).content.decode()
    assert "Project 27" in html and "Project 26" in html


def test_a_step_costs_the_same_queries_for_1_or_8_parties(client, mensen, organisatie_factory):
    client.force_login(mensen["eigen"])
    dossier = mensen["in_opbouw"]
    url = reverse("inrichting:partijen", args=[dossier.slug])
    dossier.partijen.create(organisatie=dossier.penvoerder, rol="partij")

    def tel() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    een = tel()
    for n in range(7):
        dossier.partijen.create(organisatie=organisatie_factory(f"Corporatie {n}"), rol="partij")
    assert tel() == een
    assert "Corporatie 6" in client.get(url).content.decode()


def test_a_coordinator_cannot_make_another_organisation_the_penvoerder(client, mensen):
    client.force_login(mensen["eigen"])
    elders = mensen["buitenstaander"].organisatie
    response = client.get(reverse("inrichting:dossier_nieuw", args=["project"]))
    html = response.content.decode()
    assert 'name="penvoerder"' not in html and "Penvoerder: <strong>Gemeente Testdorp" in html
    response = client.post(
        reverse("inrichting:dossier_nieuw", args=["project"]),
        {"titel": "Buurthuis", "penvoerder": elders.pk, "soort_financiering": "subsidie"},
    )
    assert response.status_code == 302
    project = Dossier.objects.get(titel="Buurthuis")
    assert project.penvoerder == mensen["eigen"].organisatie and project.in_opbouw
    assert list(project.partijen.values_list("organisatie", "rol", "omschrijving")) == [
        (project.penvoerder.pk, "aanvrager", "penvoerder")
    ]
