"""The figures of all dossiers at national scale (issue 22): read in the order shown, sorted on
the dossier only, paged no deeper than page 20, with the status filter as exact as before."""

from django.urls import reverse

from core.cellen import cellen
from core.models import Organisatie, Waarde
from core.status import Status
from dashboards.tables import BegrensdePaginator

URL = reverse("dashboards:cijfers")


def _getoond(response) -> list:
    return [rij.record for rij in response.context["table"].page.object_list]


def _titels(response) -> list[str]:
    return [c.indicator.dossier.titel for c in _getoond(response)]


def test_all_dossiers_page_no_deeper_than_the_bound_and_say_to_filter(als, monkeypatch):
    lezer = als("bestuurder")
    alles = list(lezer.get(URL, {"bereik": "alle"}).context["table"].data.data)
    eerste = lezer.get(URL, {"bereik": "alle"}).content.decode()
    assert 'rel="next"' in eerste and "bladert u tot pagina" not in eerste
    monkeypatch.setattr(BegrensdePaginator, "MAX_PAGINA", 1)
    assert len(alles) > 50  # there is more than the bound lets one page to

    diep = lezer.get(URL, {"bereik": "alle", "page": 400})

    html = diep.content.decode()
    assert 'rel="next"' not in html
    assert [c.pk for c in _getoond(diep)] == [c.pk for c in alles[:50]]
    assert "Over alle dossiers bladert u tot pagina 1." in html


def test_the_own_dossiers_page_as_deep_as_they_go(als, monkeypatch):
    monkeypatch.setattr(BegrensdePaginator, "MAX_PAGINA", 1)
    response = als("bestuurder").get(URL, {"page": 2})

    html = response.content.decode()
    assert "Pagina 2 van 2" in html and "bladert u tot pagina" not in html


def test_all_dossiers_sort_on_the_dossier_only(als):
    lezer = als("bestuurder")

    op_jaar = lezer.get(URL, {"bereik": "alle", "sort": "-jaar"})
    aflopend = lezer.get(URL, {"bereik": "alle", "sort": "-dossier"})

    def alle_titels(response):
        return [c.indicator.dossier.titel for c in response.context["table"].data.data]

    assert alle_titels(op_jaar) == sorted(alle_titels(op_jaar))  # the asked sort is not offered
    assert alle_titels(aflopend) == sorted(alle_titels(aflopend), reverse=True)
    assert not op_jaar.context["table"].order_by
    assert [str(o) for o in aflopend.context["table"].order_by] == ["-dossier"]
    html = op_jaar.content.decode()
    assert "Over alle dossiers sorteert u op het dossier." in html
    assert 'href="?bereik=alle&amp;sort=dossier"' in html and "sort=jaar" not in html
    eigen = lezer.get(URL, {"sort": "-jaar"})
    jaren = [c.jaar for c in _getoond(eigen)]
    assert jaren == sorted(jaren, reverse=True)
    assert "Over alle dossiers sorteert" not in eigen.content.decode()


def test_all_dossiers_filtered_on_a_status_show_exactly_the_cells_of_that_status(als):
    """The filter is written as a boolean for the planner's sake; it must still mean status."""
    lezer = als("bestuurder")
    user = lezer.get(URL).wsgi_request.user

    for status in (Status.ACHTER, Status.VOOR, Status.GEEN_REALISATIE):
        response = lezer.get(URL, {"bereik": "alle", "status": status.value})
        getoond = list(response.context["table"].data.data)
        verwacht = [c.pk for c in cellen(user, met_waarden=False) if c.status == status]
        assert sorted(c.pk for c in getoond) == sorted(verwacht)
        assert getoond and all(Status(c.status) == status for c in getoond)


def test_an_outsider_filtering_all_dossiers_on_a_status_does_not_find_a_concept(als):
    """Servatius's concept realisation judges its cell for Servatius; for Woonpunt the same
    cell has no realisation (rules in core.rules), so it is not found under Servatius's status."""
    woonpunt = Organisatie.objects.get(slug="woonpunt")
    servatius = Organisatie.objects.get(slug="servatius")
    indicator = Waarde.objects.filter(organisatie=woonpunt, soort="plan").first().indicator
    jaar = Waarde.objects.filter(organisatie=woonpunt, indicator=indicator).first().jaar
    Waarde.objects.update_or_create(
        indicator=indicator, jaar=jaar, soort="plan", organisatie=servatius,
        defaults={"waarde": 100},
    )  # fmt: skip
    Waarde.objects.update_or_create(
        indicator=indicator, jaar=jaar, soort="realisatie", organisatie=servatius,
        defaults={"waarde": 7},
    )  # fmt: skip
    eigen = als("servatius")
    (cel,) = [
        c
        for c in cellen(eigen.get(URL).wsgi_request.user, met_waarden=False)
        if (c.indicator_id, c.organisatie_id, c.jaar) == (indicator.pk, servatius.pk, jaar)
    ]
    assert cel.status == Status.ACHTER

    def gevonden(client, status):
        response = client.get(URL, {"bereik": "alle", "status": status})
        return {c.pk for c in response.context["table"].data.data}

    assert cel.pk in gevonden(eigen, Status.ACHTER)
    anderen = als("woonpunt")
    assert cel.pk not in gevonden(anderen, Status.ACHTER)
    assert cel.pk in gevonden(anderen, Status.GEEN_REALISATIE)


def test_all_dossiers_filtered_on_a_municipality_show_its_own_and_its_locations_figures(db, client):
    from django.db.models import Q

    from core.models import User
    from volume.generator import genereer
    from volume.omvang import Omvang

    genereer(Omvang.schaal(0.002))
    plek = Waarde.objects.filter(locatie__isnull=False).select_related("locatie__gemeente").first()
    gemeente, jaar = plek.locatie.gemeente, plek.jaar
    beheerder = User.objects.create_superuser("beheer", password="x")
    client.force_login(beheerder)

    filters = {"bereik": "alle", "organisatie": gemeente.naam, "jaar": jaar, "soort": "project"}
    response = client.get(URL, filters)

    namen = Organisatie.objects.filter(naam__icontains=gemeente.naam)
    verwacht = {
        c.pk
        for c in cellen(beheerder, met_waarden=False).filter(
            Q(organisatie__in=namen) | Q(locatie__gemeente__in=namen),
            jaar=jaar,
            indicator__dossier__soort="project",
        )
    }
    getoond = {c.pk for c in _getoond(response)}
    assert plek.pk in verwacht or plek.soort == "realisatie"
    assert getoond <= verwacht and len(getoond) == min(len(verwacht), 50) > 0
    assert any(c.locatie_id for c in _getoond(response))
