"""The flat format of figures, the `Gegevens` sheet: one row per figure.

The Excel reports write it and the import reads it back, so its columns, its key and the way
its cells are written live here, once. See docs/import.md for the format with an example.

The key (`Sleutel`) names exactly one figure, the way the unique constraints on `Waarde` do:

    <dossier slug>/<indicator code>/<organisatie slug or ->/<locatie pk or ->/<jaar>/<soort>

e.g. `maastricht-2015/verbeteringen/woonpunt/-/2015/plan` (Woonpunt's planned improvements)
or `maastricht-2015/verhuur-totaal/-/-/2014/realisatie` (a figure without a split). Slugs and
indicator codes never contain a `/`; a location has no slug, so it goes by its number.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import F
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell, WriteOnlyCell
from openpyxl.styles import Font

from .models import Eenheid, Soort

COLUMNS = (
    "Sleutel",
    "Dossier",
    "Onderdeel",
    "Item",
    "Organisatie",
    "Locatie",
    "Jaar",
    "Soort",
    "Waarde",
    "Eenheid",
    "Toelichting",
)
SHEET_NAME = "Gegevens"
NONE = "-"  # an empty part of a key: no organisation, no location

# Excel renders these in the reader's locale: 1.234 and € 1.234,56 in a Dutch Excel.
NUMBER_FORMATS = {
    Eenheid.AANTAL: "#,##0",
    Eenheid.EURO: "[$€-413] #,##0.00",
    Eenheid.PROCENT: "#,##0.00",
}
# A text starting with one of these could turn into a formula when a user edits the cell.
FORMULA_STARTS = ("=", "+", "-", "@")
_SPECIAL_START = frozenset("=+-@#")  # "#" can start an error code such as #N/A
_ERROR_CODES = frozenset(ERROR_CODES)

_SLUG = re.compile(r"^[-a-zA-Z0-9_]+\Z")
_YEAR = re.compile(r"^\d{4}\Z")
_NUMBER = re.compile(r"^\d{1,18}\Z")
VOORBEELD = "maastricht-2015/verbeteringen/woonpunt/-/2015/plan"


@dataclass(frozen=True)
class Sleutel:
    """The key of one figure (see the module docstring)."""

    dossier: str
    indicator: str
    organisatie: str | None
    locatie: int | None
    jaar: int
    soort: str

    def __str__(self) -> str:
        return "/".join(
            [
                self.dossier,
                self.indicator,
                self.organisatie or NONE,
                NONE if self.locatie is None else str(self.locatie),
                str(self.jaar),
                self.soort,
            ]
        )


def parse_sleutel(tekst: str) -> Sleutel:
    """Read a key; anything else than exactly one figure's key is refused in Dutch."""
    tekst = (tekst or "").strip()
    delen = tekst.split("/")
    if len(delen) != 6 or not all(delen):
        raise ValidationError(
            "‘%(tekst)s’ is geen geldige sleutel. Een sleutel heeft zes delen: "
            "dossier/item/organisatie/locatie/jaar/soort, bijvoorbeeld %(voorbeeld)s.",
            code="sleutel_ongeldig",
            params={"tekst": tekst[:80], "voorbeeld": VOORBEELD},
        )
    dossier, indicator, organisatie, locatie, jaar, soort = delen
    fouten = []
    if not _SLUG.match(dossier):
        fouten.append(f"het dossier ‘{dossier[:40]}’ is geen geldige naam")
    if not _SLUG.match(indicator):
        fouten.append(f"het item ‘{indicator[:40]}’ is geen geldige code")
    if organisatie != NONE and not _SLUG.match(organisatie):
        fouten.append(f"de organisatie ‘{organisatie[:40]}’ is geen geldige naam")
    if locatie != NONE and not _NUMBER.match(locatie):
        fouten.append(f"de locatie ‘{locatie[:40]}’ is geen nummer")
    if not _YEAR.match(jaar):
        fouten.append(f"‘{jaar[:40]}’ is geen jaartal")
    if soort not in Soort.values:
        fouten.append(f"de soort ‘{soort[:40]}’ is niet plan, realisatie of bod")
    if organisatie != NONE and locatie != NONE:
        fouten.append("een cijfer hoort bij een organisatie óf een locatie, niet bij beide")
    if fouten:
        raise ValidationError(
            "Ongeldige sleutel ‘%(tekst)s’: %(fouten)s.",
            code="sleutel_ongeldig",
            params={"tekst": tekst[:80], "fouten": "; ".join(fouten)},
        )
    return Sleutel(
        dossier=dossier,
        indicator=indicator,
        organisatie=None if organisatie == NONE else organisatie,
        locatie=None if locatie == NONE else int(locatie),
        jaar=int(jaar),
        soort=soort,
    )


_FIELDS = (
    "indicator__dossier__slug",
    "indicator__dossier__titel",
    "indicator__onderdeel__nummer",
    "indicator__onderdeel__titel",
    "indicator__code",
    "indicator__naam",
    "organisatie__slug",
    "organisatie__naam",
    "locatie_id",
    "locatie__naam",
    "jaar",
    "soort",
    "waarde",
    "indicator__eenheid",
    "toelichting",
)


def iter_gegevens(waarden, *, dossier=None) -> Iterator[tuple]:
    """The rows of the flat format (in the order of `COLUMNS`) for a `Waarde` queryset.

    Streams: one query read in chunks, so memory stays flat however many figures there are.
    Pass a queryset that is already restricted to what the user may see (`visible_to`).

    The figures of one `dossier`, a few thousand at most, are read at once instead: without
    a cursor to declare, plan and hold, and without the dossier's name on every row and in
    the sort (together a third of the reading).
    """
    per_dossier = () if dossier else ("indicator__dossier__titel", "indicator__dossier_id")
    geordend = (
        waarden.order_by(
            *per_dossier,
            "indicator__volgorde",
            "indicator_id",
            F("organisatie__naam").asc(nulls_first=True),
            F("locatie__volgorde").asc(nulls_first=True),
            "locatie__naam",
            "jaar",
            "soort",
        )
    ).values_list(*(_FIELDS[2:] if dossier else _FIELDS))
    if dossier:
        yield from _rijen((dossier.slug, dossier.titel, *rij) for rij in geordend)
        return
    with _plan_voor_alle_rijen(connections[waarden.db]):
        yield from _rijen(geordend.iterator(chunk_size=2000))


@contextmanager
def _plan_voor_alle_rijen(connection):
    """PostgreSQL plans a cursor (`iterator()`) for its first tenth of rows, keeping the
    fast-start paths beside the cheapest ones: for this query of eight tables that triples
    the planning (12 to 24 ms instead of 4 to 8) for the same plan, since the sort reads
    every row anyway (docs/performance.md, issue #19). We read every row, so plan for all."""
    if connection.vendor != "postgresql":
        yield
        return
    # In a transaction SET LOCAL ends with it; in autocommit the cursor outlives one.
    lokaal = connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute(f"SET {'LOCAL ' if lokaal else ''}cursor_tuple_fraction = 1")
    try:
        yield
    finally:
        if not lokaal:
            with connection.cursor() as cursor:
                cursor.execute("RESET cursor_tuple_fraction")


def _rijen(rijen) -> Iterator[tuple]:
    for (
        dossier_slug,
        dossier_titel,
        onderdeel_nummer,
        onderdeel_titel,
        code,
        item,
        organisatie_slug,
        organisatie,
        locatie_id,
        locatie,
        jaar,
        soort,
        waarde,
        eenheid,
        toelichting,
    ) in rijen:
        # str(Sleutel(...)) written out: this runs once per figure of an export
        plek = f"{organisatie_slug or NONE}/{NONE if locatie_id is None else locatie_id}"
        onderdeel = f"{onderdeel_nummer} {onderdeel_titel}" if onderdeel_nummer else ""
        yield (
            f"{dossier_slug}/{code}/{plek}/{jaar}/{soort}",
            dossier_titel,
            onderdeel,
            item,
            organisatie or "",
            locatie or "",
            jaar,
            soort,
            waarde,
            _LABELS[eenheid],
            toelichting,
        )


# --- Writing cells: numbers as numbers, text never as a formula --------------------------


def text_cell(ws, tekst: str | None) -> Cell:
    """A cell that stays text: never a formula, an error code or a control character."""
    tekst = ILLEGAL_CHARACTERS_RE.sub("", tekst or "")
    cell = WriteOnlyCell(ws, value=tekst or None)
    if tekst:
        cell.data_type = "s"  # openpyxl would store "=..." as a formula, "#N/A" as an error
        if tekst.startswith(FORMULA_STARTS):
            cell.quotePrefix = True  # and Excel keeps it text when the user edits the cell
    return cell


def text_value(ws, tekst: str | None) -> str | Cell | None:
    """`text_cell`, but a plain string where openpyxl keeps it text as it is (no formula,
    error code or control character, nothing Excel would read as one on editing): the
    same file, written at openpyxl's own speed, without a styled cell per value."""
    if not tekst:
        return None
    if tekst[0] in _SPECIAL_START or tekst in _ERROR_CODES or ILLEGAL_CHARACTERS_RE.search(tekst):
        return text_cell(ws, tekst)
    return tekst


def number_cell(ws, waarde: Decimal | int | None, eenheid: str) -> Cell:
    cell = WriteOnlyCell(ws, value=waarde)
    cell.number_format = NUMBER_FORMATS[eenheid]
    return cell


class Getalcellen:
    """Formatted number cells for a write-only sheet, one per column and unit, filled anew
    for every row: such a sheet writes a row as it is appended, so a cell can be reused
    instead of styled again for every figure."""

    def __init__(self, ws):
        self.ws = ws
        self.cellen: dict[tuple[int, str], Cell] = {}

    def __call__(self, kolom: int, waarde: Decimal | int | None, eenheid: str) -> Cell | None:
        if waarde is None:
            return None
        cel = self.cellen.get((kolom, eenheid))
        if cel is None:
            cel = self.cellen[(kolom, eenheid)] = number_cell(self.ws, None, eenheid)
        # openpyxl writes a number through a float ("%.16g"); converted here once, not twice
        cel.value = float(waarde) if isinstance(waarde, Decimal) else waarde
        return cel


def header_cells(ws, koppen) -> list[Cell]:
    cellen = [text_cell(ws, kop) for kop in koppen]
    for cell in cellen:
        cell.font = Font(bold=True)
    return cellen


_EENHEDEN = {eenheid.label: eenheid.value for eenheid in Eenheid}
_LABELS = {eenheid.value: eenheid.label for eenheid in Eenheid}
_WIDTHS = {"A": 48, "B": 40, "C": 30, "D": 40, "E": 24, "F": 20, "I": 16, "K": 50}


def write_gegevens(workbook, waarden, title: str = SHEET_NAME, *, dossier=None):
    """Add the `Gegevens` sheet for a `Waarde` queryset to a workbook; a write-only workbook
    (`Workbook(write_only=True)`) keeps memory flat for any number of rows. `dossier`: the
    figures are all of that dossier (iter_gegevens)."""
    ws = workbook.create_sheet(title)
    for kolom, breedte in _WIDTHS.items():
        ws.column_dimensions[kolom].width = breedte
    ws.freeze_panes = "B2"
    ws.append(header_cells(ws, COLUMNS))
    getal = Getalcellen(ws)
    # Names repeat on every row of their item or organisation: each judged once, by text_value.
    namen: dict[str | None, str | Cell | None] = {}

    def naam(tekst: str | None) -> str | Cell | None:
        if (waarde := namen.get(tekst, namen)) is namen:
            waarde = namen[tekst] = text_value(ws, tekst)
        return waarde

    for rij in iter_gegevens(waarden, dossier=dossier):
        ws.append(
            [
                text_value(ws, rij[0]),
                naam(rij[1]),
                naam(rij[2]),
                naam(rij[3]),
                naam(rij[4]),
                naam(rij[5]),
                rij[6],
                naam(rij[7]),
                getal(8, rij[8], _EENHEDEN[rij[9]]),
                naam(rij[9]),
                text_value(ws, rij[10]),
            ]
        )
    return ws
