"""What a voortgangsrapportage contains, once, for the PDF and the workbook alike.

For a Regio Deal what convenant art. 7 asks: per action line and project the year's narrative
and the intended results with target, realised value and status; the finance table with its
checks; the findings; the year's amendments and meetings. For an agreement the yearly
evaluation; for a project its phases and outputs; for a tranche one overview of its deals.
The dashboards' charts (`dashboards.dossier`) are reused as they are.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from afspraken.models import Afspraakpunt
from core.bod import bod_vergelijking
from core.checks import toetsblokken
from core.doeltekst import datum, doel_tekst
from core.figures import Cijfertabel
from core.models import Dossier, Norm, Onderdeel, Waarde
from dashboards.dossier import dashboard_context
from dashboards.grafieken import waarde_van
from projecten.output import output_per
from regiodeals.models import BeoogdResultaat, Regiodeal

from .models import Rapport
from .opbouw import Hoofdstuk, Inhoud
from .streefdoelen import Doelregel, per_onderdeel, streefdoelregels
from .tranche import tranche_inhoud


@dataclass
class Cijferregel:
    """One row of the year's figures: plan, realisation and status, with the toelichting."""

    onderwerp: str
    wie: str
    eenheid: str
    diepte: int
    plan: Decimal | None
    realisatie: Decimal | None
    status: str
    toelichting: str
    delen_som: Decimal | None = None  # the sum of the parts, where the item has parts


@dataclass
class Resultaatregel:
    nummer: str
    omschrijving: str
    doel: str
    gerealiseerd: Decimal | None
    status: str
    eenheid: str = "aantal"
    regel: Doelregel | None = None  # its target's progress, as the targets chapter words it


@dataclass
class Puntregel:
    """An afspraakpunt with its deadline and the status its target has by the shared rule."""

    punt: Afspraakpunt
    deadline: str
    status: str
    regel: Doelregel | None = None  # its target's progress, as the targets chapter words it

    @property
    def doel_en_termijn(self) -> str:
        """A milestone: its deadline in the document's words and as a date; another target:
        what it promises ("800 over 2025–2028"); a punt without a target: its deadline."""
        if self.regel and self.regel.doel.soort != self.regel.doel.Soort.MIJLPAAL:
            return self.regel.doeltekst
        return self.deadline


def bouw_inhoud(rapport: Rapport, user) -> Inhoud:
    if rapport.tranche_id:
        return tranche_inhoud(rapport, user)
    dossier = rapport.dossier
    basis = dashboard_context(dossier, user, rapport.jaar, statussen=True)
    inhoud = Inhoud(rapport, context={**basis, "jaar": rapport.jaar})
    inhoud.context["cijfers"] = cijferregels(basis["tabel"], rapport.jaar)
    doelen = streefdoelregels(dossier, user, rapport.jaar)
    inhoud.context.update(streefdoelen=doelen, streefdoelgroepen=per_onderdeel(doelen))
    bouwer = {
        Dossier.Soort.REGIODEAL: _regiodeal,
        Dossier.Soort.AFSPRAAK: _afspraak,
        Dossier.Soort.PROJECT: _project,
    }[dossier.soort]
    bouwer(inhoud, dossier, user)
    inhoud.hoofdstukken += [
        Hoofdstuk("Streefdoelen en voortgang", "streefdoelen", "streefdoelen"),
        Hoofdstuk("Bevindingen", "bevindingen", "bevindingen"),
    ]
    _doelen_eenmaal(inhoud, doelen)
    inhoud.context["toetsblokken"] = _toetsblokken(inhoud.context, dossier)
    return inhoud


# The chapter that shows a target with the document's words (a beoogd resultaat, an
# afspraakpunt), so the targets chapter need not show it again.
_DOEL_GETOOND_IN = {"voortgang": "beoogd_resultaat", "punten": "afspraakpunt"}


def _doelen_eenmaal(inhoud: Inhoud, doelen: list[Doelregel]) -> None:
    """Each target once in the PDF: those of a beoogd resultaat or an afspraakpunt stand with
    their action line or theme (with their progress), the targets chapter has the rest and
    says where the others are. The workbook keeps every target on its sheet."""
    ankers = [h.anker for h in inhoud.hoofdstukken]
    getoond = {bij for anker, bij in _DOEL_GETOOND_IN.items() if anker in ankers}
    elders = {r.doel.pk for r in doelen if r.plaats.bij in getoond}
    inhoud.context["doelgroepen_pdf"] = per_onderdeel(
        [r for r in doelen if r.doel.pk not in elders]
    )
    inhoud.context["doelen_elders"] = ""
    if elders:
        anker = next(a for a in _DOEL_GETOOND_IN if a in ankers)
        nummer = ankers.index(anker) + 1
        titel = inhoud.hoofdstukken[nummer - 1].titel
        inhoud.context["doelen_elders"] = (
            f"{len(elders)} van de {len(doelen)} streefdoelen staan met hun voortgang in "
            f"hoofdstuk {nummer} ({titel}), bij wat het document ermee afspreekt"
            + (": hier de overige." if len(elders) < len(doelen) else ".")
        )


def _toetsblokken(context: dict, dossier: Dossier) -> list:
    """What the findings chapter checked, per kind (sums, norms, money), and what it found."""
    heeft_normen = Norm.objects.filter(indicator__dossier=dossier).exists()
    context["heeft_normen"] = heeft_normen
    blokken = toetsblokken(context["tabel"].toetsing, heeft_normen)
    if context.get("financien") is not None:
        blokken += context["financien"].toetsblokken()
    return blokken


def cijferregels(tabel: Cijfertabel, jaar: int) -> list[Cijferregel]:
    """The table's rows for one year; a total carries the sum of its parts' realisations, so a
    reader sees the reported total and the sum side by side where they differ."""
    per_item = {(r.indicator.pk, r.wie): r for r in tabel.rijen}
    delen_van: dict[int, list[int]] = defaultdict(list)
    for r in tabel.rijen:
        if r.wie is None and r.indicator.deel_van_id and not r.indicator.is_waarvan:
            delen_van[r.indicator.deel_van_id].append(r.indicator.pk)
    regels = []
    for rij in tabel.rijen:
        cel = rij.cellen.get(jaar)
        if cel is None:
            continue
        delen = [
            per_item[(deel, rij.wie)]
            for deel in delen_van[rij.indicator.pk]
            if (deel, rij.wie) in per_item
        ]
        gemeten = [w for d in delen if (w := waarde_van(d, jaar, "realisatie")) is not None]
        toelichtingen = (
            getattr(cel.plan, "toelichting", ""),
            getattr(cel.realisatie, "toelichting", ""),
        )
        regels.append(
            Cijferregel(
                onderwerp=rij.indicator.naam,
                wie=rij.wie or "",
                eenheid=rij.indicator.eenheid,
                diepte=rij.diepte,
                plan=waarde_van(rij, jaar, "plan"),
                realisatie=waarde_van(rij, jaar, "realisatie"),
                status=cel.status.label if cel.status else "",
                toelichting=" ".join(t for t in toelichtingen if t),
                delen_som=sum(gemeten, Decimal(0)) if gemeten else None,
            )
        )
    return regels


def _regiodeal(inhoud: Inhoud, dossier: Dossier, user) -> None:
    deal = Regiodeal.objects.get(pk=dossier.pk)
    jaar = inhoud.rapport.jaar
    teksten = (
        {t.onderdeel_id: t.tekst for t in inhoud.rapport.teksten.all()} if inhoud.rapport.pk else {}
    )
    resultaten = _resultaten(deal, inhoud.context["streefdoelen"])
    onderdelen = list(Onderdeel.objects.filter(dossier=deal).order_by("volgorde", "nummer"))
    inhoud.context.update(
        deal=deal,
        onderdelen=[(o, teksten.get(o.pk, ""), resultaten.get(o.pk, [])) for o in onderdelen],
        zonder_tekst=[o.nummer or o.titel for o in onderdelen if not teksten.get(o.pk)],
        wijzigingen=list(deal.wijzigingen.filter(datum__year=jaar)),
        overleggen=list(deal.overleggen.filter(datum__year=jaar)),
        op_schema=_resultaattelling(resultaten),
    )
    inhoud.hoofdstukken += [
        Hoofdstuk("Voortgang per actielijn en project", "deal_voortgang", "voortgang"),
        Hoofdstuk("Liggen de partijen op schema?", "deal_schema", "schema"),
        Hoofdstuk("Financiën", "deal_financien", "financien"),
        Hoofdstuk(f"Wijzigingen en overleg in {jaar}", "deal_bestuur", "bestuur"),
    ]


def _resultaten(deal: Regiodeal, doelen: list[Doelregel]) -> dict[int, list[Resultaatregel]]:
    """The intended results per action line or project, judged by their targets' progress."""
    per_doel = {regel.doel.pk: regel for regel in doelen}
    resultaten: dict[int, list[Resultaatregel]] = {}
    for r in BeoogdResultaat.objects.filter(regiodeal=deal).select_related("onderdeel"):
        regel = per_doel.get(r.streefdoel_id)
        resultaten.setdefault(r.onderdeel_id, []).append(
            Resultaatregel(
                r.onderdeel.nummer,
                r.omschrijving,
                doel_tekst(regel.doel) if regel else "–",
                regel.voortgang.gerealiseerd if regel else None,
                regel.status if regel else "geen streefdoel",
                regel.eenheid if regel else "aantal",
                regel,
            )
        )
    return resultaten


def _resultaattelling(resultaten: dict[int, list[Resultaatregel]]) -> dict[str, int]:
    telling: dict[str, int] = {}
    for regels in resultaten.values():
        for regel in regels:
            telling[regel.status] = telling.get(regel.status, 0) + 1
    return dict(sorted(telling.items()))


def _afspraak(inhoud: Inhoud, dossier: Dossier, user) -> None:
    jaar = inhoud.rapport.jaar
    normen = [u for u in inhoud.context["tabel"].toetsing.normuitkomsten if u.jaar == jaar]
    namen = {r.indicator.pk: r.indicator.naam for r in inhoud.context["tabel"].rijen}
    inhoud.context["normen"] = [(namen.get(u.item, ""), u) for u in normen]
    gemeten = {(u.item, u.regel, u.wie) for u in normen if u.soort == "realisatie"}
    inhoud.context["normregels"] = [
        (naam, u, u.soort == "plan" and (u.item, u.regel, u.wie) not in gemeten)
        for naam, u in inhoud.context["normen"]
    ]
    inhoud.context["puntregels"] = _puntregels(dossier, inhoud.context["streefdoelen"])
    inhoud.hoofdstukken.append(
        Hoofdstuk(f"Planning en realisatie {jaar}", "afspraak_cijfers", "cijfers")
    )
    inhoud.context["bod"] = bod_vergelijking(dossier, user, jaar)
    if inhoud.context["bod"]:
        inhoud.hoofdstukken.append(Hoofdstuk(f"Bod en afspraak {jaar}", "afspraak_bod", "bod"))
    inhoud.hoofdstukken += [
        Hoofdstuk("Normen", "afspraak_normen", "normen"),
        Hoofdstuk("Bestuursopdrachten en afspraken per thema", "afspraak_punten", "punten"),
    ]


def _puntregels(dossier: Dossier, doelen: list[Doelregel]) -> dict[object, list[Puntregel]]:
    """The afspraakpunten per theme; a punt with a target (a bestuursopdracht's deadline) has
    the status the dashboard shows (te laat when past and not reached), not a stored word."""
    per_doel = {regel.doel.pk: regel for regel in doelen}
    punten: dict[object, list[Puntregel]] = defaultdict(list)
    for punt in Afspraakpunt.objects.filter(afspraak=dossier).select_related("onderdeel"):
        regel = per_doel.get(punt.streefdoel_id)
        deadline = punt.deadline_omschrijving
        if regel and regel.doel.soort == regel.doel.Soort.MIJLPAAL and regel.doel.uiterlijk:
            formeel = datum(regel.doel.uiterlijk)
            deadline = f"{deadline}, uiterlijk {formeel}" if deadline else formeel
        status = regel.status if regel else punt.get_status_display()
        punten[punt.onderdeel].append(Puntregel(punt, deadline, status, regel))
    return dict(punten)


def _project(inhoud: Inhoud, dossier: Dossier, user) -> None:
    kernen = list(dossier.locaties.select_related("gemeente").order_by("volgorde", "naam"))
    indicatoren = list(dossier.indicatoren.all())
    waarden = Waarde.objects.visible_to(user, [dossier.pk])
    gemeenten = sorted({k.gemeente.naam for k in kernen if k.gemeente})
    inhoud.context.update(
        indicatoren=indicatoren,
        output_tabellen=[
            (
                "Output per gemeente",
                output_per(waarden, "locatie__gemeente__naam", gemeenten, indicatoren),
            ),
            (
                "Output per kern",
                output_per(waarden, "locatie__naam", [k.naam for k in kernen], indicatoren),
            ),
        ],
    )
    inhoud.hoofdstukken += [
        Hoofdstuk("Fasen en rapportages", "project_fasen", "fasen"),
        Hoofdstuk("Output per gemeente en per kern", "project_output", "output"),
    ]
