"""The coördinator's click on the current report: from storage when the figures did not change,
made again in the background as soon as they do; the web worker renders nothing."""

import time
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core.models import Dossier, Organisatie, Rol, User, Waarde
from core.services import sla_jaaropgave_op
from rapportages import services
from rapportages.models import Rapport, Rapportversie

SLUG = "maastricht-2015"


def actueel(client, soort="pdf"):
    return client.get(reverse("rapportages:actueel", args=[SLUG, 2015, soort]))


@pytest.fixture
def rapport(als):
    """A concept report of Maastricht 2015, version 1 made (the test queue runs it at once),
    with the municipality's beleidsmedewerker as its coördinator."""
    maastricht = User.objects.get(username="maastricht")
    maastricht.groups.add(Group.objects.get(name=Rol.COORDINATOR.value))
    maastricht = User.objects.get(pk=maastricht.pk)
    rapport = services.maak_concept(
        dossier=Dossier.objects.get(slug=SLUG), jaar=2015, door=maastricht
    )
    assert rapport.laatste_versie.taak == Rapportversie.Taak.KLAAR
    return rapport


@pytest.fixture
def niets_renderen(monkeypatch):
    """Rendering a report here would be a failure: the web worker serves stored files."""

    def weiger(*args, **kwargs):
        raise AssertionError("de webworker maakt een rapportage")

    monkeypatch.setattr(services, "render_pdf", weiger)
    monkeypatch.setattr(services, "render_xlsx", weiger)


def _verander_een_cijfer(door: User) -> None:
    """The municipality enters the realised nieuwbouw of 2015 (plan 2015 is vastgesteld)."""
    waarde = Waarde.objects.get(
        indicator__code="nieuwbouw", organisatie__isnull=True, jaar=2015, soort="plan"
    )
    sla_jaaropgave_op(
        dossier=waarde.indicator.dossier,
        organisatie=waarde.indicator.dossier.penvoerder,
        jaar=2015,
        soort="realisatie",
        cijfers={(waarde.indicator_id, None, None): (Decimal(60), "")},
        door=door,
    )


def test_a_click_on_an_unchanged_report_returns_the_stored_file_at_once(
    als, rapport, niets_renderen
):
    client = als("maastricht")
    opgeslagen = rapport.laatste_versie.pdf.open("rb").read()

    begin = time.perf_counter()
    antwoord = actueel(client)
    inhoud = b"".join(antwoord.streaming_content)

    assert time.perf_counter() - begin < 1
    assert antwoord.status_code == 200 and inhoud == opgeslagen
    assert b"".join(actueel(client, "xlsx").streaming_content).startswith(b"PK")
    assert (
        reverse("rapportages:actueel", args=[SLUG, 2015, "pdf"])
        in client.get(rapport.get_absolute_url()).content.decode()
    )


def test_changed_figures_make_a_new_version_in_the_background(
    als, rapport, django_capture_on_commit_callbacks
):
    maastricht = User.objects.get(username="maastricht")
    oud = rapport.laatste_versie

    with django_capture_on_commit_callbacks(execute=True):
        _verander_een_cijfer(maastricht)

    nieuw = Rapport.objects.get(pk=rapport.pk).laatste_versie
    assert (oud.nummer, nieuw.nummer) == (1, 2)
    assert nieuw.taak == Rapportversie.Taak.KLAAR and nieuw.status == "concept"
    assert nieuw.vingerafdruk == services.vingerafdruk(rapport) != oud.vingerafdruk
    assert nieuw.gemaakt_door == oud.gemaakt_door
    antwoord = actueel(als("maastricht"))
    assert antwoord.status_code == 200
    assert b"".join(antwoord.streaming_content) == nieuw.pdf.open("rb").read()


def test_a_click_on_a_changed_report_renders_nothing_and_shows_the_report_page(
    als, rapport, niets_renderen
):
    _verander_een_cijfer(User.objects.get(username="maastricht"))  # no commit: no new version

    antwoord = actueel(als("maastricht"))

    assert antwoord.status_code == 302 and antwoord.url == rapport.get_absolute_url()
    assert rapport.versies.count() == 1


def test_a_new_version_with_the_same_figures_is_the_version_there_is(als, rapport):
    maastricht = User.objects.get(username="maastricht")

    versie = services.vernieuw_concept(rapport=rapport, door=maastricht)

    assert versie == rapport.laatste_versie and rapport.versies.count() == 1


def test_a_final_report_stays_the_file_it_was(als, rapport, niets_renderen, settings):
    maastricht = User.objects.get(username="maastricht")
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    services.zet_status(rapport=rapport, door=maastricht, naar="voorgelegd")
    services.zet_status(rapport=rapport, door=maastricht, naar="definitief")
    definitief = rapport.laatste_versie
    definitief.taak, definitief.pdf = Rapportversie.Taak.KLAAR, rapport.versies.first().pdf
    definitief.save()
    _verander_een_cijfer(maastricht)

    antwoord = actueel(als("bestuurder"))

    assert antwoord.status_code == 200
    assert antwoord.filename.endswith(f"-v{definitief.nummer}.pdf")


def test_only_readers_of_the_report_get_it(als, rapport, user_factory, client):
    buitenstaander = user_factory("elders", Organisatie.objects.get(slug="ministerie-ocw"))
    buitenstaander.groups.set([])
    client.force_login(buitenstaander)

    assert actueel(client).status_code == 403
    assert actueel(als("maastricht"), "docx").status_code == 404


def test_a_changed_target_makes_a_new_concept_version_in_the_background(
    client, termijnafspraak, settings, tmp_path, django_capture_on_commit_callbacks
):
    """The coördinator lowers the term target on the targets page: the concept report of 2026
    is made again with the new target, without anyone asking for a new version."""
    import io

    from pypdf import PdfReader

    settings.MEDIA_ROOT = tmp_path / "media"
    t = termijnafspraak
    rapport = services.maak_concept(dossier=t.dossier, jaar=2026, door=t.coordinator)
    client.force_login(t.coordinator)
    url = reverse("core:streefdoel_wijzigen", args=[t.dossier.slug, t.doel.pk])
    formulier = {
        veld: ""
        for veld in [
            "indicator",
            "organisatie",
            "minimum",
            "maximum",
            "van_jaar",
            "tot_en_met_jaar",
            "eenheid",
            "richting",
            "deadline",
            "bereikt_op",
            "referentie",
            "referentiewaarde",
            "nulmeting",
            "nulmeting_jaar",
            "bron",
        ]
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                **formulier,
                "omschrijving": t.doel.omschrijving,
                "soort": "looptijd",
                "indicator": t.nieuwbouw.pk,
                "waarde": "700",
                # Published: lowering the target is an amendment with a date and a reason.
                "wijzigingsdatum": "01-03-2027",
                "reden": "Minder bouwlocaties",
            },
        )

    assert response.status_code == 302
    nieuw = Rapport.objects.get(pk=rapport.pk).laatste_versie
    assert nieuw.nummer == 2 and nieuw.taak == Rapportversie.Taak.KLAAR
    tekst = " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(nieuw.pdf.open("rb").read())).pages
    )
    assert "410 van 700" in tekst and "410 van 800" not in tekst


def _pdf_tekst(antwoord) -> str:
    import io

    from pypdf import PdfReader

    inhoud = io.BytesIO(b"".join(antwoord.streaming_content))
    return " ".join(" ".join(p.extract_text() for p in PdfReader(inhoud).pages).split())


def test_a_submitted_year_makes_the_current_report_show_its_figures(
    als, rapport, django_capture_on_commit_callbacks
):
    """The stale report of issue 19: a party's figures enter the report when it submits its
    year, without any figure changing then (the report is read as the public reader)."""
    from tests.rooster import rooster_post

    woonpunt = als("woonpunt")
    grid = reverse("core:invoer", args=[SLUG, 2015, "realisatie"]) + "?organisatie=woonpunt"
    velden = [
        v for v in rooster_post(woonpunt, grid, {}).wsgi_request.POST if v.startswith("waarde_")
    ]
    with django_capture_on_commit_callbacks(execute=True):
        assert rooster_post(woonpunt, grid, {velden[0]: "7777"}).status_code == 302
    voor = Rapport.objects.get(pk=rapport.pk).laatste_versie
    assert "7.777" not in _pdf_tekst(actueel(als("maastricht")))

    indienen = reverse("core:invoer_actie", args=[SLUG, 2015, "realisatie", "indienen"])
    indienen += "?organisatie=woonpunt"
    with django_capture_on_commit_callbacks(execute=True):
        assert als("woonpunt").post(indienen, {"bevestigd": "ja"}).status_code == 302
        client = als("maastricht")
        actie = client.post(reverse("rapportages:actie", args=[SLUG, 2015, "concept"]))
    assert actie.status_code == 302

    nieuw = Rapport.objects.get(pk=rapport.pk).laatste_versie
    assert nieuw.nummer > voor.nummer and nieuw.status == "concept"
    assert "7.777" in _pdf_tekst(actueel(client))


def test_submitting_a_year_remakes_the_concept_report_by_itself(
    als, rapport, django_capture_on_commit_callbacks
):
    """No click needed: the submission's commit makes the new concept in the background, so
    `actueel.pdf` serves the submitted figures at once."""
    from tests.rooster import rooster_post

    woonpunt = als("woonpunt")
    grid = reverse("core:invoer", args=[SLUG, 2015, "realisatie"]) + "?organisatie=woonpunt"
    velden = [
        v for v in rooster_post(woonpunt, grid, {}).wsgi_request.POST if v.startswith("waarde_")
    ]
    with django_capture_on_commit_callbacks(execute=True):
        assert rooster_post(woonpunt, grid, {velden[0]: "7777"}).status_code == 302
    voor = Rapport.objects.get(pk=rapport.pk).laatste_versie

    indienen = reverse("core:invoer_actie", args=[SLUG, 2015, "realisatie", "indienen"])
    indienen += "?organisatie=woonpunt"
    with django_capture_on_commit_callbacks(execute=True):
        assert woonpunt.post(indienen, {"bevestigd": "ja"}).status_code == 302

    nieuw = Rapport.objects.get(pk=rapport.pk).laatste_versie
    assert nieuw.nummer == voor.nummer + 1 and nieuw.status == "concept"
    assert "7.777" in _pdf_tekst(actueel(als("maastricht")))
