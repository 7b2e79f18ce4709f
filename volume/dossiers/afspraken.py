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
from .streefdoelen import LOOPTIJD, Sommen, afspraak_doelen, bewaar, mijlpaal

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
    termijnitems = [i for i in items if _is_termijnitem(omvang, i)]
    sommen = Sommen({i.pk for i in termijnitems}, tot_jaar=EIND_JAAR - 1)
    cijfers = schrijf(
        Waarde,
        WAARDE_VELDEN,
        sommen.tel(_afspraak_waarden(stand, items, partijen, gerealiseerd, eerste, slugs)),
    )
    _punten_en_doelen(stand, themas, items, termijnitems, sommen, eerste, slugs)
    return cijfers


def _is_termijnitem(omvang, item: Indicator) -> bool:
    thema, k = item.code.removeprefix("t").split("-i")
    return omvang.is_termijnitem(int(thema), int(k))


def _punten_en_doelen(stand, themas, items, termijnitems, sommen, eerste, slugs) -> None:
    """The targets of every kind (volume.dossiers.streefdoelen), then the agreement's items
    (afspraakpunten) pointing at theirs: a bestuursopdracht at its milestone, the first
    theme's afspraak at the term target for the whole."""
    omvang = stand.omvang
    per_code = {(i.dossier_id, i.code): i for i in items}
    overig = [
        tuple(per_code[(d, code)] for code in ("t1-i0", "t1-i7", "t1-i1"))
        for d in sorted({t.dossier_id for t in themas})
        if (d, "t1-i7") in per_code
    ]
    doelen = afspraak_doelen(stand, termijnitems, sommen, overig, slugs)
    opdrachten = {}
    for thema in themas:
        deadline = datetime.date(
            eerste + (nummer(slugs[thema.dossier_id]) + int(thema.nummer)) % (omvang.jaren + 1),
            12,
            31,
        )
        opdrachten[thema.pk] = mijlpaal(
            thema.dossier_id,
            f"Actieplan {thema.titel.lower()} opgeleverd",
            deadline,
            bereikt=int(thema.nummer) % 2 == 1,
        )
    bewaar([*doelen, *opdrachten.values()])
    geheel = {d.dossier_id: d for d in doelen if d.soort == LOOPTIJD and d.organisatie_id is None}
    punten = []
    for thema in themas:
        for n, (soort, titel) in enumerate(
            [("bestuursopdracht", "Actieplan"), ("afspraak", "Samenwerking")]
        ):
            if soort == "bestuursopdracht":
                doel = opdrachten[thema.pk]
            else:
                doel = geheel.get(thema.dossier_id) if thema.nummer == "1" else None
            punten.append(
                Afspraakpunt(
                    afspraak_id=thema.dossier_id,
                    onderdeel=thema,
                    soort=soort,
                    titel=f"{titel} {thema.titel.lower()}",
                    resultaat=f"{titel} opgeleverd" if soort == "bestuursopdracht" else "",
                    deadline_omschrijving=(
                        "eind van het jaar" if soort == "bestuursopdracht" else ""
                    ),
                    streefdoel=doel,
                    volgorde=n,
                )
            )
    maak(Afspraakpunt, punten)


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
    zonder_plan = {i.pk for i in items if _is_termijnitem(stand.omvang, i)}
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
                rijen = _thema_jaar(rng, groep, corporaties, basis, groei, jaar, soort)
                # an item promised over the term has no yearly plan
                yield from (r for r in rijen if soort == "realisatie" or r[0] not in zonder_plan)


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
