"""Every theme of a dossier's dashboard shows its items and targets with their progress by the
one rule (core.voortgang), with or without figures; the numbers read in the rendered page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from afspraken.models import Afspraakpunt
from core.models import Indicator, Onderdeel, Rol, Streefdoel, Waarde
from dashboards.bewaard import vergeet


def tekst(response) -> str:
    """The page as a reader reads it: no markup, no chart internals, single spaces."""
    html = re.sub(r"<svg.*?</svg>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def dashboard(client, dossier, **query):
    return client.get(reverse("dashboards:dossier", args=[dossier.slug]), query)


def test_the_term_target_shows_410_of_800_on_schedule_at_the_end_of_2026(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.bestuurder)

    response = dashboard(client, t.dossier, jaar=2026)

    woorden = tekst(response)
    assert "Samen bouwen we 800 nieuwe sociale huurwoningen" in woorden
    assert "Doel 800 over 2025–2028" in woorden
    assert (
        "Stand 410 van 800 (t/m 2026); verwacht eind 2026: 400; "
        "vorige periode: 640 gerealiseerd" in woorden
    )
    assert 'status--op-schema">op schema</span>' in response.content.decode()
    # The other municipality's agreement and its 999 stay out of this page.
    assert "999" not in woorden and "Elders" not in woorden
    [regel] = response.context["doelen"][t.thema.pk]
    balk = regel.balk
    assert balk.tabel[1] == [
        ["Gerealiseerd t/m 2026", "410"],
        ["Verwacht eind 2026", "400"],
        ["Doel", "800"],
        ["Status", "op schema"],
    ]
    assert "Gerealiseerd t/m 2026: 410; Verwacht eind 2026: 400; Doel: 800" in balk.beschrijving
    assert "<desc" in balk.svg and 'role="img"' in balk.svg


def test_after_lowering_the_target_to_700_the_same_figures_are_ahead(client, termijnafspraak):
    t = termijnafspraak
    t.doel.waarde = 700
    t.doel.save()
    client.force_login(t.bestuurder)

    response = dashboard(client, t.dossier, jaar=2026)

    woorden = tekst(response)
    assert "410 van 700 (t/m 2026); verwacht eind 2026: 350" in woorden
    assert "410 van 800" not in woorden
    assert 'status--voor">voor</span>' in response.content.decode()


def test_at_the_end_of_2025_only_the_first_year_counts(client, termijnafspraak):
    t = termijnafspraak
    client.force_login(t.bestuurder)

    response = dashboard(client, t.dossier, jaar=2025)

    # 150 against 200 due (800 × 1/4): more than 15 % behind.
    assert "150 van 800 (t/m 2025); verwacht eind 2025: 200" in tekst(response)
    assert 'status--achter">achter</span>' in response.content.decode()
    assert "410" not in tekst(response)


def test_a_theme_without_figures_shows_its_targets_and_a_target_past_the_term(
    client, termijnafspraak
):
    t = termijnafspraak
    thema = Onderdeel.objects.create(dossier=t.dossier, nummer="2", titel="Woonwagens")
    standplaatsen = Indicator.objects.create(
        dossier=t.dossier, onderdeel=thema, code="standplaatsen", naam="Nieuwe standplaatsen"
    )
    Streefdoel.objects.create(
        dossier=t.dossier,
        indicator=standplaatsen,
        soort=Streefdoel.Soort.LOOPTIJD,
        waarde=12,
        tot_en_met_jaar=2032,
        omschrijving="12 standplaatsen in de regio tot en met 2032",
    )
    client.force_login(t.bestuurder)

    woorden = tekst(dashboard(client, t.dossier, jaar=2026))

    assert "Woonwagens" in woorden
    assert "12 standplaatsen in de regio tot en met 2032" in woorden
    assert "Doel 12 over 2025–2032" in woorden
    assert "loopt door tot 2032, na de looptijd van dit dossier" in woorden
    assert "Nog geen cijfers in dit onderdeel." in woorden


def test_an_outsider_gets_no_dashboard_and_elders_sees_only_its_own_target(
    client, termijnafspraak, user_factory
):
    t = termijnafspraak
    elders = user_factory("elders-wethouder", t.ander.penvoerder, Rol.BESTUURDER)
    client.force_login(elders)

    eigen = tekst(dashboard(client, t.ander, jaar=2025))

    assert "333 van 999 (t/m 2025)" in eigen
    assert "800" not in eigen


def test_the_po_agreement_shows_every_line_with_its_items_without_any_figure(als):
    response = als("bestuurder").get(
        reverse("dashboards:dossier", args=["bestuursakkoord-po-2014-2020"])
    )

    woorden = tekst(response)
    blokken = response.context["blokken"]
    assert [b.onderdeel.nummer for b in blokken] == ["1", "2", "3", "4"]
    assert (
        sum(len(b.doelen) for b in blokken)
        == Afspraakpunt.objects.filter(afspraak__slug="bestuursakkoord-po-2014-2020").count()
    )
    # The 2018 actualisatie moved the 80 % target to 2020: still no measurement.
    assert (
        "Kwaliteitszorg op bestuursniveau: 80 procent van de besturen voldoende "
        "(doelstelling, gewijzigd) Doel minstens 80 % in 2020 Stand nog niets gerealiseerd"
        in woorden
    )
    assert (
        "Vulling van Vensters (doelstelling) Termijn: in 2020 Doel uiterlijk 31 december 2020"
        in woorden
    )
    assert "Doel uiterlijk 1 augustus 2016 Stand bereikt op 1 mei 2018" in woorden
    assert 'status--gehaald-te-laat">gehaald (te laat)</span>' in response.content.decode()
    assert "Zittenblijven bij kleuters (doelstelling)" in woorden
    assert 'status--vervallen">vervallen</span>' in response.content.decode()


def test_maastricht_shows_its_five_bestuursopdrachten_with_their_deadlines(als):
    response = als("bestuurder").get(reverse("dashboards:dossier", args=["maastricht-2015"]))

    woorden = tekst(response)
    assert woorden.count("(bestuursopdracht)") == 5
    assert (
        "Bestuursopdracht Wonen en zorg (bestuursopdracht) Op te leveren: actieplan opgeleverd "
        "(eind 2015) Doel uiterlijk 31 december 2015 Stand nog niet bereikt" in woorden
    )
    opdrachten = [r for b in response.context["blokken"] for r in b.doelen]
    assert [r.status_label for r in opdrachten] == ["te laat"] * 4 + ["lopend"]
    # The figures' charts are still there, under their themes.
    assert "Verhuur totaal en de delen daarvan, 2014" in woorden


def test_groningen_shows_ranges_milestones_and_effects_under_their_action_lines(als):
    response = als("bestuurder").get(
        reverse("dashboards:dossier", args=["regio-deal-groningen-noord-ii"])
    )

    woorden = tekst(response)
    regels = [r for b in response.context["blokken"] for r in b.doelen]
    assert len(regels) == 30
    assert {r.soort for r in regels} == {"beoogd resultaat"}
    assert woorden.count("Doel minimaal 1 en maximaal 3 over de looptijd tot en met 2028") == 2
    assert "uiterlijk 31 december 2028" in woorden
    assert "referentie: gemeentelijk gemiddelde; bron: Gemeentelijke Basismonitor Groningen" in (
        woorden
    )
    assert "1b" in {r.nummer for r in regels}


def _meer_doelen(dossier, n: int) -> None:
    """n more themes, each with an item, a realisation, an agreement item and targets of
    every kind."""
    for i in range(n):
        thema = Onderdeel.objects.create(dossier=dossier, nummer=f"x{i}", titel=f"Thema {i}")
        item = Indicator.objects.create(
            dossier=dossier, onderdeel=thema, code=f"item-{i}", naam=f"Item {i}"
        )
        Waarde.objects.create(indicator=item, jaar=2025, soort="realisatie", waarde=5)
        doel = Streefdoel.objects.create(
            dossier=dossier, indicator=item, soort=Streefdoel.Soort.LOOPTIJD, waarde=40
        )
        Afspraakpunt.objects.create(
            afspraak=dossier.afspraak,
            onderdeel=thema,
            soort="afspraak",
            titel=f"Punt {i}",
            streefdoel=doel,
        )
        Streefdoel.objects.create(
            dossier=dossier,
            indicator=item,
            soort=Streefdoel.Soort.BANDBREEDTE,
            minimum=1,
            maximum=9,
            per_jaar=True,
        )
        Streefdoel.objects.create(
            dossier=dossier, soort=Streefdoel.Soort.MIJLPAAL, omschrijving=f"Mijlpaal {i}"
        )
        Streefdoel.objects.create(
            dossier=dossier, indicator=item, soort=Streefdoel.Soort.EFFECT, waarde=9, nulmeting=2
        )


@pytest.mark.parametrize("gebruiker", ["bestuurder", "beleid_corporatie"])
def test_the_dashboard_runs_as_many_queries_with_more_themes_and_targets(
    client, termijnafspraak, gebruiker
):
    t = termijnafspraak
    client.force_login(getattr(t, gebruiker))
    dashboard(client, t.dossier, jaar=2026)  # warm: sessions, content types

    def tel() -> int:  # a dashboard built, not one kept (dashboards.bewaard)
        vergeet()
        with CaptureQueriesContext(connection) as queries:
            response = dashboard(client, t.dossier, jaar=2026)
        assert response.status_code == 200
        return len(queries)

    weinig = tel()
    _meer_doelen(t.dossier, 6)
    veel = tel()

    assert veel == weinig
    assert "Mijlpaal 5" in tekst(dashboard(client, t.dossier, jaar=2026))
