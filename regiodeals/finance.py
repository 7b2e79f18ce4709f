"""The money rules of a Regio Deal (DOMAIN.md rule 3), on plain values and from the database.

Findings use the same `Bevinding` as the spine's checks, so pages and reports show them alike.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Sum

from core.checks import Bevinding
from core.dutch_numbers import format_euro, format_procent

from .models import Bron, Financieringspost, Kosten, Regiodeal, Tranche

AANDEEL_RIJK = Decimal("0.5")
MAX_VAT_AANDEEL = Decimal("0.03")
CENT = Decimal("0.01")
NUL = Decimal(0)


def rijksbijdrage_verschuldigd(gerealiseerde_kosten: Decimal, maximum: Decimal) -> Decimal:
    """50 % of the realised costs, never more than the maximum."""
    return min((gerealiseerde_kosten * AANDEEL_RIJK).quantize(CENT), maximum)


def _bevinding(regel: str, item, wat: str, verwacht: Decimal, gevonden: Decimal) -> Bevinding:
    return Bevinding(regel, item, 0, "", None, wat, verwacht, gevonden)


def toets_tranche(tranche: Tranche, deals: list[Regiodeal]) -> list[Bevinding]:
    bevindingen = []
    for deal in deals:
        bedrag = deal.maximale_rijksbijdrage
        if bedrag is None:
            continue
        if bedrag < tranche.minimale_rijksbijdrage:
            bevindingen.append(
                _bevinding(
                    "deal_minimum",
                    deal.pk,
                    f"{deal.titel}: {format_euro(bedrag)} is minder dan het minimum van "
                    f"{format_euro(tranche.minimale_rijksbijdrage)} per deal",
                    tranche.minimale_rijksbijdrage,
                    bedrag,
                )
            )
        if bedrag > tranche.maximale_rijksbijdrage:
            bevindingen.append(
                _bevinding(
                    "deal_maximum",
                    deal.pk,
                    f"{deal.titel}: {format_euro(bedrag)} is meer dan het maximum van "
                    f"{format_euro(tranche.maximale_rijksbijdrage)} per deal",
                    tranche.maximale_rijksbijdrage,
                    bedrag,
                )
            )
    totaal = sum((d.maximale_rijksbijdrage or NUL for d in deals), NUL)
    if tranche.envelop is not None and totaal > tranche.envelop:
        bevindingen.append(
            _bevinding(
                "envelop",
                tranche.pk,
                f"{tranche}: de deals vragen samen {format_euro(totaal)}, beschikbaar is "
                f"{format_euro(tranche.envelop)}",
                tranche.envelop,
                totaal,
            )
        )
    return bevindingen


@dataclass
class Postregel:
    """One row of the finance table, planned against realised."""

    post: Financieringspost
    kosten: dict[str, Decimal] = field(default_factory=dict)  # per bron, over all years

    @property
    def gerealiseerd(self) -> Decimal:
        return sum(self.kosten.values(), NUL)

    @property
    def regionaal(self) -> Decimal:
        return self.kosten.get(Bron.REGIONAAL_PUBLIEK, NUL) + self.kosten.get(
            Bron.REGIONAAL_PRIVAAT, NUL
        )

    @property
    def rijksbijdrage(self) -> Decimal:
        return rijksbijdrage_verschuldigd(self.gerealiseerd, self.post.maximale_rijksbijdrage)

    @property
    def totaal_gepland(self) -> Decimal:
        return self.post.maximale_rijksbijdrage + self.post.minimale_regionale_financiering


@dataclass
class Financien:
    regels: list[Postregel]
    bevindingen: list[Bevinding]

    def _som(self, attribuut: str) -> Decimal:
        return sum((getattr(r, attribuut) for r in self.regels), NUL)

    @property
    def maximale_rijksbijdrage(self) -> Decimal:
        return sum((r.post.maximale_rijksbijdrage for r in self.regels), NUL)

    @property
    def minimale_regionale_financiering(self) -> Decimal:
        return sum((r.post.minimale_regionale_financiering for r in self.regels), NUL)

    @property
    def totaal_gepland(self) -> Decimal:
        return self._som("totaal_gepland")

    @property
    def gerealiseerd(self) -> Decimal:
        return self._som("gerealiseerd")

    @property
    def rijksbijdrage(self) -> Decimal:
        return self._som("rijksbijdrage")

    @property
    def regionaal(self) -> Decimal:
        return self._som("regionaal")


def financien_van(deal: Regiodeal, tot_en_met_jaar: int | None = None) -> Financien:
    """The finance table of a deal with realised costs summed in the database (two queries)."""
    posten = list(deal.posten.select_related("actielijn"))
    filter_jaar = Q(jaar__lte=tot_en_met_jaar) if tot_en_met_jaar else Q()
    sommen = (
        Kosten.objects.filter(post__regiodeal=deal)
        .filter(filter_jaar)
        .values("post_id", "bron")
        .annotate(totaal=Sum("bedrag"))
    )
    per_post = {p.pk: Postregel(p) for p in posten}
    for rij in sommen:
        per_post[rij["post_id"]].kosten[rij["bron"]] = rij["totaal"]
    regels = [per_post[p.pk] for p in posten]
    return Financien(regels, toets_financien(deal, regels))


def toets_financien(deal: Regiodeal, regels: list[Postregel]) -> list[Bevinding]:
    bevindingen = []
    ratio = deal.tranche.cofinanciering if deal.tranche else Decimal(1)
    heeft_reden = bool(deal.reden_minder_cofinanciering.strip())
    for regel in regels:
        post = regel.post
        nodig = (post.maximale_rijksbijdrage * ratio).quantize(CENT)
        if post.minimale_regionale_financiering < nodig and not heeft_reden:
            bevindingen.append(
                _bevinding(
                    "cofinanciering",
                    post.pk,
                    f"{post.naam}: de regio financiert minimaal "
                    f"{format_euro(post.minimale_regionale_financiering)}, minder dan de "
                    f"Rijksbijdrage van {format_euro(post.maximale_rijksbijdrage)}, zonder reden",
                    nodig,
                    post.minimale_regionale_financiering,
                )
            )
        if regel.gerealiseerd and regel.regionaal < regel.rijksbijdrage and not heeft_reden:
            bevindingen.append(
                _bevinding(
                    "cofinanciering_gerealiseerd",
                    post.pk,
                    f"{post.naam}: gerealiseerde regionale financiering "
                    f"{format_euro(regel.regionaal)} is minder dan de verschuldigde Rijksbijdrage "
                    f"{format_euro(regel.rijksbijdrage)}",
                    regel.rijksbijdrage,
                    regel.regionaal,
                )
            )
    totaal_rijk = sum((r.post.maximale_rijksbijdrage for r in regels), NUL)
    vat = sum((r.post.maximale_rijksbijdrage for r in regels if r.post.is_uitvoeringskosten), NUL)
    if totaal_rijk and vat > (totaal_rijk * MAX_VAT_AANDEEL).quantize(CENT):
        bevindingen.append(
            _bevinding(
                "vat",
                deal.pk,
                f"Uitvoeringskosten (VAT) {format_euro(vat)} zijn "
                f"{format_procent(vat / totaal_rijk * 100)} van de Rijksbijdrage, meer dan 3 %",
                (totaal_rijk * MAX_VAT_AANDEEL).quantize(CENT),
                vat,
            )
        )
    if deal.maximale_rijksbijdrage is not None and totaal_rijk > deal.maximale_rijksbijdrage:
        bevindingen.append(
            _bevinding(
                "posten_boven_maximum",
                deal.pk,
                f"De posten vragen samen {format_euro(totaal_rijk)}, meer dan de maximale "
                f"Rijksbijdrage van {format_euro(deal.maximale_rijksbijdrage)}",
                deal.maximale_rijksbijdrage,
                totaal_rijk,
            )
        )
    return bevindingen
