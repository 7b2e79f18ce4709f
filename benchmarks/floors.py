"""What each page and export is compared against (benchmarks/scale.py, docs/performance.md).

- A list page: the raw SQL that fetches exactly what it shows: the rows and columns of its
  first page (`LIJSTEN`), its total and its filter's choices (`ERBIJ`).
- A dashboard: the raw aggregate queries that fetch what it shows (the template's time is
  added by scale.py).
- An Excel export: openpyxl in write-only mode writing the same cells from a prepared list
  (formats, bold headers, widths, frozen panes and autofilters included).
- A PDF: WeasyPrint rendering the same rows as one plain table, in the same warm process.

The SQL is PostgreSQL's; `%(org)s` is the reader's organisation, `%(dossier)s` a dossier.
"""

import io
import time
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection
from openpyxl import Workbook, load_workbook

# --- Visible figures, paired: the part every figure query starts from -----------------

ZICHTBAAR = """
zichtbaar AS (
    SELECT w.id, w.indicator_id, w.jaar, w.soort, w.organisatie_id, w.locatie_id, w.waarde,
           w.toelichting,
           i.dossier_id, i.onderdeel_id, i.richting
    FROM core_waarde w
    JOIN core_indicator i ON i.id = w.indicator_id
    JOIN core_dossier d ON d.id = i.dossier_id
    LEFT JOIN core_locatie l ON l.id = w.locatie_id
    WHERE i.dossier_id IN (SELECT id FROM bereik)
      AND (COALESCE(w.organisatie_id, l.gemeente_id, d.penvoerder_id) = %(org)s
           OR EXISTS (SELECT 1 FROM core_jaaropgave j
                      WHERE j.dossier_id = i.dossier_id AND j.jaar = w.jaar AND j.soort = w.soort
                        AND j.organisatie_id = COALESCE(w.organisatie_id, l.gemeente_id,
                                                        d.penvoerder_id)
                        AND j.status IN ('ingediend', 'vastgesteld')))
),
paren AS (
    SELECT COALESCE(p.id, r.id) AS id, COALESCE(p.indicator_id, r.indicator_id) AS indicator_id,
           COALESCE(p.jaar, r.jaar) AS jaar, COALESCE(p.dossier_id, r.dossier_id) AS dossier_id,
           COALESCE(p.onderdeel_id, r.onderdeel_id) AS onderdeel_id,
           COALESCE(p.organisatie_id, r.organisatie_id) AS organisatie_id,
           COALESCE(p.locatie_id, r.locatie_id) AS locatie_id,
           COALESCE(p.richting, r.richting) AS richting,
           p.waarde AS plan, r.waarde AS realisatie
    FROM (SELECT * FROM zichtbaar WHERE soort = 'plan') p
    FULL JOIN (SELECT * FROM zichtbaar WHERE soort = 'realisatie') r
      ON r.indicator_id = p.indicator_id AND r.jaar = p.jaar
     AND r.organisatie_id IS NOT DISTINCT FROM p.organisatie_id
     AND r.locatie_id IS NOT DISTINCT FROM p.locatie_id
),
termijn AS (
    -- a cell without plan, judged against its item's term target (core.cellen._tot_nu)
    SELECT DISTINCT ON (p.id) p.id, s.waarde AS doel, t.gerealiseerd, CASE
        WHEN t.gerealiseerd IS NULL THEN 'geen_realisatie'
        WHEN p.jaar >= j.eind THEN CASE
            WHEN (j.richting = 'lager' AND t.gerealiseerd <= s.waarde)
              OR (j.richting <> 'lager' AND t.gerealiseerd >= s.waarde) THEN 'gehaald'
            ELSE 'niet_gehaald' END
        WHEN abs(t.gerealiseerd * (j.eind - j.start + 1) - s.waarde * (p.jaar - j.start + 1))
             * 100 <= abs(s.waarde * (p.jaar - j.start + 1)) * 15 THEN 'op_schema'
        WHEN (j.richting = 'lager')
             = (t.gerealiseerd * (j.eind - j.start + 1) < s.waarde * (p.jaar - j.start + 1))
             THEN 'voor'
        ELSE 'achter' END AS status
    FROM paren p
    JOIN core_streefdoel s ON s.indicator_id = p.indicator_id AND s.soort = 'looptijd'
     AND NOT s.vervallen AND s.waarde IS NOT NULL
     AND s.organisatie_id IS NOT DISTINCT FROM p.organisatie_id
    JOIN core_dossier d ON d.id = s.dossier_id
    CROSS JOIN LATERAL (
        SELECT COALESCE(s.van_jaar, extract(year FROM d.startdatum)::int) AS start,
               COALESCE(s.tot_en_met_jaar, extract(year FROM d.einddatum)::int) AS eind,
               COALESCE(NULLIF(s.richting, ''), p.richting) AS richting) j
    CROSS JOIN LATERAL (
        SELECT sum(z.waarde) AS gerealiseerd FROM zichtbaar z
        WHERE z.indicator_id = p.indicator_id AND z.soort = 'realisatie'
          AND z.organisatie_id IS NOT DISTINCT FROM p.organisatie_id AND z.locatie_id IS NULL
          AND z.jaar BETWEEN j.start AND LEAST(p.jaar, j.eind)) t
    WHERE p.plan IS NULL AND p.locatie_id IS NULL AND p.jaar >= j.start
    ORDER BY p.id, s.id
),
cellen AS (
    SELECT paren.*, termijn.gerealiseerd AS doel_gerealiseerd, termijn.doel AS doel_waarde,
    CASE
        WHEN realisatie IS NULL THEN 'geen_realisatie'
        WHEN EXISTS (
            SELECT 1 FROM core_norm n
            WHERE n.indicator_id = paren.indicator_id AND (
                (n.soort = 'absoluut' AND (n.ondergrens > realisatie OR n.bovengrens < realisatie))
                OR (n.soort = 'aandeel' AND EXISTS (
                    SELECT 1 FROM zichtbaar g
                    WHERE g.indicator_id = n.ten_opzichte_van_id AND g.jaar = paren.jaar
                      AND g.soort = 'realisatie' AND g.waarde <> 0
                      AND g.organisatie_id IS NOT DISTINCT FROM paren.organisatie_id
                      AND g.locatie_id IS NOT DISTINCT FROM paren.locatie_id
                      AND (n.ondergrens > round(realisatie * 100 / g.waarde, 2)
                           OR n.bovengrens < round(realisatie * 100 / g.waarde, 2)))))
        ) THEN 'norm_niet_gehaald'
        WHEN plan IS NULL THEN COALESCE(termijn.status, 'geen_plan')
        WHEN abs(realisatie - plan) * 100 <= abs(plan) * 15 THEN 'op_schema'
        WHEN (richting = 'lager') = (realisatie < plan) THEN 'voor'
        ELSE 'achter' END AS status
    FROM paren LEFT JOIN termijn ON termijn.id = paren.id
)
"""


def _met(bereik: str, rest: str) -> str:
    return f"WITH bereik AS ({bereik}),{ZICHTBAAR}{rest}"


EIGEN = "SELECT dossier_id AS id FROM core_partij WHERE organisatie_id = %(org)s"
DOSSIER = "SELECT %(dossier)s::bigint AS id"

# --- Lists: the rows of the first page -----------------------------------------------

LIJSTEN = {
    "afspraken": """
        SELECT d.titel, d.slug, a.soort_afspraak, o.naam, d.startdatum, d.einddatum,
               (SELECT count(*) FROM afspraken_afspraakpunt p WHERE p.afspraak_id = d.id)
        FROM afspraken_afspraak a JOIN core_dossier d ON d.id = a.dossier_ptr_id
        JOIN core_organisatie o ON o.id = d.penvoerder_id
        ORDER BY d.titel LIMIT 25""",
    "regiodeals": """
        SELECT d.titel, d.slug, t.naam, r.landsdeel, r.status, r.maximale_rijksbijdrage
        FROM regiodeals_regiodeal r JOIN core_dossier d ON d.id = r.dossier_ptr_id
        LEFT JOIN regiodeals_tranche t ON t.id = r.tranche_id
        ORDER BY t.nummer, r.volgnummer, d.titel LIMIT 25""",
    "projecten": """
        SELECT d.titel, d.slug, o.naam, p.soort_financiering, p.status, d.startdatum,
               d.einddatum
        FROM projecten_project p JOIN core_dossier d ON d.id = p.dossier_ptr_id
        JOIN core_organisatie o ON o.id = d.penvoerder_id
        ORDER BY d.titel LIMIT 25""",
    "organisaties": """
        SELECT o.naam, o.slug, o.soort,
               (SELECT count(DISTINCT dossier_id) FROM core_partij WHERE organisatie_id = o.id)
        FROM core_organisatie o ORDER BY o.naam LIMIT 50""",
    "cijfers": _met(
        EIGEN,
        """
        SELECT d.titel, d.slug, od.titel, i.naam, i.code, i.eenheid, o.naam, l.naam, c.jaar,
               c.plan, c.realisatie, c.doel_gerealiseerd, c.doel_waarde, c.status
        FROM cellen c JOIN core_indicator i ON i.id = c.indicator_id
        JOIN core_dossier d ON d.id = c.dossier_id
        LEFT JOIN core_onderdeel od ON od.id = c.onderdeel_id
        LEFT JOIN core_organisatie o ON o.id = c.organisatie_id
        LEFT JOIN core_locatie l ON l.id = c.locatie_id
        ORDER BY d.titel, c.indicator_id, o.naam, c.jaar, c.id LIMIT 50""",
    ),
}
for _status in ("voor", "gehaald"):  # gehaald: only a term target judges it
    LIJSTEN[f"cijfers, status {_status}"] = LIJSTEN["cijfers"].replace(
        "ORDER BY d.titel", f"WHERE c.status = '{_status}' ORDER BY d.titel"
    )

# What a list shows beside its rows, each a query of its own on the page as well: the total
# in its caption and the choices of its filter (the years the dossiers run in, the tranches).
_JAREN = "SELECT min(startdatum), min(einddatum), max(einddatum) FROM core_dossier"
_FIGUREN_EIGEN = f"""SELECT count(*) FROM core_waarde w
    JOIN core_indicator i ON i.id = w.indicator_id WHERE i.dossier_id IN ({EIGEN})"""
ERBIJ = {
    "afspraken": ["SELECT count(*) FROM afspraken_afspraak", _JAREN],
    "regiodeals": [
        "SELECT count(*) FROM regiodeals_regiodeal",
        "SELECT nummer FROM regiodeals_tranche ORDER BY nummer",
    ],
    "projecten": ["SELECT count(*) FROM projecten_project", _JAREN],
    "organisaties": ["SELECT count(*) FROM core_organisatie"],
    **{naam: [_FIGUREN_EIGEN, _JAREN] for naam in LIJSTEN if naam.startswith("cijfers")},
}

# --- Dashboards: the aggregates they show ---------------------------------------------

_TELLING_PER = "SELECT {groep}, status, count(*) FROM cellen GROUP BY {groep}, status"
_FIGUREN = """
    SELECT w.indicator_id, w.jaar, w.soort, o.naam, l.naam, w.waarde, w.toelichting
    FROM zichtbaar w LEFT JOIN core_organisatie o ON o.id = w.organisatie_id
    LEFT JOIN core_locatie l ON l.id = w.locatie_id"""
_ITEMS = """
    SELECT i.id, i.code, i.naam, i.eenheid, i.deel_van_id, i.uitsplitsing, n.soort,
           n.ondergrens, n.bovengrens, n.ten_opzichte_van_id
    FROM core_indicator i LEFT JOIN core_norm n ON n.indicator_id = i.id
    WHERE i.dossier_id IN (SELECT id FROM bereik)"""

_DOSSIER = [
    _met(DOSSIER, _TELLING_PER.format(groep="onderdeel_id")),
    _met(DOSSIER, _FIGUREN),
    f"WITH bereik AS ({DOSSIER}) {_ITEMS}",
    "SELECT id, nummer, titel FROM core_onderdeel WHERE dossier_id = %(dossier)s",
]
DASHBOARDS = {
    "start": [
        """SELECT d.id, d.titel, d.slug, d.soort, d.startdatum, d.einddatum FROM core_dossier d
           WHERE d.id IN (SELECT dossier_id FROM core_partij WHERE organisatie_id = %(org)s)
           ORDER BY d.titel LIMIT 25""",
        _met(EIGEN, _TELLING_PER.format(groep="dossier_id")),
        _met(EIGEN, _FIGUREN),
        f"WITH bereik AS ({EIGEN}) {_ITEMS}",
        # milestones due within 90 days or overdue (a bestuursopdracht's is its punt's)
        """SELECT s.id, s.dossier_id, s.omschrijving, p.resultaat,
                  COALESCE(s.deadline, d.einddatum) AS uiterlijk
           FROM core_streefdoel s JOIN core_dossier d ON d.id = s.dossier_id
           LEFT JOIN afspraken_afspraakpunt p ON p.streefdoel_id = s.id
           WHERE s.dossier_id IN (SELECT dossier_id FROM core_partij
                                  WHERE organisatie_id = %(org)s)
             AND s.soort = 'mijlpaal' AND NOT s.vervallen AND s.bereikt_op IS NULL
             AND COALESCE(s.deadline, d.einddatum) <= current_date + 90""",
        """SELECT r.project_id, r.soort, r.venster_eind FROM projecten_rapportage r
           WHERE r.project_id IN (SELECT dossier_id FROM core_partij
                                  WHERE organisatie_id = %(org)s)
             AND r.ontvangen_op IS NULL AND r.venster_eind <= current_date + 90""",
        """SELECT j.dossier_id, j.jaar FROM core_jaaropgave j
           WHERE j.organisatie_id = %(org)s AND j.soort = 'realisatie'
             AND j.status IN ('ingediend', 'vastgesteld')""",
    ],
    "dashboard afspraak": [
        *_DOSSIER,
        """SELECT p.id, p.titel, p.resultaat, s.soort, s.waarde, s.deadline, s.bereikt_op,
                  o.titel
           FROM afspraken_afspraakpunt p JOIN core_onderdeel o ON o.id = p.onderdeel_id
           LEFT JOIN core_streefdoel s ON s.id = p.streefdoel_id
           WHERE p.afspraak_id = %(dossier)s""",
    ],
    "dashboard regiodeal": [
        *_DOSSIER,
        """SELECT f.id, f.naam, f.maximale_rijksbijdrage, f.minimale_regionale_financiering,
                  k.bron, sum(k.bedrag)
           FROM regiodeals_financieringspost f LEFT JOIN regiodeals_kosten k ON k.post_id = f.id
           WHERE f.regiodeal_id = %(dossier)s GROUP BY f.id, k.bron""",
        """SELECT r.id, r.omschrijving, s.soort, s.waarde, s.minimum, s.maximum, s.per_jaar,
                  s.deadline, s.bereikt_op, s.referentiewaarde, s.nulmeting, o.nummer,
                  w.jaar, sum(w.waarde)
           FROM regiodeals_beoogdresultaat r JOIN core_onderdeel o ON o.id = r.onderdeel_id
           JOIN core_streefdoel s ON s.id = r.streefdoel_id
           LEFT JOIN core_waarde w ON w.indicator_id = s.indicator_id AND w.soort = 'realisatie'
           WHERE r.regiodeal_id = %(dossier)s GROUP BY r.id, s.id, o.nummer, w.jaar""",
    ],
    "dashboard project": [
        *_DOSSIER,
        """SELECT l.gemeente_id, w.indicator_id, w.soort, sum(w.waarde) FROM core_waarde w
           JOIN core_locatie l ON l.id = w.locatie_id JOIN core_indicator i
             ON i.id = w.indicator_id
           WHERE i.dossier_id = %(dossier)s GROUP BY 1, 2, 3""",
        "SELECT * FROM projecten_fase WHERE project_id = %(dossier)s",
        "SELECT * FROM projecten_rapportage WHERE project_id = %(dossier)s",
    ],
    "vergelijking": [
        _met(
            DOSSIER,
            """SELECT w.indicator_id, w.organisatie_id, o.naam, w.soort, w.waarde
               FROM zichtbaar w JOIN core_indicator i ON i.id = w.indicator_id
               LEFT JOIN core_organisatie o ON o.id = w.organisatie_id
               WHERE i.uitsplitsing = 'organisatie'
                 AND w.jaar = (SELECT max(jaar) FROM zichtbaar)""",
        ),
        _met(
            DOSSIER,
            """SELECT w.indicator_id, w.soort, sum(w.waarde) FROM zichtbaar w
               WHERE w.organisatie_id IS NOT NULL AND w.jaar = (SELECT max(jaar) FROM zichtbaar)
               GROUP BY 1, 2""",
        ),
    ],
    "trend": [
        _met(
            DOSSIER,
            """SELECT w.indicator_id, w.jaar, w.soort, o.naam, l.naam, w.waarde
               FROM zichtbaar w JOIN core_indicator i ON i.id = w.indicator_id
               LEFT JOIN core_organisatie o ON o.id = w.organisatie_id
               LEFT JOIN core_locatie l ON l.id = w.locatie_id
               WHERE i.code = %(code)s OR i.deel_van_id =
                     (SELECT id FROM core_indicator WHERE dossier_id = %(dossier)s
                      AND code = %(code)s)""",
        ),
    ],
}


def time_sql(queries: list[str], params: dict) -> float:
    """The time to run the queries and fetch every row, once."""
    begin = time.perf_counter()
    with connection.cursor() as cursor:
        for sql in queries:
            cursor.execute(sql, params)
            cursor.fetchall()
    return time.perf_counter() - begin


# --- Excel: the same rows, written by openpyxl alone ------------------------------------


@dataclass
class Blad:
    """One sheet as the floor writes it: its rows, and what the sheet itself carries."""

    titel: str
    rijen: list[tuple]
    breedtes: dict[str, float] = field(default_factory=dict)
    bevroren: str | None = None
    filter: str | None = None


def rows_of(xlsx: bytes) -> list[Blad]:
    """Every sheet of a workbook as the floor's prepared list, so the floor writes the same
    cells: plain values, and a styled cell (a number, percentage or date with its format, a
    bold header) as the tuple (value, format, bold); the column widths, the frozen pane and
    the autofilter of each sheet."""
    workbook = load_workbook(io.BytesIO(xlsx))
    bladen = []
    for ws in workbook:
        rijen = [tuple(_cel(c) for c in rij) for rij in ws.iter_rows()]
        breedtes = {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth}
        bladen.append(Blad(ws.title, rijen, breedtes, ws.freeze_panes, ws.auto_filter.ref))
    return bladen


def _cel(c):
    opgemaakt = c.number_format != "General" and isinstance(c.value, int | float | datetime)
    if opgemaakt or c.font.b:
        return (c.value, c.number_format, bool(c.font.b))
    return c.value


def write_rows(bladen: list[Blad]) -> bytes:
    """openpyxl alone, in write-only mode, the ordinary way at its fastest: a styled cell
    reused per column, format and weight (a row is written when it is appended), one shared
    bold font, the sheet's widths, frozen pane and autofilter set as openpyxl offers them."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    vet = Font(bold=True)
    workbook = Workbook(write_only=True)
    for blad in bladen:
        ws = workbook.create_sheet(blad.titel)
        for kolom, breedte in blad.breedtes.items():
            ws.column_dimensions[kolom].width = breedte
        ws.freeze_panes = blad.bevroren
        opgemaakt: dict[tuple, WriteOnlyCell] = {}  # per column, format and weight
        for rij in blad.rijen:
            cellen = []
            for kolom, waarde in enumerate(rij):
                if isinstance(waarde, tuple):
                    sleutel = (kolom, waarde[1], waarde[2])
                    cel = opgemaakt.get(sleutel)
                    if cel is None:
                        cel = opgemaakt[sleutel] = WriteOnlyCell(ws)
                        cel.number_format = waarde[1]
                        if waarde[2]:
                            cel.font = vet
                    cel.value = waarde[0]
                    waarde = cel
                cellen.append(waarde)
            ws.append(cellen)
        if blad.filter:
            ws.auto_filter.ref = blad.filter
    uitvoer = io.BytesIO()
    workbook.save(uitvoer)
    return uitvoer.getvalue()


# --- PDF: the same rows as one plain table --------------------------------------------

PLAIN_CSS = """
@font-face { font-family: "PM Sans"; src: url("../fonts/DejaVuSans.ttf"); }
@page { size: A4; margin: 20mm 18mm; }
html { font-family: "PM Sans"; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; }
td { border-bottom: 0.5pt solid #999; padding: 1.5pt 3pt; }
"""


def plain_table_html(rijen: list[list[str]]) -> str:
    from django.utils.html import escape

    cellen = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in rij) + "</tr>" for rij in rijen
    )
    return f'<html lang="nl"><body><table>{cellen}</table></body></html>'


_WARM = {}


def render_plain(html: str) -> bytes:
    """WeasyPrint at its best in a warm process: the stylesheet and its fonts loaded once."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from rapportages.pdf import STATIC_BASE, StaticFetcher

    if not _WARM:
        _WARM["fetcher"] = StaticFetcher()
        _WARM["fonts"] = FontConfiguration()
        _WARM["css"] = CSS(
            string=PLAIN_CSS,
            base_url=f"{STATIC_BASE}css/",
            url_fetcher=_WARM["fetcher"],
            font_config=_WARM["fonts"],
        )
    document = HTML(string=html, base_url=STATIC_BASE, url_fetcher=_WARM["fetcher"])
    return document.write_pdf(stylesheets=[_WARM["css"]], font_config=_WARM["fonts"])


def table_rows(html: str) -> list[list[str]]:
    """The text of every table row of a document: a report's rows, for the plain table."""
    from html.parser import HTMLParser

    class Rijen(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rijen, self.rij, self.cel = [], None, None

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.rij = []
            elif tag in ("td", "th") and self.rij is not None:
                self.cel = []

        def handle_endtag(self, tag):
            if tag in ("td", "th") and self.cel is not None:
                self.rij.append(" ".join("".join(self.cel).split()))
                self.cel = None
            elif tag == "tr" and self.rij is not None:
                self.rijen.append(self.rij)
                self.rij = None

        def handle_data(self, data):
            if self.cel is not None:
                self.cel.append(data)

    parser = Rijen()
    parser.feed(html)
    return parser.rijen


def pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)
