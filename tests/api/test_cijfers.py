"""The figures endpoint shows what the figures view shows: a corporation's concept figure
only to itself, the dossier's coördinator and the beheerder."""

import pytest
from django.urls import reverse
from jsonschema.exceptions import ValidationError

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


def test_the_answer_is_what_the_openapi_document_promises(client, wereld):
    """The endpoint writes its rows without the framework's check: this is that check."""
    from openapi_schema_validator import OAS31Validator, validate

    document = client.get(reverse("api-v1:openapi-json")).json()
    schema = {"$ref": "#/components/schemas/Cijferlijst", "components": document["components"]}
    client.force_login(wereld.coordinator)
    antwoord = client.get(URL + "&per_pagina=2").json()
    assert len(antwoord["resultaten"]) == 2 and antwoord["_links"]["next"]
    validate(antwoord, schema, cls=OAS31Validator)
    antwoord["resultaten"][0]["plan"] = 66
    with pytest.raises(ValidationError):
        validate(antwoord, schema, cls=OAS31Validator)
