"""A promise over the whole term, as a new user would bring it in: the coördinator enters the
target (800 homes over 2025–2028) on the targets page, the gemeente enters and submits its
realisations (150 in 2025, 260 in 2026) in the entry grid, and every place a reader looks says
410 of 800 and the status the shared rule gives for the end of 2026; then an amendment lowers
the target to 700 and every place follows. Made-up data, not the seeds; a second
municipality's agreement must never show up.
"""

import datetime
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from afspraken.models import Afspraak, Afspraakpunt, Wijziging, Wijzigingsregel
from core.models import Indicator, Onderdeel, Organisatie, Rol, Streefdoel
from tests.rooster import rooster_post

SLUG = "noorderstad-2025-2028"


@pytest.fixture
def noorderstad(db, organisatie_factory, user_factory, settings, tmp_path):
    from types import SimpleNamespace

    settings.MEDIA_ROOT = tmp_path / "media"
    gemeente = organisatie_factory("Gemeente Noorderstad", Organisatie.Soort.GEMEENTE)
    corporatie = organisatie_factory("Woonbedrijf Noorderstad")
    dossier = Afspraak.objects.create(
        titel="Prestatieafspraken Noorderstad 2025–2028",
        slug=SLUG,
        startdatum=datetime.date(2025, 1, 1),
        einddatum=datetime.date(2028, 12, 31),
        penvoerder=gemeente,
        soort_afspraak=Afspraak.Soort.PRESTATIEAFSPRAKEN,
    )
    dossier.partijen.create(organisatie=gemeente, rol="partij")
    dossier.partijen.create(organisatie=corporatie, rol="partij")
    thema = Onderdeel.objects.create(dossier=dossier, nummer="1", titel="Bouwen")
    item = Indicator.objects.create(
        dossier=dossier,
        onderdeel=thema,
        code="sociale-huur",
        naam="Nieuwe sociale huurwoningen",
        eenheid="aantal",
    )
    elders = organisatie_factory("Gemeente Zuiderstad", Organisatie.Soort.GEMEENTE)
    ander = Afspraak.objects.create(
        titel="Prestatieafspraken Zuiderstad",
        slug="zuiderstad",
        startdatum=datetime.date(2025, 1, 1),
        einddatum=datetime.date(2028, 12, 31),
        penvoerder=elders,
        soort_afspraak=Afspraak.Soort.PRESTATIEAFSPRAKEN,
    )
    ander_item = Indicator.objects.create(
        dossier=ander, code="sociale-huur", naam="Zuiderstads woningen", eenheid="aantal"
    )
    Streefdoel.objects.create(dossier=ander, indicator=ander_item, soort="looptijd", waarde=999)
    return SimpleNamespace(
        dossier=dossier,
        thema=thema,
        item=item,
        coordinator=user_factory("ns-coordinator", gemeente, Rol.COORDINATOR),
        gemeente=user_factory("ns-gemeente", gemeente, Rol.BELEIDSMEDEWERKER),
        wethouder=user_factory("ns-wethouder", gemeente, Rol.BESTUURDER),
    )


def als(client, user):
    client.force_login(user)
    return client


def voer_in_en_dien_in(client, ns, jaar: int, waarde: str) -> None:
    grid = reverse("core:invoer", args=[SLUG, jaar, "realisatie"])
    assert rooster_post(client, grid, {f"waarde_{ns.item.pk}": waarde}).status_code == 302
    indienen = reverse("core:invoer_actie", args=[SLUG, jaar, "realisatie", "indienen"])
    assert client.post(indienen, {"bevestigd": "ja"}).status_code == 302


def tekst_van(response) -> str:
    html = response.content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def wat_de_lezer_ziet(client) -> dict[str, str]:
    """Every place a reader finds the promise: dashboard, figures list, trend page, and the
    report of 2026 as PDF and workbook (made by the coördinator just before)."""
    return {
        "dashboard": tekst_van(
            client.get(reverse("dashboards:dossier", args=[SLUG]) + "?jaar=2026")
        ),
        "cijfers": tekst_van(client.get(reverse("dashboards:cijfers") + "?bereik=alle&jaar=2026")),
        "trend": tekst_van(client.get(reverse("dashboards:trend", args=[SLUG, "sociale-huur"]))),
    }


def rapport(client) -> tuple[str, list[tuple]]:
    assert (
        client.post(reverse("rapportages:actie", args=[SLUG, 2026, "concept"])).status_code == 302
    )
    pdf = client.get(reverse("rapportages:actueel", args=[SLUG, 2026, "pdf"]))
    xlsx = client.get(reverse("rapportages:actueel", args=[SLUG, 2026, "xlsx"]))
    pagina = PdfReader(io.BytesIO(b"".join(pdf.streaming_content))).pages
    tekst = " ".join(" ".join(p.extract_text() for p in pagina).split())
    blad = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))["Streefdoelen"]
    return tekst, list(blad.iter_rows(values_only=True))


def test_a_term_target_entered_in_the_browser_shows_the_same_progress_everywhere(
    client, noorderstad
):
    ns = noorderstad
    nieuw = reverse("core:streefdoel_toevoegen", args=[SLUG])
    antwoord = als(client, ns.coordinator).post(
        nieuw,
        {
            "omschrijving": "800 nieuwe sociale huurwoningen",
            "soort": "looptijd",
            "indicator": ns.item.pk,
            "waarde": "800",
        },
    )
    assert antwoord.status_code == 302
    doel = Streefdoel.objects.get(dossier=ns.dossier)
    assert (doel.soort, doel.waarde, doel.jaren) == ("looptijd", 800, [2025, 2026, 2027, 2028])
    als(client, ns.gemeente)
    voer_in_en_dien_in(client, ns, 2025, "150")
    voer_in_en_dien_in(client, ns, 2026, "260")

    gezien = wat_de_lezer_ziet(als(client, ns.wethouder))
    for plek, tekst in gezien.items():
        assert "410 van 800" in tekst, plek
        assert "999" not in tekst, plek
    assert "op schema" in gezien["dashboard"] and "verwacht eind 2026: 400" in gezien["dashboard"]
    assert "410 van 800 op schema" in gezien["cijfers"]
    pdf, blad = rapport(als(client, ns.coordinator))
    assert "410 van 800" in pdf and "op schema" in pdf and "999" not in pdf
    kop, *rijen = blad
    (rij,) = [dict(zip(kop, r, strict=True)) for r in rijen]
    assert (rij["Streefwaarde"], rij["Gerealiseerd tot en met 2026"], rij["Status"]) == (
        800,
        410,
        "op schema",
    )

    # The amendment of 2027 lowers the promise to 700: 350 is due by 2026, 410 is ahead.
    punt = Afspraakpunt.objects.create(
        afspraak=ns.dossier,
        onderdeel=ns.thema,
        soort="afspraak",
        titel="Nieuwe sociale huur",
        streefdoel=doel,
    )
    wijziging = Wijziging.objects.create(
        afspraak=ns.dossier,
        soort="wijziging",
        datum=datetime.date(2027, 3, 1),
        titel="Bijstelling 2027",
        reden="Twee locaties vallen af.",
    )
    Wijzigingsregel.objects.create(
        wijziging=wijziging, soort="streefwaarde", afspraakpunt=punt, nieuwe_streefwaarde=700
    )
    verwerk = reverse("afspraken:wijziging_verwerken", args=[SLUG, wijziging.pk])
    assert als(client, ns.coordinator).post(verwerk).status_code == 302

    gezien = wat_de_lezer_ziet(als(client, ns.wethouder))
    for plek, tekst in gezien.items():
        assert "410 van 700" in tekst and "410 van 800" not in tekst, plek
    assert "voor" in gezien["dashboard"] and "verwacht eind 2026: 350" in gezien["dashboard"]
    assert "410 van 700 voor" in gezien["cijfers"]
    pdf, blad = rapport(als(client, ns.coordinator))
    assert "410 van 700" in pdf and "410 van 800" not in pdf
    kop, *rijen = blad
    (rij,) = [dict(zip(kop, r, strict=True)) for r in rijen]
    assert (rij["Streefwaarde"], rij["Status"]) == (700, "voor")
    punt_pagina = tekst_van(client.get(punt.get_absolute_url()))
    assert "Oorspronkelijk doel: 800 over 2025–2028; nieuw doel: 700 over 2025–2028." in (
        punt_pagina
    )
