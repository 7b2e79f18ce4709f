"""The figures view, the comparison of organisations and the trend of an item."""

import re
from decimal import Decimal
from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import Organisatie, Waarde
from core.status import Status

from .test_dossier_dashboards import tabel_in_html


def test_figures_view_filters_by_status(als):
    response = als("bestuurder").get(reverse("dashboards:cijfers"), {"status": "achter"})

    cellen = response.context["table"].page.object_list.data
    assert response.context["table"].paginator.count == 10
    assert {(c.indicator.naam, c.jaar) for c in cellen} >= {("Herstructurering", 2013)}
    assert all(Status(c.status) == Status.ACHTER for c in cellen)


def test_figures_view_filters_by_organisation_and_year(als):
    response = als("bestuurder").get(
        reverse("dashboards:cijfers"), {"organisatie": "Maasvallei", "jaar": 2015}
    )

    cellen = list(response.context["table"].page.object_list.data)
    assert {c.indicator.naam: c.plan for c in cellen} == {
        "Nieuwbouw": Decimal(66),
        "Verbeteringen": Decimal(40),
        "Investeringen in duurzaamheid": Decimal(370000),
        "waarvan plaatsing HR-ketels": Decimal(70000),
        "Sloop": Decimal(32),
        "Verkoop": Decimal(20),
    }
    assert "€ 370.000" in response.content.decode()


def test_figures_view_filters_by_theme_and_kind_and_sorts(als):
    response = als("bestuurder").get(
        reverse("dashboards:cijfers"),
        {"onderdeel": "verhuur", "soort": "afspraak", "jaar": 2014, "sort": "-realisatie"},
    )

    cellen = list(response.context["table"].page.object_list.data)
    realisaties = [c.realisatie for c in cellen if c.realisatie is not None]
    assert realisaties[:3] == [Decimal(1039), Decimal(578), Decimal(182)]
    assert realisaties == sorted(realisaties, reverse=True)


def test_figures_view_hides_another_corporations_concept_figures(als):
    woonpunt = Organisatie.objects.get(slug="woonpunt")
    servatius = Organisatie.objects.get(slug="servatius")
    indicator = Waarde.objects.filter(organisatie=woonpunt).first().indicator
    Waarde.objects.create(
        indicator=indicator, jaar=2015, soort="realisatie", organisatie=servatius, waarde=7
    )

    zichtbaar_woonpunt = als("woonpunt").get(reverse("dashboards:cijfers"), {"jaar": 2015})
    zichtbaar_servatius = als("servatius").get(reverse("dashboards:cijfers"), {"jaar": 2015})

    def realisatie_van_servatius(response):
        return [
            c.realisatie
            for c in response.context["table"].page.object_list.data
            if c.organisatie_id == servatius.pk and c.indicator_id == indicator.pk
        ]

    assert realisatie_van_servatius(zichtbaar_woonpunt) == [None]
    assert realisatie_van_servatius(zichtbaar_servatius) == [Decimal(7)]


def test_comparison_puts_the_three_corporations_side_by_side(als):
    url = reverse("dashboards:vergelijking", args=["maastricht-2015"])

    response = als("bestuurder").get(url, {"jaar": 2015})

    assert response.context["organisaties"] == ["Maasvallei", "Servatius", "Woonpunt"]
    rijen = {r["item"].naam: r for r in response.context["rijen"]}
    assert [p for p, _ in rijen["Verbeteringen"]["paren"]] == [40, 473, 89]
    assert rijen["Verbeteringen"]["totaal"][0] == 602 == rijen["Verbeteringen"]["som"][0]
    assert [p for p, _ in rijen["Sloop"]["paren"]] == [32, 58, 82]
    assert not any(r["verschil"] for r in rijen.values())
    gelezen = vergelijking_in_html(response)
    assert gelezen["Verbeteringen"][::2] == ["40", "473", "89", "602", "602"]
    assert gelezen["Sloop"][::2] == ["32", "58", "82", "172", "172"]
    assert 'status--norm-niet-gehaald">klopt niet' not in response.content.decode()


def vergelijking_in_html(response) -> dict[str, list[str]]:
    """The comparison table as rendered: subject → plan, realisation, … per column pair."""
    body = response.content.decode().split("<tbody")[1].split("</tbody>")[0]
    rijen = {}
    for rij in body.split("</tr>")[:-1]:
        naam = re.search(r'scope="row"><a class="utrecht-link" href="[^"]+">([^<]+)</a>', rij)
        cellen = re.findall(r'<td class="utrecht-table__cell numeric">([^<]*)</td>', rij)
        rijen[unescape(naam.group(1))] = [unescape(c) for c in cellen]
    return rijen


def test_comparison_flags_a_total_that_is_not_the_sum(als):
    Waarde.objects.filter(
        indicator__code="sloop", organisatie__slug="woonpunt", jaar=2015, soort="plan"
    ).update(waarde=80)
    url = reverse("dashboards:vergelijking", args=["maastricht-2015"])

    response = als("bestuurder").get(url, {"jaar": 2015})

    sloop = next(r for r in response.context["rijen"] if r["item"].code == "sloop")
    assert (sloop["totaal"][0], sloop["som"][0], sloop["verschil"]) == (172, 170, True)
    assert "klopt niet" in response.content.decode()
    assert vergelijking_in_html(response)["Sloop"][::2] == ["32", "58", "80", "172", "170"]
    sloop_html = response.content.decode().split(">Sloop</a>")[1].split("</tr>")[0]
    assert sloop_html.startswith(' <span class="status status--norm-niet-gehaald">klopt niet')


def test_trend_of_verhuur_over_2013_to_2015(als):
    url = reverse("dashboards:trend", args=["maastricht-2015", "verhuur-totaal"])

    response = als("bestuurder").get(url)

    kop, rijen = response.context["grafiek"].tabel
    assert kop == ["", "Plan", "Realisatie"]
    assert rijen == [["2013", "1.000", "1.069"], ["2014", "1.040", "1.039"], ["2015", "1.000", "–"]]
    assert tabel_in_html(response.content.decode(), response.context["grafiek"].titel) == {
        "2013": ["1.000", "1.069"],
        "2014": ["1.040", "1.039"],
        "2015": ["1.000", "–"],
    }
    onderwerpen = {r.indicator.naam for r in response.context["tabel"].rijen}
    assert {"Verhuur totaal", "Aanbodmodel", "Verdelingstekort"} <= onderwerpen


def test_figures_view_starts_at_the_dossiers_of_the_users_organisation(als, user_factory, client):
    from core.models import Indicator, Jaaropgave, Rol

    indicator = Indicator.objects.filter(dossier__slug="regio-deal-groningen-noord-ii").first()
    Waarde.objects.create(indicator=indicator, jaar=2024, soort="realisatie", waarde=2)
    Jaaropgave.objects.create(
        dossier=indicator.dossier,
        organisatie=indicator.dossier.penvoerder,
        jaar=2024,
        soort="realisatie",
        status=Jaaropgave.Status.INGEDIEND,
    )
    lezer = als("bestuurder")

    eigen = lezer.get(reverse("dashboards:cijfers"))
    alle = lezer.get(reverse("dashboards:cijfers"), {"bereik": "alle"})

    def dossiers(response) -> set[str]:
        return {c.indicator.dossier.slug for c in response.context["table"].data.data}

    assert dossiers(eigen) == {"maastricht-2015"}
    assert dossiers(alle) == {"maastricht-2015", "regio-deal-groningen-noord-ii"}
    assert 'value="eigen" selected' in eigen.content.decode()
    client.force_login(user_factory("overal", None, Rol.BEHEERDER))
    assert "regio-deal-groningen-noord-ii" in dossiers(client.get(reverse("dashboards:cijfers")))


def test_figures_of_all_dossiers_page_without_counting_them(als):
    """Counting every visible figure in the country took seconds at national scale: across all
    dossiers the view pages on without a total (docs/performance.md)."""
    lezer = als("bestuurder")
    url = reverse("dashboards:cijfers")
    eigen = lezer.get(url).content.decode()
    totaal = lezer.get(url, {"bereik": "alle"}).context["table"].data.data.count()

    with CaptureQueriesContext(connection) as queries:
        eerste = lezer.get(url, {"bereik": "alle"})
    assert not [q for q in queries if "COUNT(" in q["sql"].upper()]
    html = eerste.content.decode()
    # The next page keeps the choice of all dossiers (and any other filter or sorting).
    assert "Pagina 1</span>" in html and 'rel="next" href="?bereik=alle&amp;page=2"' in html
    assert "Cijfers (" not in html
    assert "Cijfers (58)" in eigen and "Pagina 1 van 2" in eigen

    laatste_pagina = -(-totaal // 50)
    laatste = lezer.get(url, {"bereik": "alle", "page": laatste_pagina})
    assert len(laatste.context["table"].page.object_list) == totaal - 50 * (laatste_pagina - 1)
    assert 'rel="next"' not in laatste.content.decode()


# --- A term target in the figures list (issue 17) ---------------------------------------


def _rijen(response) -> list[list[str]]:
    """The table's body rows as the reader sees them: the text of every cell."""
    import re
    from html import unescape

    html = response.content.decode()
    body = html[html.index("<tbody") : html.index("</tbody>")]
    return [
        [" ".join(unescape(re.sub(r"<[^>]+>", " ", cel)).split()) for cel in cellen]
        for cellen in (
            re.findall(r"<td[^>]*>(.*?)</td>", rij, re.S)
            for rij in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
        )
        if cellen
    ]


def _rij(rijen, dossier: str, jaar: int) -> list[str]:
    (rij,) = [r for r in rijen if r[0] == dossier and r[4] == str(jaar)]
    return rij


def test_figures_list_judges_a_figure_without_plan_against_the_term_target(client, termijnafspraak):
    """800 homes over 2025–2028, 150 + 260 realised: by 2026 half is due (400), 410 is op
    schema; 2025's 150 against 200 due is achter. The previous period has no target."""
    t = termijnafspraak
    client.force_login(t.bestuurder)

    rijen = _rijen(client.get(reverse("dashboards:cijfers")))

    dossier, vorige = t.dossier.titel, t.vorige.titel
    assert _rij(rijen, dossier, 2026)[5:] == ["—", "260", "410 van 800", "op schema"]
    assert _rij(rijen, dossier, 2025)[5:] == ["—", "150", "150 van 800", "achter"]
    assert _rij(rijen, vorige, 2024)[5:] == ["—", "200", "", "geen plan"]
    assert not [r for r in rijen if "999" in " ".join(r) or r[0] == t.ander.titel]


def test_figures_list_follows_a_lowered_term_target(client, termijnafspraak):
    t = termijnafspraak
    t.doel.waarde = 700  # 350 due by 2026: 410 is more than 15 % ahead
    t.doel.save()
    client.force_login(t.bestuurder)

    rijen = _rijen(client.get(reverse("dashboards:cijfers")))

    assert _rij(rijen, t.dossier.titel, 2026)[7:] == ["410 van 700", "voor"]


def test_figures_list_filters_on_a_term_target_status(client, termijnafspraak):
    """Across all dossiers: Elders' 333 of 999 (250 due in 2025) is voor, not op schema."""
    t = termijnafspraak
    client.force_login(t.bestuurder)
    url = reverse("dashboards:cijfers")

    op_schema = client.get(url, {"bereik": "alle", "status": "op_schema"})
    voor = client.get(url, {"bereik": "alle", "status": "voor"})

    assert [(r[0], r[4], r[7]) for r in _rijen(op_schema)] == [
        (t.dossier.titel, "2026", "410 van 800")
    ]
    assert [(r[0], r[4], r[7]) for r in _rijen(voor)] == [(t.ander.titel, "2025", "333 van 999")]
    html = op_schema.content.decode()
    assert '<option value="gehaald">gehaald</option>' in html
    assert '<option value="niet_gehaald">niet gehaald</option>' in html


def test_figures_list_says_gehaald_once_the_term_is_over(client, termijnafspraak):
    from core.models import Jaaropgave, Waarde

    t = termijnafspraak
    for jaar, waarde in ((2027, 200), (2028, 150)):  # 760 of 800 by the last year
        Waarde.objects.create(indicator=t.nieuwbouw, jaar=jaar, soort="realisatie", waarde=waarde)
        Jaaropgave.objects.create(
            dossier=t.dossier,
            organisatie=t.gemeente,
            jaar=jaar,
            soort="realisatie",
            status=Jaaropgave.Status.INGEDIEND,
        )
    client.force_login(t.bestuurder)
    url = reverse("dashboards:cijfers")

    assert _rij(_rijen(client.get(url)), t.dossier.titel, 2028)[7:] == [
        "760 van 800",
        "niet gehaald",
    ]
    t.doel.waarde = 750
    t.doel.save()
    gehaald = _rijen(client.get(url, {"status": "gehaald"}))
    assert [(r[4], r[7]) for r in gehaald] == [("2028", "760 van 750")]


def test_a_concept_year_does_not_count_toward_the_target_for_other_readers(client, termijnafspraak):
    """2026 back to concept: the gemeente still sees its own 410; the corporation only 2025."""
    from core.models import Jaaropgave

    t = termijnafspraak
    for opgave in Jaaropgave.objects.filter(dossier=t.dossier, jaar=2026):
        opgave.status = Jaaropgave.Status.CONCEPT
        opgave.save()
    url = reverse("dashboards:cijfers")

    client.force_login(t.beleid_gemeente)
    eigen = _rijen(client.get(url))
    client.force_login(t.beleid_corporatie)
    ander = _rijen(client.get(url))

    assert _rij(eigen, t.dossier.titel, 2026)[7:] == ["410 van 800", "op schema"]
    assert [r[4] for r in ander if r[0] == t.dossier.titel] == ["2025"]
    assert "410 van 800" not in " ".join(" ".join(r) for r in ander)


def test_every_trend_shows_the_findings_the_whole_table_shows_on_its_rows(als):
    """A trend reads only its item's figures and those it is checked against (the whole of a
    share norm, the total it is part of): the findings on its rows stay the same."""
    from core.figures import bouw_cijfertabel
    from core.models import Dossier, User

    client = als("beheerder")
    user = User.objects.get(username="beheerder")
    gevonden = 0
    for dossier in Dossier.objects.all():
        geheel = bouw_cijfertabel(dossier, Waarde.objects.visible_to(user, [dossier.pk]))
        verwacht = {(r.indicator.pk, r.wie): [b.wat for b in r.bevindingen] for r in geheel.rijen}
        for item in dossier.indicatoren.all():
            response = client.get(reverse("dashboards:trend", args=[dossier.slug, item.code]))
            for rij in response.context["tabel"].rijen:
                wat = [b.wat for b in rij.bevindingen]
                assert wat == verwacht[(rij.indicator.pk, rij.wie)], (item.code, rij.wie)
                gevonden += len(wat)
    assert gevonden > 0  # the sources break norms and sums: there is something to keep


def test_a_trend_judges_a_share_norm_against_a_whole_that_is_no_part_of_it(als):
    from core.models import Indicator, Norm

    item = Indicator.objects.get(dossier__slug="maastricht-2015", code="verhuur-totaal")
    elders = Indicator.objects.create(
        dossier=item.dossier,
        onderdeel=item.onderdeel,
        code="geheel-elders",
        naam="Elders",
        eenheid=item.eenheid,
    )
    Waarde.objects.create(indicator=elders, jaar=2014, soort="realisatie", waarde=1_000_000)
    Norm.objects.create(
        indicator=item, soort=Norm.Soort.AANDEEL, ondergrens=50, ten_opzichte_van=elders
    )

    response = als("beheerder").get(
        reverse("dashboards:trend", args=["maastricht-2015", "verhuur-totaal"])
    )

    eigen = next(r for r in response.context["tabel"].rijen if r.indicator == item and not r.wie)
    assert ("norm", 2014) in [(b.regel, b.jaar) for b in eigen.bevindingen]
    assert "‘Verhuur totaal’ is 0,1" in response.content.decode()
