"""Every page and export runs as many SQL queries with ten times the data (no query per row).

Twice `generate_volume` in one database: a small world, then ten times more dossiers, each of
them bigger (more themes, years, results and locations). Each page is asked once for a
dossier of the first run and once for a dossier of the second, by real users of real roles:
the counts must be equal. The timing benchmark (benchmarks/scale.py) is not run here.
"""

from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import Dossier, Organisatie, User
from dashboards.tables import BegrensdePaginator
from rapportages.models import Rapport, Rapportversie
from rapportages.services import maak_bestanden, vingerafdruk
from volume.generator import genereer
from volume.omvang import Omvang

KLEIN = Omvang.schaal(
    0.002, themas=1, jaren=2, actielijnen=2, resultaten=2, deal_jaren=2, locaties=2, project_jaren=1
)
GROOT = Omvang.schaal(
    0.02, themas=2, jaren=10, actielijnen=4, resultaten=20, deal_jaren=4, locaties=20
)
JAAR = 2025


def wereld(omvang: Omvang) -> SimpleNamespace:
    """Generate `omvang` more and name the first dossiers and users of this run."""
    begin = Organisatie.objects.filter(slug__startswith="vol-gemeente-").count()
    eerste = {
        soort: Dossier.objects.filter(slug__startswith=f"vol-{soort}-").count()
        for soort in ("afspraak", "deal", "project")
    }
    genereer(omvang)
    gemeente = Organisatie.objects.get(slug=f"vol-gemeente-{begin}")
    afspraak = Dossier.objects.get(slug=f"vol-afspraak-{eerste['afspraak']}").afspraak
    deal = Dossier.objects.get(slug=f"vol-deal-{eerste['deal']}").regiodeal
    corporatie = afspraak.partijen.exclude(organisatie=gemeente).first().organisatie
    coordinator = User.objects.get(username=f"{gemeente.slug}-coordinator")
    rapport = Rapport.objects.create(dossier=afspraak, jaar=JAAR, aangemaakt_door=coordinator)
    Rapportversie.objects.create(
        rapport=rapport,
        nummer=1,
        status=rapport.status,
        gemaakt_door=coordinator,
        taak=Rapportversie.Taak.KLAAR,
        pdf=ContentFile(b"%PDF-1.7 klein", name="r.pdf"),
        xlsx=ContentFile(b"PK klein", name="r.xlsx"),
        vingerafdruk=vingerafdruk(rapport),
    )
    return SimpleNamespace(
        gemeente=gemeente,
        corporatie=corporatie,
        afspraak=afspraak,
        punt=afspraak.punten.first(),
        deal=deal,
        project=Dossier.objects.get(slug=f"vol-project-{eerste['project']}").project,
        rapport=rapport,
        users={
            "bestuurder": User.objects.get(username=f"{gemeente.slug}-bestuurder"),
            "coordinator": coordinator,
            "medewerker": User.objects.get(username=f"{corporatie.slug}-medewerker"),
            "beheerder": User.objects.get_or_create(
                username="beheerder", defaults={"is_superuser": True, "is_staff": True}
            )[0],
        },
    )


def pagina(naam: str, rol: str, url_naam: str, args=lambda w: [], query=lambda w: ""):
    return pytest.param(
        rol, lambda w: reverse(url_naam, args=args(w)) + query(w), naam in LIJSTEN, id=naam
    )


LIJSTEN = {
    "afspraken",
    "regiodeals",
    "projecten",
    "organisaties",
    "cijfers",
    "cijfers gefilterd",
    "cijfers gehaald",
    "cijfers niet gehaald, alle dossiers",
    "cijfers van alle dossiers",
    *(f"cijfers van alle dossiers, {q}" for q in ("status=voor", "jaar", "sort", "page=400")),
    *(f"cijfers, {q}" for q in ("sort=status", "sort=-realisatie", "page=2")),
}
PAGINAS = [
    pagina("start", "bestuurder", "start"),
    pagina("start, beheerder", "beheerder", "start"),
    pagina("start, coördinator", "coordinator", "start"),
    pagina("start, corporatie", "medewerker", "start"),
    pagina("afspraken", "bestuurder", "afspraken:list"),
    pagina("regiodeals", "bestuurder", "regiodeals:list"),
    pagina("projecten", "bestuurder", "projecten:list"),
    pagina("organisaties", "bestuurder", "core:organisatie_list"),
    pagina("afspraak", "bestuurder", "afspraken:detail", lambda w: [w.afspraak.slug]),
    pagina("afspraakpunt", "bestuurder", "afspraken:punt", lambda w: [w.afspraak.slug, w.punt.pk]),
    pagina("regiodeal", "bestuurder", "regiodeals:detail", lambda w: [w.deal.slug]),
    pagina("tranche", "bestuurder", "regiodeals:tranche", lambda w: [w.deal.tranche.nummer]),
    pagina("project", "bestuurder", "projecten:detail", lambda w: [w.project.slug]),
    pagina("organisatie", "bestuurder", "core:organisatie_detail", lambda w: [w.gemeente.slug]),
    pagina("dashboard afspraak", "bestuurder", "dashboards:dossier", lambda w: [w.afspraak.slug]),
    pagina("dashboard regiodeal", "bestuurder", "dashboards:dossier", lambda w: [w.deal.slug]),
    pagina("dashboard project", "bestuurder", "dashboards:dossier", lambda w: [w.project.slug]),
    pagina("cijfers", "bestuurder", "dashboards:cijfers"),
    pagina("cijfers gefilterd", "bestuurder", "dashboards:cijfers", query=lambda w: "?status=voor"),
    # a term target's statuses (volume.dossiers.streefdoelen: items promised over the term)
    pagina(
        "cijfers gehaald", "bestuurder", "dashboards:cijfers", query=lambda w: "?status=gehaald"
    ),
    pagina(
        "cijfers niet gehaald, alle dossiers",
        "bestuurder",
        "dashboards:cijfers",
        query=lambda w: "?bereik=alle&status=niet_gehaald",
    ),
    pagina(
        "cijfers van alle dossiers",
        "bestuurder",
        "dashboards:cijfers",
        query=lambda w: "?bereik=alle&page=2",
    ),
    # every filter and sort of the figures (issue 22); across all dossiers page 400 is page 20
    *(
        pagina(
            f"cijfers van alle dossiers, {naam}",
            "bestuurder",
            "dashboards:cijfers",
            query=lambda w, q=q: f"?bereik=alle&{q}",
        )
        for naam, q in [
            ("status=voor", "status=voor"),
            ("jaar", f"jaar={JAAR}&soort=afspraak&organisatie=vol&onderdeel=thema"),
            ("sort", "sort=-dossier&status=achter"),
            ("page=400", "page=400"),
        ]
    ),
    *(
        pagina(f"cijfers, {q}", "bestuurder", "dashboards:cijfers", query=lambda w, q=q: f"?{q}")
        for q in ("sort=status", "sort=-realisatie", "page=2")
    ),
    pagina("vergelijking", "bestuurder", "dashboards:vergelijking", lambda w: [w.afspraak.slug]),
    pagina("trend", "bestuurder", "dashboards:trend", lambda w: [w.afspraak.slug, "t1-i0"]),
    pagina("streefdoelen", "bestuurder", "core:streefdoelen", lambda w: [w.afspraak.slug]),
    pagina("streefdoelen regiodeal", "coordinator", "core:streefdoelen", lambda w: [w.deal.slug]),
    pagina(
        "streefdoel toevoegen",
        "coordinator",
        "core:streefdoel_toevoegen",
        lambda w: [w.afspraak.slug],
    ),
    pagina(
        "invoer",
        "medewerker",
        "core:invoer",
        lambda w: [w.afspraak.slug, JAAR, "realisatie"],
        lambda w: f"?organisatie={w.corporatie.slug}",
    ),
    pagina("kosten", "coordinator", "regiodeals:kosten", lambda w: [w.deal.slug, JAAR]),
    pagina("imports", "medewerker", "importeren:list"),
    pagina("import", "coordinator", "importeren:upload", lambda w: [w.afspraak.slug]),
    pagina("rapportage", "coordinator", "rapportages:rapport", lambda w: [w.afspraak.slug, JAAR]),
    # the exports
    pagina("sjabloon", "medewerker", "importeren:sjabloon", lambda w: [w.afspraak.slug, JAAR]),
    pagina("gegevens", "coordinator", "importeren:gegevens", lambda w: [w.afspraak.slug]),
    pagina(
        "rapport pdf",
        "coordinator",
        "rapportages:download",
        lambda w: [w.afspraak.slug, JAAR, 1, "pdf"],
    ),
    pagina(
        "actuele rapportage",
        "coordinator",
        "rapportages:actueel",
        lambda w: [w.afspraak.slug, JAAR, "xlsx"],
    ),
]


def queries(client, url: str) -> int:
    client.get(url)  # warm up: content types, the session
    with CaptureQueriesContext(connection) as vastgelegd:
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(vastgelegd.captured_queries)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.parametrize(("rol", "url", "is_lijst"), PAGINAS)
def test_every_page_runs_as_many_queries_with_ten_times_the_data(
    db, client, media, monkeypatch, rol, url, is_lijst
):
    # The figures of all dossiers page no deeper than this: the small world has two pages.
    monkeypatch.setattr(BegrensdePaginator, "MAX_PAGINA", 2)
    tellingen = []
    for omvang in (KLEIN, GROOT):
        w = wereld(omvang)
        client.force_login(w.users[rol])
        tellingen.append(queries(client, url(w)))

    assert tellingen[0] == tellingen[1]
    if is_lijst:  # the session, the user, the paginator's count, the rows, the filter's choices
        assert tellingen[0] <= 5


def test_the_report_files_take_as_many_queries_with_ten_times_the_data(db, media):
    tellingen = []
    for omvang in (KLEIN, GROOT):
        w = wereld(omvang)
        with CaptureQueriesContext(connection) as vastgelegd:
            pdf, xlsx = maak_bestanden(w.rapport, w.users["coordinator"], status="concept")
        assert (pdf[:4], xlsx[:2]) == (b"%PDF", b"PK")
        tellingen.append(len(vastgelegd.captured_queries))

    assert tellingen[0] == tellingen[1]
