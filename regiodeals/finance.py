"""The money rules of a Regio Deal (DOMAIN.md rule 3), on plain values and from the database.

Findings use the same `Bevinding` as the spine's checks, so pages and reports show them alike.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Sum

from core.checks import Bevinding, Toetsblok
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
    def heeft_realisatie(self) -> bool:
        """Whether any post has realised costs, so the rules had a realisation to judge."""
        return any(r.gerealiseerd for r in self.regels)

    def bevindingen_van(self, soort: str) -> list[Bevinding]:
        return [b for b in self.bevindingen if b.soort == soort]

    def toetsblokken(self) -> list[Toetsblok]:
        """The money rules in words, on the plan and on the realisation (when there is one)."""
        regels = (
            "De regio financiert minimaal evenveel als het Rijk, per post; uitvoeringskosten "
            "(VAT) zijn hoogstens 3 % van de Rijksbijdrage; de posten samen blijven binnen de "
            "maximale Rijksbijdrage."
        )
        plan, realisatie = self.bevindingen_van("plan"), self.bevindingen_van("realisatie")
        if not self.regels:
            op_plan = "Nog geen financieringstabel om te toetsen."
        else:
            op_plan = f"{len(self.regels)} posten getoetst: " + (
                f"{len(plan)} bevindingen." if plan else "de regels zijn gehaald."
            )
        if not self.heeft_realisatie:
            op_realisatie = "Nog geen gerealiseerde kosten om te toetsen."
        else:
            getoetst = sum(1 for r in self.regels if r.gerealiseerd)
            op_realisatie = f"{getoetst} posten met gerealiseerde kosten getoetst: " + (
                f"{len(realisatie)} bevindingen." if realisatie else "de regels zijn gehaald."
            )
        op_kosten = (
            "Dezelfde regels op de gerealiseerde kosten: de verschuldigde Rijksbijdrage (50 % "
            "van de kosten, tot het maximum) tegenover de gerealiseerde regionale financiering."
        )
        return [
            Toetsblok("Financiële regels, planning (convenant art. 4)", regels, op_plan, plan),
            Toetsblok("Financiële regels, realisatie", op_kosten, op_realisatie, realisatie),
        ]

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


@dataclass(frozen=True)
class Geldpost:
    """A post as the money rules see it: the Rijk's part and the region's, planned or realised."""

    key: object
    naam: str
    rijk: Decimal
    regionaal: Decimal
    is_uitvoeringskosten: bool = False


@dataclass(frozen=True)
class Geldwoorden:
    """How a finding names the figures it judges: the plan's or the realisation's."""

    soort: str  # "plan" or "realisatie"
    rijk: str
    regionaal: str
    regel_achtervoegsel: str = ""


PLAN = Geldwoorden("plan", "maximale Rijksbijdrage", "minimale regionale financiering")
REALISATIE = Geldwoorden(
    "realisatie",
    "verschuldigde Rijksbijdrage",
    "gerealiseerde regionale financiering",
    "_gerealiseerd",
)


def toets_financien(deal: Regiodeal, regels: list[Postregel]) -> list[Bevinding]:
    """The money rules on the convenant's table (art. 4) and on the realised costs: one rule
    set (`toets_geld`), fed the planned amounts and the realised ones."""
    gepland = [
        Geldpost(
            r.post.pk,
            r.post.naam,
            r.post.maximale_rijksbijdrage,
            r.post.minimale_regionale_financiering,
            r.post.is_uitvoeringskosten,
        )
        for r in regels
    ]
    # A post without realised costs has nothing to judge yet.
    gerealiseerd = [
        Geldpost(r.post.pk, r.post.naam, r.rijksbijdrage, r.regionaal, r.post.is_uitvoeringskosten)
        for r in regels
        if r.gerealiseerd
    ]
    return toets_geld(deal, gepland, PLAN) + toets_geld(deal, gerealiseerd, REALISATIE)


def toets_geld(deal: Regiodeal, posten: list[Geldpost], woorden: Geldwoorden) -> list[Bevinding]:
    """DOMAIN.md rule 3 for one deal: the region co-finances each post at least as much as the
    Rijk (times the tranche's ratio) unless a reason is recorded; uitvoeringskosten take at most
    3 % of the Rijksbijdrage; the posts together stay within the deal's maximum."""
    bevindingen = []

    def vind(regel: str, item, wat: str, verwacht: Decimal, gevonden: Decimal) -> None:
        bevindingen.append(
            Bevinding(
                regel + woorden.regel_achtervoegsel,
                item,
                0,
                woorden.soort,
                None,
                f"{woorden.soort.capitalize()}: {wat}",
                verwacht,
                gevonden,
            )
        )

    ratio = deal.tranche.cofinanciering if deal.tranche else Decimal(1)
    if not deal.reden_minder_cofinanciering.strip():
        for post in posten:
            nodig = (post.rijk * ratio).quantize(CENT)
            if post.regionaal < nodig:
                vind(
                    "cofinanciering",
                    post.key,
                    f"{post.naam}: de {woorden.regionaal} van {format_euro(post.regionaal)} is "
                    f"minder dan de {woorden.rijk} van {format_euro(post.rijk)}, zonder reden",
                    nodig,
                    post.regionaal,
                )
    totaal_rijk = sum((p.rijk for p in posten), NUL)
    vat = sum((p.rijk for p in posten if p.is_uitvoeringskosten), NUL)
    grens = (totaal_rijk * MAX_VAT_AANDEEL).quantize(CENT)
    if totaal_rijk and vat > grens:
        vind(
            "vat",
            deal.pk,
            f"de {woorden.rijk} voor uitvoeringskosten (VAT) van {format_euro(vat)} is "
            f"{format_procent(vat / totaal_rijk * 100)} van de {woorden.rijk} in totaal "
            f"({format_euro(totaal_rijk)}), meer dan 3 %",
            grens,
            vat,
        )
    maximum = deal.maximale_rijksbijdrage
    if maximum is not None and totaal_rijk > maximum:
        vind(
            "boven_maximum",
            deal.pk,
            f"de {woorden.rijk} van de posten samen ({format_euro(totaal_rijk)}) is meer dan de "
            f"maximale Rijksbijdrage van de deal ({format_euro(maximum)})",
            maximum,
            totaal_rijk,
        )
    return bevindingen
