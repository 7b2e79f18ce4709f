"""The dashboards per agreement, deal and project: the numbers a bestuurder reads."""

import re
from decimal import Decimal
from html import unescape

from django.urls import reverse
from django.utils.html import strip_tags

from core.models import Indicator, Jaaropgave, Organisatie, Rol, Waarde
from core.status import Status
from projecten.models import Kern
from regiodeals.models import Bron, Financieringspost, Kosten

from .test_start_page import MISMATCHES

MLN = Decimal(1_000_000)


def grafiek(response, titel_begin):
    """The chart, whose table (what `tabel` reads) must be the one the user gets in the page."""
    grafieken = [g for blok in response.context["blokken"] for g in blok.grafieken]
    g = next(g for g in grafieken if g.titel.startswith(titel_begin))
    assert tabel_in_html(response.content.decode(), g.titel) == tabel(g), g.titel
    return g


def tabel(g) -> dict[str, list[str]]:
    _, rijen = g.tabel
    return {rij[0]: rij[1:] for rij in rijen}


def test_maastricht_2015_plan_per_corporation(als):
    url = reverse("dashboards:dossier", args=["maastricht-2015"])

    response = als("bestuurder").get(url, {"jaar": 2015})

    assert response.context["jaar"] == 2015
    per_corporatie = {
        "Nieuwbouw": {"Maasvallei": "66", "Woonpunt": "0", "Servatius": "0"},
        "Verbeteringen": {"Maasvallei": "40", "Woonpunt": "89", "Servatius": "473"},
        "Investeringen in duurzaamheid": {
            "Maasvallei": "€ 370.000",
            "Woonpunt": "€ 1,0 mln",
            "Servatius": "€ 2,83 mln",
        },
        "Sloop": {"Maasvallei": "32", "Woonpunt": "82", "Servatius": "58"},
        "Verkoop": {"Maasvallei": "20", "Woonpunt": "48", "Servatius": "132"},
    }
    totalen = {
        "Nieuwbouw": "66",
        "Verbeteringen": "602",
        "Investeringen in duurzaamheid": "€ 4,2 mln",
        "Sloop": "172",
        "Verkoop": "200",
    }
    for item, verwacht in per_corporatie.items():
        rijen = tabel(grafiek(response, f"{item}: plan en realisatie 2015 per organisatie"))
        assert {org: rijen[org][0] for org in verwacht} == verwacht, item
        assert rijen["Totaal (opgegeven)"][0] == totalen[item]
    nieuwbouw = tabel(grafiek(response, "Nieuwbouw en de delen daarvan, 2015"))
    assert nieuwbouw == {
        "Nieuwbouw": ["66", "–"],
        "Nieuwbouw sociale huur": ["54", "–"],
        "Nieuwbouw koop": ["12", "–"],
    }


def test_verhuur_shares_per_year_with_the_norm_outcome(als):
    url = reverse("dashboards:dossier", args=["maastricht-2015"])

    response = als("bestuurder").get(url)

    aanbod = grafiek(response, "Aandeel Aanbodmodel")
    assert tabel(aanbod) == {
        "2013": ["45,0 %", "58,9 %"],  # 450/1000 and 630/1069
        "2014": ["45,0 %", "55,6 %"],  # 468/1040 and 578/1039
        "2015": ["45,0 %", "–"],
    }
    assert [n.waarde for n in aanbod.normlijnen] == [Decimal(45)]
    assert aanbod.beschrijving.endswith("De norm is in elk jaar gehaald.")
    eigen = grafiek(response, "Aandeel Eigen inplaatsing")
    assert tabel(eigen) == {
        "2013": ["10,0 %", "3,0 %"],  # 32/1069
        "2014": ["10,0 %", "2,9 %"],  # 30/1039
        "2015": ["10,0 %", "–"],
    }
    assert [n.label for n in eigen.normlijnen] == ["norm: maximaal 10 %"]


def test_a_broken_share_norm_shows_in_the_chart_and_the_counts(als):
    eigen = Waarde.objects.get(indicator__code="eigen-inplaatsing", jaar=2014, soort="realisatie")
    eigen.waarde = 200
    eigen.save()
    url = reverse("dashboards:dossier", args=["maastricht-2015"])

    response = als("bestuurder").get(url)

    eigen = grafiek(response, "Aandeel Eigen inplaatsing")
    assert tabel(eigen)["2014"] == ["10,0 %", "19,2 %"]
    assert "Norm niet gehaald in: realisatie 2014." in eigen.beschrijving
    assert response.context["telling"][Status.NORM_NIET_GEHAALD] == 1
    assert (
        "Realisatie 2014: ‘Eigen inplaatsing’ is 19,2 %, de norm is maximaal 10 % van het totaal"
        in {b.wat for b in response.context["tabel"].bevindingen}
    )


def test_maastricht_dashboard_counts_and_findings(als):
    url = reverse("dashboards:dossier", args=["maastricht-2015"])

    response = als("bestuurder").get(url)

    assert response.context["jaar"] == 2014  # the latest year with realisations
    telling = response.context["telling"]
    assert (telling[Status.OP_SCHEMA], telling[Status.ACHTER], telling[Status.VOOR]) == (3, 10, 5)
    assert telling[Status.GEEN_REALISATIE] == 40
    assert sorted(b.wat for b in response.context["tabel"].bevindingen) == sorted(MISMATCHES)
    verhuur = tabel(grafiek(response, "Verhuur totaal en de delen daarvan, 2014"))
    assert verhuur["Verhuur totaal"] == ["1.040", "1.039"]
    assert verhuur["Maatwerk"] == ["187", "102"]
    assert verhuur["Verdelingstekort"] == ["-62", "–"]
    html = response.content.decode()
    assert "de uitsplitsing van ‘Maatwerk’ geeft als totaal 121" in html


def test_groningen_noord_ii_finance_table_and_chart(als):
    deal_url = reverse("dashboards:dossier", args=["regio-deal-groningen-noord-ii"])
    post = Financieringspost.objects.get(
        regiodeal__slug="regio-deal-groningen-noord-ii", naam="Meedoen"
    )
    Kosten.objects.create(post=post, jaar=2025, bron=Bron.RIJK, bedrag=Decimal("800000"))
    Kosten.objects.create(
        post=post, jaar=2025, bron=Bron.REGIONAAL_PUBLIEK, bedrag=Decimal("600000")
    )

    response = als("bestuurder").get(deal_url)

    f = response.context["financien"]
    assert [(r.post.naam, r.post.maximale_rijksbijdrage, r.totaal_gepland) for r in f.regels] == [
        ("Werken en leren", Decimal("2.5") * MLN, 5 * MLN),
        ("Veilig zijn en wonen", Decimal("3.75") * MLN, Decimal("7.5") * MLN),
        ("Meedoen", Decimal("3.5") * MLN, 7 * MLN),
        ("Uitvoeringskosten (VAT)", Decimal("0.25") * MLN, Decimal("0.5") * MLN),
    ]
    assert (f.maximale_rijksbijdrage, f.minimale_regionale_financiering, f.totaal_gepland) == (
        10 * MLN,
        10 * MLN,
        20 * MLN,
    )
    kop, rijen = response.context["financiering"].tabel
    assert kop == [
        "",
        "Maximale Rijksbijdrage",
        "Rijksbijdrage verschuldigd",
        "Minimale regionale financiering",
        "Regionaal gerealiseerd",
    ]
    # 1,4 mln realised costs: the Rijk owes half, 700.000; the region realised 600.000.
    assert rijen[2] == ["Meedoen", "€ 3,5 mln", "€ 700.000", "€ 3,5 mln", "€ 600.000"]
    html = response.content.decode()
    assert "€ 10,0 mln" in html and "€ 20,0 mln" in html


def test_groningen_results_show_their_ranges(als):
    response = als("bestuurder").get(
        reverse("dashboards:dossier", args=["regio-deal-groningen-noord-ii"])
    )

    regels = [r for g in response.context["voortgang"] for r in g.regels]
    bereik = [r for r in regels if r.minimum == 1 and r.maximum == 3]
    assert bereik, "the convenant's 'minimaal 1 en maximaal 3' results are drawn as ranges"
    assert all(r.doel == "1 tot 3" for r in bereik)
    # Nothing realised yet; the deal's start date is unknown, so a term target is "lopend".
    assert {r.status for r in regels} == {"lopend", "geen realisatie"}
    html = response.content.decode()
    assert html.count("<dd>minimaal 1 en maximaal 3 over de looptijd tot en met 2028</dd>") == 2


def test_project_dashboard_shows_phases_and_late_reports(als):
    response = als("deventer").get(
        reverse("dashboards:dossier", args=["sociaal-vitaal-in-kleine-kernen"])
    )

    assert response.context["fasen"][0].titel.startswith("Verkenning")
    assert all(r.is_te_laat() for r in response.context["rapportages"])
    assert len(response.context["output"]) == 3
    assert not any(g.heeft_waarden for g in response.context["output"])
    assert "nog geen cijfers" in response.content.decode()


def tabel_in_html(html: str, titel_begin: str) -> dict[str, list[str]]:
    """The rows of the chart table whose caption starts with `titel_begin`, as rendered."""
    tabellen = re.findall(
        r'<caption class="visually-hidden">(.*?)</caption>(.*?)</table>', html, re.S
    )
    gevonden = [body for caption, body in tabellen if unescape(caption).startswith(titel_begin)]
    assert len(gevonden) == 1, f"{len(gevonden)} tables {titel_begin!r} in the page"
    rijen = {}
    for rij in re.findall(r"<tbody.*?</tbody>", gevonden[0], re.S)[0].split("</tr>")[:-1]:
        cellen = [
            unescape(strip_tags(c)).strip()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", rij, re.S)
        ]
        rijen[cellen[0]] = cellen[1:]
    return rijen


def test_project_dashboard_shows_the_figures_a_municipality_entered_and_submitted(
    als, user_factory
):
    """Almelo enters outputs for its two kernen through the grid and submits them; the
    bestuurder reads their sum for Almelo in the dashboard's table, the others stay empty."""
    almelo = Organisatie.objects.get(slug="gemeente-almelo")
    client = als("bestuurder")
    client.force_login(user_factory("almelo", almelo, Rol.BELEIDSMEDEWERKER))
    project = "sociaal-vitaal-in-kleine-kernen"
    sporters = Indicator.objects.get(dossier__slug=project, code="nieuwe-sporters")
    kern1, kern2 = Kern.objects.filter(gemeente=almelo).order_by("volgorde")
    grid = reverse("core:invoer", args=[project, 2017, "realisatie"])
    pagina = client.get(grid).content.decode()
    form = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', pagina))
    form |= {f"waarde_{sporters.pk}_{kern1.pk}": "12", f"waarde_{sporters.pk}_{kern2.pk}": "8"}

    assert client.post(grid, form).status_code == 302
    indienen = reverse("core:invoer_actie", args=[project, 2017, "realisatie", "indienen"])
    assert client.post(indienen, {"bevestigd": "ja"}).status_code == 302
    assert (
        Jaaropgave.objects.get(organisatie=almelo, jaar=2017).status == Jaaropgave.Status.INGEDIEND
    )

    response = als("bestuurder").get(reverse("dashboards:dossier", args=[project]))

    html = response.content.decode()
    rijen = tabel_in_html(html, f"{sporters.naam}: plan en realisatie per gemeente")
    assert rijen["Gemeente Almelo"] == ["–", "20"]
    assert rijen["Gemeente Borne"] == ["–", "–"]
    assert (
        f"{sporters.naam}: plan en realisatie per gemeente, over de looptijd: nog geen" not in html
    )
