"""The three kinds of dossier of `volume.generator`, each in batches of `BATCH` dossiers.

Each builder returns (dossiers made, figures made). Figures follow a plan with some growth per
year and a realisation around it, so every status occurs; now and then a reported total is not
the sum of its parts, a share norm is missed or the last year is not realised yet, as in the
source documents.
"""

import datetime
from decimal import Decimal

from afspraken.models import Afspraak, Afspraakpunt
from core.models import Dossier, Indicator, Jaaropgave, Locatie, Norm, Onderdeel, Partij, Waarde
from projecten.models import Actie, Fase, Kern, Project, Projectonderdeel, Rapportage
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

from .schrijver import maak, schrijf
from .stand import EIND_JAAR, PREFIX, Stand

BATCH = 50
MILJOEN = Decimal(1_000_000)
THEMAS = [
    ("Wonen en zorg", ["Nultredenwoningen", "Zorgwoningen", "Aanpassingen", "Woningen"]),
    ("Beschikbaarheid", ["Verhuringen", "Urgent", "Aanbodmodel", "Nieuwbouw"]),
    ("Betaalbaarheid en duurzaamheid", ["Investeringen", "Isolatie", "Zonnepanelen", "Labels"]),
    ("Woonmilieus", ["Sloop", "Verkoop", "Verbeteringen", "Herstructurering"]),
    ("Leefbaarheid", ["Leefbaarheidsbudget", "Buurtbeheer", "Wijkprojecten", "Overlast"]),
]
WAARDE_VELDEN = ["indicator_id", "jaar", "soort", "organisatie_id", "locatie_id", "waarde"]
OPGAVE_VELDEN = ["dossier_id", "organisatie_id", "jaar", "soort", "status"]


def _dossiers(soort: str, rijen: list[dict]) -> list[Dossier]:
    return maak(Dossier, [Dossier(soort=soort, **rij) for rij in rijen])


def _batches(aantal: int):
    for begin in range(0, aantal, BATCH):
        yield range(begin, min(begin + BATCH, aantal))


def _nummer(slug: str) -> int:
    return int(slug.rsplit("-", 1)[1])


def _rond(waarde: float, eenheid: str) -> Decimal:
    return Decimal(round(waarde * 100)) / 100 if eenheid == "euro" else Decimal(round(waarde))


def _realisatie(rng, plan: Decimal, eenheid: str) -> Decimal:
    return _rond(float(plan) * rng.uniform(0.6, 1.4), eenheid)


def _opgave_status(jaar: int, soort: str, gerealiseerd: bool) -> str:
    if jaar < EIND_JAAR - 1:
        return Jaaropgave.Status.VASTGESTELD
    if jaar == EIND_JAAR and soort == "realisatie" and not gerealiseerd:
        return Jaaropgave.Status.CONCEPT
    return Jaaropgave.Status.INGEDIEND


# --- Prestatieafspraken -------------------------------------------------------------


def maak_afspraken(stand: Stand) -> tuple[int, int]:
    omvang = stand.omvang
    begin = Dossier.objects.filter(slug__startswith=f"{PREFIX}-afspraak-").count()
    cijfers = 0
    for batch in _batches(omvang.afspraken):
        cijfers += _afspraken(stand, batch, begin)
    return omvang.afspraken, cijfers


def _afspraken(stand: Stand, batch: range, begin: int) -> int:
    omvang = stand.omvang
    eerste = EIND_JAAR - omvang.jaren + 1
    pool = stand.corporaties
    dossiers = _dossiers(
        Dossier.Soort.AFSPRAAK,
        [
            {
                "titel": f"Prestatieafspraken {stand.gemeenten[i].naam.removeprefix('Gemeente ')} "
                f"{eerste}–{EIND_JAAR}",
                "slug": f"{PREFIX}-afspraak-{begin + i}",
                "startdatum": datetime.date(eerste, 1, 1),
                "einddatum": datetime.date(EIND_JAAR, 12, 31),
                "penvoerder": stand.gemeenten[i],
            }
            for i in batch
        ],
    )
    slugs = {d.pk: d.slug for d in dossiers}
    schrijf(
        Afspraak,
        ["dossier_ptr_id", "soort_afspraak", "overlegorgaan", "voorzitter"],
        (
            (
                d.pk,
                Afspraak.Soort.PRESTATIEAFSPRAKEN,
                "Bestuurlijk overleg wonen",
                "wethouder wonen",
            )
            for d in dossiers
        ),
    )
    partijen = {
        d.pk: [
            stand.gemeenten[i],
            *(pool[(i * omvang.corporaties_per_afspraak + k) % len(pool)] for k in range(3)),
        ][: omvang.corporaties_per_afspraak + 1]
        for i, d in zip(batch, dossiers, strict=True)
    }
    schrijf(
        Partij,
        ["dossier_id", "organisatie_id", "rol", "volgorde"],
        (
            (d, o.pk, Partij.Rol.PARTIJ, n)
            for d, orgs in partijen.items()
            for n, o in enumerate(orgs)
        ),
    )
    themas = maak(
        Onderdeel,
        [
            Onderdeel(dossier=d, nummer=str(t + 1), titel=THEMAS[t % len(THEMAS)][0], volgorde=t)
            for d in dossiers
            for t in range(omvang.themas)
        ],
    )
    items = _afspraak_items(stand, themas)
    punten = [
        Afspraakpunt(
            afspraak_id=thema.dossier_id,
            onderdeel=thema,
            soort=soort,
            titel=f"{titel} {thema.titel.lower()}",
            resultaat=f"{titel} opgeleverd" if soort == "bestuursopdracht" else "",
            deadline=datetime.date(
                eerste
                + (_nummer(slugs[thema.dossier_id]) + int(thema.nummer) + n) % (omvang.jaren + 1),
                12,
                31,
            ),
            deadline_omschrijving="eind van het jaar",
            volgorde=n,
        )
        for thema in themas
        for n, (soort, titel) in enumerate(
            [("bestuursopdracht", "Actieplan"), ("afspraak", "Samenwerking")]
        )
    ]
    maak(Afspraakpunt, punten)
    gerealiseerd = {d.pk: stand.rng("afspraak", d.slug).random() < 0.7 for d in dossiers}
    schrijf(
        Jaaropgave,
        OPGAVE_VELDEN,
        (
            (d, o.pk, jaar, soort, _opgave_status(jaar, soort, gerealiseerd[d]))
            for d, orgs in partijen.items()
            for o in orgs
            for jaar in range(eerste, EIND_JAAR + 1)
            for soort in ("plan", "realisatie")
        ),
    )
    return schrijf(
        Waarde,
        WAARDE_VELDEN,
        _afspraak_waarden(stand, items, partijen, gerealiseerd, eerste, slugs),
    )


def _afspraak_items(stand: Stand, themas: list[Onderdeel]) -> list[Indicator]:
    """Per theme: a total, two parts of it, items split per corporation (the first three with
    a reported total). The first theme's first part has a share norm, as aanbodmodel ≥ 45 %."""
    omvang = stand.omvang
    totalen, rest = [], []
    for thema in themas:
        namen_ = THEMAS[(int(thema.nummer) - 1) % len(THEMAS)][1]
        eenheid = "euro" if thema.titel.startswith("Betaalbaarheid") else "aantal"
        for k in range(omvang.items_per_thema):
            soort = omvang.soort_item(k)
            item = Indicator(
                dossier_id=thema.dossier_id,
                onderdeel=thema,
                code=f"t{thema.nummer}-i{k}",
                naam=f"{namen_[k % len(namen_)]} {k // len(namen_) + 1}" if k else thema.titel,
                eenheid=eenheid,
                uitsplitsing="organisatie" if soort.startswith("gesplitst") else "geen",
                volgorde=int(thema.nummer) * 100 + k,
            )
            (totalen if soort == "totaal" else rest).append(item)
    maak(Indicator, totalen)
    per_thema = {t.onderdeel_id: t for t in totalen}
    for item in rest:
        if omvang.soort_item(int(item.code.split("-i")[1])) == "deel":
            item.deel_van = per_thema[item.onderdeel_id]
    maak(Indicator, rest)
    normen = [
        Norm(indicator=i, soort="aandeel", ondergrens=45, ten_opzichte_van=i.deel_van)
        for i in rest
        if i.code == "t1-i1" and i.deel_van
    ]
    maak(Norm, normen)
    return totalen + rest


def _afspraak_waarden(stand: Stand, items, partijen, gerealiseerd, eerste: int, slugs):
    per_thema: dict[int, list[Indicator]] = {}
    for item in items:
        per_thema.setdefault(item.onderdeel_id, []).append(item)
    for groep in per_thema.values():
        groep.sort(key=lambda i: i.volgorde)
        dossier = groep[0].dossier_id
        corporaties = [o.pk for o in partijen[dossier][1:]]
        rng = stand.rng("thema", f"{slugs[dossier]}/{groep[0].onderdeel.nummer}")
        basis = {i.pk: rng.randint(10, 400) * (5_000 if i.eenheid == "euro" else 1) for i in groep}
        for jaar in range(eerste, EIND_JAAR + 1):
            groei = 1 + 0.03 * (jaar - eerste)
            for soort in ("plan", "realisatie"):
                if soort == "realisatie" and jaar == EIND_JAAR and not gerealiseerd[dossier]:
                    continue
                yield from _thema_jaar(rng, groep, corporaties, basis, groei, jaar, soort)


def _thema_jaar(rng, groep, corporaties, basis, groei, jaar, soort):
    totaal, *rest = groep
    eenheid = totaal.eenheid

    def waarde(plan: float) -> Decimal:
        bedrag = _rond(plan, eenheid)
        return _realisatie(rng, bedrag, eenheid) if soort == "realisatie" else bedrag

    delen = [i for i in rest if i.deel_van_id]
    deelwaarden = [waarde(basis[totaal.pk] * groei / max(1, len(delen))) for _ in delen]
    som = sum(deelwaarden, Decimal(0))
    # a reported total that is not the sum of its parts, in about one in twelve
    opgegeven = som + (_rond(rng.randint(1, 20), eenheid) if rng.random() < 0.08 else 0)
    yield (totaal.pk, jaar, soort, None, None, opgegeven)
    for deel, bedrag in zip(delen, deelwaarden, strict=True):
        yield (deel.pk, jaar, soort, None, None, bedrag)
    for item in rest:
        if item.deel_van_id:
            continue
        per_corporatie = [
            waarde(basis[item.pk] * groei * (0.5 + n / 2)) for n in range(len(corporaties))
        ]
        for corporatie, bedrag in zip(corporaties, per_corporatie, strict=True):
            yield (item.pk, jaar, soort, corporatie, None, bedrag)
        if item.code.endswith(("-i3", "-i4", "-i5")):
            afwijking = _rond(rng.randint(1, 9), eenheid) if rng.random() < 0.08 else 0
            yield (item.pk, jaar, soort, None, None, sum(per_corporatie, Decimal(0)) + afwijking)


# --- Regio Deals --------------------------------------------------------------------


def maak_deals(stand: Stand) -> tuple[int, int]:
    omvang = stand.omvang
    begin = Dossier.objects.filter(slug__startswith=f"{PREFIX}-deal-").count()
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
    cijfers = 0
    for batch in _batches(omvang.deals):
        cijfers += _deals(stand, batch, begin, tranches)
    return omvang.deals, cijfers


def _deals(stand: Stand, batch: range, begin: int, tranches: list[Tranche]) -> int:
    omvang = stand.omvang
    eerste = EIND_JAAR - omvang.deal_jaren + 1
    penvoerders = {j: stand.gemeenten[(j * 4) % len(stand.gemeenten)] for j in batch}
    dossiers = _dossiers(
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
    resultaten = []
    for item in items:
        n = item.volgorde
        bereik = n % 2 == 0
        resultaten.append(
            BeoogdResultaat(
                regiodeal_id=item.dossier_id,
                onderdeel=item.onderdeel,
                soort=BeoogdResultaat.Soort.TELBAAR,
                omschrijving=f"{item.naam} van {item.onderdeel.titel.lower()}",
                minimum=Decimal(1 + n % 3) if bereik else None,
                maximum=Decimal(4 + n % 3) if bereik else None,
                streefwaarde=None if bereik else Decimal(10 * (1 + n % 5)),
                indicator=item,
                volgorde=n,
            )
        )
    maak(BeoogdResultaat, resultaten)
    maak(
        Norm,
        [
            Norm(
                indicator=r.indicator, soort="absoluut", ondergrens=r.minimum, bovengrens=r.maximum
            )
            for r in resultaten
            if r.minimum is not None
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
            (d.pk, penvoerders[j].pk, jaar, soort, _opgave_status(jaar, soort, True))
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
                yield (item.pk, jaar, "realisatie", None, None, _realisatie(rng, plan, "aantal"))

    return schrijf(Waarde, WAARDE_VELDEN, waarden())


# --- Projects -----------------------------------------------------------------------

FASEN = ["Verkenning", "Organisatie", "Uitvoering", "Evaluatie, rapportage en implementatie"]
OUTPUT = ["Nieuwe sportactiviteiten", "Nieuwe deelnemers", "Doorverwijzingen"]


def maak_projecten(stand: Stand) -> tuple[int, int]:
    omvang = stand.omvang
    begin = Dossier.objects.filter(slug__startswith=f"{PREFIX}-project-").count()
    cijfers = 0
    for batch in _batches(omvang.projecten):
        cijfers += _projecten(stand, batch, begin)
    return omvang.projecten, cijfers


def _projecten(stand: Stand, batch: range, begin: int) -> int:
    omvang = stand.omvang
    eerste = EIND_JAAR - omvang.project_jaren + 1
    gemeenten = stand.gemeenten
    aanvragers = {p: gemeenten[p % len(gemeenten)] for p in batch}
    tweede = {p: gemeenten[(p + 1) % len(gemeenten)] for p in batch}
    dossiers = _dossiers(
        Dossier.Soort.PROJECT,
        [
            {
                "titel": f"Sociaal vitaal {aanvragers[p].naam.removeprefix('Gemeente ')} "
                f"{begin + p + 1}",
                "slug": f"{PREFIX}-project-{begin + p}",
                "startdatum": datetime.date(eerste, 1, 1),
                "einddatum": datetime.date(EIND_JAAR, 12, 31),
                "penvoerder": aanvragers[p],
            }
            for p in batch
        ],
    )
    slugs = {d.pk: d.slug for d in dossiers}
    schrijf(
        Project,
        ["dossier_ptr_id", "soort_financiering", "plandatum", "status", "hoofddoel"],
        (
            (
                d.pk,
                Project.Financiering.SUBSIDIE,
                datetime.date(eerste - 1, 5, 1),
                Project.Status.LOPEND,
                "Meer inwoners van kleine kernen sporten en bewegen.",
            )
            for d in dossiers
        ),
    )
    partijen = {}  # (dossier, organisation, role) once, also when both municipalities are one
    for p, d in zip(batch, dossiers, strict=True):
        for n, (organisatie, rol) in enumerate(
            [
                (aanvragers[p], "aanvrager"),
                (aanvragers[p], "deelnemer"),
                (tweede[p], "deelnemer"),
                (stand.provincies[p % len(stand.provincies)], "financier"),
            ]
        ):
            partijen.setdefault((d.pk, organisatie.pk, rol), n)
    schrijf(
        Partij,
        ["dossier_id", "organisatie_id", "rol", "volgorde"],
        ((*sleutel, n) for sleutel, n in partijen.items()),
    )
    kernen = maak(
        Locatie,
        [
            Locatie(
                dossier=d,
                naam=f"Kern {k + 1}",
                gemeente=aanvragers[p] if k % 2 == 0 else tweede[p],
                inwoners=500 + ((begin + p) * 37 + k * 113) % 4500,
                volgorde=k,
            )
            for p, d in zip(batch, dossiers, strict=True)
            for k in range(omvang.locaties)
        ],
    )
    schrijf(Kern, ["locatie_ptr_id", "projectleider_fte"], ((k.pk, Decimal("0.1")) for k in kernen))
    items = maak(
        Indicator,
        [
            Indicator(
                dossier=d,
                code=f"output-{n + 1}",
                naam=OUTPUT[n % len(OUTPUT)],
                eenheid="aantal",
                uitsplitsing="locatie",
                volgorde=n,
            )
            for d in dossiers
            for n in range(omvang.output_items)
        ],
    )
    fasen = maak(
        Fase,
        [
            Fase(
                project_id=d.pk,
                nummer=n + 1,
                titel=titel,
                start=datetime.date(eerste, 1 + 3 * n, 1),
                eind=datetime.date(EIND_JAAR, 3 + 3 * n, 1),
            )
            for d in dossiers
            for n, titel in enumerate(FASEN)
        ],
    )
    schrijf(
        Actie,
        ["fase_id", "omschrijving", "volgorde", "periode_tekst"],
        ((f.pk, f"Actie {n + 1} van {f.titel.lower()}", n, "") for f in fasen for n in range(2)),
    )
    schrijf(
        Projectonderdeel,
        ["project_id", "soort", "tekst", "volgorde"],
        (
            (d.pk, soort, tekst, 0)
            for d in dossiers
            for soort, tekst in [
                ("subdoel", "Nieuwe sport- en beweegactiviteiten in elke kern."),
                ("doelgroep", "Inwoners die weinig bewegen."),
                ("resultaat", "Een lokaal netwerk dat het werk voortzet."),
            ]
        ),
    )
    schrijf(
        Rapportage,
        ["project_id", "soort", "venster_start", "venster_eind", "ontvangen_op"],
        (
            rij
            for d in dossiers
            for rij in [
                (
                    d.pk,
                    "tussenrapportage",
                    datetime.date(eerste, 11, 1),
                    datetime.date(eerste, 12, 31),
                    datetime.date(eerste, 12, 15),
                ),
                (
                    d.pk,
                    "eindrapportage",
                    datetime.date(EIND_JAAR, 11, 1),
                    datetime.date(EIND_JAAR, 12, 31),
                    None,
                ),
            ]
        ),
    )
    jaren = range(eerste, EIND_JAAR + 1)
    schrijf(
        Jaaropgave,
        OPGAVE_VELDEN,
        {
            (d.pk, gemeente.pk, jaar, soort, _opgave_status(jaar, soort, True))
            for p, d in zip(batch, dossiers, strict=True)
            for gemeente in (aanvragers[p], tweede[p])
            for jaar in jaren
            for soort in ("plan", "realisatie")
        },
    )
    per_dossier: dict[int, list[Locatie]] = {}
    for kern in kernen:
        per_dossier.setdefault(kern.dossier_id, []).append(kern)

    def waarden():
        for item in items:
            rng = stand.rng("output", f"{slugs[item.dossier_id]}/{item.code}")
            for kern in per_dossier[item.dossier_id]:
                for jaar in jaren:
                    plan = Decimal(rng.randint(2, 40))
                    yield (item.pk, jaar, "plan", None, kern.pk, plan)
                    yield (
                        item.pk,
                        jaar,
                        "realisatie",
                        None,
                        kern.pk,
                        _realisatie(rng, plan, "aantal"),
                    )

    return schrijf(Waarde, WAARDE_VELDEN, waarden())
