"""Regio Deals: tranches of ten, action lines, intended results with figures, costs."""

import datetime
from decimal import Decimal

from core.models import Dossier, Indicator, Jaaropgave, Locatie, Onderdeel, Partij, Waarde
from regiodeals.models import (
    BeoogdResultaat,
    Bron,
    Doel,
    Financieringspost,
    Kosten,
    Landsdeel,
    Overleg,
    Regiodeal,
    Tranche,
)

from ..schrijver import maak, schrijf
from ..stand import EIND_JAAR, PREFIX, Stand
from .basis import (
    MILJOEN,
    OPGAVE_VELDEN,
    WAARDE_VELDEN,
    in_batches,
    maak_dossiers,
    opgave_status,
    realisatie,
)
from .streefdoelen import bewaar, resultaat_doel


def maak_deals(stand: Stand) -> tuple[int, int]:
    omvang = stand.omvang
    eerste_tranche = max([100, *Tranche.objects.values_list("nummer", flat=True)]) + 1
    tranches = maak(
        Tranche,
        [
            Tranche(
                nummer=eerste_tranche + n,
                naam=f"Tranche {eerste_tranche + n} (volume)",
                envelop=250 * MILJOEN,
                minimale_rijksbijdrage=5 * MILJOEN,
                maximale_rijksbijdrage=40 * MILJOEN,
            )
            for n in range((omvang.deals + 9) // 10)
        ],
    )
    cijfers = in_batches("deal", omvang.deals, lambda b, begin: _deals(stand, b, begin, tranches))
    return omvang.deals, cijfers


def _deals(stand: Stand, batch: range, begin: int, tranches: list[Tranche]) -> int:
    omvang = stand.omvang
    eerste = EIND_JAAR - omvang.deal_jaren + 1
    penvoerders = {j: stand.gemeenten[(j * 4) % len(stand.gemeenten)] for j in batch}
    dossiers = maak_dossiers(
        Dossier.Soort.REGIODEAL,
        [
            {
                "titel": f"Regio Deal {penvoerders[j].naam.removeprefix('Gemeente ')} e.o.",
                "slug": f"{PREFIX}-deal-{begin + j}",
                "samenvatting": "Een gegenereerde Regio Deal.",
                "startdatum": datetime.date(eerste, 1, 1),
                "einddatum": datetime.date(EIND_JAAR, 12, 31),
                "penvoerder": penvoerders[j],
            }
            for j in batch
        ],
    )
    slugs = {d.pk: d.slug for d in dossiers}
    landsdelen = list(Landsdeel.values)
    schrijf(
        Regiodeal,
        [
            "dossier_ptr_id",
            "tranche_id",
            "volgnummer",
            "landsdeel",
            "maximale_rijksbijdrage",
            "status",
            "regio",
        ],
        (
            (
                d.pk,
                tranches[j // 10].pk,
                j % 10 + 1,
                landsdelen[j % len(landsdelen)],
                (5 + (begin + j) % 36) * MILJOEN,
                Regiodeal.Status.LOPEND,
                penvoerders[j].naam,
            )
            for j, d in zip(batch, dossiers, strict=True)
        ),
    )
    schrijf(
        Partij,
        ["dossier_id", "organisatie_id", "rol", "omschrijving", "volgorde"],
        (
            rij
            for j, d in zip(batch, dossiers, strict=True)
            for rij in [
                (d.pk, penvoerders[j].pk, "partij", "regiokassier", 0),
                (d.pk, stand.ministeries[j % len(stand.ministeries)].pk, "partij", "Rijk", 1),
                (d.pk, stand.corporaties[j % len(stand.corporaties)].pk, "partner", "", 2),
            ]
        ),
    )
    lijnen = maak(
        Onderdeel,
        [
            Onderdeel(dossier=d, nummer=str(n + 1), titel=f"Actielijn {n + 1}", volgorde=n)
            for d in dossiers
            for n in range(omvang.actielijnen)
        ],
    )
    maak(Locatie, [Locatie(dossier=d, naam=f"Wijk {n + 1}") for d in dossiers for n in range(8)])
    maak(Doel, [Doel(thema=lijn, tekst=f"Doel van {lijn.titel.lower()}") for lijn in lijnen])
    items = maak(
        Indicator,
        [
            Indicator(
                dossier_id=lijnen[n % omvang.actielijnen + d * omvang.actielijnen].dossier_id,
                onderdeel=lijnen[n % omvang.actielijnen + d * omvang.actielijnen],
                code=f"r{n + 1}",
                naam=f"Resultaat {n + 1}",
                eenheid="aantal",
                volgorde=n,
            )
            for d in range(len(dossiers))
            for n in range(omvang.resultaten)
        ],
    )
    # every kind of target over the results (volume.dossiers.streefdoelen), the result
    # pointing at its own; a range is judged by its target, not by a norm on the item
    deadline = datetime.date(EIND_JAAR, 6, 30)
    doelen = bewaar([resultaat_doel(item, omvang.deal_jaren, deadline) for item in items])
    maak(
        BeoogdResultaat,
        [
            BeoogdResultaat(
                regiodeal_id=item.dossier_id,
                onderdeel=item.onderdeel,
                omschrijving=f"{item.naam} van {item.onderdeel.titel.lower()}",
                streefdoel=doel,
                volgorde=item.volgorde,
            )
            for item, doel in zip(items, doelen, strict=True)
        ],
    )
    posten = maak(
        Financieringspost,
        [
            Financieringspost(
                regiodeal_id=lijn.dossier_id,
                actielijn=lijn,
                naam=lijn.titel,
                maximale_rijksbijdrage=MILJOEN,
                minimale_regionale_financiering=MILJOEN,
                volgorde=lijn.volgorde,
            )
            for lijn in lijnen
        ]
        + [
            Financieringspost(
                regiodeal_id=d.pk,
                naam="Uitvoeringskosten",
                is_uitvoeringskosten=True,
                maximale_rijksbijdrage=Decimal(25_000),
                minimale_regionale_financiering=Decimal(25_000),
                volgorde=omvang.actielijnen,
            )
            for d in dossiers
        ],
    )
    jaren = range(eerste, EIND_JAAR + 1)
    kosten = {p.pk: stand.rng("kosten", f"{slugs[p.regiodeal_id]}/{p.volgorde}") for p in posten}
    schrijf(
        Kosten,
        ["post_id", "jaar", "bron", "bedrag"],
        (
            (p.pk, jaar, bron, Decimal(kosten[p.pk].randint(10, 300) * 1_000))
            for p in posten
            for jaar in jaren
            for bron in Bron.values
        ),
    )
    schrijf(
        Overleg,
        ["regiodeal_id", "datum", "besluiten"],
        (
            (d.pk, datetime.date(jaar, 6, 1), "Voortgang besproken.")
            for d in dossiers
            for jaar in jaren
        ),
    )
    schrijf(
        Jaaropgave,
        OPGAVE_VELDEN,
        (
            (d.pk, penvoerders[j].pk, jaar, soort, opgave_status(jaar, soort, True))
            for j, d in zip(batch, dossiers, strict=True)
            for jaar in jaren
            for soort in ("plan", "realisatie")
        ),
    )

    def waarden():
        for item in items:
            rng = stand.rng("resultaat", f"{slugs[item.dossier_id]}/{item.code}")
            for jaar in jaren:
                plan = Decimal(rng.randint(1, 6))
                yield (item.pk, jaar, "plan", None, None, plan)
                yield (item.pk, jaar, "realisatie", None, None, realisatie(rng, plan, "aantal"))

    return schrijf(Waarde, WAARDE_VELDEN, waarden())
