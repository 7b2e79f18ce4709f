"""Prestatieafspraken: a municipality with three corporations, themes of items, ten years."""

import datetime
from decimal import Decimal

from afspraken.models import Afspraak, Afspraakpunt
from core.models import Dossier, Indicator, Jaaropgave, Norm, Onderdeel, Partij, Waarde

from ..schrijver import maak, schrijf
from ..stand import EIND_JAAR, PREFIX, Stand
from .basis import (
    OPGAVE_VELDEN,
    WAARDE_VELDEN,
    in_batches,
    maak_dossiers,
    nummer,
    opgave_status,
    realisatie,
    rond,
)

THEMAS = [
    ("Wonen en zorg", ["Nultredenwoningen", "Zorgwoningen", "Aanpassingen", "Woningen"]),
    ("Beschikbaarheid", ["Verhuringen", "Urgent", "Aanbodmodel", "Nieuwbouw"]),
    ("Betaalbaarheid en duurzaamheid", ["Investeringen", "Isolatie", "Zonnepanelen", "Labels"]),
    ("Woonmilieus", ["Sloop", "Verkoop", "Verbeteringen", "Herstructurering"]),
    ("Leefbaarheid", ["Leefbaarheidsbudget", "Buurtbeheer", "Wijkprojecten", "Overlast"]),
]


def maak_afspraken(stand: Stand) -> tuple[int, int]:
    aantal = stand.omvang.afspraken
    return aantal, in_batches("afspraak", aantal, lambda b, begin: _afspraken(stand, b, begin))


def _afspraken(stand: Stand, batch: range, begin: int) -> int:
    omvang = stand.omvang
    eerste = EIND_JAAR - omvang.jaren + 1
    pool = stand.corporaties
    dossiers = maak_dossiers(
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
                + (nummer(slugs[thema.dossier_id]) + int(thema.nummer) + n) % (omvang.jaren + 1),
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
            (d, o.pk, jaar, soort, opgave_status(jaar, soort, gerealiseerd[d]))
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
        bedrag = rond(plan, eenheid)
        return realisatie(rng, bedrag, eenheid) if soort == "realisatie" else bedrag

    delen = [i for i in rest if i.deel_van_id]
    deelwaarden = [waarde(basis[totaal.pk] * groei / max(1, len(delen))) for _ in delen]
    som = sum(deelwaarden, Decimal(0))
    # a reported total that is not the sum of its parts, in about one in twelve
    opgegeven = som + (rond(rng.randint(1, 20), eenheid) if rng.random() < 0.08 else 0)
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
            afwijking = rond(rng.randint(1, 9), eenheid) if rng.random() < 0.08 else 0
            yield (item.pk, jaar, soort, None, None, sum(per_corporatie, Decimal(0)) + afwijking)
