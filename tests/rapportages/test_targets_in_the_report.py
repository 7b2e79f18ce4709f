"""The yearly report's chapter "Streefdoelen en voortgang" and its sheet "Streefdoelen": every
target with its progress by the one rule (core.voortgang), read back from the files the
coördinator downloads through the real URLs."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from afspraken.models import Afspraakpunt
from core.models import Streefdoel, Waarde
from rapportages.models import Rapport
from rapportages.services import maak_bestanden

JAAR = 2026


def maak_rapport(client, slug: str, jaar: int = JAAR) -> None:
    """The coördinator's click on "concept" (again: a new version with today's figures)."""
    antwoord = client.post(reverse("rapportages:actie", args=[slug, jaar, "concept"]))
    assert antwoord.status_code == 302


def download(client, slug: str, soort: str, jaar: int = JAAR, nummer: int | None = None) -> bytes:
    if nummer is None:
        url = reverse("rapportages:actueel", args=[slug, jaar, soort])
    else:
        url = reverse("rapportages:download", args=[slug, jaar, nummer, soort])
    antwoord = client.get(url)
    assert antwoord.status_code == 200, antwoord
    return b"".join(antwoord.streaming_content)


def pdf_tekst(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def hoofdstuk(tekst: str) -> str:
    """The text where the targets stand: the chapter of the afspraken (a target of an
    afspraakpunt stands there, once) and "Streefdoelen en voortgang" (the others), up to the
    findings, on one line (a span of years may wrap after its dash in a narrow column)."""
    assert re.search(r"\d+\. Streefdoelen en voortgang", tekst), "geen hoofdstuk Streefdoelen"
    begin = re.search(r"\d+\. (Bestuursopdrachten en afspraken per thema|Streefdoelen)", tekst)
    einde = re.search(r"\n\d+\. Bevindingen", tekst[begin.end() :])
    return " ".join(tekst[begin.end() : begin.end() + einde.start()].split()).replace("– ", "–")


def streefdoelen(xlsx: bytes) -> list[dict]:
    """The rows of the sheet "Streefdoelen" as dicts by header, with the sheet itself."""
    ws = load_workbook(io.BytesIO(xlsx))["Streefdoelen"]
    rijen = list(ws.iter_rows(values_only=True))
    return ws, [dict(zip(rijen[0], rij, strict=True)) for rij in rijen[1:]]


@pytest.fixture
def coordinator(client, termijnafspraak):
    client.force_login(termijnafspraak.coordinator)
    return client


def test_the_report_shows_410_of_800_op_schema_in_the_pdf_and_the_workbook(
    coordinator, termijnafspraak
):
    slug = termijnafspraak.dossier.slug
    maak_rapport(coordinator, slug)

    lezer = PdfReader(io.BytesIO(download(coordinator, slug, "pdf")))
    tekst = "\n".join(p.extract_text() for p in lezer.pages)
    doelen = hoofdstuk(tekst)
    for verwacht in [
        "Samen bouwen we 800 nieuwe sociale huurwoningen",
        "soort: over de looptijd",
        "800 over 2025–2028",
        "410 van 800",
        "verwacht: 400",  # 800 × 2/4 years
        "op schema",
        "vorige periode: 640",  # the predecessor 2021–2024: 100 + 160 + 180 + 200
    ]:
        assert verwacht in doelen, verwacht
    assert "999" not in tekst and "Elders" not in tekst  # another municipality's agreement
    inhoud = tekst[tekst.index("Inhoud") :]
    assert re.search(r"Streefdoelen en voortgang \.+ \d+", inhoud)
    bladwijzers = [b.title for b in lezer.outline if not isinstance(b, list)]
    assert any(b.endswith("Streefdoelen en voortgang") for b in bladwijzers)

    ws, rijen = streefdoelen(download(coordinator, slug, "xlsx"))
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:V{len(rijen) + 1}"
    (rij,) = rijen
    assert rij["Streefwaarde"] == 800 and isinstance(rij["Streefwaarde"], int | float)
    assert rij["Gerealiseerd tot en met 2026"] == 410
    assert isinstance(rij["Gerealiseerd tot en met 2026"], int | float)
    assert rij["Verwacht eind 2026"] == 400 and isinstance(rij["Verwacht eind 2026"], int | float)
    assert (rij["Startjaar"], rij["Eindjaar"]) == (2025, 2028)
    assert rij["Vorige periode"] == 640 and rij["Status"] == "op schema"
    assert (rij["Soort"], rij["Doel"]) == ("over de looptijd", "800 over 2025–2028")
    assert rij["Thema of actielijn"] == "1 Nieuwbouw"


def test_a_lowered_target_gives_700_and_voor_in_a_new_version_and_the_old_one_stays(
    coordinator, termijnafspraak
):
    slug = termijnafspraak.dossier.slug
    maak_rapport(coordinator, slug)
    doel = termijnafspraak.doel
    doel.waarde = 700
    doel.save()

    maak_rapport(coordinator, slug)  # the figures did not change, the target did

    doelen = hoofdstuk(pdf_tekst(download(coordinator, slug, "pdf")))
    assert "700 over 2025–2028" in doelen and "410 van 700" in doelen
    assert re.search(r"verwacht: 350 voor\b", doelen)  # 410 is more than 15 % above 350
    assert "op schema" not in doelen and "van 800" not in doelen
    _, (rij,) = streefdoelen(download(coordinator, slug, "xlsx"))
    assert (rij["Streefwaarde"], rij["Verwacht eind 2026"], rij["Status"]) == (700, 350, "voor")

    eerste = hoofdstuk(pdf_tekst(download(coordinator, slug, "pdf", nummer=1)))
    assert "410 van 800" in eerste and "op schema" in eerste


def test_milestones_targets_past_the_term_and_concept_figures(coordinator, termijnafspraak):
    """A corporation's milestone with its dates, a regional target through 2032 as context,
    and a party's own yearly target whose realisation is still a concept: never in the
    report, which is made from submitted figures only."""
    t = termijnafspraak
    Streefdoel.objects.create(
        dossier=t.dossier,
        soort=Streefdoel.Soort.MIJLPAAL,
        organisatie=t.corporatie,
        omschrijving="Laatste woningen met label E, F of G verbeterd",
        deadline=datetime.date(2026, 6, 30),
        bereikt_op=datetime.date(2026, 5, 1),
        volgorde=1,
    )
    Streefdoel.objects.create(
        dossier=t.dossier,
        indicator=t.nieuwbouw,
        soort=Streefdoel.Soort.LOOPTIJD,
        omschrijving="Regionale opgave: 1.600 woningen",
        waarde=1600,
        tot_en_met_jaar=2032,
        volgorde=2,
    )
    Streefdoel.objects.create(
        dossier=t.dossier,
        indicator=t.verduurzaming,
        organisatie=t.corporatie,
        soort=Streefdoel.Soort.PER_JAAR,
        waarde=50,
        volgorde=3,
    )
    Waarde.objects.create(  # the corporation's concept: not submitted
        indicator=t.verduurzaming,
        organisatie=t.corporatie,
        jaar=JAAR,
        soort="realisatie",
        waarde=Decimal(77),
    )
    maak_rapport(coordinator, t.dossier.slug)

    doelen = hoofdstuk(pdf_tekst(download(coordinator, t.dossier.slug, "pdf")))
    assert "uiterlijk 30 juni 2026" in doelen and "bereikt op 1 mei 2026" in doelen
    assert "Loopt door tot en met 2032, na de looptijd van het dossier" in doelen
    assert "1.600 over 2025–2032" in doelen and "410 van 1.600" in doelen
    assert "50 per jaar" in doelen and "77" not in doelen

    _, rijen = streefdoelen(download(coordinator, t.dossier.slug, "xlsx"))
    _, regionaal, eigen, mijlpaal = rijen  # per theme as in the PDF, the milestone has none
    assert mijlpaal["Uiterlijk"].date() == datetime.date(2026, 6, 30)
    assert mijlpaal["Bereikt op"].date() == datetime.date(2026, 5, 1)
    assert mijlpaal["Status"] == "gehaald" and mijlpaal["Organisatie"] == t.corporatie.naam
    assert (regionaal["Eindjaar"], regionaal["Gerealiseerd tot en met 2026"]) == (2032, 410)
    assert regionaal["Opmerking"].startswith("Loopt door tot en met 2032")
    assert eigen["Gerealiseerd tot en met 2026"] is None
    assert eigen["Status"] == "geen realisatie"


def test_a_dossier_without_targets_says_so_in_one_sentence(coordinator, termijnafspraak):
    vorige = termijnafspraak.vorige  # 2021–2024: figures, no targets
    maak_rapport(coordinator, vorige.slug, 2024)

    doelen = hoofdstuk(pdf_tekst(download(coordinator, vorige.slug, "pdf", 2024)))
    assert "Voor deze afspraak zijn geen streefdoelen vastgelegd." in doelen
    assert "Streefdoel Doel" not in doelen  # no empty table
    _, (uitleg,) = streefdoelen(download(coordinator, vorige.slug, "xlsx", 2024))
    assert uitleg["Thema of actielijn"] == "Voor deze afspraak zijn geen streefdoelen vastgelegd."
    assert set(uitleg.values()) == {uitleg["Thema of actielijn"], None}


def test_the_report_takes_as_many_queries_with_ten_times_the_targets(termijnafspraak):
    t = termijnafspraak
    rapport = Rapport(dossier=t.dossier, jaar=JAAR)
    tellingen = []
    for extra in (0, 10):
        for i in range(extra):
            doel = Streefdoel.objects.create(
                dossier=t.dossier,
                indicator=t.nieuwbouw if i % 2 else None,
                soort=Streefdoel.Soort.LOOPTIJD if i % 2 else Streefdoel.Soort.MIJLPAAL,
                waarde=100 + i if i % 2 else None,
                deadline=None if i % 2 else datetime.date(2027, 1, 1),
            )
            if i % 3:
                Afspraakpunt.objects.create(
                    afspraak=t.dossier,
                    onderdeel=t.thema,
                    soort=Afspraakpunt.Soort.AFSPRAAK,
                    titel=f"Afspraak {i}",
                    streefdoel=doel,
                )
        with CaptureQueriesContext(connection) as vastgelegd:
            pdf, _ = maak_bestanden(rapport, t.coordinator, status="concept")
        tellingen.append(len(vastgelegd.captured_queries))

    assert tellingen[0] == tellingen[1]
    assert "Afspraak 8" in pdf_tekst(pdf)
