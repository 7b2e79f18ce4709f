"""The source documents' reports judge their intended results and bestuursopdrachten by the
shared rule (core.voortgang), as the dashboard does, not by a stored status word."""

import io
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from core.cellen import cellen
from core.models import Dossier, Jaaropgave, Rol, Streefdoel, User, Waarde
from core.rules import openbare_lezer
from core.status import Status
from core.voortgang import voortgang_van
from rapportages.inhoud import bouw_inhoud
from rapportages.models import Rapport


def rapport_van(client, slug: str, jaar: int) -> tuple[str, object]:
    """The coördinator makes the concept through the real URL and downloads both files."""
    assert client.post(reverse("rapportages:actie", args=[slug, jaar, "concept"])).status_code
    bestanden = [
        b"".join(client.get(reverse("rapportages:actueel", args=[slug, jaar, s])).streaming_content)
        for s in ("pdf", "xlsx")
    ]
    tekst = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(bestanden[0])).pages)
    return " ".join(tekst.split()), load_workbook(io.BytesIO(bestanden[1]))


def tussen(tekst: str, kop: str, volgende: str) -> str:
    begin = re.search(rf"\d+\. {kop}", tekst).end()
    return tekst[begin : begin + re.search(rf"\d+\. {volgende}", tekst[begin:]).start()]


def test_groningen_lists_its_intended_results_with_the_shared_statuses(als):
    """15 bestuurlijke controles per jaar (2b2), 16 done in 2025: op schema; the milestones
    without a date are due at the end of the deal (2028) and still lopend."""
    slug = "regio-deal-groningen-noord-ii"
    controles = Streefdoel.objects.get(pk=1020)
    deal = Dossier.objects.get(slug=slug)
    Waarde.objects.create(
        indicator=controles.indicator, jaar=2025, soort="realisatie", waarde=Decimal(16)
    )
    Jaaropgave.objects.create(
        dossier=deal,
        organisatie=deal.penvoerder,
        jaar=2025,
        soort="realisatie",
        status=Jaaropgave.Status.INGEDIEND,
    )

    tekst, wb = rapport_van(als("groningen"), slug, 2025)

    resultaten = tussen(tekst, "Voortgang per actielijn en project", "Liggen de partijen")
    assert "15 regionale bestuurlijke controles" in resultaten
    assert re.search(r"per jaar in criminogene .*? 15 per jaar (16 .{0,30})op schema", resultaten)
    assert "minimaal 1 en maximaal 3" in resultaten
    assert "uiterlijk 31 december 2028 nog niet bereikt lopend" in resultaten
    assert "norm niet gehaald" not in resultaten  # the old, separate rule's word
    kop, *rijen = wb["Resultaten"].iter_rows(values_only=True)
    rijen = [dict(zip(kop, r, strict=True)) for r in rijen]
    resultaten = [r for r in rijen if r["Status"]]  # not the action lines and projects
    assert {r["Niveau"] for r in rijen} == {1, 2, 3}
    naam = "Actielijn, project of beoogd resultaat"
    (rij,) = [r for r in resultaten if r[naam].startswith("Regionaal interventieteam")]
    assert (rij["Doel"], rij["Streefwaarde"], rij["Gerealiseerd"], rij["Status"]) == (
        "15 per jaar",
        15,
        16,
        "op schema",
    )
    statussen = {r["Status"] for r in resultaten}
    verwacht = {v.status.label for v in voortgang_van(deal, openbare_lezer(), 2025)}
    assert statussen == verwacht  # the same words as the dashboard's rule
    doelen = {r[1]: r for r in wb["Streefdoelen"].iter_rows(min_row=2, values_only=True)}
    assert len(doelen) == 30


def test_maastricht_bestuursopdrachten_past_their_deadline_are_te_laat(als):
    """Due by 31 December 2015 and not reached: te laat, in the chapter of bestuursopdrachten
    (where the targets stand, not again in the targets chapter), as on the dashboard;
    Woonmilieus has no target and keeps its word."""
    maastricht = User.objects.get(username="maastricht")
    maastricht.groups.add(Group.objects.get(name=Rol.COORDINATOR.value))

    tekst, wb = rapport_van(als("maastricht"), "maastricht-2015", 2015)

    opdrachten = tussen(tekst, "Bestuursopdrachten en afspraken per thema", "Streefdoelen")
    assert opdrachten.count("te laat") == 4
    assert "eind 2015, uiterlijk 31 december 2015 nog niet bereikt te laat" in opdrachten
    assert re.findall(r"Woonmilieus – – (\w+)", opdrachten) == ["lopend"]
    assert opdrachten.count("nog niet bereikt te laat") == 4
    rijen = list(wb["Streefdoelen"].iter_rows(min_row=2, values_only=True))
    assert [(r[3], r[10].date().isoformat(), r[18]) for r in rijen] == [
        ("mijlpaal", "2015-12-31", "te laat")
    ] * 4


def _statussen_van_het_dashboard(client, slug: str, jaar: int) -> tuple[dict, dict]:
    """What the dossier's dashboard shows for the year: each target's status, and each
    figure's (the counts on the page come from `core.cellen`, per cell)."""
    pagina = client.get(reverse("dashboards:dossier", args=[slug]), {"jaar": jaar})
    doelen = {v.doel.pk: v.status.label for v in pagina.context["voortgangen"]}
    dossier = Dossier.objects.get(slug=slug)
    cijfers = {
        (naam, organisatie or locatie or ""): Status(status).label
        for naam, organisatie, locatie, status in cellen(openbare_lezer(), [dossier.pk])
        .filter(jaar=jaar)
        .values_list("indicator__naam", "organisatie__naam", "locatie__naam", "status")
    }
    return doelen, cijfers


def _statussen_van_het_rapport(slug: str, jaar: int) -> tuple[dict, dict]:
    """Every status the report prints, per target (results, afspraakpunten, the targets
    chapter) and per figure row."""
    rapport = Rapport.objects.get(dossier__slug=slug, jaar=jaar)
    c = bouw_inhoud(rapport, openbare_lezer()).context
    doelen: dict[int, set] = {}
    for regel in c["streefdoelen"]:
        doelen.setdefault(regel.doel.pk, set()).add(regel.status)
    for _, _, resultaten in c.get("onderdelen", []):
        for r in resultaten:
            doelen.setdefault(r.regel.doel.pk, set()).add(r.status)
    for regels in c.get("puntregels", {}).values():
        for r in regels:
            if r.regel:
                doelen.setdefault(r.regel.doel.pk, set()).add(r.status)
    cijfers = {(r.onderwerp, r.wie): r.status for r in c["cijfers"] if r.status}
    return doelen, cijfers


@pytest.mark.parametrize(
    ("slug", "jaar", "gebruiker"),
    [("maastricht-2015", 2015, "maastricht"), ("regio-deal-groningen-noord-ii", 2025, "groningen")],
)
def test_every_status_in_the_report_is_the_dashboards_for_the_same_item(als, slug, jaar, gebruiker):
    """A target's status in the report (its result, its afspraakpunt, the targets chapter)
    and a figure's status are the ones the dashboard shows for the same item and year."""
    User.objects.get(username=gebruiker).groups.add(Group.objects.get(name=Rol.COORDINATOR.value))
    client = als(gebruiker)
    tekst, _ = rapport_van(client, slug, jaar)

    doelen_dashboard, cijfers_dashboard = _statussen_van_het_dashboard(client, slug, jaar)
    doelen_rapport, cijfers_rapport = _statussen_van_het_rapport(slug, jaar)

    assert doelen_rapport
    assert cijfers_rapport or slug != "maastricht-2015"  # Groningen has no figures yet
    assert {pk: {status} for pk, status in doelen_dashboard.items()} == doelen_rapport
    assert cijfers_rapport == {k: v for k, v in cijfers_dashboard.items() if k in cijfers_rapport}
    for status in set(doelen_dashboard.values()):
        assert status in tekst
