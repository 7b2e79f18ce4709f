"""The dossier lists write their rows in Python (core.tabellen): what a reader of the list sees."""

import datetime
import re

import pytest
from django.urls import reverse

from afspraken.models import Afspraak, Afspraakpunt
from core.models import Onderdeel, Organisatie, Rol
from projecten.models import Project

SOORT = Afspraakpunt.Soort.AFSPRAAK


def rijen(html: str) -> list[str]:
    body = html.split('<tbody class="utrecht-table__body">')[1].split("</tbody>")[0]
    return re.findall(r"<tr class=\"utrecht-table__row\">.*?</tr>", body, re.S)


@pytest.fixture
def lezer(client, organisatie_factory, user_factory):
    gemeente = organisatie_factory("Gemeente <Zuid> & Co", Organisatie.Soort.GEMEENTE)
    client.force_login(user_factory("lezer", gemeente, Rol.BESTUURDER))
    return gemeente


def test_an_agreement_row_links_its_escaped_title_and_counts_its_items(client, lezer):
    afspraak = Afspraak.objects.create(
        titel="Wonen <samen> & goed",
        penvoerder=lezer,
        startdatum=datetime.date(2024, 1, 1),
        einddatum=datetime.date(2027, 12, 31),
    )
    thema = Onderdeel.objects.create(dossier=afspraak, nummer="1", titel="Bouwen")
    for nummer in range(3):
        Afspraakpunt.objects.create(
            afspraak=afspraak, onderdeel=thema, soort=SOORT, titel=f"Punt {nummer}"
        )
    Afspraak.objects.create(titel="Ander akkoord", penvoerder=lezer)

    html = client.get(reverse("afspraken:list")).content.decode()

    tweede, eerste = rijen(html)  # in the order of titles: "Ander akkoord" first
    url = reverse("afspraken:detail", args=[afspraak.slug])
    assert f'<a class="utrecht-link" href="{url}">Wonen &lt;samen&gt; &amp; goed</a>' in eerste
    assert 'data-label="Penvoerder">Gemeente &lt;Zuid&gt; &amp; Co</td>' in eerste
    assert 'data-label="Periode">2024–2027</td>' in eerste
    assert '<td class="utrecht-table__cell numeric" data-label="Afspraakpunten">3</td>' in eerste
    assert 'data-label="Afspraakpunten">0</td>' in tweede
    assert "Wonen &lt;samen" not in tweede


def test_a_project_row_shows_dashes_where_nothing_is_known(client, lezer):
    project = Project.objects.create(titel="Dorpshuis", penvoerder=lezer)

    html = client.get(reverse("projecten:list")).content.decode()

    (rij,) = rijen(html)
    assert f'href="{reverse("projecten:detail", args=[project.slug])}">Dorpshuis</a>' in rij
    assert 'data-label="Financiering">—</td>' in rij
    assert f'data-label="Status">{project.get_status_display()}</td>' in rij
    assert [label for label in re.findall(r'data-label="([^"]+)"', rij)] == [
        "Project",
        "Aanvrager",
        "Financiering",
        "Status",
        "Periode",
    ]


def test_a_list_that_finds_nothing_says_so_across_its_columns(client, lezer):
    Afspraak.objects.create(titel="Iets", penvoerder=lezer)

    html = client.get(reverse("afspraken:list"), {"partij": "Nergens"}).content.decode()

    assert rijen(html) == [
        '<tr class="utrecht-table__row"><td class="utrecht-table__cell" colspan="5">'
        "Geen afspraken gevonden.</td></tr>"
    ]
