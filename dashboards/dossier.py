"""The dashboard of one agreement, deal or project: what the bestuurlijk overleg looks at.

`dashboard_context` gathers everything in a fixed number of queries; the view and the reports
render it. Every theme or action line shows its targets and their progress by the one rule
(`core.voortgang`, worded in `dashboards.doelen`), with or without figures. What differs per
kind of dossier (finances, outputs) is added by `_regiodeal` and `_project`.
"""

from collections import defaultdict

from django.db.models import Prefetch

from afspraken.models import Afspraakpunt
from core.bod import bod_vergelijking
from core.cellen import cellen, tel_per
from core.charts import BREED, Reeks, Staafdiagram, Voortgangsregel, resultaatgrafieken
from core.figures import bouw_cijfertabel
from core.jaren import rapportjaren
from core.models import Dossier, Onderdeel, Streefdoel, Waarde
from core.status import Status
from core.voortgang import voortgang_van
from projecten.models import Project
from projecten.output import output_per
from projecten.timeline import tijdlijn_svg
from regiodeals.finance import financien_van
from regiodeals.models import BeoogdResultaat, Regiodeal

from .doelen import doelen_per_onderdeel
from .doelen import telling as doeltelling
from .grafieken import kies_jaar, themablokken

TELBAAR = (Streefdoel.Soort.LOOPTIJD, Streefdoel.Soort.BANDBREEDTE, Streefdoel.Soort.PER_JAAR)


def dashboard_context(
    dossier: Dossier, user, gevraagd_jaar: int | None, *, statussen: bool = False
) -> dict:
    """`statussen`: a status on every cell of `tabel` too (the reports list them); the page
    itself shows the counts, which the database makes.

    `doelen`: per top-level onderdeel (pk, None for the rest) its lines of targets
    (`dashboards.doelen.Doelregel`), judged by `core.voortgang` at the chosen year;
    `voortgangen`: every target's `Voortgang`; `doeltelling`: targets per status."""
    waarden = Waarde.objects.visible_to(user, [dossier.pk])
    tabel = bouw_cijfertabel(dossier, waarden, statussen=statussen)
    jaar = kies_jaar(tabel, gevraagd_jaar)
    alle_onderdelen = list(Onderdeel.objects.filter(dossier=dossier))
    onderdelen = [o for o in alle_onderdelen if o.hoofdonderdeel_id is None]
    per_onderdeel = tel_per(cellen(user, [dossier.pk], met_waarden=False), "indicator__onderdeel")
    totaal = dict.fromkeys(Status, 0)
    for telling in per_onderdeel.values():
        for status, aantal in telling.items():
            totaal[status] += aantal
    voortgangen = voortgang_van(dossier, user, jaar if jaar is not None else gevraagd_jaar)
    punten = _punten(dossier)
    resultaten = _resultaten(dossier)
    doelen = doelen_per_onderdeel(dossier, voortgangen, alle_onderdelen, punten, resultaten)
    context = {
        "dossier": dossier,
        "tabel": tabel,
        "jaar": jaar,
        "telling": totaal if any(totaal.values()) else {},
        "blokken": themablokken(tabel, jaar, onderdelen, per_onderdeel, doelen),
        "vergelijkbaar": any(r.wie for r in tabel.rijen),
        "rapportjaren": rapportjaren(dossier, tabel.jaren),
        "voortgangen": voortgangen,
        "doelen": doelen,
        "doeltelling": doeltelling(voortgangen),
        "punten": _per_onderdeel(punten, alle_onderdelen),
        "bod": bod_vergelijking(dossier, user, jaar),
    }
    if dossier.soort == Dossier.Soort.REGIODEAL:
        context.update(_regiodeal(dossier, onderdelen, doelen))
    elif dossier.soort == Dossier.Soort.PROJECT:
        context.update(_project(dossier, waarden))
    return context


def _punten(dossier: Dossier) -> list[Afspraakpunt]:
    if dossier.soort != Dossier.Soort.AFSPRAAK:
        return []
    return list(Afspraakpunt.objects.filter(afspraak_id=dossier.pk))


def _resultaten(dossier: Dossier) -> list[BeoogdResultaat]:
    if dossier.soort != Dossier.Soort.REGIODEAL:
        return []
    return list(BeoogdResultaat.objects.filter(regiodeal_id=dossier.pk))


def _per_onderdeel(punten: list[Afspraakpunt], onderdelen: list[Onderdeel]) -> dict:
    """The agreement's items per theme (the reports list them so)."""
    per_pk = {o.pk: o for o in onderdelen}
    per_thema = defaultdict(list)
    for punt in punten:
        per_thema[per_pk[punt.onderdeel_id]].append(punt)
    return dict(per_thema)


def _regiodeal(dossier: Dossier, lijnen: list[Onderdeel], doelen: dict) -> dict:
    deal = Regiodeal.objects.select_related("tranche").get(pk=dossier.pk)
    financien = financien_van(deal)
    posten = financien.regels
    financiering = Staafdiagram(
        id="grafiek-financien",
        titel="Rijksbijdrage en regionale financiering per actielijn: maximum en gerealiseerd",
        categorieen=[r.post.naam for r in posten],
        reeksen=[
            Reeks(
                "Maximale Rijksbijdrage", [r.post.maximale_rijksbijdrage for r in posten], "plan"
            ),
            Reeks("Rijksbijdrage verschuldigd", [r.rijksbijdrage for r in posten], "realisatie"),
            Reeks(
                "Minimale regionale financiering",
                [r.post.minimale_regionale_financiering for r in posten],
                "regio_plan",
            ),
            Reeks("Regionaal gerealiseerd", [r.regionaal for r in posten], "regio_realisatie"),
        ],
        eenheid="euro",
        breedte=BREED,
    )
    voortgang = []
    for lijn in lijnen:
        regels = [
            Voortgangsregel(
                naam=f"{regel.nummer} {regel.titel}".strip(),
                gerealiseerd=regel.voortgang.gerealiseerd,
                streefwaarde=regel.doel.waarde,
                minimum=regel.doel.minimum,
                maximum=regel.doel.maximum,
                status=regel.status_label,
                eenheid=regel.doel.eenheid_van,
            )
            for regel in doelen.get(lijn.pk, [])
            if regel.voortgang and regel.doel.soort in TELBAAR
        ]
        voortgang += resultaatgrafieken(
            f"grafiek-resultaten-{lijn.pk}",
            f"Telbare resultaten van {lijn}: gerealiseerd tegenover doel of bandbreedte",
            regels,
        )
    return {"financien": financien, "financiering": financiering, "voortgang": voortgang}


def _project(dossier: Dossier, waarden) -> dict:
    project = Project.objects.prefetch_related(Prefetch("fasen"), "rapportages", "indicatoren").get(
        pk=dossier.pk
    )
    fasen = list(project.fasen.all())
    indicatoren = list(project.indicatoren.all())
    gemeenten = sorted(
        {naam for naam in project.locaties.values_list("gemeente__naam", flat=True) if naam}
    )
    per_gemeente = output_per(
        waarden.filter(indicator__dossier=project),
        "locatie__gemeente__naam",
        gemeenten,
        indicatoren,
    )
    output = [
        Staafdiagram(
            id=f"grafiek-output-{indicator.pk}",
            titel=f"{indicator.naam}: plan en realisatie per gemeente, over de looptijd",
            categorieen=[naam for naam, _ in per_gemeente],
            reeksen=[
                Reeks("Plan", [cellen_[i]["plan"] for _, cellen_ in per_gemeente], "plan"),
                Reeks(
                    "Realisatie",
                    [cellen_[i]["realisatie"] for _, cellen_ in per_gemeente],
                    "realisatie",
                ),
            ],
            eenheid=indicator.eenheid,
            breedte=BREED,
        )
        for i, indicator in enumerate(indicatoren)
    ]
    return {
        "output": output,
        "tijdlijn": tijdlijn_svg(fasen, id_prefix=f"tijdlijn-{project.pk}"),
        "fasen": fasen,
        "rapportages": list(project.rapportages.all()),
    }
