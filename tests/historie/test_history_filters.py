"""A dossier's history as a reader uses it: filtered by year, organisation and item with
selects, 25 changes a page, who made a change in words, no technical fields; and only this
dossier's changes, with as many queries for a long history as for a short one."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import Dossier, Indicator, Jaaropgave, Waarde
from historie.context import wijzigingscontext


@pytest.fixture
def tweede(wereld, organisatie_factory):
    """Another dossier, with its own party, item and year, whose history must stay out."""
    elders = organisatie_factory("Corporatie Elders")
    dossier = Dossier.objects.create(
        soort=Dossier.Soort.AFSPRAAK,
        titel="Afspraken Anderdorp",
        slug="anderdorp",
        penvoerder=elders,
    )
    dossier.partijen.create(organisatie=elders, rol="partij")
    sloop = Indicator.objects.create(
        dossier=dossier, code="sloop", naam="Sloop elders", eenheid="aantal"
    )
    Waarde.objects.create(indicator=sloop, jaar=2019, soort="plan", organisatie=elders, waarde=3)
    return dossier


def url(wereld, **filters) -> str:
    query = "&".join(f"{k}={v}" for k, v in filters.items())
    return reverse("historie:dossier", args=[wereld.dossier.slug]) + (f"?{query}" if query else "")


def keuzes(html: str, naam: str) -> list[str]:
    select = re.search(rf'<select name="{naam}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r"<option[^>]*>([^<]*)</option>", select)


def test_the_history_filters_offer_the_dossiers_own_years_organisations_and_items(
    client, wereld, tweede
):
    client.force_login(wereld.beheerder)

    html = client.get(url(wereld)).content.decode()

    assert keuzes(html, "jaar") == ["Alle jaren", "2015"]
    assert keuzes(html, "organisatie") == [
        "Alle organisaties",
        "Corporatie A",
        "Corporatie B",
        "Gemeente Testdorp",
    ]
    assert keuzes(html, "item") == ["Alle items", "Nieuwbouw"]
    assert "Afspraken Anderdorp" not in html
    assert "Sloop elders" not in html


def test_filtering_the_history_by_organisation_shows_only_that_organisations_changes(
    client, wereld, tweede
):
    client.force_login(wereld.beheerder)

    response = client.get(url(wereld, organisatie=wereld.corporatie_b.pk))

    wat = [regel.wat for regel in response.context["regels"]]
    assert wat == [
        "Jaaropgave: Corporatie B, 2015, realisatie, ingediend",
        "Waarde: Nieuwbouw, 2015, realisatie, Corporatie B",
        "Partij: Corporatie B, partij (ondertekenaar)",
    ]
    assert sorted(regel.mutatie.tabel for regel in response.context["regels"]) == [
        "core.jaaropgave",
        "core.partij",
        "core.waarde",
    ]


def test_filtering_the_history_by_year_and_item_keeps_the_figures_of_that_year_and_item(
    client, wereld, tweede
):
    client.force_login(wereld.beheerder)

    per_jaar = client.get(url(wereld, jaar=2015)).context["regels"]
    per_item = client.get(url(wereld, item=wereld.nieuwbouw.pk)).context["regels"]
    ander_jaar = client.get(url(wereld, jaar=2019))

    assert {r.mutatie.tabel for r in per_jaar} == {"core.waarde", "core.jaaropgave"}
    assert {r.mutatie.tabel for r in per_item} == {"core.waarde", "core.indicator"}
    assert ander_jaar.status_code == 200  # not a year of this dossier: the form says so
    assert "Geen wijzigingen die bij deze keuze passen" in ander_jaar.content.decode()


def test_the_history_says_who_changed_what_in_words_and_hides_the_slug(client, wereld):
    wereld.eigenaar.first_name, wereld.eigenaar.last_name = "Anne", "de Vries"
    wereld.eigenaar.save()
    with wijzigingscontext(door=wereld.eigenaar, bron="scherm"):
        Waarde.objects.filter(pk=wereld.waarde_a.pk).update(waarde=61)
    client.force_login(wereld.beheerder)

    response = client.get(url(wereld))
    html = re.sub(r"\s+", " ", response.content.decode())

    assert 'Anne de Vries (Corporatie A)<br><span class="meetdefinitie">via de website' in html
    assert 'Het systeem<br><span class="meetdefinitie">automatisch (inlezen of bijwerken)' in html
    assert "via systeem" not in html
    assert "Slug:" not in html
    velden = {v.veld for r in response.context["regels"] for v in r.velden}
    assert "slug" not in velden
    assert "dossier" not in velden  # the page names the dossier once, not in every row
    assert "Dossier: Testafspraken" in html  # the dossier's creation is shown, by its title


def test_the_history_shows_25_changes_a_page_and_keeps_the_filter_on_the_next_page(client, wereld):
    for nummer in range(30):
        Waarde.objects.filter(pk=wereld.waarde_a.pk).update(waarde=100 + nummer)
    client.force_login(wereld.beheerder)

    eerste = client.get(url(wereld, organisatie=wereld.corporatie_a.pk))
    html = eerste.content.decode()
    tweede_pagina = client.get(url(wereld, organisatie=wereld.corporatie_a.pk, page=2))

    assert len(eerste.context["regels"]) == 25
    assert "Pagina 1 van 2" in html
    assert f'href="?organisatie={wereld.corporatie_a.pk}&amp;page=2"' in html
    assert len(tweede_pagina.context["regels"]) == 30 + 2 - 25  # the party and the figure


def queries(client, adres: str) -> int:
    client.get(adres)
    with CaptureQueriesContext(connection) as vastgelegd:
        assert client.get(adres).status_code == 200
    return len(vastgelegd.captured_queries)


def test_the_history_takes_as_many_queries_for_ten_times_the_changes(client, wereld):
    client.force_login(wereld.beheerder)
    tellingen = []
    for aantal in (15, 150):
        for nummer in range(aantal):
            Dossier.objects.filter(pk=wereld.dossier.pk).update(titel=f"Testafspraken {nummer}")
            Waarde.objects.filter(pk=wereld.waarde_b.pk).update(waarde=nummer)
            Jaaropgave.objects.filter(dossier=wereld.dossier).update(
                status=["concept", "ingediend"][nummer % 2]
            )
        tellingen.append([queries(client, url(wereld)), queries(client, url(wereld, jaar=2015))])

    assert tellingen[0] == tellingen[1]
