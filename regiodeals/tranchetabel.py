"""The table of a tranche as the letter to parliament draws it: the deals per landsdeel in the
letter's order with a subtotal each, the total, and the envelope and per-deal rules with their
checks. The tranche's web page and its report both draw this one table.

Every sum is over the deals the user sees: a deal in opbouw stays out of them for the others.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby

from django.db.models import Sum

from core.checks import Bevinding
from core.dutch_numbers import format_euro

from .finance import rijksbijdrage_verschuldigd, toets_tranche
from .models import Kosten, Landsdeel, Regiodeal, Tranche

ONBEKEND = "Landsdeel onbekend"


def _som(bedragen) -> Decimal | None:
    """The sum of the amounts that are known; None when none is."""
    bekend = [b for b in bedragen if b is not None]
    return sum(bekend, Decimal(0)) if bekend else None


@dataclass
class Dealregel:
    """A deal with its realised costs and the Rijksbijdrage due on them; both None when the
    deal reported no costs yet (which is not the same as € 0)."""

    deal: Regiodeal
    kosten: Decimal | None = None
    verschuldigd: Decimal | None = None

    @property
    def maximale_rijksbijdrage(self) -> Decimal | None:
        return self.deal.maximale_rijksbijdrage


@dataclass
class Sommen:
    regels: list[Dealregel]

    @property
    def maximale_rijksbijdrage(self) -> Decimal | None:
        return _som(r.maximale_rijksbijdrage for r in self.regels)

    @property
    def kosten(self) -> Decimal | None:
        return _som(r.kosten for r in self.regels)

    @property
    def verschuldigd(self) -> Decimal | None:
        return _som(r.verschuldigd for r in self.regels)


@dataclass
class Landsdeelgroep(Sommen):
    naam: str = ""

    @property
    def deals(self) -> list[Regiodeal]:
        return [r.deal for r in self.regels]


@dataclass
class Regeltoets:
    """A rule of the tranche with its outcome: "Envelop € 244,3 mln: de deals vragen samen
    € 226,3 mln, binnen de envelop"."""

    regel: str  # "Envelop", "Minimum per deal", "Maximum per deal"
    kop: str  # the rule with its bound: "Minimaal € 5 mln per deal"
    grens: Decimal
    gemeten: str  # what is held against the bound, in words
    waarde: Decimal | None
    voldaan: bool
    uitkomst: str

    @property
    def tekst(self) -> str:
        gemeten = f"{self.gemeten} {format_euro(self.waarde)}, " if self.waarde is not None else ""
        return f"{self.kop}: {gemeten}{self.uitkomst}"


@dataclass
class Tranchetabel(Sommen):
    tranche: Tranche | None = None
    groepen: list[Landsdeelgroep] = field(default_factory=list)
    bevindingen: list[Bevinding] = field(default_factory=list)
    toetsen: list[Regeltoets] = field(default_factory=list)

    @property
    def totaal(self) -> Decimal | None:
        return self.maximale_rijksbijdrage


def tranchetabel(tranche: Tranche, user, jaar: int | None = None) -> Tranchetabel:
    """The deals `user` sees, with their costs through `jaar` (all years when None)."""
    deals = list(
        Regiodeal.objects.visible_to(user).filter(tranche=tranche).order_by("volgnummer", "titel")
    )
    regels = _met_kosten(deals, jaar)
    volgorde = {waarde: i for i, waarde in enumerate(Landsdeel.values)}
    regels.sort(key=lambda r: (volgorde.get(r.deal.landsdeel, 99), r.deal.volgnummer or 0))
    groepen = [
        Landsdeelgroep(
            list(groep),
            naam=Landsdeel(landsdeel).label if landsdeel in volgorde else ONBEKEND,
        )
        for landsdeel, groep in groupby(regels, key=lambda r: r.deal.landsdeel)
    ]
    bevindingen = toets_tranche(tranche, deals)
    return Tranchetabel(
        regels,
        tranche=tranche,
        groepen=groepen,
        bevindingen=bevindingen,
        toetsen=_toetsen(tranche, deals, bevindingen),
    )


def _met_kosten(deals: list[Regiodeal], jaar: int | None) -> list[Dealregel]:
    """One query: the realised costs per financing post, the Rijksbijdrage due per post (50 %,
    capped at the post's maximum) summed per deal, as the deal's own finance table does."""
    kosten = Kosten.objects.filter(post__regiodeal__in=deals)
    if jaar is not None:
        kosten = kosten.filter(jaar__lte=jaar)
    per_deal = defaultdict(list)
    for rij in (
        kosten.values("post", "post__regiodeal", "post__maximale_rijksbijdrage")
        .annotate(totaal=Sum("bedrag"))
        .order_by()
    ):
        totaal, maximum = rij["totaal"], rij["post__maximale_rijksbijdrage"]
        per_deal[rij["post__regiodeal"]].append(
            (totaal, rijksbijdrage_verschuldigd(totaal, maximum))
        )
    regels = []
    for deal in deals:
        posten = per_deal.get(deal.pk, [])
        regels.append(
            Dealregel(deal, _som(k for k, _ in posten), _som(v for _, v in posten))
            if posten
            else Dealregel(deal)
        )
    return regels


def _toetsen(
    tranche: Tranche, deals: list[Regiodeal], bevindingen: list[Bevinding]
) -> list[Regeltoets]:
    """The rules in words, their outcome taken from `toets_tranche`'s findings (one rule)."""
    bedragen = [d.maximale_rijksbijdrage for d in deals if d.maximale_rijksbijdrage is not None]
    titels = {d.pk: d.titel for d in deals}
    toetsen = []
    if tranche.envelop is not None:
        totaal = sum(bedragen, Decimal(0))
        over = totaal - tranche.envelop
        toetsen.append(
            Regeltoets(
                "Envelop",
                f"Envelop {format_euro(tranche.envelop)}",
                tranche.envelop,
                "de deals vragen samen",
                totaal,
                over <= 0,
                "binnen de envelop" if over <= 0 else f"{format_euro(over)} boven de envelop",
            )
        )
    for regel, woord, grens, bevinding, gemeten, kant in (
        ("Minimum", "Minimaal", tranche.minimale_rijksbijdrage, "deal_minimum", min, "onder"),
        ("Maximum", "Maximaal", tranche.maximale_rijksbijdrage, "deal_maximum", max, "boven"),
    ):
        buiten = [titels[b.item] for b in bevindingen if b.regel == bevinding]
        if buiten:
            aantal = "1 deal" if len(buiten) == 1 else f"{len(buiten)} deals"
            uitkomst = f"{aantal} {kant} het {regel.lower()}: {', '.join(buiten)}"
        else:
            uitkomst = "elke deal voldoet" if bedragen else "nog geen deal met een bedrag"
        toetsen.append(
            Regeltoets(
                f"{regel} per deal",
                f"{woord} {format_euro(grens)} per deal",
                grens,
                "de kleinste bijdrage is" if gemeten is min else "de grootste bijdrage is",
                gemeten(bedragen) if bedragen else None,
                not buiten,
                uitkomst,
            )
        )
    return toetsen
