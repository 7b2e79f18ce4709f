""" "Mijn taken" opens the start page: what this user must do, one link each, overdue first;
and the menu offers Importeren to those who may import."""

import re

from django.urls import reverse
from django.utils import timezone

from core.models import Dossier, Jaaropgave, Organisatie, Rol

INVOER = "/dossiers/maastricht-2015/invoer/{jaar}/realisatie/?organisatie={org}"


def taken(html: str) -> list[tuple[str, str]]:
    """(text as read, link) of each task, in the page's order."""
    sectie = html.split('id="kop-taken"')[1].split("</section>")[0]
    return [
        (
            " ".join(re.sub(r"<[^>]+>", "", li).split()),
            re.search(r'href="([^"]+)"', li).group(1).replace("&amp;", "&"),
        )
        for li in re.findall(r"<li[^>]*>(.*?)</li>", sectie, re.S)
    ]


def eerste_link_van_de_inhoud(html: str) -> str:
    inhoud = html.split('<main id="inhoud"')[1]
    return re.search(r'<a [^>]*href="([^"]+)"', inhoud).group(1).replace("&amp;", "&")


def test_a_corporation_finds_its_own_overdue_year_as_the_first_link_of_the_page(als):
    html = als("woonpunt").get(reverse("start")).content.decode()

    assert taken(html) == [
        (
            f"te laat Realisatie {jaar} invoeren en indienen – Maastricht 2015",
            INVOER.format(jaar=jaar, org="woonpunt"),
        )
        for jaar in (2013, 2014, 2015)
    ]
    assert eerste_link_van_de_inhoud(html) == INVOER.format(jaar=2013, org="woonpunt")
    sectie = html.split('id="kop-taken"')[1].split("</section>")[0]
    assert "maasvallei" not in sectie and "servatius" not in sectie


def test_a_submitted_year_is_no_longer_a_task_of_the_corporation(als):
    woonpunt = Organisatie.objects.get(slug="woonpunt")
    Jaaropgave.objects.create(
        dossier=Dossier.objects.get(slug="maastricht-2015"),
        organisatie=woonpunt,
        jaar=2013,
        soort="realisatie",
        status=Jaaropgave.Status.INGEDIEND,
    )

    html = als("woonpunt").get(reverse("start")).content.decode()

    assert [wat for wat, _ in taken(html)] == [
        f"te laat Realisatie {jaar} invoeren en indienen – Maastricht 2015" for jaar in (2014, 2015)
    ]


def test_a_coordinator_confirms_what_was_submitted_and_follows_the_overdue_milestones(
    als, user_factory
):
    maastricht = Organisatie.objects.get(slug="gemeente-maastricht")
    woonpunt = Organisatie.objects.get(slug="woonpunt")
    user_factory("coordinator-maastricht", maastricht, Rol.COORDINATOR)
    Jaaropgave.objects.create(
        dossier=Dossier.objects.get(slug="maastricht-2015"),
        organisatie=woonpunt,
        jaar=2014,
        soort="realisatie",
        status=Jaaropgave.Status.INGEDIEND,
    )

    gelezen = taken(als("coordinator-maastricht").get(reverse("start")).content.decode())

    assert (
        "Realisatie 2014 van Woonpunt vaststellen – Maastricht 2015",
        INVOER.format(jaar=2014, org="woonpunt"),
    ) in gelezen
    assert (
        "te laat Realisatie 2015 invoeren en indienen – Maastricht 2015",
        INVOER.format(jaar=2015, org="gemeente-maastricht"),
    ) in gelezen
    mijlpaal = next(t for t in gelezen if "actieplan opgeleverd" in t[0])
    assert mijlpaal[0].startswith("te laat ")
    assert mijlpaal[0].endswith("uiterlijk 31 december 2015")
    assert re.fullmatch(r"/afspraken/maastricht-2015/punten/\d+/", mijlpaal[1])
    # Overdue first, then the rest.
    te_laat = [wat.startswith("te laat") for wat, _ in gelezen]
    assert te_laat == sorted(te_laat, reverse=True)


def test_a_coordinator_of_a_running_deal_is_asked_for_last_years_report(als):
    vorig = timezone.localdate().year - 1
    gelezen = taken(als("groningen").get(reverse("start")).content.decode())

    verwacht = (
        f"Voortgangsrapportage {vorig} maken – Groningen Noord II",
        reverse("rapportages:rapport", args=["regio-deal-groningen-noord-ii", vorig]),
    )
    assert (verwacht in gelezen) == (vorig <= 2028)


def test_a_bestuurder_reads_along_and_has_no_tasks(als):
    html = als("bestuurder").get(reverse("start")).content.decode()

    assert taken(html) == []
    sectie = html.split('id="kop-taken"')[1].split("</section>")[0]
    assert "U leest mee en heeft geen taken" in sectie


def test_the_menu_offers_importeren_to_a_coordinator_and_not_to_a_bestuurder(als):
    def menu(wie: str) -> str:
        html = als(wie).get(reverse("start")).content.decode()
        return html.split('aria-label="Hoofdmenu"')[1].split("</nav>")[0]

    assert '<a class="utrecht-nav-list__link" href="/import/">Importeren</a>' in menu("groningen")
    assert "Importeren" not in menu("bestuurder")
    assert "Importeren" in menu("woonpunt")  # a corporation imports its own figures
