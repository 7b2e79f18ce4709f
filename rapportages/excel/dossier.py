"""The sheets of a dossier's chapters: figures, intended results, finances, meetings, norms,
agreement items, phases and outputs. Each is one table (`Tabel`)."""

from .tabel import Tabel


def cijfers(wb, c: dict, jaar: int) -> None:
    t = Tabel(
        wb,
        "Cijfers",
        [
            ("Niveau", 8),
            ("Onderwerp", 44),
            ("Organisatie of locatie", 26),
            ("Eenheid", 10),
            ("Plan", 16),
            ("Realisatie", 16),
            ("Som van de delen (realisatie)", 20),
            ("Status", 18),
            ("Toelichting", 60),
        ],
        f"Nog geen cijfers over {jaar}.",
    )
    for r in c["cijfers"]:
        if r.plan is None and r.realisatie is None and r.delen_som is None:
            continue
        t.rij(
            [
                r.diepte + 1,
                r.onderwerp or None,
                r.wie or None,
                r.eenheid,
                t.getal(4, r.plan, r.eenheid),
                t.getal(5, r.realisatie, r.eenheid),
                t.getal(6, r.delen_som, r.eenheid),
                r.status or None,
                r.toelichting or None,
            ]
        )
    t.sluit()


def _doelkolommen(t: Tabel, begin: int, regel) -> list:
    """Streefwaarde, Minimum, Maximum and Uiterlijk of a target, typed; empty without one."""
    if regel is None:
        return [None] * 4
    doel, eenheid = regel.doel, regel.eenheid
    return [
        t.getal(begin, doel.waarde, eenheid),
        t.getal(begin + 1, doel.minimum, eenheid),
        t.getal(begin + 2, doel.maximum, eenheid),
        t.datum(begin + 3, doel.uiterlijk if doel.soort == doel.Soort.MIJLPAAL else None),
    ]


def resultaten(wb, c: dict) -> None:
    """Action lines (level 1), their projects (level 2), each with the year's narrative, and
    their intended results one level deeper, with the target in words and typed."""
    t = Tabel(
        wb,
        "Resultaten",
        [
            ("Niveau", 8),
            ("Nummer", 9),
            ("Actielijn, project of beoogd resultaat", 50),
            ("Voortgang", 60),
            ("Doel", 30),
            ("Streefwaarde", 13),
            ("Minimum", 11),
            ("Maximum", 11),
            ("Uiterlijk", 12),
            ("Gerealiseerd", 13),
            ("Eenheid", 10),
            ("Status", 18),
        ],
        "Deze Regio Deal heeft geen actielijnen of projecten.",
    )
    doel_van = _doelen_van_resultaten(c.get("streefdoelen", []))
    niveaus: dict[int, int] = {}
    for onderdeel, tekst, regels in c["onderdelen"]:
        hoofd = onderdeel.hoofdonderdeel_id
        niveau = niveaus[onderdeel.pk] = niveaus.get(hoofd, 1) + 1 if hoofd else 1
        t.rij([niveau, onderdeel.nummer or None, onderdeel.titel, tekst or None])
        for r in regels:
            regel = doel_van.get((onderdeel.pk, r.omschrijving))
            t.rij(
                [
                    niveau + 1,
                    r.nummer or None,
                    r.omschrijving or None,
                    None,
                    r.doel or None,
                    *_doelkolommen(t, 5, regel),
                    t.getal(9, r.gerealiseerd, r.eenheid),
                    r.eenheid,
                    r.status or None,
                ]
            )
    t.sluit()


def _doelen_van_resultaten(regels) -> dict:
    """The target of each intended result by (action line, description), from the report's
    targets (a beoogd resultaat's `Plaats` carries its line's number; an item's does not)."""
    doel_van = {}
    for regel in regels:
        plaats = regel.plaats
        sleutel = (getattr(plaats.onderdeel, "pk", None), plaats.titel)
        if plaats.onderdeel is not None and (plaats.nummer or sleutel not in doel_van):
            doel_van[sleutel] = regel
    return doel_van


def op_schema(wb, c: dict) -> None:
    t = Tabel(
        wb,
        "Op schema",
        [("Status", 24), ("Aantal resultaten", 18)],
        "Nog geen beoogde resultaten om te tellen.",
    )
    for status, aantal in c.get("op_schema", {}).items():
        t.rij([status, aantal])
    t.sluit([sum(c.get("op_schema", {}).values())])


FINANCIEN = [
    ("Uitvoeringsactiviteiten", 34),
    ("Maximale Rijksbijdrage", 20),
    ("Minimale regionale financiering", 24),
    ("Totaal gepland", 18),
    ("Gerealiseerde kosten", 20),
    ("Rijksbijdrage verschuldigd", 22),
    ("Regionaal gerealiseerd", 22),
]


def financien(wb, c: dict) -> None:
    t = Tabel(wb, "Financiën", FINANCIEN, "Nog geen financieringsposten vastgelegd.")
    f = c.get("financien")
    for r in f.regels if f else []:
        p = r.post
        bedragen = (
            p.maximale_rijksbijdrage,
            p.minimale_regionale_financiering,
            r.totaal_gepland,
            r.gerealiseerd,
            r.rijksbijdrage,
            r.regionaal,
        )
        t.rij([p.naam, *(t.getal(i + 1, v, "euro") for i, v in enumerate(bedragen))])
    if f:
        bedragen = (
            f.maximale_rijksbijdrage,
            f.minimale_regionale_financiering,
            f.totaal_gepland,
            f.gerealiseerd,
            f.rijksbijdrage,
            f.regionaal,
        )
        t.sluit([t.getal(i + 1, v, "euro") for i, v in enumerate(bedragen)])
    else:
        t.sluit()


def bestuur(wb, c: dict, jaar: int) -> None:
    t = Tabel(
        wb,
        "Wijzigingen en overleg",
        [("Soort", 26), ("Datum", 12), ("Titel", 40), ("Omschrijving of besluiten", 90)],
        f"Geen Rijk-Regio-overleg en geen wijzigingen van het convenant in {jaar}.",
    )
    for o in c.get("overleggen", []):
        t.rij(["Rijk-Regio-overleg", t.datum(1, o.datum), None, o.besluiten or None])
    for w in c.get("wijzigingen", []):
        t.rij(["Wijziging (art. 11)", t.datum(1, w.datum), w.titel or None, w.omschrijving or None])
    t.sluit()


def bod(wb, c: dict, jaar: int) -> None:
    """As the PDF and the dashboard (core.bod): bod → afgesproken → gerealiseerd."""
    t = Tabel(
        wb,
        "Bod",
        [
            ("Onderwerp", 44),
            ("Organisatie of locatie", 26),
            ("Eenheid", 10),
            ("Bod", 16),
            ("Afgesproken", 16),
            ("Gerealiseerd", 16),
            ("Afspraak min bod", 18),
        ],
        f"Geen bod over {jaar}.",
    )
    for r in c.get("bod", []):
        eenheid = r.indicator.eenheid
        t.rij(
            [
                r.indicator.naam,
                str(r.wie) if r.wie else None,
                eenheid,
                t.getal(3, r.bod, eenheid),
                t.getal(4, r.afgesproken, eenheid),
                t.getal(5, r.gerealiseerd, eenheid),
                t.getal(6, r.verschil, eenheid),
            ]
        )
    t.sluit()


def normen(wb, c: dict, jaar: int) -> None:
    """As the PDF: "gehaald" only on a realisation, on a plan whether the plan meets the norm."""
    t = Tabel(
        wb,
        "Normen",
        [("Onderwerp", 40), ("Norm", 50), ("Soort", 12), ("Gemeten", 12), ("Uitkomst", 36)],
        f"Geen normen van toepassing op {jaar}.",
    )
    for naam, u, zonder_realisatie in c.get("normregels", []):
        eenheid = "procent" if u.regel.soort == "aandeel" else "aantal"
        uitkomst = f"{u.uitkomst}; nog geen realisatie" if zonder_realisatie else u.uitkomst
        t.rij(
            [
                f"{naam} ({u.wie})" if naam and u.wie else naam or None,
                u.regel.beschrijving(),
                u.soort,
                t.getal(3, u.waarde, eenheid),
                uitkomst,
            ]
        )
    t.sluit()


def afspraakpunten(wb, c: dict) -> None:
    t = Tabel(
        wb,
        "Afspraakpunten",
        [
            ("Thema", 30),
            ("Afspraak", 50),
            ("Op te leveren", 50),
            ("Termijn", 30),
            ("Uiterlijk", 12),
            ("Status", 18),
        ],
        "Geen afspraakpunten vastgelegd.",
    )
    per_doel = {regel.doel.pk: regel for regel in c.get("streefdoelen", [])}
    for onderdeel, regels in c.get("puntregels", {}).items():
        for r in regels:
            regel = per_doel.get(r.punt.streefdoel_id)
            doel = regel.doel if regel else None
            uiterlijk = doel.uiterlijk if doel and doel.soort == doel.Soort.MIJLPAAL else None
            t.rij(
                [
                    str(onderdeel) if onderdeel else None,
                    r.punt.titel or None,
                    r.punt.resultaat or None,
                    r.deadline or None,
                    t.datum(4, uiterlijk),
                    r.status or None,
                ]
            )
    t.sluit()


def fasen(wb, c: dict) -> None:
    t = Tabel(
        wb,
        "Fasen",
        [("Nummer", 9), ("Fase", 40), ("Start", 12), ("Eind", 12), ("Periode", 30)],
        "Geen fasen vastgelegd.",
    )
    for f in c.get("fasen", []):
        t.rij([f.nummer, f.titel, t.datum(2, f.start), t.datum(3, f.eind), f.periode_tekst or None])
    t.sluit()
    t = Tabel(
        wb,
        "Rapportages",
        [("Rapportage", 24), ("Venster vanaf", 14), ("Venster tot", 14), ("Ontvangen op", 14)],
        "Geen rapportages vastgelegd.",
    )
    for r in c.get("rapportages", []):
        t.rij(
            [
                r.get_soort_display(),
                t.datum(1, r.venster_start),
                t.datum(2, r.venster_eind),
                t.datum(3, r.ontvangen_op),
            ]
        )
    t.sluit()


def output(wb, c: dict) -> None:
    t = Tabel(
        wb,
        "Output",
        [("Per", 10), ("Gemeente of kern", 30), ("Item", 40), ("Plan", 12), ("Realisatie", 12)],
        "Nog geen output per gemeente of kern vastgelegd.",
    )
    indicatoren = c.get("indicatoren", [])
    for titel, rijen in c.get("output_tabellen", []):
        per = titel.rsplit(" ", 1)[-1]
        for naam, cellen in rijen:
            for indicator, cel in zip(indicatoren, cellen, strict=False):
                if cel.get("plan") is None and cel.get("realisatie") is None:
                    continue  # the PDF's "– / –": no row in a table to filter
                t.rij(
                    [
                        per,
                        naam,
                        indicator.naam,
                        t.getal(3, cel.get("plan"), indicator.eenheid),
                        t.getal(4, cel.get("realisatie"), indicator.eenheid),
                    ]
                )
    t.sluit()
