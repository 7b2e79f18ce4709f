"""The report as a workbook: one sheet per section, and the flat `Gegevens` sheet.

Written in openpyxl's write-only mode, so the `Gegevens` sheet streams from the database however
many figures there are. Numbers are numbers with Dutch-looking formats; text is always text
(`core.gegevens.text_cell`), never a formula.
"""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.gegevens import (
    Getalcellen,
    header_cells,
    number_cell,
    text_cell,
    text_value,
    write_gegevens,
)
from core.models import Waarde
from regiodeals.models import Regiodeal

from .inhoud import Inhoud
from .streefdoelen import Doelregel, getal


def _sheet(wb: Workbook, titel: str, koppen: list[str], breedtes: list[int]):
    ws = wb.create_sheet(titel)
    for i, breedte in enumerate(breedtes):
        ws.column_dimensions[get_column_letter(i + 1)].width = breedte
    ws.freeze_panes = "A2"
    ws.append(header_cells(ws, koppen))
    return ws


def render_xlsx(inhoud: Inhoud, waarden) -> bytes:
    """`waarden`: the figures of the `Gegevens` sheet, already restricted to the reader."""
    wb = Workbook(write_only=True)
    c = inhoud.as_context()
    rapport = inhoud.rapport
    ws = _sheet(wb, "Samenvatting", ["Voortgangsrapportage", ""], [28, 80])
    kop = text_cell(ws, rapport.onderwerp)
    kop.font = Font(bold=True, size=13)
    ws.append([text_cell(ws, "Onderwerp"), kop])
    ws.append([text_cell(ws, "Jaar"), rapport.jaar])
    ws.append([text_cell(ws, "Status"), text_cell(ws, c.get("versie_status", ""))])
    ws.append([text_cell(ws, "Versie"), c.get("versie_nummer")])
    for h in inhoud.hoofdstukken:
        ws.append([text_cell(ws, "Hoofdstuk"), text_cell(ws, h.titel)])

    if c.get("cijfers") is not None and rapport.dossier_id:
        ws = _sheet(
            wb,
            "Cijfers",
            [
                "Onderwerp",
                "Organisatie of locatie",
                "Plan",
                "Realisatie",
                "Som van de delen (realisatie)",
                "Status",
                "Toelichting",
            ],
            [44, 26, 16, 16, 20, 18, 60],
        )
        getal = Getalcellen(ws)
        for r in c["cijfers"]:
            ws.append(
                [
                    text_value(ws, "  " * r.diepte + r.onderwerp),
                    text_value(ws, r.wie),
                    getal(2, r.plan, r.eenheid),
                    getal(3, r.realisatie, r.eenheid),
                    getal(4, r.delen_som, r.eenheid),
                    text_value(ws, r.status),
                    text_value(ws, r.toelichting),
                ]
            )
    if c.get("financien"):
        ws = _sheet(
            wb,
            "Financiën",
            [
                "Uitvoeringsactiviteiten",
                "Maximale Rijksbijdrage",
                "Minimale regionale financiering",
                "Totaal",
                "Gerealiseerde kosten",
                "Rijksbijdrage verschuldigd",
                "Regionaal gerealiseerd",
            ],
            [34, 20, 24, 18, 20, 22, 22],
        )
        f = c["financien"]
        for r in f.regels:
            ws.append(
                [text_value(ws, r.post.naam)]
                + [
                    number_cell(ws, v, "euro")
                    for v in (
                        r.post.maximale_rijksbijdrage,
                        r.post.minimale_regionale_financiering,
                        r.totaal_gepland,
                        r.gerealiseerd,
                        r.rijksbijdrage,
                        r.regionaal,
                    )
                ]
            )
        totaal = text_cell(ws, "Totaal")
        totaal.font = Font(bold=True)
        ws.append(
            [totaal]
            + [
                number_cell(ws, v, "euro")
                for v in (
                    f.maximale_rijksbijdrage,
                    f.minimale_regionale_financiering,
                    f.totaal_gepland,
                    f.gerealiseerd,
                    f.rijksbijdrage,
                    f.regionaal,
                )
            ]
        )
    if c.get("onderdelen"):
        ws = _sheet(
            wb,
            "Resultaten",
            ["Onderdeel", "Voortgang", "Beoogd resultaat", "Doel", "Gerealiseerd", "Status"],
            [34, 50, 60, 14, 14, 18],
        )
        for onderdeel, tekst, resultaten in c["onderdelen"]:
            ws.append([text_value(ws, str(onderdeel)), text_value(ws, tekst)])
            for r in resultaten:
                ws.append(
                    [
                        text_value(ws, ""),
                        text_value(ws, ""),
                        text_value(ws, r.omschrijving),
                        text_value(ws, r.doel),
                        number_cell(ws, r.gerealiseerd, r.eenheid),
                        text_value(ws, r.status),
                    ]
                )
    if c.get("deals"):
        ws = _sheet(
            wb,
            "Deals",
            [
                "Regio Deal",
                "Landsdeel",
                "Status",
                "Maximale Rijksbijdrage",
                "Gerealiseerde kosten",
                "Rijksbijdrage verschuldigd",
            ],
            [50, 14, 20, 22, 22, 22],
        )
        for deal, kosten, verschuldigd in c["deals"]:
            ws.append(
                [
                    text_value(ws, deal.titel),
                    text_value(ws, deal.get_landsdeel_display()),
                    text_value(ws, deal.get_status_display()),
                    number_cell(ws, deal.maximale_rijksbijdrage, "euro"),
                    number_cell(ws, kosten, "euro"),
                    number_cell(ws, verschuldigd, "euro"),
                ]
            )
    if rapport.dossier_id:
        groepen = c.get("streefdoelgroepen", [])
        _streefdoelen(wb, [regel for _, regels in groepen for regel in regels], rapport.jaar)
    ws = _sheet(wb, "Bevindingen", ["Bevinding"], [120])
    tabel, financien = c.get("tabel"), c.get("financien")
    for b in [
        *(tabel.bevindingen if tabel else []),
        *(financien.bevindingen if financien else []),
        *c.get("tranche_bevindingen", []),
    ]:
        ws.append([text_value(ws, b.wat)])
    write_gegevens(wb, waarden)
    uitvoer = BytesIO()
    wb.save(uitvoer)
    return uitvoer.getvalue()


STREEFDOELKOPPEN = [
    ("Thema of actielijn", 30),
    ("Streefdoel", 60),
    ("Organisatie", 24),
    ("Soort", 16),
    ("Eenheid", 10),
    ("Streefwaarde", 14),
    ("Minimum", 12),
    ("Maximum", 12),
    ("Startjaar", 11),
    ("Eindjaar", 11),
    ("Uiterlijk", 13),
    ("Bereikt op", 13),
    ("Referentie", 24),
    ("Referentiewaarde", 16),
    ("Nulmeting", 12),
    ("Jaar nulmeting", 14),
    ("Gerealiseerd tot en met {jaar}", 18),
    ("Verwacht eind {jaar}", 16),
    ("Status", 20),
    ("Vorige periode", 15),
    ("Doel", 36),
    ("Opmerking", 50),
]


def _streefdoelen(wb: Workbook, regels: list[Doelregel], jaar: int) -> None:
    """One row per target with typed cells (numbers, years, dates), an autofilter on the
    header; the same progress as the PDF's chapter, by the one rule."""
    koppen = [kop.format(jaar=jaar) for kop, _ in STREEFDOELKOPPEN]
    ws = _sheet(wb, "Streefdoelen", koppen, [breedte for _, breedte in STREEFDOELKOPPEN])
    ws.auto_filter.ref = f"A1:{get_column_letter(len(koppen))}{len(regels) + 1}"
    getallen = Getalcellen(ws)
    for r in regels:
        doel, v, eenheid = r.doel, r.voortgang, r.eenheid

        def num(kolom, waarde, eenheid=eenheid):
            return getallen(kolom, getal(waarde), eenheid)

        ws.append(
            [
                text_value(ws, r.thema),
                text_value(ws, r.omschrijving),
                text_value(ws, r.wie),
                text_value(ws, r.soort),
                text_value(ws, eenheid),
                num(5, doel.waarde),
                num(6, doel.minimum),
                num(7, doel.maximum),
                doel.startjaar,
                doel.eindjaar,
                _datumcel(ws, doel.uiterlijk if doel.soort == doel.Soort.MIJLPAAL else None),
                _datumcel(ws, doel.bereikt_op),
                text_value(ws, doel.referentie),
                num(13, doel.referentiewaarde),
                num(14, doel.nulmeting),
                doel.nulmeting_jaar,
                num(16, v.gerealiseerd),
                num(17, v.verwacht),
                text_value(ws, r.status),
                num(19, v.vorige_periode),
                text_value(ws, r.doeltekst),
                text_value(ws, r.context),
            ]
        )


def _datumcel(ws, dag):
    if dag is None:
        return None
    cel = WriteOnlyCell(ws, value=dag)
    cel.number_format = "d-m-yyyy"
    return cel


def gegevens_van(rapport, user):
    """The figures a report's `Gegevens` sheet holds: every visible figure of its object."""
    if rapport.dossier_id:
        return Waarde.objects.visible_to(user, [rapport.dossier_id])
    deals = Regiodeal.objects.filter(tranche=rapport.tranche_id).values("pk")
    return Waarde.objects.visible_to(user, deals)
