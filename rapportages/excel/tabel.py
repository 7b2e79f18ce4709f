"""One sheet as one table: a bold frozen header row, an autofilter over its rows, typed cells
(numbers, percentages, dates) reused per column, a "Totaal" row, and a line saying why when
there are no rows.

The workbook is written in openpyxl's write-only mode: a row is written as it is appended, so
one formatted cell per column is filled anew for every row instead of styling a cell per value,
and a bold cell gets the workbook's bold style as it is made instead of a font looked up anew.
"""

from datetime import date
from decimal import Decimal
from weakref import WeakKeyDictionary

from openpyxl.cell.cell import Cell, WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter

from core.gegevens import NUMBER_FORMATS, Getalcellen, text_cell, text_value

VET = Font(bold=True)
DATUM = "d-m-yyyy"  # a Dutch Excel shows 31-12-2015
PROCENT = "0.0%"

_VETTE_STIJL: WeakKeyDictionary = WeakKeyDictionary()  # per workbook: its index of VET


def vet(ws, tekst: str) -> Cell:
    """A bold text cell (a header, "Totaal"): the workbook's bold style, found once."""
    wb = ws.parent
    stijl = _VETTE_STIJL.get(wb)
    if stijl is None:
        stijl = _VETTE_STIJL[wb] = StyleArray()
        stijl.fontId = wb._fonts.add(VET)
    cel = text_cell(ws, tekst)
    cel._style = StyleArray(stijl)
    return cel


class Tabel:
    """`kolommen`: (header, width) pairs; `leeg`: the line a sheet without rows shows."""

    def __init__(self, wb, titel: str, kolommen: list[tuple[str, int]], leeg: str):
        self.ws = ws = wb.create_sheet(titel)
        for i, (_, breedte) in enumerate(kolommen):
            ws.column_dimensions[get_column_letter(i + 1)].width = breedte
        ws.freeze_panes = "A2"
        ws.append([vet(ws, kop) for kop, _ in kolommen])
        self.breedte = len(kolommen)
        self.leeg = leeg
        self.rijen = 0
        self._getallen = Getalcellen(ws)
        self._cellen: dict[tuple[int, str], Cell] = {}

    def rij(self, cellen: list) -> None:
        """A row; its strings stay text (never a formula), through `text_value`."""
        ws = self.ws
        ws.append([text_value(ws, v) if isinstance(v, str) else v for v in cellen])
        self.rijen += 1

    def getal(self, kolom: int, waarde, eenheid: str = "aantal") -> Cell | None:
        """A number in the unit's format; a percentage (42,5) as 42,5 %."""
        if waarde is None:
            return None
        if eenheid == "procent":
            return self._cel(kolom, PROCENT, Decimal(waarde) / 100)
        return self._getallen(kolom, waarde, eenheid if eenheid in NUMBER_FORMATS else "aantal")

    def datum(self, kolom: int, dag: date | None) -> Cell | None:
        return None if dag is None else self._cel(kolom, DATUM, dag)

    def _cel(self, kolom: int, formaat: str, waarde) -> Cell:
        cel = self._cellen.get((kolom, formaat))
        if cel is None:
            cel = self._cellen[(kolom, formaat)] = WriteOnlyCell(self.ws)
            cel.number_format = formaat
        cel.value = waarde
        return cel

    def sluit(self, totaal: list | None = None) -> None:
        """The explanation when there are no rows, the autofilter over header and rows, then
        the total row (outside the filter, so filtering never hides it)."""
        if not self.rijen:
            self.ws.append([text_cell(self.ws, self.leeg)])
        laatste = max(self.rijen, 1) + 1
        self.ws.auto_filter.ref = f"A1:{get_column_letter(self.breedte)}{laatste}"
        if totaal is not None and self.rijen:
            self.ws.append([vet(self.ws, "Totaal"), *totaal])
