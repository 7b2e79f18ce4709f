"""The history as people read it: per figure from the grid, per object on its page, per
dossier; and only for those who may see what it describes."""

import re

import pytest
from django.urls import reverse

from afspraken.models import Afspraakpunt
from core.models import Dossier
from historie.links import cijfer_historie_url


def grid(wereld):
    return reverse("core:invoer", args=[wereld.dossier.slug, 2015, "realisatie"])


def bewaar(client, wereld, tekst: str):
    """Post the grid as the browser would: with the version the page showed."""
    html = client.get(grid(wereld)).content.decode()
    veld = f"{wereld.nieuwbouw.pk}_{wereld.corporatie_a.pk}"
    versie = re.search(rf'name="versie_{veld}" value="(\d+)"', html).group(1)
    return client.post(grid(wereld), {f"waarde_{veld}": tekst, f"versie_{veld}": versie})


def historie_a(wereld):
    return cijfer_historie_url(
        wereld.nieuwbouw.pk, wereld.corporatie_a.pk, None, jaar=2015, soort="realisatie"
    )


def test_a_figure_keeps_one_history_through_change_removal_and_retyping(client, wereld):
    wereld.eigenaar.first_name, wereld.eigenaar.last_name = "Anne", "de Vries"
    wereld.eigenaar.save()
    client.force_login(wereld.eigenaar)
    for tekst in ["1.061", "", "1.062,00"]:
        assert bewaar(client, wereld, tekst).status_code == 302

    html = client.get(grid(wereld)).content.decode()
    assert f'href="{historie_a(wereld)}"' in html
    pagina = client.get(historie_a(wereld))

    assert pagina.status_code == 200
    regels = pagina.context["regels"]
    assert [r.mutatie.get_actie_display() for r in regels] == [
        "aangemaakt",
        "verwijderd",
        "gewijzigd",
        "aangemaakt",
    ]
    gewijzigd = regels[2]
    assert gewijzigd.door == "Anne de Vries"
    assert [(v.veld, v.oud, v.nieuw) for v in gewijzigd.velden] == [("waarde", "60", "1.061")]
    assert regels[0].velden[0].nieuw == "1.062"
    tekst = pagina.content.decode()
    assert "<del>60</del> → <ins>1.061</ins>" in tekst
    assert "Corporatie A" in tekst  # the figure is named by its organisation, not an id


@pytest.mark.parametrize(
    ("wie", "verwacht"),
    [
        ("eigenaar", 200),
        ("collega", 200),
        ("coordinator", 200),
        ("beheerder", 200),
        ("buitenstaander", 403),
        ("bestuurder", 403),
    ],
)
def test_the_history_of_a_concept_figure_is_as_private_as_the_figure(client, wereld, wie, verwacht):
    client.force_login(getattr(wereld, wie))

    assert client.get(historie_a(wereld)).status_code == verwacht


def test_the_history_of_a_submitted_figure_is_public(client, wereld):
    client.force_login(wereld.bestuurder)
    url = cijfer_historie_url(
        wereld.nieuwbouw.pk, wereld.corporatie_b.pk, None, jaar=2015, soort="realisatie"
    )

    response = client.get(url)

    assert response.status_code == 200
    assert [r.velden[0].nieuw for r in response.context["regels"]] == ["6"]


def test_an_unknown_figure_or_table_is_not_found(client, wereld):
    client.force_login(wereld.beheerder)

    assert client.get("/historie/core.waarde/999999/2015/plan/-/-/").status_code == 404
    assert client.get("/historie/core.waarde/geen-sleutel/").status_code == 404
    assert client.get("/historie/core.user/1/").status_code == 404


def test_the_agreement_page_shows_its_latest_changes(als):
    dossier = Dossier.objects.get(slug="maastricht-2015")
    Dossier.objects.filter(pk=dossier.pk).update(
        titel="Prestatieafspraken Maastricht 2015 (bijgewerkt)"
    )

    pagina = als("bestuurder").get(dossier.get_absolute_url())

    html = pagina.content.decode()
    assert "Wijzigingshistorie" in html
    assert "Dossier: Prestatieafspraken Maastricht 2015 (bijgewerkt)" in html
    assert "titel" in html
    assert reverse("historie:dossier", args=[dossier.slug]) in html


def test_the_dossier_history_hides_figures_from_who_may_not_see_concepts(als):
    url = reverse("historie:dossier", args=["maastricht-2015"])

    voor_bestuurder = als("bestuurder").get(url).context["pagina"].paginator.object_list
    voor_beheerder = als("beheerder").get(url).context["pagina"].paginator.object_list

    assert not voor_bestuurder.filter(tabel="core.waarde").exists()
    assert voor_beheerder.filter(tabel="core.waarde").count() > 0
    assert voor_bestuurder.filter(tabel="afspraken.afspraakpunt").count() > 0


def test_an_object_page_links_to_its_history(als):
    client = als("maastricht")

    punt = Afspraakpunt.objects.filter(afspraak__slug="maastricht-2015").first()
    punt_url = reverse("afspraken:punt", args=["maastricht-2015", punt.pk])

    html = client.get(punt_url).content.decode()
    historie = client.get(f"/historie/afspraken.afspraakpunt/{punt.pk}/")

    assert f'href="/historie/afspraken.afspraakpunt/{punt.pk}/"' in html
    assert historie.status_code == 200
    assert historie.context["regels"][0].mutatie.get_actie_display() == "aangemaakt"
    assert punt.titel in historie.content.decode()
