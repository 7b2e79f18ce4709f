"""A corporation's bod beside the agreed plan and the realisation: bod → afgesproken →
gerealiseerd, per item and place, for one dossier and year.

The one place the comparison is made; the dossier dashboard and the report both show it. One
grouped query over the figures the user may see (a concept bod only to its own organisation
and the coördinators, as any concept figure: `core.rules`). A row exists for every place
with a visible bod; the agreed plan and the realisation are those of the same place.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from .models import Dossier, Indicator, Locatie, Organisatie, Soort, Waarde


@dataclass(frozen=True)
class Bodregel:
    indicator: Indicator
    wie: Organisatie | Locatie | None
    bod: Decimal
    afgesproken: Decimal | None
    gerealiseerd: Decimal | None

    @property
    def verschil(self) -> Decimal | None:
        """The agreed plan minus the bod; None while nothing is agreed."""
        return None if self.afgesproken is None else self.afgesproken - self.bod

    @property
    def wijkt_af(self) -> bool:
        return bool(self.verschil)


def bod_vergelijking(dossier: Dossier, user, jaar: int | None) -> list[Bodregel]:
    """Per place with a bod the user may see: the bod, the agreed plan, the realisation."""
    if jaar is None:
        return []
    rijen = (
        Waarde.objects.visible_to(user, [dossier.pk], met_bod=True)
        .filter(jaar=jaar)
        .order_by()
        .values("indicator_id", "organisatie_id", "locatie_id", "soort")
        .annotate(som=Sum("waarde"))
    )
    per_plek: dict[tuple, dict[str, Decimal]] = {}
    for rij in rijen:
        plek = (rij["indicator_id"], rij["organisatie_id"], rij["locatie_id"])
        per_plek.setdefault(plek, {})[rij["soort"]] = rij["som"]
    met_bod = {plek: soorten for plek, soorten in per_plek.items() if Soort.BOD in soorten}
    if not met_bod:
        return []
    indicatoren = Indicator.objects.in_bulk({p[0] for p in met_bod})
    organisaties = Organisatie.objects.in_bulk({p[1] for p in met_bod if p[1]})
    locaties = Locatie.objects.in_bulk({p[2] for p in met_bod if p[2]})
    regels = [
        Bodregel(
            indicator=indicatoren[ind],
            wie=organisaties.get(org) or locaties.get(loc),
            bod=soorten[Soort.BOD],
            afgesproken=soorten.get(Soort.PLAN),
            gerealiseerd=soorten.get(Soort.REALISATIE),
        )
        for (ind, org, loc), soorten in met_bod.items()
    ]
    return sorted(regels, key=lambda r: (r.indicator.volgorde, r.indicator.pk, str(r.wie or "")))
