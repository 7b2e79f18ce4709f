"""A made-up agreement structure of any size, for the structure import's test and benchmark."""

import datetime
from decimal import Decimal

from inrichting.structuur.gegevens import Structuur

AANTAL = 200


def grote_structuur(penvoerder: str, partijen: list[str], aantal: int = AANTAL) -> Structuur:
    """An agreement of `aantal` items under 10 themes (nine in ten a part of a total), a norm
    per ten items, and a term target with its agreement item for every second item."""
    onderdelen = [
        {
            "nummer": str(n),
            "titel": f"Thema {n}",
            "omschrijving": "",
            "hoofdonderdeel": "",
            "volgorde": n,
        }
        for n in range(1, 11)
    ]
    items, normen, doelen, punten = [], [], [], []
    for n in range(aantal):
        totaal = n % 10 == 0
        items.append(
            {
                "code": f"item-{n}",
                "naam": f"Item {n}",
                "onderdeel": str(n % 10 + 1),
                "eenheid": "aantal",
                "richting": "hoger",
                "meetdefinitie": "",
                "uitsplitsing": "organisatie" if n % 3 else "geen",
                "deel_van": "" if totaal else f"item-{n - n % 10}",
                "is_waarvan": False,
                "uitsplitsing_van": "",
                "mag_negatief": False,
                "laatste_jaar": None,
                "volgorde": n,
            }
        )
        if n % 10 == 1:
            normen.append(
                {
                    "item": f"item-{n}",
                    "soort": "aandeel",
                    "ondergrens": Decimal(10),
                    "bovengrens": Decimal(90),
                    "ten_opzichte_van": f"item-{n - 1}",
                    "omschrijving": "",
                }
            )
        if n % 2 == 0:
            nummer = len(doelen) + 1
            doelen.append(
                {
                    "nummer": nummer,
                    "item": f"item-{n}",
                    "organisatie": "",
                    "soort": "looptijd",
                    "omschrijving": f"Doel {nummer}",
                    "waarde": Decimal(100 + n),
                    "minimum": None,
                    "maximum": None,
                    "per_jaar": False,
                    "van_jaar": None,
                    "tot_en_met_jaar": None,
                    "eenheid": "",
                    "richting": "",
                    "deadline": None,
                    "bereikt_op": None,
                    "referentie": "",
                    "referentiewaarde": None,
                    "nulmeting": None,
                    "nulmeting_jaar": None,
                    "bron": "",
                    "vervallen": False,
                    "volgorde": nummer,
                }
            )
            punten.append(
                {
                    "onderdeel": str(n % 10 + 1),
                    "soort": "afspraak",
                    "titel": f"Afspraak {nummer}",
                    "tekst": "",
                    "trekkers": partijen[:1],
                    "trekker_omschrijving": "",
                    "resultaat": "",
                    "deadline_omschrijving": "",
                    "status": "lopend",
                    "streefdoel": nummer,
                    "volgorde": nummer,
                }
            )
    return Structuur(
        dossier={
            "soort": "afspraak",
            "titel": "Prestatieafspraken Groot 2026–2029",
            "korte_naam": "Groot 2026–2029",
            "slug": "groot-2026-2029",
            "samenvatting": "",
            "startdatum": datetime.date(2026, 1, 1),
            "einddatum": datetime.date(2029, 12, 31),
            "penvoerder": penvoerder,
            "soort_afspraak": "prestatieafspraken",
            "overlegorgaan": "",
            "voorzitter": "",
        },
        bladen={
            "Partijen": [
                {
                    "organisatie": slug,
                    "rol": "partij",
                    "omschrijving": "",
                    "levert_cijfers": True,
                    "volgorde": n,
                }
                for n, slug in enumerate(partijen)
            ],
            "Onderdelen": onderdelen,
            "Locaties": [],
            "Items": items,
            "Meetdefinities": [],
            "Normen": normen,
            "Streefdoelen": doelen,
            "Afspraakpunten": punten,
        },
    )
