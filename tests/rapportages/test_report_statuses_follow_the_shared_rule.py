"""The source documents' reports judge their intended results and bestuursopdrachten by the
shared rule (core.voortgang), as the dashboard does, not by a stored status word."""

import io
import re
from decimal import Decimal

from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from core.models import Dossier, Jaaropgave, Rol, Streefdoel, User, Waarde
from core.rules import openbare_lezer
from core.voortgang import voortgang_van


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
    assert re.search(r"per jaar in criminogene .*? 15 per jaar 16 op schema", resultaten)
    assert "minimaal 1 en maximaal 3" in resultaten
    assert "uiterlijk 31 december 2028 – lopend" in resultaten
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
    and in the targets, as on the dashboard; Woonmilieus has no target and keeps its word."""
    maastricht = User.objects.get(username="maastricht")
    maastricht.groups.add(Group.objects.get(name=Rol.COORDINATOR.value))

    tekst, wb = rapport_van(als("maastricht"), "maastricht-2015", 2015)

    opdrachten = tussen(tekst, "Bestuursopdrachten en afspraken per thema", "Streefdoelen")
    assert opdrachten.count("te laat") == 4
    assert "eind 2015, uiterlijk 31 december 2015 te laat" in opdrachten
    assert re.findall(r"Woonmilieus – (\w+)", opdrachten) == ["lopend"]
    doelen = tussen(tekst, "Streefdoelen en voortgang", "Bevindingen")
    assert doelen.count("nog niet bereikt te laat") == 4
    rijen = list(wb["Streefdoelen"].iter_rows(min_row=2, values_only=True))
    assert [(r[3], r[10].date().isoformat(), r[18]) for r in rijen] == [
        ("mijlpaal", "2015-12-31", "te laat")
    ] * 4
