"""Importing the structure of a 200-item dossier from its workbook takes under 5 seconds
(docs/performance.md); the queries grow with the rows, not worse."""

import datetime
import time
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import Dossier, Indicator, Rol
from inrichting.structuur.gegevens import Structuur, lees
from inrichting.structuur.invoer import importeer_werkboek
from inrichting.structuur.werkboek import schrijf

AANTAL = 200


def _structuur(penvoerder: str, partijen: list[str]) -> Structuur:
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
    for n in range(AANTAL):
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


def test_a_200_item_structure_is_imported_in_under_five_seconds(organisatie_factory, user_factory):
    gemeente = organisatie_factory("Gemeente Groot", "gemeente")
    corporaties = [organisatie_factory(f"Corporatie {n}") for n in range(5)]
    coordinator = user_factory("groot-coordinator", gemeente, Rol.COORDINATOR)
    structuur = _structuur(gemeente.slug, [gemeente.slug, *(c.slug for c in corporaties)])
    inhoud = schrijf(structuur)

    begin = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        dossier = importeer_werkboek(naam="groot.xlsx", inhoud=inhoud, door=coordinator)
    duur = time.perf_counter() - begin
    print(
        f"\n200 items, 100 streefdoelen, 100 afspraakpunten: {duur:.2f} s, {len(queries)} queries"
    )

    assert Indicator.objects.filter(dossier=dossier).count() == AANTAL
    assert Dossier.objects.get(pk=dossier.pk).in_opbouw
    gelezen = lees(dossier)
    assert gelezen.bladen["Items"] == structuur.bladen["Items"]
    assert gelezen.bladen["Streefdoelen"] == structuur.bladen["Streefdoelen"]
    assert duur < 5
    assert len(queries) < 25 * (AANTAL + 100 + 100)
