"""The project page as users see it, entry per kern, and the timeline in a PDF."""

import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from core.models import Indicator, Locatie, Organisatie, Rol, User, Waarde
from core.services import create_demo_accounts
from projecten.models import Kern, Project
from projecten.timeline import tijdlijn_svg
from tests.rooster import rooster_post


@pytest.fixture
def sociaal_vitaal(db, settings):
    call_command("loaddata", "organisaties", "sociaal_vitaal", verbosity=0)
    settings.DEBUG = True
    create_demo_accounts()
    settings.DEBUG = False
    return Project.objects.get(slug="sociaal-vitaal-in-kleine-kernen")


def login(client, username):
    client.force_login(User.objects.get(username=username))


def test_project_page_shows_the_plan_with_its_kernen_phases_and_late_reports(
    client, sociaal_vitaal
):
    login(client, "bestuurder")

    response = client.get(sociaal_vitaal.get_absolute_url())

    context = response.context
    assert len(context["per_gemeente"]) == 11
    assert len(context["per_kern"]) == 22
    assert [f.nummer for f in context["fasen"]] == [1, 2, 3, 4]
    assert context["fte_totaal"] == Decimal("2.20")
    html = response.content.decode()
    assert html.count("te laat") == 2  # both report windows have passed without a report
    assert '<title id="tijdlijn-100-titel">Tijdlijn van de fasen</title>' in html
    assert "Fase 3, Uitvoeringsfase: mei 2017 – dec 2018" in html
    assert "2,20 fte" in html


def test_timeline_svg_has_a_text_alternative_and_renders_in_weasyprint(sociaal_vitaal):
    from weasyprint import HTML

    svg = str(tijdlijn_svg(list(sociaal_vitaal.fasen.all()), id_prefix="t"))

    assert 'role="img"' in svg and 'aria-labelledby="t-titel t-beschrijving"' in svg
    assert "Fase 1, Verkenningsfase: sep 2016 – feb 2017" in svg
    pdf = HTML(string=f"<html lang='nl'><body>{svg}</body></html>").write_pdf()
    tekst = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    titels = [fase.titel for fase in sociaal_vitaal.fasen.all()]
    assert len(titels) > 1
    for titel in titels:
        assert titel in tekst, (titel, tekst[:500])


def kern_veld(project, kern):
    indicator = Indicator.objects.get(dossier=project, code="nieuwe-sporters")
    return f"waarde_{indicator.pk}_{kern.pk}", indicator


def test_municipality_enters_outputs_for_its_own_kernen_and_sees_them_summed(
    client, sociaal_vitaal, user_factory
):
    almelo = Organisatie.objects.get(slug="gemeente-almelo")
    client.force_login(user_factory("almelo", almelo, Rol.BELEIDSMEDEWERKER))
    kern1, kern2 = Kern.objects.filter(gemeente=almelo).order_by("volgorde")
    veld1, indicator = kern_veld(sociaal_vitaal, kern1)
    veld2, _ = kern_veld(sociaal_vitaal, kern2)
    grid = reverse("core:invoer", args=[sociaal_vitaal.slug, 2017, "realisatie"])

    response = rooster_post(client, grid, {veld1: "12", veld2: "8"})

    assert response.status_code == 302
    pagina = client.get(sociaal_vitaal.get_absolute_url())
    per_gemeente = dict(pagina.context["per_gemeente"])
    positie = pagina.context["indicatoren"].index(indicator)
    assert per_gemeente["Gemeente Almelo"][positie] == {"plan": None, "realisatie": Decimal(20)}
    rijen = voortgang_in_html(pagina, "Output per gemeente")
    assert rijen["Gemeente Almelo"][2 * positie : 2 * positie + 2] == ["–", "20"]
    assert rijen["Gemeente Borne"][2 * positie : 2 * positie + 2] == ["–", "–"]


def voortgang_in_html(response, caption: str) -> dict[str, list[str]]:
    """The rows of the rendered plan-and-realisation table with that caption."""
    html = response.content.decode()
    tabel = html.split(f'<caption class="utrecht-table__caption">{caption}')[1]
    body = tabel.split("<tbody")[1].split("</tbody>")[0]
    rijen = {}
    for rij in body.split("</tr>")[:-1]:
        naam = re.search(r'scope="row">([^<]+)</th>', rij).group(1)
        rijen[naam] = re.findall(r'<td class="utrecht-table__cell numeric">([^<]*)</td>', rij)
    return rijen


def test_municipality_cannot_enter_another_municipalitys_kernen(
    client, sociaal_vitaal, user_factory
):
    almelo = Organisatie.objects.get(slug="gemeente-almelo")
    client.force_login(user_factory("almelo", almelo, Rol.BELEIDSMEDEWERKER))
    kern_borne = Kern.objects.filter(gemeente__slug="gemeente-borne").first()
    veld, _ = kern_veld(sociaal_vitaal, kern_borne)
    grid = reverse("core:invoer", args=[sociaal_vitaal.slug, 2017, "realisatie"])

    eigen_grid = rooster_post(client, grid, {veld: "5"})
    ander_grid = client.post(f"{grid}?organisatie=gemeente-borne", {veld: "5"})

    assert eigen_grid.status_code == 302  # a kern of Borne is no cell of Almelo's grid: ignored
    assert ander_grid.status_code == 403
    assert not Waarde.objects.exists()


def test_coordinator_enters_outputs_for_every_municipality(client, sociaal_vitaal):
    login(client, "deventer")
    kern_borne = Kern.objects.filter(gemeente__slug="gemeente-borne").first()
    veld, _ = kern_veld(sociaal_vitaal, kern_borne)
    grid = reverse("core:invoer", args=[sociaal_vitaal.slug, 2018, "realisatie"])

    response = rooster_post(client, f"{grid}?organisatie=gemeente-borne", {veld: "7"})

    assert response.status_code == 302
    assert Waarde.objects.get().locatie_id == kern_borne.pk
    links = client.get(sociaal_vitaal.get_absolute_url()).context["invoer"]
    assert len(links) == 22  # 11 municipalities × 2 years


def test_project_page_runs_as_many_queries_with_220_kernen_as_with_22(client, sociaal_vitaal):
    login(client, "bestuurder")

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(sociaal_vitaal.get_absolute_url()).status_code == 200
        return len(context.captured_queries)

    klein = count()
    gemeenten = list(
        Organisatie.objects.filter(slug__startswith="gemeente-").exclude(
            slug__in=["gemeente-maastricht", "gemeente-groningen"]
        )
    )
    for i in range(198):
        Kern.objects.create(
            dossier=sociaal_vitaal,
            naam=f"Extra kern {i}",
            gemeente=gemeenten[i % len(gemeenten)],
            projectleider_fte="0.10",
            volgorde=100 + i,
        )
    assert Locatie.objects.filter(dossier=sociaal_vitaal).count() == 220

    assert count() == klein


@pytest.mark.parametrize(
    ("query", "aantal"),
    [
        ("status=aangevraagd", 1),
        ("status=lopend", 0),
        ("jaar=2017", 1),
        ("jaar=2019", 0),
        ("gemeente=Almelo", 1),
        ("gemeente=Maastricht", 0),
        ("financier=Overijssel", 1),
        ("financier=Almelo", 0),
    ],
)
def test_project_list_filters(client, sociaal_vitaal, query, aantal):
    login(client, "bestuurder")

    response = client.get(f"{reverse('projecten:list')}?{query}")

    assert response.context["table"].paginator.count == aantal


def test_a_deals_action_line_and_an_organisation_page_show_their_projects(client, db):
    call_command(
        "loaddata",
        "organisaties",
        "tranche_6",
        "groningen_noord_2",
        "groningen_noord_2_projecten",
        "sociaal_vitaal",
        verbosity=0,
    )
    client.force_login(User.objects.create_user("lezer"))
    kansrijk = Project.objects.get(voert_uit__nummer="1a")

    deal = client.get(reverse("regiodeals:detail", args=["regio-deal-groningen-noord-ii"]))
    almelo = client.get(reverse("core:organisatie_detail", args=["gemeente-almelo"]))

    assert kansrijk.get_absolute_url() in deal.content.decode()
    assert [d.titel for d in almelo.context["dossiers"]] == ["Sociaal Vitaal in kleine kernen"]
