"""The template to fill in Excel: one organisation's figures of one year of a dossier.

One row per figure (each place of the entry grid, plan and realisatie), with the figure's key
(`core.gegevens.Sleutel`), so importing it back maps every row to exactly one figure. Only
the Waarde and Toelichting cells of a year that is not vastgesteld can be edited; the rest is
locked (sheet protection without a password: it prevents mistakes, the import checks the
rest). See docs/import.md.
"""

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.protection import SheetProtection

from core.gegevens import Sleutel, header_cells, number_cell, text_cell
from core.models import Dossier, Eenheid, Jaaropgave, Organisatie, Soort
from core.services import bestaande_waarden, invoer_plekken

from .bestand import TEMPLATE_SHEET_NAME

COLUMNS = (
    "Sleutel",
    "Onderdeel",
    "Item",
    "Organisatie",
    "Locatie",
    "Jaar",
    "Soort",
    "Eenheid",
    "Meetdefinitie",
    "Status",
    "Waarde",
    "Toelichting",
)
WIDTHS = (48, 30, 40, 24, 20, 8, 12, 10, 50, 14, 16, 50)
EDITABLE = PatternFill("solid", fgColor="FFF7D6")  # the cells to fill, light yellow
HEADER = PatternFill("solid", fgColor="DDE6F0")
UNLOCKED = Protection(locked=False)


def maak_sjabloon(*, dossier: Dossier, organisatie: Organisatie, jaar: int) -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = TEMPLATE_SHEET_NAME
    _write_cijfers(ws, dossier, organisatie, jaar)
    _write_uitleg(workbook.create_sheet("Uitleg"), dossier, organisatie, jaar)
    uitvoer = io.BytesIO()
    workbook.save(uitvoer)
    return uitvoer.getvalue()


def _write_cijfers(ws, dossier, organisatie, jaar) -> None:
    for nummer, breedte in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(nummer)].width = breedte
    kop = header_cells(ws, COLUMNS)
    for cel in kop:
        cel.fill = HEADER
    ws.append(kop)
    ws.freeze_panes = "D2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}1"
    status = {
        opgave.soort: opgave
        for opgave in Jaaropgave.objects.filter(dossier=dossier, organisatie=organisatie, jaar=jaar)
    }
    # Plan and realisation: a corporation's bod is entered in its own grid (docs/cycle.md).
    soorten = (Soort.PLAN, Soort.REALISATIE)
    bestaand = {soort: bestaande_waarden(dossier, organisatie, jaar, soort) for soort in soorten}
    for plek in invoer_plekken(dossier, organisatie, jaar):
        for soort in soorten:
            opgave = status.get(soort.value)
            ws.append(_rij(ws, dossier, organisatie, jaar, soort, plek, opgave, bestaand[soort]))
    # Without a password: it prevents slips; what may change is checked on import.
    ws.protection = SheetProtection(
        sheet=True, formatColumns=False, formatRows=False, autoFilter=False, sort=True
    )


def _rij(ws, dossier, organisatie, jaar, soort, plek, opgave, bestaand) -> list:
    indicator = plek.indicator
    oud = bestaand.get(plek.sleutel)
    sleutel = Sleutel(
        dossier=dossier.slug,
        indicator=indicator.code,
        organisatie=plek.organisatie.slug if plek.organisatie else None,
        locatie=plek.locatie.pk if plek.locatie else None,
        jaar=jaar,
        soort=soort.value,
    )
    onderdeel = indicator.onderdeel
    vergrendeld = opgave is not None and opgave.is_vergrendeld
    waarde = number_cell(ws, oud.waarde if oud else None, indicator.eenheid)
    toelichting = text_cell(ws, oud.toelichting if oud else "")
    toelichting.alignment = Alignment(wrap_text=True, vertical="top")
    if not vergrendeld:
        for cel in (waarde, toelichting):
            cel.protection = UNLOCKED
            cel.fill = EDITABLE
    meetdefinitie = text_cell(ws, indicator.meetdefinitie_voor(organisatie.pk))
    meetdefinitie.alignment = Alignment(wrap_text=True, vertical="top")
    return [
        text_cell(ws, str(sleutel)),
        text_cell(ws, f"{onderdeel.nummer} {onderdeel.titel}" if onderdeel else ""),
        text_cell(ws, indicator.naam),
        text_cell(ws, plek.organisatie.naam if plek.organisatie else ""),
        text_cell(ws, plek.locatie.naam if plek.locatie else ""),
        jaar,
        text_cell(ws, soort.label),
        text_cell(ws, Eenheid(indicator.eenheid).label),
        meetdefinitie,
        text_cell(ws, opgave.get_status_display() if opgave else "concept"),
        waarde,
        toelichting,
    ]


UITLEG = [
    "Vul in blad ‘Cijfers’ de gele vakken in: Waarde en Toelichting. De rest staat vast.",
    "Getallen als getal (1234 of 1.234,56), zonder eenheid. Een aantal is een heel getal; "
    "een negatief getal mag alleen bij een correctiepost.",
    "Een leeg vak Waarde verwijdert het cijfer (met zijn toelichting), zoals in het invoerscherm.",
    "Formules mogen, als Excel de uitkomst heeft opgeslagen (sla het bestand op in Excel).",
    "Een jaar dat is vastgesteld kan niet worden gewijzigd; die vakken zijn niet geel.",
    "Verander de kolom Sleutel niet: daarmee hoort elke rij bij precies één cijfer.",
    "Uploaden: Prestatiemonitor → invoerscherm → ‘Cijfers importeren’. U ziet eerst wat er "
    "verandert en welke fouten er zijn; pas na bevestigen wordt alles in één keer opgeslagen, "
    "of niets als er een fout is.",
]


def _write_uitleg(ws, dossier, organisatie, jaar) -> None:
    ws.column_dimensions["A"].width = 110
    regels = [
        f"Sjabloon voor {dossier.titel}",
        f"Cijfers van {organisatie}, plan en realisatie {jaar}",
        f"Gemaakt op {timezone.localtime():%d-%m-%Y %H:%M}",
        "",
        *UITLEG,
    ]
    for regel in regels:
        cel = text_cell(ws, regel)
        cel.alignment = Alignment(wrap_text=True)
        ws.append([cel])
    ws["A1"].font = Font(bold=True)
    ws.protection = SheetProtection(sheet=True)
