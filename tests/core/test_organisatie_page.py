from django.urls import reverse


def test_organisation_page_lists_every_dossier_it_takes_part_in(client, wereld):
    client.force_login(wereld.bestuurder)

    response = client.get(reverse("core:organisatie_detail", args=[wereld.corporatie_a.slug]))

    assert response.status_code == 200
    assert list(response.context["dossiers"]) == [wereld.dossier]
    assert "Testafspraken" in response.content.decode()


def test_organisation_list_counts_dossiers_per_organisation(client, wereld):
    client.force_login(wereld.eigenaar)

    response = client.get(reverse("core:organisatie_list"))

    aantallen = {o.naam: o.aantal_dossiers for o in response.context["object_list"]}
    assert aantallen == {"Corporatie A": 1, "Corporatie B": 1, "Gemeente Testdorp": 1}


def test_start_page_shows_the_users_own_dossiers(client, wereld, organisatie_factory):
    client.force_login(wereld.eigenaar)

    response = client.get(reverse("start"))

    assert [r.dossier for r in response.context["regels"]] == [wereld.dossier]
