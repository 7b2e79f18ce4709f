"""The trend page of an item with a term target: the cumulative realisation against the share
of the target due each year (core.voortgang.verwacht_tot), as a line chart with its table."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import Waarde
from dashboards.bewaard import vergeet


def trend(client, t, code="nieuwbouw-sociale-huur"):
    return client.get(reverse("dashboards:trend", args=[t.dossier.slug, code]))


def tekst(response) -> str:
    html = re.sub(r"<svg.*?</svg>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_trend_page_sets_410_realised_against_the_800_target(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.bestuurder)

    response = trend(client, t)

    woorden = tekst(response)
    assert "Op weg naar het doel: 800 over 2025–2028" in woorden
    assert "op schema 410 van 800 (t/m 2026); verwacht eind 2026: 400" in woorden
    [doel] = response.context["doelen"]
    kop, rijen = doel.grafiek.tabel
    assert kop == ["", "Gerealiseerd, opgeteld", "Verwacht volgens het doel"]
    assert rijen == [
        ["2025", "150", "200"],
        ["2026", "410", "400"],
        ["2027", "–", "600"],
        ["2028", "–", "800"],
    ]
    assert "doel: 800 over 2025–2028" in doel.grafiek.beschrijving
    assert doel.grafiek.svg.count("<polyline") == 2
    # The table under the chart carries the same numbers as the page text.
    assert re.search(
        r"2026</th>\s*<td[^>]*>410</td>\s*<td[^>]*>400</td>", response.content.decode()
    )


def test_the_target_line_follows_the_yearly_plan_where_one_is_given(client, termijnafspraak):
    t = termijnafspraak
    for jaar, plan in ((2025, 100), (2026, 200), (2027, 250), (2028, 250)):
        Waarde.objects.create(indicator=t.nieuwbouw, jaar=jaar, soort="plan", waarde=plan)
    client.force_login(t.bestuurder)

    response = trend(client, t)

    [doel] = response.context["doelen"]
    assert [r[2] for r in doel.grafiek.tabel[1]] == ["100", "300", "550", "800"]
    # 410 realised against 300 planned by the end of 2026: more than 15 % ahead.
    assert "voor 410 van 800 (t/m 2026); verwacht eind 2026: 300" in tekst(response)


def test_an_item_without_a_term_target_has_no_target_line(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.bestuurder)

    response = trend(client, t, "verduurzaming")

    assert response.status_code == 200
    assert response.context["doelen"] == []
    assert "Op weg naar het doel" not in tekst(response)


def test_the_trend_page_runs_as_many_queries_with_more_years(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.bestuurder)
    trend(client, t)

    def tel() -> int:  # a dashboard built, not one kept (dashboards.bewaard)
        vergeet()
        with CaptureQueriesContext(connection) as queries:
            assert trend(client, t).status_code == 200
        return len(queries)

    weinig = tel()
    Waarde.objects.create(indicator=t.nieuwbouw, jaar=2027, soort="realisatie", waarde=180)
    Waarde.objects.create(indicator=t.nieuwbouw, jaar=2028, soort="plan", waarde=200)

    assert tel() == weinig
    assert "590 van 800 (t/m 2027)" in tekst(trend(client, t))


def test_the_dashboard_links_the_target_to_its_trend(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.bestuurder)

    html = client.get(reverse("dashboards:dossier", args=[t.dossier.slug])).content.decode()

    url = reverse("dashboards:trend", args=[t.dossier.slug, "nieuwbouw-sociale-huur"])
    assert f'href="{url}">Nieuwe sociale huurwoningen door de jaren</a>' in html
