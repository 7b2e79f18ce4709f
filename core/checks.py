"""The rules the figures obey (DOMAIN.md rules 1, 2 and 4), checked in one place.

`vind_bevindingen` works on plain values, so it can be fed a table straight from a source
document; `bevindingen_voor_dossier` feeds it from the database in a fixed number of queries.
Reported totals are never recomputed: a mismatch becomes a finding, the figures stay as entered.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from .dutch_numbers import format_getal, format_procent


@dataclass(frozen=True)
class NormRegel:
    soort: str  # "absoluut" or "aandeel"
    ondergrens: Decimal | None = None
    bovengrens: Decimal | None = None
    ten_opzichte_van: object = None  # the key of another item, for "aandeel"
    omschrijving: str = ""

    def toets(self, waarde: Decimal) -> bool:
        if self.ondergrens is not None and waarde < self.ondergrens:
            return False
        return not (self.bovengrens is not None and waarde > self.bovengrens)

    def beschrijving(self) -> str:
        if self.omschrijving:
            return self.omschrijving
        eenheid = " %" if self.soort == "aandeel" else ""

        def opmaak(grens: Decimal) -> str:
            return f"{format_getal(grens)}{eenheid}"

        if self.ondergrens is not None and self.bovengrens is not None:
            return f"tussen {opmaak(self.ondergrens)} en {opmaak(self.bovengrens)}"
        if self.ondergrens is not None:
            return f"minimaal {opmaak(self.ondergrens)}"
        return f"maximaal {opmaak(self.bovengrens)}"


@dataclass(frozen=True)
class Item:
    key: object
    naam: str
    deel_van: object = None
    is_waarvan: bool = False
    uitsplitsing_van: object = None
    normen: tuple[NormRegel, ...] = ()


@dataclass(frozen=True)
class Cijfer:
    item: object
    jaar: int
    soort: str  # "plan" or "realisatie"
    waarde: Decimal
    wie: str | None = None  # organisation or location; None for the overall figure


@dataclass(frozen=True)
class Bevinding:
    regel: str
    item: object
    jaar: int
    soort: str
    wie: str | None
    wat: str
    verwacht: Decimal
    gevonden: Decimal

    @property
    def waar(self) -> str:
        plek = f"{self.soort} {self.jaar}"
        return f"{plek}, {self.wie}" if self.wie else plek


@dataclass(frozen=True)
class NormUitkomst:
    item: object
    regel: NormRegel
    jaar: int
    soort: str
    wie: str | None
    waarde: Decimal  # the figure, or its share in percent for an "aandeel" norm
    gehaald: bool

    @property
    def uitkomst(self) -> str:
        """A norm is gehaald only on a realisation; a plan can only be on course for it."""
        if self.soort == "realisatie":
            return "gehaald" if self.gehaald else "niet gehaald"
        return "plan haalt de norm" if self.gehaald else "plan haalt de norm niet"


@dataclass
class Toetsing:
    bevindingen: list[Bevinding] = field(default_factory=list)
    normuitkomsten: list[NormUitkomst] = field(default_factory=list)
    aantal_cijfers: int = 0
    jaren: tuple[int, ...] = ()
    getoetst: Counter = field(default_factory=Counter)  # comparisons made, per kind ("som")

    def norm_gehaald(self, item, jaar: int, soort: str, wie: str | None = None) -> bool:
        if getattr(self, "_geindexeerd", None) != len(self.normuitkomsten):
            # An index, not a scan of every outcome for every cell of a table.
            self._niet_gehaald = {
                (u.item, u.jaar, u.soort, u.wie) for u in self.normuitkomsten if not u.gehaald
            }
            self._geindexeerd = len(self.normuitkomsten)
        return (item, jaar, soort, wie) not in self._niet_gehaald


def _soort_jaar(soort: str, jaar: int) -> str:
    return f"{soort.capitalize()} {jaar}"


def vind_bevindingen(items: Iterable[Item], cijfers: Iterable[Cijfer]) -> Toetsing:
    items = {item.key: item for item in items}
    waarde = {(c.item, c.jaar, c.soort, c.wie): c.waarde for c in cijfers}
    plekken = sorted(
        {(jaar, soort, wie) for (_, jaar, soort, wie) in waarde},
        key=lambda p: (p[0], p[1], p[2] or ""),
    )
    uitkomst = Toetsing(aantal_cijfers=len(waarde), jaren=tuple(sorted({p[0] for p in plekken})))
    delen = defaultdict(list)
    for item in items.values():
        if item.deel_van is not None:
            delen[item.deel_van].append(item)

    for jaar, soort, wie in plekken:
        for totaal_key, onderdelen in delen.items():
            _toets_delen(uitkomst, items[totaal_key], onderdelen, waarde, jaar, soort, wie)
        for item in items.values():
            _toets_uitsplitsing(uitkomst, item, items, waarde, jaar, soort, wie)
            _toets_normen(uitkomst, item, waarde, jaar, soort, wie)
    _toets_organisaties(uitkomst, items, waarde)
    return uitkomst


def _toets_delen(uitkomst, totaal: Item, onderdelen, waarde, jaar, soort, wie) -> None:
    opgegeven = waarde.get((totaal.key, jaar, soort, wie))
    gevonden = [waarde[k] for d in onderdelen if (k := (d.key, jaar, soort, wie)) in waarde]
    if opgegeven is None or not gevonden:
        return
    volledig = [d for d in onderdelen if not d.is_waarvan]
    uitkomst.getoetst["som"] += 1
    som = sum((waarde.get((d.key, jaar, soort, wie), 0) for d in volledig), Decimal(0))
    if volledig and som != opgegeven:
        uitkomst.bevindingen.append(
            Bevinding(
                "som_delen",
                totaal.key,
                jaar,
                soort,
                wie,
                f"{_soort_jaar(soort, jaar)}: de delen van ‘{totaal.naam}’ tellen op tot "
                f"{format_getal(som)}, het opgegeven totaal is {format_getal(opgegeven)}",
                verwacht=opgegeven,
                gevonden=som,
            )
        )
    for deel in onderdelen:
        deelwaarde = waarde.get((deel.key, jaar, soort, wie))
        if deel.is_waarvan and deelwaarde is not None and deelwaarde > opgegeven:
            uitkomst.bevindingen.append(
                Bevinding(
                    "waarvan",
                    deel.key,
                    jaar,
                    soort,
                    wie,
                    f"{_soort_jaar(soort, jaar)}: ‘{deel.naam}’ ({format_getal(deelwaarde)}) "
                    f"is groter dan het geheel ‘{totaal.naam}’ ({format_getal(opgegeven)})",
                    verwacht=opgegeven,
                    gevonden=deelwaarde,
                )
            )


def _toets_uitsplitsing(uitkomst, item: Item, items, waarde, jaar, soort, wie) -> None:
    if item.uitsplitsing_van is None:
        return
    eigen = waarde.get((item.key, jaar, soort, wie))
    hoofdpost = waarde.get((item.uitsplitsing_van, jaar, soort, wie))
    if eigen is None or hoofdpost is None:
        return
    uitkomst.getoetst["som"] += 1
    if eigen == hoofdpost:
        return
    naam = items[item.uitsplitsing_van].naam
    uitkomst.bevindingen.append(
        Bevinding(
            "uitsplitsing",
            item.key,
            jaar,
            soort,
            wie,
            f"{_soort_jaar(soort, jaar)}: de uitsplitsing van ‘{naam}’ geeft als totaal "
            f"{format_getal(eigen)}, de post ‘{naam}’ zelf is {format_getal(hoofdpost)}",
            verwacht=hoofdpost,
            gevonden=eigen,
        )
    )


def _toets_normen(uitkomst, item: Item, waarde, jaar, soort, wie) -> None:
    eigen = waarde.get((item.key, jaar, soort, wie))
    if eigen is None:
        return
    for regel in item.normen:
        gemeten = eigen
        if regel.soort == "aandeel":
            geheel = waarde.get((regel.ten_opzichte_van, jaar, soort, wie))
            if not geheel:
                continue
            # Judged on two decimals (as the database does), shown from four: no double rounding.
            gemeten = (eigen / geheel * 100).quantize(Decimal("0.0001"))
        gehaald = regel.toets(gemeten.quantize(Decimal("0.01")))
        uitkomst.normuitkomsten.append(
            NormUitkomst(item.key, regel, jaar, soort, wie, gemeten, gehaald)
        )
        if not gehaald:
            opmaak = format_procent if regel.soort == "aandeel" else format_getal
            uitkomst.bevindingen.append(
                Bevinding(
                    "norm",
                    item.key,
                    jaar,
                    soort,
                    wie,
                    f"{_soort_jaar(soort, jaar)}: ‘{item.naam}’ is {opmaak(gemeten)}, "
                    f"de norm is {regel.beschrijving()}",
                    verwacht=regel.ondergrens if regel.ondergrens is not None else regel.bovengrens,
                    gevonden=gemeten,
                )
            )


def _toets_organisaties(uitkomst, items, waarde) -> None:
    """An overall figure and its split per organisation or location must agree."""
    per_plek = defaultdict(Decimal)
    gesplitst = set()
    for (key, jaar, soort, wie), bedrag in waarde.items():
        if wie is not None:
            per_plek[(key, jaar, soort)] += bedrag
            gesplitst.add((key, jaar, soort))
    for key, jaar, soort in sorted(gesplitst, key=lambda k: (str(k[0]), k[1], k[2])):
        totaal = waarde.get((key, jaar, soort, None))
        som = per_plek[(key, jaar, soort)]
        if totaal is not None:
            uitkomst.getoetst["som"] += 1
        if totaal is not None and som != totaal:
            uitkomst.bevindingen.append(
                Bevinding(
                    "som_organisaties",
                    key,
                    jaar,
                    soort,
                    None,
                    f"{_soort_jaar(soort, jaar)}: de organisaties samen komen voor "
                    f"‘{items[key].naam}’ op {format_getal(som)}, het opgegeven totaal is "
                    f"{format_getal(totaal)}",
                    verwacht=totaal,
                    gevonden=som,
                )
            )


def toets_dossier(dossier, waarden) -> Toetsing:
    """Check a dossier's figures as one user sees them (`waarden` is already `visible_to`)."""
    return toets_dossiers([dossier.pk], waarden)[dossier.pk]


def item_van(indicator) -> Item:
    """An `Indicator` (its `normen` prefetched) as the checks see it."""
    return Item(
        key=indicator.pk,
        naam=indicator.naam,
        deel_van=indicator.deel_van_id,
        is_waarvan=indicator.is_waarvan,
        uitsplitsing_van=indicator.uitsplitsing_van_id,
        normen=tuple(
            NormRegel(n.soort, n.ondergrens, n.bovengrens, n.ten_opzichte_van_id, n.omschrijving)
            for n in indicator.normen.all()
        ),
    )


def toets_dossiers(dossier_ids, waarden) -> dict[int, Toetsing]:
    """Check several dossiers at once: three queries, whatever their number or size."""
    from .models import Indicator

    items: dict[int, list[Item]] = {pk: [] for pk in dossier_ids}
    indicatoren = Indicator.objects.filter(dossier__in=dossier_ids).order_by(
        "dossier", "volgorde", "pk"
    )
    for ind in indicatoren.prefetch_related("normen"):
        items[ind.dossier_id].append(item_van(ind))
    cijfers: dict[int, list[Cijfer]] = {pk: [] for pk in dossier_ids}
    # Through the items' keys, so the figures are read by their item index (docs/performance.md)
    sleutels = Indicator.objects.filter(dossier__in=dossier_ids).values("pk")
    rijen = (
        waarden.filter(indicator__in=sleutels)
        .order_by()
        .values_list(
            "indicator__dossier_id",
            "indicator_id",
            "jaar",
            "soort",
            "waarde",
            "organisatie__naam",
            "locatie__naam",
        )
    )
    for dossier_id, ind, jaar, soort, bedrag, organisatie, locatie in rijen:
        cijfers[dossier_id].append(Cijfer(ind, jaar, soort, bedrag, organisatie or locatie))
    return {pk: vind_bevindingen(items[pk], cijfers[pk]) for pk in dossier_ids}


@dataclass
class Toetsblok:
    """One kind of check in words: which rules, what they were checked on, what was found."""

    titel: str
    regels: str
    uitkomst: str
    bevindingen: list[Bevinding] = field(default_factory=list)


GEEN_CIJFERS = "Nog geen cijfers om te toetsen."


def _jaren(jaren: tuple[int, ...]) -> str:
    return f"{jaren[0]}" if len(jaren) == 1 else f"{jaren[0]}–{jaren[-1]}"


def toetsblokken(toetsing: Toetsing, heeft_normen: bool) -> list[Toetsblok]:
    """What the figure checks looked at and found, per kind: sums and norms. Where there was
    nothing to check it says so, rather than that everything adds up."""
    sommen = [b for b in toetsing.bevindingen if b.regel != "norm"]
    aantal = toetsing.getoetst["som"]
    if not toetsing.aantal_cijfers:
        uitkomst = GEEN_CIJFERS
    elif not aantal:
        uitkomst = "Geen totalen met delen in de cijfers: niets op te tellen."
    else:
        gevonden = f"{len(sommen)} verschillen" if sommen else "ze tellen op"
        uitkomst = f"{aantal} keer getoetst in de cijfers van {_jaren(toetsing.jaren)}: {gevonden}."
    blokken = [
        Toetsblok(
            "Totalen en delen",
            "Een totaal is de som van zijn delen, een uitsplitsing telt op tot haar post en de "
            "organisaties samen tot het totaal.",
            uitkomst,
            sommen,
        )
    ]
    if heeft_normen:
        normen = [b for b in toetsing.bevindingen if b.regel == "norm"]
        blokken.append(
            Toetsblok(
                "Normen",
                "Een deel is minimaal of maximaal een aandeel van zijn totaal.",
                _normuitkomst(toetsing.normuitkomsten),
                normen,
            )
        )
    return blokken


def _normuitkomst(uitkomsten: list[NormUitkomst]) -> str:
    if not uitkomsten:
        return GEEN_CIJFERS
    zinnen = []
    realisatie = [u for u in uitkomsten if u.soort == "realisatie"]
    plan = [u for u in uitkomsten if u.soort == "plan"]
    if realisatie:
        niet = sum(not u.gehaald for u in realisatie)
        uitslag = f"{len(realisatie) - niet} keer gehaald, {niet} keer niet" if niet else "gehaald"
        zinnen.append(f"Op de realisatie {len(realisatie)} keer getoetst: {uitslag}.")
    else:
        zinnen.append("Nog geen realisatie om aan de normen te toetsen.")
    if plan:
        niet = sum(not u.gehaald for u in plan)
        zinnen.append(
            f"Op het plan {len(plan)} keer getoetst: het plan haalt de norm "
            f"{len(plan) - niet} keer" + (f", {niet} keer niet." if niet else ".")
        )
    return " ".join(zinnen)
