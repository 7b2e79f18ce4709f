"""The sheets every report has (Samenvatting, Streefdoelen, Bevindingen) and the tranche's
deals with their total."""

from core.gegevens import text_cell

from .tabel import VET, Tabel

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


def samenvatting(wb, c: dict, bladen: dict[str, str]) -> None:
    """What the report is, and which sheet holds each chapter of the PDF."""
    rapport = c["rapport"]
    t = Tabel(
        wb, "Samenvatting", [("Gegeven", 28), ("Waarde", 80), ("Tabblad", 24)], "Geen gegevens."
    )
    t.rij(["Onderwerp", rapport.onderwerp])
    t.rij(["Jaar", rapport.jaar])
    t.rij(["Status", c.get("versie_status", "")])
    t.rij(["Versie", c.get("versie_nummer")])
    for i, h in enumerate(c["hoofdstukken"], start=1):
        t.rij([f"Hoofdstuk {i}", h.titel, bladen.get(h.anker)])
    t.sluit()


def streefdoelen(wb, regels: list, jaar: int, leeg: str) -> None:
    """One row per target with typed cells (numbers, years, dates); the same progress as the
    PDF's chapter, by the one rule."""
    koppen = [(kop.format(jaar=jaar), breedte) for kop, breedte in STREEFDOELKOPPEN]
    t = Tabel(wb, "Streefdoelen", koppen, leeg)
    for r in regels:
        doel, v, eenheid = r.doel, r.voortgang, r.eenheid
        t.rij(
            [
                r.thema,
                r.omschrijving,
                r.wie,
                r.soort,
                eenheid,
                t.getal(5, doel.waarde, eenheid),
                t.getal(6, doel.minimum, eenheid),
                t.getal(7, doel.maximum, eenheid),
                doel.startjaar,
                doel.eindjaar,
                t.datum(10, doel.uiterlijk if doel.soort == doel.Soort.MIJLPAAL else None),
                t.datum(11, doel.bereikt_op),
                doel.referentie,
                t.getal(13, doel.referentiewaarde, eenheid),
                t.getal(14, doel.nulmeting, eenheid),
                doel.nulmeting_jaar,
                t.getal(16, v.gerealiseerd, eenheid),
                t.getal(17, v.verwacht, eenheid),
                r.status,
                t.getal(19, v.vorige_periode, eenheid),
                r.doeltekst,
                r.context,
            ]
        )
    t.sluit()


def deals(wb, c: dict) -> None:
    """The tranche's table as on its web page: the deals per landsdeel in the letter's order,
    a "Subtotaal <landsdeel>" row after each (inside the filter, with the landsdeel, so
    filtering on a landsdeel keeps its subtotal), the "Totaal" row below; a deal without
    costs leaves them empty, never 0. Then the rules and their checks on a sheet of their own."""
    tabel = c["tranchetabel"]
    t = Tabel(
        wb,
        "Deals",
        [
            ("Regio Deal", 50),
            ("Landsdeel", 14),
            ("Nummer in de brief", 10),
            ("Status", 20),
            ("Maximale Rijksbijdrage", 22),
            (f"Gerealiseerde kosten t/m {c['jaar']}", 22),
            ("Rijksbijdrage verschuldigd", 22),
        ],
        "Deze tranche heeft nog geen deals.",
    )

    def bedragen(r) -> list:
        return [
            t.getal(4, r.maximale_rijksbijdrage, "euro"),
            t.getal(5, r.kosten, "euro"),
            t.getal(6, r.verschuldigd, "euro"),
        ]

    for groep in tabel.groepen:
        for r in groep.regels:
            deal = r.deal
            t.rij(
                [deal.titel, groep.naam, deal.volgnummer, deal.get_status_display(), *bedragen(r)]
            )
        label = text_cell(t.ws, f"Subtotaal {groep.naam}")
        label.font = VET
        t.rij([label, groep.naam, None, None, *bedragen(groep)])
    t.sluit([None, None, None, *bedragen(tabel)])
    _regels(wb, tabel.toetsen)


def _regels(wb, toetsen: list) -> None:
    t = Tabel(
        wb,
        "Regels tranche",
        [
            ("Regel", 20),
            ("Grens", 18),
            ("Toets", 26),
            ("Bedrag", 18),
            ("Voldaan", 10),
            ("Uitkomst", 70),
        ],
        "Voor deze tranche zijn geen regels vastgelegd.",
    )
    for toets in toetsen:
        t.rij(
            [
                toets.regel,
                t.getal(1, toets.grens, "euro"),
                toets.gemeten,
                t.getal(3, toets.waarde, "euro"),
                "ja" if toets.voldaan else "nee",
                toets.uitkomst,
            ]
        )
    t.sluit()


def bevindingen(wb, c: dict) -> None:
    t = Tabel(
        wb,
        "Bevindingen",
        [("Bevinding", 120)],
        "Geen bevindingen: de toetsing van de cijfers en de geldregels gaf niets te melden.",
    )
    tabel, financien = c.get("tabel"), c.get("financien")
    for b in [
        *(tabel.bevindingen if tabel else []),
        *(financien.bevindingen if financien else []),
        *c.get("tranche_bevindingen", []),
    ]:
        t.rij([b.wat])
    t.sluit()
