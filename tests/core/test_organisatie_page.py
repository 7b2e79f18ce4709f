import re

from django.urls import reverse

from core.models import Dossier


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
    rijen = re.findall(
        r'<a class="utrecht-link" href="[^"]+">([^<]+)</a>.*?'
        r'<td class="utrecht-table__cell numeric"[^>]*>([^<]*)</td>',
        response.content.decode(),
        re.S,
    )
    assert dict(rijen) == {"Corporatie A": "1", "Corporatie B": "1", "Gemeente Testdorp": "1"}


def test_start_page_shows_the_users_own_dossiers(client, wereld, organisatie_factory):
    """Corporation A takes part in Testafspraken, not in a second agreement it may read."""
    ander = Dossier.objects.create(
        soort=Dossier.Soort.AFSPRAAK,
        titel="Andere afspraken",
        slug="andere-afspraken",
        penvoerder=wereld.gemeente,
    )
    ander.partijen.create(organisatie=wereld.corporatie_b, rol="partij")
    client.force_login(wereld.eigenaar)
    assert Dossier.objects.visible_to(wereld.eigenaar).filter(pk=ander.pk).exists()

    response = client.get(reverse("start"))

    assert [r.dossier for r in response.context["regels"]] == [wereld.dossier]
    pagina = response.content.decode()
    assert "Testafspraken" in pagina
    assert "Andere afspraken" not in pagina and "andere-afspraken" not in pagina
