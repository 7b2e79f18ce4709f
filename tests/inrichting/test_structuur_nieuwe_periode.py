"""‘Nieuwe periode’: the structure copied into a new dossier in opbouw for the next period,
with its predecessor set and no figures; targets carried over (years shifted) or left out."""

import datetime

import pytest
from django.urls import reverse

from afspraken.models import Afspraakpunt
from core.models import Dossier, Indicator, Streefdoel, Waarde
from inrichting.structuur.periode import verschuif_jaren, volgende_periode
from regiodeals.models import BeoogdResultaat

MAASTRICHT, GRONINGEN = "maastricht-2015", "regio-deal-groningen-noord-ii"


def _url(slug: str) -> str:
    return reverse("inrichting:nieuwe_periode", args=[slug])


def test_the_form_proposes_the_next_period_of_the_same_length(als):
    bron = Dossier.objects.get(slug=MAASTRICHT)
    response = als("beheerder").get(_url(MAASTRICHT))
    assert response.status_code == 200
    form = response.context["form"]
    start = bron.einddatum + datetime.timedelta(days=1)
    assert form.initial["startdatum"] == start
    jaren = start.year - bron.startdatum.year
    assert form.initial["einddatum"].year == bron.einddatum.year + jaren
    html = response.content.decode()
    assert "Streefdoelen overnemen" in html and start.strftime("%d-%m-%Y") in html


def test_a_new_period_copies_the_structure_without_figures(als):
    bron = Dossier.objects.get(slug=MAASTRICHT)
    assert Waarde.objects.filter(indicator__dossier=bron).exists()
    response = als("beheerder").post(
        _url(MAASTRICHT),
        {
            "startdatum": "01-01-2016",
            "einddatum": "31-12-2016",
            "titel": "Maastricht 2016",
            "korte_naam": "Maastricht 2016",
        },
    )
    assert response.status_code == 302
    nieuw = Dossier.objects.get(titel="Maastricht 2016")
    assert response["Location"] in (f"/inrichting/dossiers/{nieuw.slug}/", nieuw.get_absolute_url())
    assert nieuw.voorganger_id == bron.pk and nieuw.in_opbouw
    assert nieuw.startdatum == datetime.date(2016, 1, 1)
    assert not Waarde.objects.filter(indicator__dossier=nieuw).exists()
    assert list(nieuw.indicatoren.values_list("code", flat=True)) == list(
        bron.indicatoren.values_list("code", flat=True)
    )
    # targets left to fill: the agreement items keep their words, without a target
    assert not Streefdoel.objects.filter(dossier=nieuw).exists()
    punten = Afspraakpunt.objects.filter(afspraak_id=nieuw.pk)
    assert punten.count() == Afspraakpunt.objects.filter(afspraak_id=bron.pk).count()
    assert not punten.filter(streefdoel__isnull=False).exists()
    # the source is untouched
    assert Streefdoel.objects.filter(dossier=bron).count() == 4


def test_the_coordinator_carries_the_targets_over_with_their_years_shifted(als):
    bron = Dossier.objects.get(slug=GRONINGEN)
    jaren = 5
    response = als("groningen").post(
        _url(GRONINGEN),
        {
            "startdatum": "01-01-2029",
            "einddatum": "31-12-2033",  # the convenant ran to 2028: five years on
            "titel": "Regio Deal Groningen Noord III",
            "korte_naam": "",
            "streefdoelen_overnemen": "on",
        },
    )
    assert response.status_code == 302
    nieuw = Dossier.objects.get(titel="Regio Deal Groningen Noord III")
    assert nieuw.voorganger_id == bron.pk and nieuw.penvoerder_id == bron.penvoerder_id
    oud_doelen = list(
        Streefdoel.objects.filter(dossier=bron, vervallen=False).order_by("volgorde", "pk")
    )
    nieuwe_doelen = list(Streefdoel.objects.filter(dossier=nieuw).order_by("volgorde", "pk"))
    assert len(nieuwe_doelen) == len(oud_doelen) == 30
    for oud, doel in zip(oud_doelen, nieuwe_doelen, strict=True):
        assert doel.waarde == oud.waarde and doel.soort == oud.soort
        if oud.tot_en_met_jaar:
            assert doel.tot_en_met_jaar == oud.tot_en_met_jaar + jaren
    assert (
        BeoogdResultaat.objects.filter(regiodeal_id=nieuw.pk, streefdoel__isnull=False).count()
        == 30
    )
    assert (
        Indicator.objects.filter(dossier=nieuw).count()
        == Indicator.objects.filter(dossier=bron).count()
    )


def test_an_end_before_the_start_is_refused_in_dutch(als):
    voor = Dossier.objects.count()
    response = als("groningen").post(
        _url(GRONINGEN), {"startdatum": "01-01-2030", "einddatum": "31-12-2029", "titel": "X"}
    )
    assert response.status_code == 400
    assert "De einddatum ligt vóór de startdatum." in response.content.decode()
    assert Dossier.objects.count() == voor


@pytest.mark.parametrize("gebruiker", ["bestuurder", "woonpunt", "deventer"])
def test_only_the_coordinator_or_beheerder_starts_a_new_period(als, gebruiker):
    client = als(gebruiker)
    voor = Dossier.objects.count()
    assert client.get(_url(GRONINGEN)).status_code == 403
    data = {"startdatum": "01-01-2030", "einddatum": "31-12-2031", "titel": "X"}
    assert client.post(_url(GRONINGEN), data).status_code == 403
    assert Dossier.objects.count() == voor


def test_the_new_period_page_refuses_other_methods(als):
    assert als("groningen").put(_url(GRONINGEN)).status_code == 405


def test_a_projects_phases_and_report_windows_move_with_the_period(als):
    from projecten.models import Fase, Project, Rapportage

    bron = Project.objects.get(slug="sociaal-vitaal-in-kleine-kernen")
    start, eind = volgende_periode(bron)
    jaren = start.year - bron.startdatum.year
    response = als("beheerder").post(
        _url(bron.slug),
        {
            "startdatum": start.strftime("%d-%m-%Y"),
            "einddatum": eind.strftime("%d-%m-%Y"),
            "titel": "Sociaal vitaal, vervolg",
        },
    )
    assert response.status_code == 302
    nieuw = Project.objects.get(titel="Sociaal vitaal, vervolg")
    assert nieuw.voorganger_id == bron.pk and nieuw.status == Project.Status.AANGEVRAAGD
    assert nieuw.locaties.count() == bron.locaties.count() == 22
    oude = list(Fase.objects.filter(project=bron).order_by("nummer"))
    nieuwe = list(Fase.objects.filter(project=nieuw).order_by("nummer"))
    assert [f.titel for f in nieuwe] == [f.titel for f in oude]
    for oud, fase in zip(oude, nieuwe, strict=True):
        if oud.start:
            assert fase.start == oud.start.replace(year=oud.start.year + jaren)
    vensters = Rapportage.objects.filter(project=nieuw).values_list("venster_eind", flat=True)
    assert sorted(v.year for v in vensters) == sorted(
        v.year + jaren
        for v in Rapportage.objects.filter(project=bron).values_list("venster_eind", flat=True)
    )


def test_years_in_a_title_move_with_the_period():
    assert verschuif_jaren("Prestatieafspraken 2021–2024", 4) == "Prestatieafspraken 2025–2028"
    assert verschuif_jaren("Fase 12 van 300", 4) == "Fase 12 van 300"
