"""Reading an uploaded workbook, safely: the zip is checked before anything is unpacked.

An .xlsx file is a zip of XML files. A hostile one can be a zip bomb (a few kilobytes that
unpack to gigabytes) or hold an XML entity bomb (a few lines that expand to gigabytes). So:

1. `check_zip` reads only the zip's table of contents: the number of entries, their declared
   unpacked sizes and compression ratios. Python's zipfile never unpacks more than an entry's
   declared size (a lying entry ends in a CRC error), so the declared sizes are a real bound.
2. openpyxl parses the XML through defusedxml (`importeren.apps.check_defusedxml` makes sure),
   which refuses entity declarations before anything is expanded.
3. `read_blad` refuses rows and columns beyond the limits while it reads, so a sheet that
   claims a million rows is not walked to its end. `IMPORT_MAX_ROWS` counts the rows under
   the header row (the figures), not the header.
4. openpyxl looks for a sheet's `<dimension>` when it opens the workbook and, when there is
   none, parses the whole sheet to find out (3.1.5). `_get_size` below stops at the start of
   the rows instead, so a sheet without a dimension costs nothing before the rows are counted.

The limits are settings (`IMPORT_MAX_*`, config/settings.py). Every refusal is a `Geweigerd`
with a Dutch message for the user.
"""

import io
import logging
import re
import zipfile
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.xml.functions import iterparse

from core.dutch_numbers import format_getal
from core.gegevens import SHEET_NAME

logger = logging.getLogger(__name__)

TEMPLATE_SHEET_NAME = "Cijfers"
HEADER_SEARCH_ROWS = 10  # the header row (with "Sleutel") is one of the first rows
RATIO_MIN_SIZE = 1024 * 1024  # small entries may compress very well without being a bomb
ALLOWED_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
# the columns the import reads; the others are there for people and are ignored
READ_COLUMNS = ("sleutel", "waarde", "toelichting", "jaar", "soort")
KEY_COLUMNS = ("sleutel", "waarde", "toelichting")


class Geweigerd(Exception):
    """The file as a whole is refused; the message is Dutch and meant for the user."""


class GeenKopregel(Geweigerd):
    """A sheet without a header row with `Sleutel`: maybe the next candidate sheet has one."""


@dataclass
class Rij:
    """The cells the import reads from one row of the sheet (raw values, not yet checked)."""

    nummer: int
    sleutel: object = None
    waarde: object = None
    waarde_type: str = "n"  # openpyxl's data type: n, s, b, d, e
    waarde_procent: bool = False  # the number is shown as a percentage (45 % is 0.45)
    toelichting: object = None
    jaar: object = None
    soort: object = None
    formules: list[str] = field(default_factory=list)  # columns with a formula without value


@dataclass
class Blad:
    naam: str
    kolommen: dict[str, int]  # lower-case header → column number
    koppen: dict[str, str]  # lower-case header → the header as written
    rijen: list[Rij]

    def kolom(self, naam: str) -> str:
        """ "J (Waarde)": how an error names its column."""
        nummer = self.kolommen[naam]
        return f"{get_column_letter(nummer)} ({self.koppen[naam]})"

    @property
    def heeft_toelichting(self) -> bool:
        return "toelichting" in self.kolommen


def check_bestand(naam: str, inhoud: bytes) -> None:
    """Refuse anything but a modest, sane .xlsx before it is opened."""
    if not naam.lower().endswith(".xlsx"):
        raise Geweigerd(
            "Alleen Excel-werkmappen met de extensie .xlsx kunnen worden geïmporteerd "
            f"(niet ‘{naam[-40:]}’)."
        )
    if len(inhoud) > settings.IMPORT_MAX_FILE_SIZE:
        raise Geweigerd(
            f"Het bestand is {filesizeformat(len(inhoud))}; de grens is "
            f"{filesizeformat(settings.IMPORT_MAX_FILE_SIZE)}. Splits het bestand in delen."
        )
    check_zip(inhoud)


def check_zip(inhoud: bytes) -> None:
    """Check the zip's table of contents; nothing is unpacked here."""
    if not inhoud.startswith(b"PK\x03\x04"):
        raise Geweigerd(
            "Dit is geen geldige Excel-werkmap (.xlsx). Sla het bestand in Excel op als "
            "‘Excel-werkmap (*.xlsx)’, zonder wachtwoord."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            onderdelen = archief.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise Geweigerd("Het bestand is beschadigd: het kon niet worden uitgepakt.") from exc
    if len(onderdelen) > settings.IMPORT_MAX_ZIP_ENTRIES:
        raise Geweigerd(
            f"Het bestand bestaat uit {format_getal(len(onderdelen))} onderdelen; meer dan "
            f"{format_getal(settings.IMPORT_MAX_ZIP_ENTRIES)} wordt niet geopend."
        )
    totaal = sum(onderdeel.file_size for onderdeel in onderdelen)
    if totaal > settings.IMPORT_MAX_UNPACKED_SIZE:
        raise Geweigerd(
            f"Uitgepakt zou het bestand {filesizeformat(totaal)} groot zijn; de grens is "
            f"{filesizeformat(settings.IMPORT_MAX_UNPACKED_SIZE)}. Het is niet geopend "
            "(mogelijk een zip-bom)."
        )
    for onderdeel in onderdelen:
        _check_onderdeel(onderdeel)
    if "[Content_Types].xml" not in {onderdeel.filename for onderdeel in onderdelen}:
        raise Geweigerd("Dit is geen Excel-werkmap (.xlsx): het mist de inhoudsopgave.")


def _check_onderdeel(onderdeel: zipfile.ZipInfo) -> None:
    if onderdeel.flag_bits & 0x1 or onderdeel.compress_type not in ALLOWED_METHODS:
        raise Geweigerd(
            "Het bestand is versleuteld of op een onbekende manier ingepakt; "
            "sla het in Excel op als gewone ‘Excel-werkmap (*.xlsx)’."
        )
    verhouding = onderdeel.file_size / max(onderdeel.compress_size, 1)
    if onderdeel.file_size > RATIO_MIN_SIZE and verhouding > settings.IMPORT_MAX_COMPRESSION_RATIO:
        raise Geweigerd(
            f"Een onderdeel van het bestand is {format_getal(int(verhouding))} keer zo klein "
            f"ingepakt als het uitgepakt is (de grens is "
            f"{format_getal(settings.IMPORT_MAX_COMPRESSION_RATIO)}). "
            "Het is niet geopend (mogelijk een zip-bom)."
        )


def read_blad(naam: str, inhoud: bytes) -> Blad:
    """Check the file, then read the rows of its `Cijfers` (template) or `Gegevens` sheet.

    Read for the values Excel saved (`data_only`) and, when the file has formulas at all, a
    second time for where they are: openpyxl gives a formula that Excel never calculated as
    an empty cell.
    """
    check_bestand(naam, inhoud)
    try:
        blad = _lees(inhoud, data_only=True)
        if _has_formulas(inhoud):
            _mark_formules(inhoud, blad)
    except Geweigerd:
        raise
    except Exception as exc:  # a hostile or broken file must never become a server error
        if _caused_by(exc, DefusedXmlException):  # openpyxl wraps it in a ValueError
            raise Geweigerd(
                "Het bestand bevat XML-entiteiten of een DTD. Die zijn niet toegestaan "
                "(mogelijk een ‘XML-bom’); het bestand is niet verwerkt."
            ) from exc
        logger.warning("Onleesbaar importbestand %r", naam, exc_info=True)
        raise Geweigerd(
            "Het bestand kon niet worden gelezen als Excel-werkmap. Sla het in Excel opnieuw "
            "op als ‘Excel-werkmap (*.xlsx)’."
        ) from exc
    return blad


def _caused_by(exc: BaseException | None, soort: type) -> bool:
    while exc is not None:
        if isinstance(exc, soort):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _candidates(workbook) -> list:
    """The sheets that may hold the rows: `Gegevens`, then `Cijfers`, else the only sheet.

    An Excel report has both: its `Cijfers` is a table for people, without keys.
    """
    namen = [naam for naam in (SHEET_NAME, TEMPLATE_SHEET_NAME) if naam in workbook.sheetnames]
    if not namen and len(workbook.sheetnames) == 1:
        namen = workbook.sheetnames
    if not namen:
        raise Geweigerd(
            f"Het bestand heeft geen blad ‘{TEMPLATE_SHEET_NAME}’ (het sjabloon) of "
            f"‘{SHEET_NAME}’ (het platte formaat)."
        )
    return [workbook[naam] for naam in namen]


def _get_size(self) -> None:
    """ReadOnlyWorksheet._get_size, but reading only up to the start of the rows.

    openpyxl's own version waits for the *end* of `<sheetData>` when there is no
    `<dimension>`, that is, it parses every row of the sheet while opening the workbook.
    The dimension comes before the rows in a sheet's XML, so stopping at their start finds
    the same answer.
    """
    with self._get_source() as bron:
        for _event, element in iterparse(bron, events=("start",)):
            if element.tag == DIMENSION_TAG:
                grenzen = SheetDimension.from_tree(element).boundaries
                self._min_column, self._min_row, self._max_column, self._max_row = grenzen
                return
            if element.tag == DATA_TAG:
                return


ReadOnlyWorksheet._get_size = _get_size


def _rows(ws):
    """The sheet's rows as cells, refusing rows and columns beyond the limits as they come.

    The declared size of the sheet is checked first, then ignored (it may lie), and the rows
    are walked with a bounded width, so one far-away cell cannot make every row huge. The
    figures under the header are counted in `_read_rows`; here the bound leaves room for the
    rows down to the header.
    """
    max_cols = settings.IMPORT_MAX_COLUMNS
    max_rows = settings.IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS
    if (ws.max_row or 0) > max_rows:
        raise _too_many_rows(ws)
    if (ws.max_column or 0) > max_cols:
        raise _too_many_columns(ws, max_cols)
    ws.reset_dimensions()
    for nummer, cellen in enumerate(ws.iter_rows(max_col=max_cols + 1), start=1):
        if nummer > max_rows:
            raise _too_many_rows(ws)
        if len(cellen) > max_cols and cellen[max_cols].value is not None:
            raise _too_many_columns(ws, max_cols)
        yield nummer, cellen


def _too_many_rows(ws) -> Geweigerd:
    return Geweigerd(
        f"Blad ‘{ws.title}’ heeft meer dan {format_getal(settings.IMPORT_MAX_ROWS)} rijen "
        "onder de kopregel; splits het bestand."
    )


def _too_many_columns(ws, grens: int) -> Geweigerd:
    return Geweigerd(f"Blad ‘{ws.title}’ heeft meer dan {format_getal(grens)} kolommen.")


def _header(cellen) -> dict[str, tuple[int, str]] | None:
    koppen = {}
    for nummer, cel in enumerate(cellen, start=1):
        if isinstance(cel.value, str) and cel.value.strip():
            koppen.setdefault(cel.value.strip().lower(), (nummer, cel.value.strip()))
    return koppen if "sleutel" in koppen else None


def _lees(inhoud: bytes, *, data_only: bool) -> Blad:
    workbook = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=data_only)
    try:
        *andere, laatste = _candidates(workbook)
        for ws in andere:
            try:
                rijen, blad = _read_rows(ws)
                break
            except GeenKopregel:
                continue
        else:
            rijen, blad = _read_rows(laatste)
    finally:
        workbook.close()
    blad.rijen = rijen
    return blad


def _find_header(ws, rows) -> tuple[int, Blad]:
    """The header row's number and the sheet's columns."""
    for nummer, cellen in rows:
        koppen = _header(cellen)
        if koppen:
            if "waarde" not in koppen:
                raise Geweigerd(f"Blad ‘{ws.title}’ heeft geen kolom ‘Waarde’.")
            return nummer, Blad(
                naam=ws.title,
                kolommen={kop: nr for kop, (nr, _) in koppen.items() if kop in READ_COLUMNS},
                koppen={kop: tekst for kop, (_, tekst) in koppen.items() if kop in READ_COLUMNS},
                rijen=[],
            )
        if nummer >= HEADER_SEARCH_ROWS:
            break
    raise GeenKopregel(
        f"Blad ‘{ws.title}’ heeft in de eerste {HEADER_SEARCH_ROWS} rijen geen kopregel met "
        "een kolom ‘Sleutel’. Gebruik het sjabloon of het blad ‘Gegevens’."
    )


def _read_rows(ws) -> tuple[list[Rij], Blad]:
    rows = _rows(ws)
    kopregel, blad = _find_header(ws, rows)
    index = {kop: nummer - 1 for kop, nummer in blad.kolommen.items()}
    rijen = []
    for nummer, cellen in rows:
        if nummer - kopregel > settings.IMPORT_MAX_ROWS:
            raise _too_many_rows(ws)
        waarden = {kop: cellen[i] for kop, i in index.items()}
        if all(cel.value is None for cel in waarden.values()):
            continue
        waarde = waarden["waarde"]
        rij = Rij(
            nummer=nummer,
            sleutel=waarden["sleutel"].value,
            waarde=waarde.value,
            waarde_type=waarde.data_type,
            toelichting=waarden["toelichting"].value if "toelichting" in waarden else None,
            jaar=waarden["jaar"].value if "jaar" in waarden else None,
            soort=waarden["soort"].value if "soort" in waarden else None,
        )
        if waarde.data_type == "n" and waarde.value is not None:
            rij.waarde_procent = "%" in waarde.number_format
        rijen.append(rij)
    return rijen, blad


# A formula is the element <f> (or <x:f>); text and attribute values escape "<", so in the
# XML of a sheet "<f" followed by a space, "/" or ">" is always a formula (or CDATA text).
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")


def _has_formulas(inhoud: bytes) -> bool:
    """Whether any XML part of the (already checked) zip holds a formula, read in blocks.

    A plain byte search, many times faster than the second pass it saves; a false alarm (a
    chart's references, text in CDATA) only costs that pass.
    """
    with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
        for naam in archief.namelist():
            if not naam.lower().endswith(".xml"):
                continue
            with archief.open(naam) as bron:
                vorig = b""
                while blok := bron.read(1024 * 1024):
                    if _FORMULA_TAG.search(vorig + blok):
                        return True
                    vorig = blok[-64:]
    return False


def _mark_formules(inhoud: bytes, blad: Blad) -> None:
    """Find the formulas without a saved value in the columns the import reads."""
    workbook = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=False)
    try:
        ws = workbook[blad.naam]
        rows = _rows(ws)
        _find_header(ws, rows)  # the file was read and checked once already
        index = {kop: blad.kolommen[kop] - 1 for kop in KEY_COLUMNS if kop in blad.kolommen}
        per_nummer = {rij.nummer: rij for rij in blad.rijen}
        for nummer, cellen in rows:
            for kop, i in index.items():
                if cellen[i].data_type != "f":
                    continue
                rij = per_nummer.get(nummer)
                if rij is None:  # a row of formulas only: it read as empty
                    rij = per_nummer[nummer] = Rij(nummer=nummer)
                if getattr(rij, kop) is None:
                    rij.formules.append(kop)
    finally:
        workbook.close()
    blad.rijen = sorted(per_nummer.values(), key=lambda rij: rij.nummer)
