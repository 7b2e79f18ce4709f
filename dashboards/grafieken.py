"""The charts of a dossier's dashboard, built from the figures table (`core.figures`).

Per theme or action line, for the chosen year: the items without a split side by side (a total
with its parts in one chart, so a mismatch shows), every item split per organisation or
location in a chart of its own, and for every share norm the share per year with the norm
drawn in. The reports draw the same charts.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from core.charts import BREED, SMAL, Normlijn, Reeks, Staafdiagram, eenheid_woord, per_eenheid
from core.checks import NormUitkomst
from core.doelgrafieken import Lijndiagram
from core.doeltekst import doel_tekst
from core.figures import Cijfertabel, Rij
from core.models import Onderdeel, Streefdoel
from core.status import Status
from core.voortgang import Reeks as Cijferreeks
from core.voortgang import Voortgang, bepaal_voortgang, formatteer, reeksen, verwacht_tot


@dataclass
class Themablok:
    onderdeel: Onderdeel | None
    grafieken: list = field(default_factory=list)
    telling: dict[Status, int] = field(default_factory=dict)
    jaren: list[int] = field(default_factory=list)  # the years with figures in this block
    doelen: list = field(default_factory=list)  # its targets (dashboards.doelen.Doelregel)

    @property
    def titel(self) -> str:
        return str(self.onderdeel) if self.onderdeel else "Overige cijfers"


def kies_jaar(tabel: Cijfertabel, gevraagd: int | None) -> int | None:
    """The asked year if it has figures, else the latest year with realisations, else the
    latest year: a board looks back at what was realised."""
    if gevraagd in tabel.jaren:
        return gevraagd
    gerealiseerd = [
        jaar
        for jaar in tabel.jaren
        if any((cel := rij.cellen.get(jaar)) and cel.realisatie for rij in tabel.rijen)
    ]
    return max(gerealiseerd or tabel.jaren or [None], key=lambda j: j or 0)


def waarde_van(rij: Rij, jaar: int, soort: str) -> Decimal | None:
    cel = rij.cellen.get(jaar)
    figuur = getattr(cel, soort, None) if cel else None
    return figuur.waarde if figuur else None


def _reeksen(rijen: list[Rij], jaar: int) -> list[Reeks]:
    return [
        Reeks(f"Plan {jaar}", [waarde_van(r, jaar, "plan") for r in rijen], "plan"),
        Reeks(
            f"Realisatie {jaar}", [waarde_van(r, jaar, "realisatie") for r in rijen], "realisatie"
        ),
    ]


def themablokken(
    tabel: Cijfertabel,
    jaar: int | None,
    onderdelen: list[Onderdeel],
    tellingen: dict,
    doelen: dict | None = None,
) -> list[Themablok]:
    """One block per top-level theme or action line, with or without figures, and one for
    the figures and targets outside any theme when there are any."""
    doelen = doelen or {}
    per_onderdeel: dict[int | None, list[Rij]] = defaultdict(list)
    for rij in tabel.rijen:
        per_onderdeel[rij.indicator.onderdeel_id].append(rij)
    blokken = [
        Themablok(o, telling=tellingen.get(o.pk, {}), doelen=doelen.get(o.pk, []))
        for o in onderdelen
    ]
    if per_onderdeel.get(None) or doelen.get(None):
        blokken.append(
            Themablok(None, telling=tellingen.get(None, {}), doelen=doelen.get(None, []))
        )
    uitkomsten = _aandelen(tabel.toetsing.normuitkomsten)
    for blok in blokken:
        rijen = per_onderdeel.get(blok.onderdeel.pk if blok.onderdeel else None, [])
        prefix = f"grafiek-{blok.onderdeel.pk if blok.onderdeel else 'overig'}"
        blok.jaren = sorted({jaar for rij in rijen for jaar in rij.cellen})
        if jaar is not None:
            blok.grafieken += _grafieken_van(rijen, jaar, prefix)
        for rij in rijen:
            if rij.wie is None and rij.indicator.pk in uitkomsten:
                blok.grafieken.append(
                    _aandeelgrafiek(rij, uitkomsten[rij.indicator.pk], tabel, f"{prefix}-aandeel")
                )
    return blokken


def _grafieken_van(rijen: list[Rij], jaar: int, prefix: str) -> list[Staafdiagram]:
    """One chart per group of unsplit items (a total with its parts, or loose items of one
    unit), and one per split item with a bar pair per organisation or location."""
    heeft_jaar = [r for r in rijen if jaar in r.cellen]
    groepen: dict[object, list[Rij]] = defaultdict(list)
    gesplitst: dict[int, list[Rij]] = defaultdict(list)  # the reported total comes first
    for rij in heeft_jaar:
        indicator = rij.indicator
        if indicator.uitsplitsing != "geen":
            gesplitst[indicator.pk].append(rij)
        else:
            sleutel = indicator.deel_van_id or (
                indicator.pk if _heeft_delen(indicator, heeft_jaar) else ("los", indicator.eenheid)
            )
            groepen[sleutel].append(rij)
    grafieken = []
    for n, (sleutel, groep) in enumerate(groepen.items()):
        totaal = next((r for r in rijen if r.indicator.pk == sleutel and r.wie is None), None)
        if totaal is not None and totaal not in groep:
            groep.insert(0, totaal)
        # A total and its parts in different units: one chart, so one scale, per unit.
        per_unit = per_eenheid(groep, lambda r: r.indicator.eenheid)
        for eenheid, deel in per_unit.items():
            titel = (
                f"{totaal.indicator.naam} en de delen daarvan, {jaar}"
                if totaal
                else f"{', '.join(r.indicator.naam for r in deel)}, {jaar}"
            )
            if len(per_unit) > 1:
                titel += f" ({eenheid_woord(eenheid)})"
            grafieken.append(
                Staafdiagram(
                    id=f"{prefix}-{n}" + (f"-{eenheid}" if len(per_unit) > 1 else ""),
                    titel=titel,
                    categorieen=[r.indicator.naam for r in deel],
                    reeksen=_reeksen(deel, jaar),
                    eenheid=eenheid,
                    breedte=SMAL if len(deel) <= 4 else BREED,
                )
            )
    for pk, groep in gesplitst.items():
        indicator = groep[0].indicator
        grafieken.append(
            Staafdiagram(
                id=f"{prefix}-item-{pk}",
                titel=f"{indicator.naam}: plan en realisatie {jaar} per organisatie",
                categorieen=[r.wie or "Totaal (opgegeven)" for r in groep],
                reeksen=_reeksen(groep, jaar),
                eenheid=indicator.eenheid,
            )
        )
    return grafieken


def _heeft_delen(indicator, rijen: list[Rij]) -> bool:
    return any(r.indicator.deel_van_id == indicator.pk for r in rijen)


def _aandelen(uitkomsten: list[NormUitkomst]) -> dict[int, list[NormUitkomst]]:
    per_item: dict[int, list[NormUitkomst]] = defaultdict(list)
    for uitkomst in uitkomsten:
        if uitkomst.regel.soort == "aandeel" and uitkomst.wie is None:
            per_item[uitkomst.item].append(uitkomst)
    return per_item


def _aandeelgrafiek(rij: Rij, uitkomsten: list[NormUitkomst], tabel: Cijfertabel, prefix: str):
    """The item's share of its whole per year, plan and realisation, with the norm drawn in."""
    regel = uitkomsten[0].regel
    jaren = sorted({u.jaar for u in uitkomsten})
    gemeten = {(u.jaar, u.soort): u for u in uitkomsten if u.regel == regel}

    def aandeel(jaar: int, soort: str) -> Decimal | None:
        uitkomst = gemeten.get((jaar, soort))
        return uitkomst.waarde if uitkomst else None

    niet_gehaald = [
        f"{u.soort} {u.jaar}"
        for u in sorted(gemeten.values(), key=lambda u: (u.jaar, u.soort))
        if not u.gehaald
    ]
    normlijnen = [
        Normlijn(grens, f"norm: {woord} {grens.normalize():f} %".replace(".", ","))
        for grens, woord in ((regel.ondergrens, "minimaal"), (regel.bovengrens, "maximaal"))
        if grens is not None
    ]
    return Staafdiagram(
        id=f"{prefix}-{rij.indicator.pk}",
        titel=f"Aandeel {rij.indicator.naam} in het totaal, norm {regel.beschrijving()}",
        categorieen=[str(j) for j in jaren],
        reeksen=[
            Reeks("Plan", [aandeel(j, "plan") for j in jaren], "plan"),
            Reeks("Realisatie", [aandeel(j, "realisatie") for j in jaren], "realisatie"),
        ],
        eenheid="procent",
        normlijnen=normlijnen,
        toelichting=(
            f"Norm niet gehaald in: {', '.join(niet_gehaald)}."
            if niet_gehaald
            else "De norm is in elk jaar gehaald."
        ),
    )


@dataclass
class Naardoel:
    """A term target on the trend page: the line chart and where it stands."""

    voortgang: Voortgang
    grafiek: Lijndiagram


def naar_het_doel(item, waarden) -> list[Naardoel]:
    """For each target of `item` summed over its years (a term target, a range over the term):
    the cumulative realisation per year against the share due by that year (the yearly plans
    where given, else pro rata: `core.voortgang.verwacht_tot`). Two queries."""
    doelen = list(
        Streefdoel.objects.filter(indicator=item, organisatie__isnull=True, vervallen=False)
        .select_related("indicator", "dossier")
        .order_by("volgorde", "pk")
    )
    doelen = [d for d in doelen if d.is_opgeteld and d.jaren]
    per_reeks = reeksen(waarden, doelen)
    uitkomst = []
    for n, doel in enumerate(doelen):
        reeks = per_reeks.get((doel.indicator_id, None)) or Cijferreeks()
        gemeten = [j for j in doel.jaren if j in reeks.realisatie]
        peiljaar = max(gemeten) if gemeten else None
        voortgang = bepaal_voortgang(doel, reeks, peiljaar)
        uitkomst.append(Naardoel(voortgang, _doellijn(doel, reeks, peiljaar, f"grafiek-doel-{n}")))
    return uitkomst


def _doellijn(doel: Streefdoel, reeks, peiljaar: int | None, id_: str) -> Lijndiagram:
    opgeteld, som = [], Decimal(0)
    for jaar in doel.jaren:
        if peiljaar is not None and jaar <= peiljaar and jaar in reeks.realisatie:
            som += reeks.realisatie[jaar]
        opgeteld.append(som if peiljaar is not None and jaar <= peiljaar else None)
    verwacht = [verwacht_tot(doel, reeks, jaar) for jaar in doel.jaren]
    normlijnen = []
    if doel.waarde is not None:
        normlijnen.append(Normlijn(doel.waarde, f"doel: {doel_tekst(doel)}"))
    for grens, woord in ((doel.minimum, "minimaal"), (doel.maximum, "maximaal")):
        if grens is not None:
            normlijnen.append(Normlijn(grens, f"{woord} {formatteer(grens, doel.eenheid_van)}"))
    reeksen_ = [Reeks("Gerealiseerd, opgeteld", opgeteld, "realisatie")]
    if any(v is not None for v in verwacht):
        reeksen_.append(Reeks("Verwacht volgens het doel", verwacht, "plan"))
    return Lijndiagram(
        id=id_,
        titel=f"{doel.indicator.naam}: opgeteld gerealiseerd tegenover het doel "
        f"({doel_tekst(doel)})",
        categorieen=[str(j) for j in doel.jaren],
        reeksen=reeksen_,
        eenheid=doel.eenheid_van,
        normlijnen=normlijnen,
        breedte=BREED,
        hoogte=320,
    )
