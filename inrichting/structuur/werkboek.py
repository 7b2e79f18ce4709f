"""The structure workbook (docs/import.md, "De structuur van een dossier"): writing a
`Structuur` to .xlsx and reading one back, with Dutch errors naming the sheet and row.

Sheet ‘Dossier’ has one row per field (veld, waarde); every other sheet has a header row of
column names and one row per object. Numbers are numbers, dates are dates, yes/no is ‘ja’ or
‘nee’, a list (trekkers) is slugs separated by commas. An unknown sheet is ignored (room for
notes); an unknown or missing column, or a missing sheet, is an error.
"""

import datetime
import io
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.dutch_numbers import parse_getal
from importeren.bestand import Geweigerd, check_bestand

from .gegevens import (
    DATUM,
    GEHEEL,
    GETAL,
    JANEE,
    LIJST,
    TEKST,
    Fout,
    Structuur,
    bladen_van,
    dossiervelden,
)

DOSSIERBLAD = "Dossier"
UITLEG = "Uitleg"
DATUMFORMAAT = "DD-MM-YYYY"
VET = Font(bold=True)

UITLEGTEKST = [
    "De structuur van een dossier: partijen, onderdelen, locaties, items, normen en "
    "streefdoelen. Er staan geen cijfers in.",
    "Blad ‘Dossier’: één rij per veld (kolom A het veld, kolom B de waarde). Slug leeg: "
    "gemaakt uit de korte naam of de titel. Bestaat de slug al en is dat dossier in opbouw, "
    "dan vervangt de import zijn structuur; een vastgesteld dossier wordt niet gewijzigd.",
    "De andere bladen: een kopregel met kolomnamen en één rij per onderdeel. Voeg geen "
    "kolommen toe en laat er geen weg; een blad zonder rijen mag leeg blijven.",
    "Verwijzingen: organisaties met hun slug (zie Inrichting → Organisaties), onderdelen met "
    "hun nummer, items met hun code, een streefdoel met zijn nummer op blad ‘Streefdoelen’, "
    "een tranche met haar nummer; ‘voert_uit’ van een project is ‘slug-van-dossier:nummer’.",
    "Ja/nee-kolommen: ‘ja’ of ‘nee’. Getallen als getal (een komma als decimaalteken mag). "
    "Datums als datum. Trekkers: slugs gescheiden door komma’s.",
    "Keuzes (soort, rol, eenheid, richting, uitsplitsing, status) met de waarden die het "
    "gedownloade werkboek ook gebruikt, bijv. eenheid ‘aantal’, ‘euro’ of ‘procent’.",
    "Een import maakt alles of niets: bij een fout ziet u blad en rij, en wordt niets opgeslagen.",
]


# --- writing ---------------------------------------------------------------------------


def schrijf(structuur: Structuur) -> bytes:
    workbook = Workbook()
    uitleg = workbook.active
    uitleg.title = UITLEG
    uitleg.append(["Uitleg"])
    uitleg["A1"].font = VET
    for regel in UITLEGTEKST:
        uitleg.append([regel])
    uitleg.column_dimensions["A"].width = 120
    _schrijf_dossier(workbook.create_sheet(DOSSIERBLAD), structuur)
    for naam, kolommen in bladen_van(structuur.soort).items():
        _schrijf_blad(workbook.create_sheet(naam), kolommen, structuur.bladen.get(naam, []))
    uitvoer = io.BytesIO()
    workbook.save(uitvoer)
    return uitvoer.getvalue()


def _cel(waarde, type_: str):
    if type_ == JANEE:
        return None if waarde is None else ("ja" if waarde else "nee")
    if type_ == LIJST:
        return ", ".join(waarde)
    if waarde == "":
        return None
    return waarde


def _schrijf_dossier(ws, structuur: Structuur) -> None:
    ws.append(["veld", "waarde"])
    for naam, type_ in dossiervelden(structuur.soort):
        ws.append([naam, _cel(structuur.dossier.get(naam), type_)])
        if type_ == DATUM:
            ws.cell(ws.max_row, 2).number_format = DATUMFORMAAT
    _opmaak(ws, 2, [30, 80])


def _schrijf_blad(ws, kolommen, rijen: list[dict]) -> None:
    ws.append([naam for naam, _ in kolommen])
    for rij in rijen:
        ws.append([_cel(rij.get(naam), type_) for naam, type_ in kolommen])
    for nummer, (_, type_) in enumerate(kolommen, start=1):
        if type_ == DATUM:
            for (cel,) in ws.iter_rows(min_row=2, min_col=nummer, max_col=nummer):
                cel.number_format = DATUMFORMAAT
    _opmaak(ws, len(kolommen), [max(12, len(naam) + 2) for naam, _ in kolommen])


def _opmaak(ws, breedte: int, breedtes: list[int]) -> None:
    for nummer in range(1, breedte + 1):
        ws.cell(1, nummer).font = VET
        ws.column_dimensions[get_column_letter(nummer)].width = breedtes[nummer - 1]
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(breedte)}{max(ws.max_row, 1)}"


# --- reading ---------------------------------------------------------------------------


def lees_werkboek(naam: str, inhoud: bytes) -> tuple[Structuur, list[Fout]]:
    """The structure in the file and the errors found reading it. A file that is no sane
    workbook at all raises `Geweigerd` (importeren.bestand's checks against hostile files)."""
    check_bestand(naam, inhoud)
    try:
        workbook = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise Geweigerd("Het bestand kon niet als Excel-werkmap worden gelezen.") from exc
    fouten: list[Fout] = []
    try:
        structuur = Structuur(dossier=_lees_dossierblad(workbook, fouten))
        for blad, kolommen in bladen_van(structuur.soort).items():
            structuur.bladen[blad] = _lees_blad(workbook, blad, kolommen, fouten)
    finally:
        workbook.close()
    return structuur, fouten


def _rijen(workbook, blad: str, fouten: list[Fout]) -> list[tuple] | None:
    if blad not in workbook.sheetnames:
        fouten.append(Fout(blad, 0, "dit blad ontbreekt."))
        return None
    rijen = []
    for rij in workbook[blad].iter_rows(values_only=True):
        if len(rijen) > settings.IMPORT_MAX_ROWS:
            raise Geweigerd(f"Het blad ‘{blad}’ heeft te veel rijen.")
        rijen.append(tuple(rij[: settings.IMPORT_MAX_COLUMNS]))
    return rijen


def _lees_dossierblad(workbook, fouten: list[Fout]) -> dict:
    rijen = _rijen(workbook, DOSSIERBLAD, fouten)
    if rijen is None:
        return {}
    ruw: dict[str, tuple[int, object]] = {}
    for nummer, rij in enumerate(rijen[1:], start=2):
        veld = _tekst(rij[0] if rij else None)
        if veld:
            ruw[veld] = (nummer, rij[1] if len(rij) > 1 else None)
    soort = _tekst(ruw.get("soort", (0, ""))[1])
    if soort not in ("afspraak", "regiodeal", "project"):
        fouten.append(
            Fout(
                DOSSIERBLAD,
                ruw.get("soort", (0,))[0],
                "soort moet ‘afspraak’, ‘regiodeal’ of ‘project’ zijn.",
            )
        )
        return {}
    velden = dict(dossiervelden(soort))
    gegevens = {"_rijen": {}}
    for veld, (nummer, waarde) in ruw.items():
        if veld not in velden:
            fouten.append(Fout(DOSSIERBLAD, nummer, f"onbekend veld ‘{veld}’."))
            continue
        gegevens["_rijen"][veld] = nummer
        gegevens[veld] = _waarde(waarde, velden[veld], DOSSIERBLAD, nummer, veld, fouten)
    for veld, type_ in velden.items():
        gegevens.setdefault(veld, "" if type_ == TEKST else None)
    return gegevens


def _lees_blad(workbook, blad: str, kolommen, fouten: list[Fout]) -> list[dict]:
    rijen = _rijen(workbook, blad, fouten)
    if not rijen:
        return []
    kop = [_tekst(cel) for cel in rijen[0]]
    while kop and not kop[-1]:
        kop.pop()
    typen = dict(kolommen)
    onbekend = [k for k in kop if k not in typen]
    ontbreekt = [k for k in typen if k not in kop]
    if onbekend or ontbreekt:
        for k in onbekend:
            fouten.append(Fout(blad, 1, f"onbekende kolom ‘{k}’."))
        for k in ontbreekt:
            fouten.append(Fout(blad, 1, f"de kolom ‘{k}’ ontbreekt."))
        return []
    uitkomst = []
    for nummer, rij in enumerate(rijen[1:], start=2):
        if all(cel is None or _tekst(cel) == "" for cel in rij):
            continue
        gegevens = {"_rij": nummer}
        for index, kolom in enumerate(kop):
            cel = rij[index] if index < len(rij) else None
            gegevens[kolom] = _waarde(cel, typen[kolom], blad, nummer, kolom, fouten)
        uitkomst.append(gegevens)
    return uitkomst


def _tekst(cel) -> str:
    if cel is None:
        return ""
    if isinstance(cel, float) and cel.is_integer():
        cel = int(cel)
    return str(cel).strip()


def _waarde(cel, type_: str, blad: str, rij: int, kolom: str, fouten: list[Fout]):
    if type_ == TEKST:
        return _tekst(cel)
    if type_ == LIJST:
        return [deel.strip() for deel in _tekst(cel).split(",") if deel.strip()]
    if cel is None or (isinstance(cel, str) and not cel.strip()):
        return None
    try:
        return LEZERS[type_](cel)
    except (ValueError, InvalidOperation, TypeError, ValidationError):
        fouten.append(Fout(blad, rij, f"{kolom}: ‘{cel}’ is {OMSCHRIJVING[type_]}."))
        return None


def _getal(cel) -> Decimal:
    if isinstance(cel, bool):
        raise ValueError
    if isinstance(cel, int | float):
        return Decimal(str(cel))
    return parse_getal(str(cel))


def _geheel(cel) -> int:
    getal = _getal(cel)
    if getal != getal.to_integral_value():
        raise ValueError
    return int(getal)


def _datum(cel) -> datetime.date:
    if isinstance(cel, datetime.datetime):
        return cel.date()
    if isinstance(cel, datetime.date):
        return cel
    tekst = str(cel).strip()
    for formaat in ("%d-%m-%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(tekst, formaat).date()
        except ValueError:
            continue
    raise ValueError


def _janee(cel) -> bool:
    if isinstance(cel, bool):
        return cel
    tekst = str(cel).strip().lower()
    if tekst in ("ja", "j", "1", "waar", "true"):
        return True
    if tekst in ("nee", "n", "0", "onwaar", "false"):
        return False
    raise ValueError


LEZERS = {GETAL: _getal, GEHEEL: _geheel, DATUM: _datum, JANEE: _janee}
OMSCHRIJVING = {
    GETAL: "geen getal",
    GEHEEL: "geen geheel getal",
    DATUM: "geen datum (dd-mm-jjjj)",
    JANEE: "geen ‘ja’ of ‘nee’",
}
