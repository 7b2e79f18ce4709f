"""The Rapportages page: every report a user may read (the same rule as the report page), and
for a coördinator where to make one."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import Dossier, User
from rapportages.models import Rapport
from regiodeals.models import Tranche

GEBRUIKERS = ["beheerder", "bestuurder", "maastricht", "woonpunt", "groningen", "deventer", "ocw"]


def rapport(**velden) -> Rapport:
    return Rapport.objects.create(aangemaakt_door=User.objects.get(username="beheerder"), **velden)


def rapporten() -> list[Rapport]:
    maastricht = Dossier.objects.get(slug="maastricht-2015")
    groningen = Dossier.objects.get(slug="regio-deal-groningen-noord-ii")
    return [
        rapport(dossier=maastricht, jaar=2015, status="concept"),
        rapport(dossier=maastricht, jaar=2014, status="definitief"),
        rapport(dossier=groningen, jaar=2025, status="voorgelegd"),
        rapport(tranche=Tranche.objects.get(nummer=6), jaar=2025),
    ]


def gelinkt(html: str) -> set[str]:
    tabel = html.split("<tbody", 1)[1]
    return set(re.findall(r'href="(/rapportages/[^"]+/\d{4}/)"', tabel))


def test_each_user_sees_exactly_the_reports_the_report_page_lets_them_read(als):
    alle = rapporten()

    for username in GEBRUIKERS:
        user = User.objects.get(username=username)
        html = als(username).get(reverse("rapportages:lijst")).content.decode()
        verwacht = {
            reverse("rapportages:rapport", args=[r.slug, r.jaar])
            for r in alle
            if user.has_perm("rapportages.view_rapport", r)
        }
        assert gelinkt(html) == verwacht, username
    # the rule does hide something: a concept stays with its parties
    assert reverse("rapportages:rapport", args=["maastricht-2015", 2015]) not in gelinkt(
        als("groningen").get(reverse("rapportages:lijst")).content.decode()
    )


def test_a_coordinator_is_shown_where_to_make_last_years_report(als):
    html = als("groningen").get(reverse("rapportages:lijst")).content.decode()

    vorig = max(2025, int(re.search(r"Voortgangsrapportage (\d{4}) – Groningen", html).group(1)))
    assert f"/rapportages/regio-deal-groningen-noord-ii/{vorig}/" in html
    bestuurder = als("bestuurder").get(reverse("rapportages:lijst")).content.decode()
    assert "Een rapportage maken" not in bestuurder


def test_the_menu_leads_to_the_reports(als):
    html = als("woonpunt").get(reverse("start")).content.decode()
    menu = html.split('aria-label="Hoofdmenu"', 1)[1].split("</nav>", 1)[0]

    assert f'href="{reverse("rapportages:lijst")}"' in menu and ">Rapportages<" in menu


def test_the_list_takes_as_many_queries_with_ten_times_the_reports(als):
    client = als("maastricht")
    maastricht = Dossier.objects.get(slug="maastricht-2015")
    rapport(dossier=maastricht, jaar=2015)
    with CaptureQueriesContext(connection) as weinig:
        client.get(reverse("rapportages:lijst"))
    for jaar in range(2005, 2015):
        rapport(dossier=maastricht, jaar=jaar, status="definitief")
    with CaptureQueriesContext(connection) as veel:
        response = client.get(reverse("rapportages:lijst"))

    assert len(gelinkt(response.content.decode())) == 11
    assert len(veel) == len(weinig)
