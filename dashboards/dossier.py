"""The dashboard of one agreement, deal or project: what the bestuurlijk overleg looks at.

`dashboard_context` gathers everything in a fixed number of queries; the view and the reports
render it. What differs per kind of dossier (deliverables, finances, outputs) is added by
`_afspraak`, `_regiodeal` and `_project`.
"""

from collections import defaultdict

from django.db.models import Prefetch
from django.utils import timezone

from afspraken.models import Afspraakpunt
from core.cellen import cellen, tel_per
from core.charts import Reeks, Staafdiagram, Voortgangsdiagram, Voortgangsregel
from core.figures import bouw_cijfertabel
from core.models import Dossier, Onderdeel, Waarde
from core.status import Status
from projecten.models import Project
from projecten.output import output_per
from projecten.timeline import tijdlijn_svg
from regiodeals.finance import financien_van
from regiodeals.models import BeoogdResultaat, Regiodeal
from regiodeals.results import gerealiseerde_waarde, realisaties_van, resultaat_status

from .grafieken import kies_jaar, themablokken


def dashboard_context(
    dossier: Dossier, user, gevraagd_jaar: int | None, *, statussen: bool = False
) -> dict:
    """`statussen`: a status on every cell of `tabel` too (the reports list them); the page
    itself shows the counts, which the database makes."""
    waarden = Waarde.objects.visible_to(user, [dossier.pk])
    tabel = bouw_cijfertabel(dossier, waarden, statussen=statussen)
    jaar = kies_jaar(tabel, gevraagd_jaar)
    onderdelen = list(Onderdeel.objects.filter(dossier=dossier, hoofdonderdeel__isnull=True))
    per_onderdeel = tel_per(cellen(user, [dossier.pk], met_waarden=False), "indicator__onderdeel")
    totaal = dict.fromkeys(Status, 0)
    for telling in per_onderdeel.values():
        for status, aantal in telling.items():
            totaal[status] += aantal
    context = {
        "dossier": dossier,
        "tabel": tabel,
        "jaar": jaar,
        "telling": totaal if any(totaal.values()) else {},
        "blokken": themablokken(tabel, jaar, onderdelen, per_onderdeel),
        "vergelijkbaar": any(r.wie for r in tabel.rijen),
        "rapportjaren": _rapportjaren(dossier, tabel.jaren),
    }
    uitbreiding = {
        Dossier.Soort.AFSPRAAK: _afspraak,
        Dossier.Soort.REGIODEAL: _regiodeal,
        Dossier.Soort.PROJECT: _project,
    }[dossier.soort]
    context.update(uitbreiding(dossier, waarden))
    return context


def _rapportjaren(dossier: Dossier, jaren: list[int]) -> list[int]:
    """The years a voortgangsrapportage can be made for: the term up to this year."""
    dit_jaar = timezone.localdate().year
    if dossier.startjaar:
        return list(range(dossier.startjaar, min(dossier.eindjaar or dit_jaar, dit_jaar) + 1))
    return sorted({*jaren, dit_jaar - 1})


def _afspraak(dossier: Dossier, waarden) -> dict:
    """The deliverables of each theme (bestuursopdrachten) with their deadline and status."""
    punten = defaultdict(list)
    for punt in Afspraakpunt.objects.filter(afspraak=dossier).select_related("onderdeel"):
        punten[punt.onderdeel].append(punt)
    return {"punten": dict(punten)}


def _regiodeal(dossier: Dossier, waarden) -> dict:
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
        breedte=max(640, 150 * len(posten)),
    )
    realisaties = realisaties_van(deal, waarden)
    per_lijn: dict[Onderdeel, list[Voortgangsregel]] = defaultdict(list)
    resultaten = BeoogdResultaat.objects.filter(
        regiodeal=deal, soort=BeoogdResultaat.Soort.TELBAAR
    ).select_related("onderdeel__hoofdonderdeel__hoofdonderdeel")
    for resultaat in resultaten:
        gemeten = realisaties.get(resultaat.indicator_id, {})
        lijn = resultaat.onderdeel
        while lijn.hoofdonderdeel is not None:
            lijn = lijn.hoofdonderdeel
        per_lijn[lijn].append(
            Voortgangsregel(
                naam=f"{resultaat.onderdeel.nummer} {resultaat.omschrijving}",
                gerealiseerd=gerealiseerde_waarde(resultaat, gemeten),
                streefwaarde=resultaat.streefwaarde,
                minimum=resultaat.minimum,
                maximum=resultaat.maximum,
                status=resultaat_status(resultaat, gemeten).label,
            )
        )
    voortgang = [
        Voortgangsdiagram(
            id=f"grafiek-resultaten-{lijn.pk}",
            titel=f"Telbare resultaten van {lijn}: gerealiseerd tegenover doel of bandbreedte",
            regels=regels,
        )
        for lijn, regels in sorted(per_lijn.items(), key=lambda item: item[0].volgorde)
    ]
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
            breedte=max(640, 60 * len(per_gemeente)),
        )
        for i, indicator in enumerate(indicatoren)
    ]
    return {
        "output": output,
        "tijdlijn": tijdlijn_svg(fasen, id_prefix=f"tijdlijn-{project.pk}"),
        "fasen": fasen,
        "rapportages": list(project.rapportages.all()),
    }
