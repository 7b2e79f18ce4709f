"""The figures endpoint shows what the figures view shows: a corporation's concept figure
only to itself, the dossier's coördinator and the beheerder."""

from django.urls import reverse

URL = reverse("api-v1:cijfers") + "?dossier=testafspraken"


def _cellen(client) -> dict:
    response = client.get(URL)
    assert response.status_code == 200, response.content
    assert response["API-Version"] == "1.0.0"
    return {
        (c["organisatie"]["slug"] if c["organisatie"] else None): c
        for c in response.json()["resultaten"]
    }


def test_a_corporation_reads_its_own_concept_realisation_and_the_submitted_one(client, wereld):
    client.force_login(wereld.eigenaar)
    cellen = _cellen(client)
    assert cellen["corporatie-a"]["realisatie"] == "60.00"
    assert cellen["corporatie-b"]["realisatie"] == "6.00"
    assert cellen["corporatie-a"]["status"] == "geen_plan"


def test_another_corporation_never_sees_the_concept_figure(client, wereld):
    client.force_login(wereld.buitenstaander)
    cellen = _cellen(client)
    assert "corporatie-a" not in cellen
    assert "60.00" not in client.get(URL).content.decode()
    assert cellen["corporatie-b"]["realisatie"] == "6.00"


def test_the_coordinator_and_the_beheerder_see_every_figure(client, wereld):
    for user in (wereld.coordinator, wereld.beheerder):
        client.force_login(user)
        cellen = _cellen(client)
        assert cellen["corporatie-a"]["realisatie"] == "60.00"
        assert cellen[None]["plan"] == "66.00"
