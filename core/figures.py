"""The planned-versus-realised table of a dossier, as one user may see it.

Built from three queries (items with their norms and definitions, and the figures) whatever
the number of years or rows, and shared by every app's dossier page, the dashboards and the
reports. The figures come as plain rows, not model instances, and the checks run on the same
rows: a dossier of thousands of figures is read once.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from .checks import Bevinding, Cijfer, Toetsing, item_van, vind_bevindingen
from .models import Indicator
from .status import Status, bepaal_status


@dataclass(slots=True)
class Figuur:
    """One figure as the table shows it."""

    waarde: Decimal
    toelichting: str = ""


@dataclass
class Cel:
    plan: Figuur | None = None
    realisatie: Figuur | None = None
    status: Status | None = None


@dataclass
class Rij:
    indicator: Indicator
    wie: str | None  # organisation or location; None for the item's overall figure
    diepte: int
    cellen: dict[int, Cel] = field(default_factory=dict)
    bevindingen: list[Bevinding] = field(default_factory=list)
    meetdefinitie: str = ""
    kolommen: list[Cel] = field(default_factory=list)  # one cell per year of the table

    @property
    def is_deelrij(self) -> bool:
        return self.wie is not None


@dataclass
class Cijfertabel:
    jaren: list[int]
    rijen: list[Rij]
    toetsing: Toetsing

    @property
    def bevindingen(self) -> list[Bevinding]:
        return self.toetsing.bevindingen


def _diepte(indicator: Indicator, per_pk: dict[int, Indicator]) -> int:
    diepte, ouder = 0, indicator.deel_van_id or indicator.uitsplitsing_van_id
    while ouder is not None and diepte < 10:
        diepte += 1
        parent = per_pk[ouder]
        ouder = parent.deel_van_id or parent.uitsplitsing_van_id
    return diepte


def bouw_cijfertabel(
    dossier, waarden, onderdeel=None, alleen=None, *, statussen: bool = True
) -> Cijfertabel:
    """`waarden` is a `Waarde` queryset already restricted with `visible_to(user)`.

    `onderdeel` keeps the rows of one theme or line, `alleen` those of a set of item pks.
    Without `statussen` the cells get no status: a dashboard counts them in the database.
    """
    indicatoren = list(
        Indicator.objects.filter(dossier=dossier)
        .order_by("volgorde", "pk")
        .select_related("onderdeel")
        .prefetch_related("meetdefinities", "normen")
    )
    per_pk = {i.pk: i for i in indicatoren}
    gelezen = per_pk if alleen is None else _nodig(alleen, per_pk)
    figuren = (
        waarden.filter(indicator__in=list(gelezen))
        .order_by()
        .values_list(
            "indicator_id",
            "jaar",
            "soort",
            "organisatie_id",
            "organisatie__naam",
            "locatie__naam",
            "waarde",
            "toelichting",
        )
    )
    per_rij: dict[tuple, dict[int, Cel]] = defaultdict(lambda: defaultdict(Cel))
    organisaties: dict[int, dict[str, int]] = defaultdict(dict)
    jaren = set()
    cijfers = []
    for (
        indicator_id,
        jaar,
        soort,
        organisatie_id,
        organisatie,
        locatie,
        bedrag,
        toelichting,
    ) in figuren:
        naam = organisatie or locatie
        if naam is not None:
            organisaties[indicator_id][naam] = organisatie_id
        setattr(per_rij[(indicator_id, naam)][jaar], soort, Figuur(bedrag, toelichting))
        jaren.add(jaar)
        cijfers.append(Cijfer(indicator_id, jaar, soort, bedrag, naam))
    toetsing = vind_bevindingen([item_van(i) for i in indicatoren if i.pk in gelezen], cijfers)

    if onderdeel is not None:
        indicatoren = [i for i in indicatoren if i.onderdeel_id == onderdeel.pk]
    if alleen is not None:
        indicatoren = [i for i in indicatoren if i.pk in alleen]
    per_item = defaultdict(list)
    for bevinding in toetsing.bevindingen:
        per_item[(bevinding.item, bevinding.wie)].append(bevinding)

    rijen = []
    for indicator in indicatoren:
        # The item's own row first (even when only its parts have figures), then its split.
        for wie in [None, *sorted(organisaties[indicator.pk])]:
            rij = Rij(
                indicator=indicator,
                wie=wie,
                diepte=_diepte(indicator, per_pk) + (1 if wie else 0),
                cellen=dict(per_rij.get((indicator.pk, wie), {})),
                bevindingen=per_item.get((indicator.pk, wie), []),
                meetdefinitie=_meetdefinitie(indicator, organisaties[indicator.pk].get(wie), wie),
            )
            if statussen:
                _zet_status(rij, toetsing)
            rijen.append(rij)
    jaren = sorted(jaren)
    for rij in rijen:
        rij.kolommen = [rij.cellen.get(jaar) or Cel() for jaar in jaren]
    return Cijfertabel(jaren=jaren, rijen=rijen, toetsing=toetsing)


def _nodig(alleen, per_pk: dict[int, Indicator]) -> set[int]:
    """The items whose figures the rows of `alleen` are checked against: themselves, the wholes
    their norms measure against, and the totals they are part or split of (up the chain, as
    the checks look a part's total up). A trend of one item then reads its figures, not the
    whole dossier's."""
    nodig = {pk for pk in alleen if pk in per_pk}
    nodig |= {
        n.ten_opzichte_van_id
        for pk in list(nodig)
        for n in per_pk[pk].normen.all()
        if n.ten_opzichte_van_id in per_pk
    }
    rand = list(nodig)
    while rand:
        item = per_pk[rand.pop()]
        for ouder in (item.deel_van_id, item.uitsplitsing_van_id):
            if ouder in per_pk and ouder not in nodig:
                nodig.add(ouder)
                rand.append(ouder)
    return nodig


def _meetdefinitie(indicator: Indicator, organisatie_id: int | None, wie: str | None) -> str:
    """The item row shows the common definition; a split row only its own, where it differs."""
    if wie is None:
        return indicator.meetdefinitie
    eigen = indicator.meetdefinitie_voor(organisatie_id)
    return eigen if eigen != indicator.meetdefinitie else ""


def _zet_status(rij: Rij, toetsing: Toetsing) -> None:
    lager = rij.indicator.richting == "lager"
    for jaar, cel in rij.cellen.items():
        if cel.plan is None and cel.realisatie is None:
            continue
        cel.status = bepaal_status(
            plan=cel.plan.waarde if cel.plan else None,
            realisatie=cel.realisatie.waarde if cel.realisatie else None,
            lager_is_beter=lager,
            norm_gehaald=toetsing.norm_gehaald(rij.indicator.pk, jaar, "realisatie", rij.wie),
        )


def tel_statussen(tabel: Cijfertabel) -> dict[Status, int]:
    telling = dict.fromkeys(Status, 0)
    for rij in tabel.rijen:
        for cel in rij.cellen.values():
            if cel.status is not None:
                telling[cel.status] += 1
    return telling
