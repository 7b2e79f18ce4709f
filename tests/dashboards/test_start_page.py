"""The start page: a user's dossiers with counts per status, the newest findings, what is due."""

from django.urls import reverse

from core.models import Dossier
from core.status import Status

MISMATCHES = [
    "Realisatie 2013: de delen van ‘Verhuur totaal’ tellen op tot 1.050, "
    "het opgegeven totaal is 1.069",
    "Realisatie 2014: de delen van ‘Verhuur totaal’ tellen op tot 1.032, "
    "het opgegeven totaal is 1.039",
    "Realisatie 2014: de delen van ‘Totaal aantal maatwerk’ tellen op tot 122, "
    "het opgegeven totaal is 121",
    "Realisatie 2014: de uitsplitsing van ‘Maatwerk’ geeft als totaal 121, "
    "de post ‘Maatwerk’ zelf is 102",
]


def test_bestuurder_sees_only_maastricht_with_its_status_counts(als):
    response = als("bestuurder").get(reverse("start"))

    regels = response.context["regels"]
    assert [r.dossier.slug for r in regels] == ["maastricht-2015"]
    # 2013 and 2014: 18 realised verhuur figures against plan; the rest has no realisation.
    assert regels[0].telling == {
        Status.OP_SCHEMA: 3,  # verhuur totaal 2013 and 2014, GGZ 2014
        Status.ACHTER: 10,
        Status.VOOR: 5,
        Status.GEHAALD: 0,  # a term target's, from its last year on
        Status.NIET_GEHAALD: 0,
        Status.NORM_NIET_GEHAALD: 0,
        Status.GEEN_REALISATIE: 40,
        Status.GEEN_PLAN: 0,
    }
    html = response.content.decode()
    assert "Van huis naar thuis" in html


def test_start_page_lists_the_known_mismatches_newest_year_first(als):
    response = als("bestuurder").get(reverse("start"))

    gevonden = [g.bevinding.wat for g in response.context["bevindingen"]]
    assert sorted(gevonden) == sorted(MISMATCHES)
    assert [g.bevinding.jaar for g in response.context["bevindingen"]] == [2014, 2014, 2014, 2013]
    assert "de delen van ‘Verhuur totaal’ tellen op tot 1.050" in response.content.decode()


def test_start_page_shows_overdue_deliverables_and_unsubmitted_years(als):
    response = als("maasvallei").get(reverse("start"))

    punten = {p.wat: p for p in response.context["agenda"]}
    actieplan = next(p for wat, p in punten.items() if wat.startswith("actieplan opgeleverd"))
    assert actieplan.te_laat and str(actieplan.datum) == "2015-12-31"
    # Maasvallei answers for its own split figures and submitted none of its realisations.
    assert [wat for wat in punten if "nog niet ingediend" in wat] == [
        f"Realisatie {jaar} van Maasvallei nog niet ingediend" for jaar in (2013, 2014, 2015)
    ]
    eerste = punten["Realisatie 2013 van Maasvallei nog niet ingediend"]
    assert eerste.url == "/dossiers/maastricht-2015/invoer/2013/realisatie/?organisatie=maasvallei"


def test_a_bestuurder_is_sent_to_the_dashboard_not_to_an_entry_grid(als):
    response = als("bestuurder").get(reverse("start"))

    niet_ingediend = [p for p in response.context["agenda"] if "nog niet ingediend" in p.wat]
    # Gemeente Maastricht submitted 2013 and 2014; 2015 is still open.
    assert [p.wat for p in niet_ingediend] == [
        "Realisatie 2015 van Gemeente Maastricht nog niet ingediend"
    ]
    assert niet_ingediend[0].url == reverse("dashboards:dossier", args=["maastricht-2015"])
    assert "/invoer/" not in response.content.decode()


def test_deventer_sees_its_project_with_its_late_reports(als):
    response = als("deventer").get(reverse("start"))

    assert [r.dossier.slug for r in response.context["regels"]] == [
        "sociaal-vitaal-in-kleine-kernen"
    ]
    rapportages = [p.wat for p in response.context["agenda"] if p.dossier.soort == "project"]
    assert "Tussenrapportage indienen" in rapportages
    assert "Eindrapportage indienen" in rapportages


def test_beheerder_without_organisation_sees_every_dossier_paged(als):
    response = als("beheerder").get(reverse("start"))

    assert response.context["pagina"].paginator.count == Dossier.objects.count()
    assert len(response.context["regels"]) == 25
