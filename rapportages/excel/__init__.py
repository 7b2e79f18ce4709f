"""The report as a workbook: one sheet per chapter of the PDF, and the flat `Gegevens` sheet.

Every sheet is one table (`tabel.Tabel`): a bold frozen header, an autofilter, numbers,
percentages and dates as typed cells, the hierarchy as a `Niveau` column, totals in a row
labelled "Totaal", and a line saying why on a sheet without rows. Written in openpyxl's
write-only mode, so `Gegevens` streams from the database however many figures there are; text
is always text (`core.gegevens.text_value`), never a formula.
"""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from core.gegevens import COLUMNS, write_gegevens
from core.models import Waarde
from core.rules import visible_waarden_q
from regiodeals.models import Regiodeal

from ..inhoud import Inhoud
from . import dossier, overzicht

# The sheet of each chapter (`Hoofdstuk.anker`) of the PDF.
BLADEN = {
    "voortgang": "Resultaten",
    "schema": "Op schema",
    "financien": "Financiën",
    "bestuur": "Wijzigingen en overleg",
    "cijfers": "Cijfers",
    "bod": "Bod",
    "normen": "Normen",
    "punten": "Afspraakpunten",
    "fasen": "Fasen",
    "output": "Output",
    "streefdoelen": "Streefdoelen",
    "deals": "Deals",
    "bevindingen": "Bevindingen",
}


def render_xlsx(inhoud: Inhoud, waarden) -> bytes:
    """`waarden`: the figures of the `Gegevens` sheet, already restricted to the reader."""
    wb = Workbook(write_only=True)
    c = inhoud.as_context()
    rapport = inhoud.rapport
    jaar = rapport.jaar
    ankers = {h.anker for h in inhoud.hoofdstukken}
    overzicht.samenvatting(wb, c, BLADEN)
    if rapport.dossier_id:
        dossier.cijfers(wb, c, jaar)
    if "voortgang" in ankers:
        dossier.resultaten(wb, c)
    if "schema" in ankers:
        dossier.op_schema(wb, c)
    if "financien" in ankers or c.get("financien"):
        dossier.financien(wb, c)
    if "bestuur" in ankers:
        dossier.bestuur(wb, c, jaar)
    if "bod" in ankers:
        dossier.bod(wb, c, jaar)
    if "normen" in ankers:
        dossier.normen(wb, c, jaar)
    if "punten" in ankers:
        dossier.afspraakpunten(wb, c)
    if "fasen" in ankers:
        dossier.fasen(wb, c)
    if "output" in ankers:
        dossier.output(wb, c)
    if "deals" in ankers:
        overzicht.deals(wb, c)
    if "streefdoelen" in ankers:
        regels = [regel for _, regels in c.get("streefdoelgroepen", []) for regel in regels]
        wie = {"regiodeal": "deze Regio Deal", "project": "dit project"}.get(
            rapport.dossier.soort, "deze afspraak"
        )
        leeg = f"Voor {wie} zijn geen streefdoelen vastgelegd."
        overzicht.streefdoelen(wb, regels, jaar, leeg)
    overzicht.bevindingen(wb, c)
    teller = _Rijteller(wb)
    ws = write_gegevens(teller, waarden, dossier=rapport.dossier if rapport.dossier_id else None)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(teller.rijen, 1)}"
    uitvoer = BytesIO()
    wb.save(uitvoer)
    return uitvoer.getvalue()


class _Rijteller:
    """The workbook as `write_gegevens` sees it, counting the rows it appends: they stream
    from the database, and a count of its own would cost a query as long as a tenth of the
    whole workbook."""

    def __init__(self, wb: Workbook):
        self.wb = wb
        self.rijen = 0

    def create_sheet(self, titel: str):
        ws = self.wb.create_sheet(titel)
        append = ws.append

        def tel(rij):
            self.rijen += 1
            append(rij)

        ws.append = tel
        return ws


def gegevens_van(rapport, user):
    """The figures a report's `Gegevens` sheet holds: every visible figure of its object."""
    if rapport.dossier_id:
        # The items' dossier in the query's own join, not `visible_to`'s subquery of item
        # keys: one table fewer for PostgreSQL to plan, half the planning of this query of
        # milliseconds (docs/performance.md, issue #19). The same rule decides what is seen.
        dossiers = [rapport.dossier_id]
        return Waarde.objects.filter(
            visible_waarden_q(user, dossiers=dossiers), indicator__dossier__in=dossiers
        )
    deals = Regiodeal.objects.filter(tranche=rapport.tranche_id).values("pk")
    return Waarde.objects.visible_to(user, deals)
