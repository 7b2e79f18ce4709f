"""Importing figures: the preview says what changes and what is wrong; confirming saves all of
it in one transaction, or nothing."""

import io
import re
import zipfile
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from openpyxl import Workbook

from core.gegevens import header_cells, text_cell, write_gegevens
from core.models import Dossier, Indicator, Organisatie, Rol, Waarde
from importeren.models import Cijferimport
from importeren.services import (
    Importfout,
    ImportFouten,
    confirm_import,
    preview_import,
    upload_import,
)
from importeren.sjabloon import maak_sjabloon

from .conftest import bewaar, kolom, open_werkmap, rij_met

SLOOP_PLAN = "maastricht-2015/sloop/woonpunt/-/2015/plan"  # 82, vastgesteld
SLOOP_REAL = "maastricht-2015/sloop/woonpunt/-/2015/realisatie"  # no figure yet
VERKOOP_REAL = "maastricht-2015/verkoop/woonpunt/-/2015/realisatie"
DUURZAAM_REAL = "maastricht-2015/duurzaamheid/woonpunt/-/2015/realisatie"


def sjabloon(maastricht, user, jaar=2015):
    inhoud = maak_sjabloon(dossier=maastricht.dossier, organisatie=user.organisatie, jaar=jaar)
    return open_werkmap(inhoud)


def zet(ws, sleutel, kop, waarde):
    ws[f"{kolom(ws, kop)}{rij_met(ws, sleutel)}"] = waarde


def upload(maastricht, user, workbook, naam="cijfers.xlsx"):
    return upload_import(dossier=maastricht.dossier, door=user, naam=naam, inhoud=bewaar(workbook))


def alle_waarden():
    return list(
        Waarde.objects.order_by("pk").values_list(
            "pk", "indicator_id", "jaar", "soort", "organisatie_id", "locatie_id", "waarde",
            "toelichting", "versie", "ingevoerd_op",
        )
    )  # fmt: skip


# --- Round trip ----------------------------------------------------------------------------


def test_a_template_imported_unchanged_changes_nothing(maastricht):
    voor = alle_waarden()
    for user in (maastricht.woonpunt, maastricht.maastricht, maastricht.servatius):
        for jaar in (2013, 2014, 2015):
            cijferimport, voorbeeld = upload(maastricht, user, sjabloon(maastricht, user, jaar))

            assert (voorbeeld.regels, voorbeeld.fouten) == ([], [])
            assert voorbeeld.aantal_rijen > 0
            confirm_import(cijferimport=cijferimport, door=user, verwacht=voorbeeld.vingerafdruk)

    assert alle_waarden() == voor


def test_the_flat_gegevens_sheet_imports_back_unchanged_for_a_beheerder(maastricht):
    workbook = Workbook(write_only=True)
    write_gegevens(workbook, Waarde.objects.for_dossier(maastricht.dossier))
    voor = alle_waarden()

    cijferimport, voorbeeld = upload(maastricht, maastricht.beheerder, workbook)

    assert (voorbeeld.regels, voorbeeld.fouten) == ([], [])
    assert voorbeeld.aantal_rijen == Waarde.objects.count() == 76
    confirm_import(cijferimport=cijferimport, door=maastricht.beheerder)
    assert alle_waarden() == voor


def test_the_gegevens_sheet_of_a_report_imports_back_next_to_its_other_sheets(maastricht):
    """A report has a `Cijfers` table for people (no keys) before its `Gegevens` sheet."""
    workbook = Workbook(write_only=True)
    for titel in ("Samenvatting", "Cijfers"):
        ws = workbook.create_sheet(titel)
        ws.append(header_cells(ws, ["Onderwerp", "Plan", "Realisatie"]))
        ws.append([text_cell(ws, "Verhuur totaal"), 1000, 1069])
    write_gegevens(workbook, Waarde.objects.for_dossier(maastricht.dossier))

    _, voorbeeld = upload(maastricht, maastricht.beheerder, workbook)

    assert (voorbeeld.regels, voorbeeld.fouten, voorbeeld.aantal_rijen) == ([], [], 76)


def test_a_beheerder_loads_a_whole_agreement_from_the_flat_sheet(maastricht):
    workbook = Workbook(write_only=True)
    write_gegevens(workbook, Waarde.objects.for_dossier(maastricht.dossier))
    workbook = open_werkmap(bewaar(workbook))
    ws = workbook["Gegevens"]
    ws.append(["maastricht-2015/urgent/-/-/2015/realisatie", None, None, None, None, None, 2015,
               "realisatie", 181, None, "Uit de jaarrapportage"])  # fmt: skip
    ws.append(["maastricht-2015/sloop/servatius/-/2015/realisatie", *[None] * 7, 61])

    cijferimport, voorbeeld = upload(maastricht, maastricht.beheerder, workbook)
    confirm_import(
        cijferimport=cijferimport, door=maastricht.beheerder, verwacht=voorbeeld.vingerafdruk
    )

    assert [r.sleutel for r in voorbeeld.regels] == [
        "maastricht-2015/urgent/-/-/2015/realisatie",
        "maastricht-2015/sloop/servatius/-/2015/realisatie",
    ]
    urgent = Waarde.objects.get(indicator__code="urgent", jaar=2015, soort="realisatie")
    assert (urgent.waarde, urgent.toelichting) == (181, "Uit de jaarrapportage")
    assert Waarde.objects.get(
        indicator__code="sloop", organisatie__slug="servatius", jaar=2015, soort="realisatie"
    ).waarde == Decimal(61)


# --- Preview, then all or nothing ---------------------------------------------------------


def test_the_preview_shows_old_and_new_and_saves_nothing(maastricht):
    workbook = sjabloon(maastricht, maastricht.woonpunt)
    ws = workbook["Cijfers"]
    zet(ws, SLOOP_REAL, "Waarde", 75)
    zet(ws, SLOOP_REAL, "Toelichting", "Twee flats later gesloopt")
    zet(ws, VERKOOP_REAL, "Waarde", "1.234")  # typed as text, the Dutch way

    cijferimport, voorbeeld = upload(maastricht, maastricht.woonpunt, workbook)

    assert voorbeeld.fouten == []
    assert [(r.sleutel, r.oud, r.nieuw, r.nieuwe_toelichting) for r in voorbeeld.regels] == [
        (SLOOP_REAL, None, 75, "Twee flats later gesloopt"),
        (VERKOOP_REAL, None, 1234, ""),
    ]
    assert voorbeeld.regels[0].omschrijving == "Sloop – Woonpunt, realisatie 2015"
    assert not Waarde.objects.filter(jaar=2015, soort="realisatie").exists()
    assert cijferimport.status == Cijferimport.Status.VOORBEELD
    assert len(cijferimport.inhoud) == cijferimport.grootte > 0  # kept until confirmed


def test_confirming_saves_all_and_records_one_change_with_user_and_file(maastricht):
    realisatie = Waarde.objects.create(
        indicator=Indicator.objects.get(code="sloop"), jaar=2015, soort="realisatie",
        organisatie=maastricht.woonpunt.organisatie, waarde=70, toelichting="eerste opgave",
    )  # fmt: skip
    workbook = sjabloon(maastricht, maastricht.woonpunt)
    ws = workbook["Cijfers"]
    zet(ws, SLOOP_REAL, "Waarde", 75)
    zet(ws, VERKOOP_REAL, "Waarde", 40)

    cijferimport, voorbeeld = upload(maastricht, maastricht.woonpunt, workbook, "woonpunt.xlsx")
    confirm_import(
        cijferimport=cijferimport, door=maastricht.woonpunt, verwacht=voorbeeld.vingerafdruk
    )

    realisatie.refresh_from_db()
    assert (realisatie.waarde, realisatie.versie) == (75, 2)
    assert realisatie.ingevoerd_door == maastricht.woonpunt
    verkoop = Waarde.objects.get(indicator__code="verkoop", jaar=2015, soort="realisatie")
    assert (verkoop.waarde, verkoop.versie, verkoop.ingevoerd_door) == (40, 1, maastricht.woonpunt)
    cijferimport.refresh_from_db()
    assert cijferimport.status == Cijferimport.Status.BEVESTIGD
    assert (cijferimport.door, cijferimport.bestandsnaam, cijferimport.dossier) == (
        maastricht.woonpunt,
        "woonpunt.xlsx",
        maastricht.dossier,
    )
    assert (cijferimport.jaar, cijferimport.aantal_gewijzigd, bytes(cijferimport.inhoud)) == (
        2015,
        2,
        b"",
    )
    assert [(w.sleutel, w.oud, w.nieuw, w.waarde) for w in cijferimport.wijzigingen.all()] == [
        (SLOOP_REAL, 70, 75, realisatie),
        (VERKOOP_REAL, None, 40, verkoop),
    ]
    with pytest.raises(ValidationError, match="al opgeslagen"):
        confirm_import(cijferimport=cijferimport, door=maastricht.woonpunt)


def test_an_empty_cell_removes_the_figure_as_in_the_grid(maastricht):
    Waarde.objects.create(
        indicator=Indicator.objects.get(code="sloop"), jaar=2015, soort="realisatie",
        organisatie=maastricht.woonpunt.organisatie, waarde=70, toelichting="weg ermee",
    )  # fmt: skip
    workbook = sjabloon(maastricht, maastricht.woonpunt)
    zet(workbook["Cijfers"], SLOOP_REAL, "Waarde", None)

    cijferimport, voorbeeld = upload(maastricht, maastricht.woonpunt, workbook)
    confirm_import(cijferimport=cijferimport, door=maastricht.woonpunt)

    [regel] = voorbeeld.regels
    assert (regel.oud, regel.nieuw, regel.soort) == (70, None, "verwijderd")
    assert not Waarde.objects.filter(indicator__code="sloop", soort="realisatie").exists()
    [wijziging] = cijferimport.wijzigingen.all()
    assert (wijziging.oud, wijziging.nieuw, wijziging.waarde) == (70, None, None)


def test_a_preview_that_is_out_of_date_is_not_saved(maastricht):
    workbook = sjabloon(maastricht, maastricht.woonpunt)
    zet(workbook["Cijfers"], SLOOP_REAL, "Waarde", 75)
    cijferimport, voorbeeld = upload(maastricht, maastricht.woonpunt, workbook)
    Waarde.objects.create(
        indicator=Indicator.objects.get(code="sloop"),
        jaar=2015,
        soort="realisatie",
        organisatie=maastricht.woonpunt.organisatie,
        waarde=70,
    )  # fmt: skip meanwhile, through the grid

    with pytest.raises(ValidationError, match="Sinds het voorbeeld"):
        confirm_import(
            cijferimport=cijferimport, door=maastricht.woonpunt, verwacht=voorbeeld.vingerafdruk
        )

    assert Waarde.objects.get(indicator__code="sloop", soort="realisatie").waarde == 70
    assert preview_import(cijferimport, maastricht.woonpunt).regels[0].oud == 70


def test_only_the_uploader_confirms(maastricht):
    workbook = sjabloon(maastricht, maastricht.woonpunt)
    zet(workbook["Cijfers"], SLOOP_REAL, "Waarde", 75)
    cijferimport, _ = upload(maastricht, maastricht.woonpunt, workbook)

    with pytest.raises(PermissionDenied):
        confirm_import(cijferimport=cijferimport, door=maastricht.beheerder)


# --- Errors: every one in Dutch, with its row and column ---------------------------------


@pytest.fixture
def honderd_rijen(wereld, user_factory):
    """A dossier of 50 items without a split: the gemeente's template has 100 rows."""
    for nummer in range(1, 50):
        Indicator.objects.create(
            dossier=wereld.dossier, code=f"item-{nummer}", naam=f"Item {nummer}",
            eenheid="aantal", volgorde=nummer,
        )  # fmt: skip
    Indicator.objects.filter(code="nieuwbouw").update(uitsplitsing="geen")
    wereld.gemeente_medewerker = user_factory("gemeente", wereld.gemeente, Rol.BELEIDSMEDEWERKER)
    return wereld


def test_one_bad_cell_on_row_57_of_100_imports_nothing_and_names_row_and_column(honderd_rijen):
    wereld = honderd_rijen
    inhoud = maak_sjabloon(dossier=wereld.dossier, organisatie=wereld.gemeente, jaar=2016)
    workbook = open_werkmap(inhoud)
    ws = workbook["Cijfers"]
    assert ws.max_row == 101  # a header and 100 figures
    waarde = kolom(ws, "Waarde")
    for rij in range(2, 102):
        ws[f"{waarde}{rij}"] = rij * 10
    ws[f"{waarde}57"] = "5,7 stuks"
    voor = alle_waarden()

    cijferimport, voorbeeld = upload_import(
        dossier=wereld.dossier, door=wereld.gemeente_medewerker, naam="honderd.xlsx",
        inhoud=bewaar(workbook),
    )  # fmt: skip

    assert voorbeeld.aantal_rijen == 100
    assert voorbeeld.fouten == [
        Importfout(57, "K (Waarde)", "‘5,7 stuks’ is geen getal. Schrijf bijvoorbeeld 1.234,56.")
    ]
    assert not voorbeeld.kan_opslaan
    with pytest.raises(ImportFouten) as error:
        confirm_import(cijferimport=cijferimport, door=wereld.gemeente_medewerker)
    assert [(f.rij, f.kolom) for f in error.value.voorbeeld.fouten] == [(57, "K (Waarde)")]
    assert alle_waarden() == voor


def test_woonpunt_importing_a_row_of_servatius_gets_that_row_refused(maastricht):
    workbook = sjabloon(maastricht, maastricht.woonpunt)
    ws = workbook["Cijfers"]
    zet(ws, SLOOP_REAL, "Waarde", 75)
    ws.append(["maastricht-2015/sloop/servatius/-/2015/realisatie", *[None] * 9, 12])
    ws.append(["maastricht-2015/verbeteringen/servatius/-/2015/plan", *[None] * 9, 473])

    cijferimport, voorbeeld = upload(maastricht, maastricht.woonpunt, workbook)

    melding = "U mag dit cijfer niet wijzigen: het is van Servatius."
    assert voorbeeld.fouten == [
        Importfout(ws.max_row - 1, "A (Sleutel)", melding),
        # Refused even unchanged (473 is Servatius's plan): no probing of other figures.
        Importfout(ws.max_row, "A (Sleutel)", melding),
    ]
    with pytest.raises(ImportFouten):
        confirm_import(cijferimport=cijferimport, door=maastricht.woonpunt)
    assert not Waarde.objects.filter(jaar=2015, soort="realisatie").exists()


@pytest.mark.parametrize(
    ("sleutel", "kop", "invoer", "melding"),
    [
        (SLOOP_REAL, "Waarde", "zes", "‘zes’ is geen getal"),
        (SLOOP_REAL, "Waarde", -3, "Een negatief getal is hier niet toegestaan."),
        (SLOOP_REAL, "Waarde", 2.5, "Een aantal is een heel getal."),
        (DUURZAAM_REAL, "Waarde", "1.234,567", "Gebruik hoogstens twee decimalen."),
        (DUURZAAM_REAL, "Waarde", 1e15, "Dit getal is te groot."),
        (SLOOP_REAL, "Waarde", True, "‘True’ is geen getal."),
        # openpyxl saves no result with a formula: as a workbook Excel never calculated
        (SLOOP_REAL, "Waarde", "=40+35", "Formule zonder waarde"),
        (SLOOP_REAL, "Toelichting", "=A1", "Formule zonder waarde"),
        (SLOOP_PLAN, "Waarde", 80, "Plan 2015 van Woonpunt is vastgesteld"),
        (SLOOP_REAL, "Sleutel", SLOOP_REAL.replace("sloop", "slopen"), "Onbekend item ‘slopen’"),
        (SLOOP_REAL, "Sleutel", SLOOP_REAL.replace("/2015/", "/2016/"), "2016 valt buiten"),
        (
            SLOOP_REAL,
            "Sleutel",
            SLOOP_REAL.replace("woonpunt", "servatius"),
            "U mag dit cijfer niet wijzigen: het is van Servatius.",
        ),
        (SLOOP_REAL, "Sleutel", SLOOP_REAL.replace("woonpunt", "niemand"), "Onbekende organisatie"),
        (SLOOP_REAL, "Sleutel", "maastricht-2015/sloop/-/7/2015/plan", "Onbekende locatie 7"),
        (SLOOP_REAL, "Sleutel", SLOOP_REAL.replace("-/2015", "77/2015"), "niet bij beide"),
        (SLOOP_REAL, "Sleutel", "sloop 2015", "geen geldige sleutel"),
        (SLOOP_REAL, "Sleutel", None, "De sleutel ontbreekt"),
        (SLOOP_REAL, "Sleutel", SLOOP_PLAN, "Dit cijfer staat ook op rij"),
        (SLOOP_REAL, "Sleutel", "po-2014/sloop/-/-/2015/plan", "een ander dossier"),
        (SLOOP_REAL, "Jaar", 2014, "Het jaar 2014 wijkt af van de sleutel (2015)"),
        (SLOOP_REAL, "Soort", "plan", "De soort ‘plan’ wijkt af van de sleutel"),
    ],
)
def test_each_error_is_dutch_with_row_and_column_and_saves_nothing(
    maastricht, sleutel, kop, invoer, melding
):
    workbook = sjabloon(maastricht, maastricht.woonpunt)
    ws = workbook["Cijfers"]
    zet(ws, VERKOOP_REAL, "Waarde", 40)  # a good change, which must not be saved either
    rij = rij_met(ws, sleutel)
    if kop != "Waarde" and sleutel == SLOOP_REAL:
        zet(ws, SLOOP_REAL, "Waarde", 75)
    ws[f"{kolom(ws, kop)}{rij}"] = invoer

    cijferimport, voorbeeld = upload(maastricht, maastricht.woonpunt, workbook)

    [fout] = voorbeeld.fouten
    assert (fout.rij, fout.kolom) == (rij, f"{kolom(ws, kop)} ({kop})")
    assert melding in fout.melding
    with pytest.raises(ImportFouten):
        confirm_import(cijferimport=cijferimport, door=maastricht.woonpunt)
    assert not Waarde.objects.filter(jaar=2015, soort="realisatie").exists()


def test_a_place_the_item_does_not_have_is_refused(maastricht):
    workbook = sjabloon(maastricht, maastricht.maastricht)
    ws = workbook["Cijfers"]
    ws.append(["maastricht-2015/leefbaarheid/gemeente-maastricht/-/2015/plan", *[None] * 9, 5])

    _, voorbeeld = upload(maastricht, maastricht.maastricht, workbook)

    [fout] = voorbeeld.fouten
    assert fout.melding == (
        "‘Leefbaarheid (extra, projectmatig)’ heeft geen cijfer voor organisatie "
        "Gemeente Maastricht "
        "(uitsplitsing: geen (alleen een totaal))."
    )


def test_an_unchanged_vastgesteld_year_is_fine_but_a_new_toelichting_is_not(maastricht):
    workbook = sjabloon(maastricht, maastricht.woonpunt)
    zet(workbook["Cijfers"], SLOOP_PLAN, "Toelichting", "nog iets toevoegen")

    _, voorbeeld = upload(maastricht, maastricht.woonpunt, workbook)

    [fout] = voorbeeld.fouten
    assert fout.kolom == "L (Toelichting)"
    assert "vastgesteld" in fout.melding


def test_a_formula_with_a_saved_result_counts_as_its_result(maastricht):
    """As Excel saves it: the formula and its last result. openpyxl cannot write the result,
    so the sheet's XML is edited the way Excel would have written it."""
    workbook = sjabloon(maastricht, maastricht.woonpunt)
    ws = workbook["Cijfers"]
    cel = f"{kolom(ws, 'Waarde')}{rij_met(ws, SLOOP_REAL)}"
    ws[cel] = 75
    inhoud = _met_formule(bewaar(workbook), cel, "70+5")

    _, voorbeeld = upload_import(
        dossier=maastricht.dossier, door=maastricht.woonpunt, naam="f.xlsx", inhoud=inhoud
    )

    assert voorbeeld.fouten == []
    assert [(r.sleutel, r.nieuw) for r in voorbeeld.regels] == [(SLOOP_REAL, 75)]


def _met_formule(inhoud: bytes, cel: str, formule: str) -> bytes:
    bron = zipfile.ZipFile(io.BytesIO(inhoud))
    uitvoer = io.BytesIO()
    with zipfile.ZipFile(uitvoer, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            data = bron.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                tekst = data.decode()
                tekst, n = re.subn(
                    rf'(<c r="{cel}"[^>]*>)(<v>)', rf"\1<f>{formule}</f>\2", tekst, count=1
                )
                assert n == 1
                data = tekst.encode()
            doel.writestr(info, data)
    return uitvoer.getvalue()


def test_a_percentage_typed_with_a_percent_sign_counts_as_percent(wereld):
    Indicator.objects.create(
        dossier=wereld.dossier, code="aandeel", naam="Aandeel", eenheid="procent"
    )
    workbook = open_werkmap(
        maak_sjabloon(dossier=wereld.dossier, organisatie=wereld.gemeente, jaar=2015)
    )
    ws = workbook["Cijfers"]
    cel = ws[f"{kolom(ws, 'Waarde')}{rij_met(ws, 'testafspraken/aandeel/-/-/2015/plan')}"]
    cel.value, cel.number_format = 0.455, "0.0%"  # Excel's 45,5 %

    _, voorbeeld = upload_import(
        dossier=wereld.dossier, door=wereld.coordinator, naam="p.xlsx", inhoud=bewaar(workbook)
    )

    assert [(r.sleutel, r.nieuw) for r in voorbeeld.regels] == [
        ("testafspraken/aandeel/-/-/2015/plan", Decimal("45.50"))
    ]


@pytest.fixture
def sociaal_vitaal(db, user_factory):
    call_command("loaddata", "organisaties", "sociaal_vitaal", verbosity=0)
    almelo = Organisatie.objects.get(slug="gemeente-almelo")
    return SimpleNamespace(
        dossier=Dossier.objects.get(slug="sociaal-vitaal-in-kleine-kernen"),
        almelo=almelo,
        medewerker=user_factory("almelo", almelo, Rol.BELEIDSMEDEWERKER),
    )


def test_a_municipality_imports_the_figures_of_its_own_kernen(sociaal_vitaal):
    sv = sociaal_vitaal
    workbook = open_werkmap(maak_sjabloon(dossier=sv.dossier, organisatie=sv.almelo, jaar=2017))
    ws = workbook["Cijfers"]
    sleutels = [cel.value for cel in ws["A"][1:]]
    assert {s.split("/")[3] for s in sleutels} == {"300", "301"}  # Almelo's two kernen
    sleutel = "sociaal-vitaal-in-kleine-kernen/nieuwe-sporters/-/301/2017/realisatie"
    zet(ws, sleutel, "Waarde", 24)
    ws.append([sleutel.replace("/301/", "/302/"), *[None] * 9, 5])  # a kern of Borne

    cijferimport, voorbeeld = upload_import(
        dossier=sv.dossier, door=sv.medewerker, naam="almelo.xlsx", inhoud=bewaar(workbook)
    )

    [fout] = voorbeeld.fouten
    assert fout.melding == "U mag dit cijfer niet wijzigen: het is van Gemeente Borne."
    ws.delete_rows(ws.max_row)
    cijferimport, voorbeeld = upload_import(
        dossier=sv.dossier, door=sv.medewerker, naam="almelo.xlsx", inhoud=bewaar(workbook)
    )
    confirm_import(cijferimport=cijferimport, door=sv.medewerker, verwacht=voorbeeld.vingerafdruk)
    waarde = Waarde.objects.get(indicator__code="nieuwe-sporters", locatie_id=301, jaar=2017)
    assert (waarde.waarde, waarde.eigenaar_id) == (24, sv.almelo.pk)
