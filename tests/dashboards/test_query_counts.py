"""Each dashboard runs as many SQL queries with ten times the data (no query per row)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from afspraken.models import Afspraak, Afspraakpunt
from core.models import Indicator, Norm, Onderdeel, Organisatie, Partij, Rol, Waarde
from projecten.models import Fase, Kern, Project, Rapportage
from regiodeals.models import BeoogdResultaat, Bron, Financieringspost, Kosten, Regiodeal

JAREN = (2020, 2021)


def _organisaties(prefix: str, aantal: int) -> list[Organisatie]:
    return Organisatie.objects.bulk_create(
        Organisatie(naam=f"{prefix} {i}", slug=f"{prefix.lower()}-{i}", soort="woningcorporatie")
        for i in range(aantal)
    )


def _waarden(indicatoren, organisaties=(None,), locaties=(None,)) -> None:
    Waarde.objects.bulk_create(
        Waarde(
            indicator=ind,
            jaar=jaar,
            soort=soort,
            organisatie=org,
            locatie=loc,
            waarde=Decimal(10 + i + (5 if soort == "realisatie" else 0)),
        )
        for i, ind in enumerate(indicatoren)
        for jaar in JAREN
        for soort in ("plan", "realisatie")
        for org in organisaties
        for loc in locaties
    )


def wereld(maat: int, gemeente: Organisatie):
    """An agreement, a deal and a project, each with `maat` times the rows."""
    corporaties = _organisaties(f"Corp{maat}", 2 * maat)
    afspraak = Afspraak.objects.create(
        titel=f"Afspraak {maat}",
        slug=f"afspraak-{maat}",
        penvoerder=gemeente,
        soort_afspraak="prestatieafspraken",
        startdatum=datetime.date(2020, 1, 1),
        einddatum=datetime.date(2021, 12, 31),
    )
    Partij.objects.bulk_create(
        Partij(dossier=afspraak, organisatie=o, rol="partij") for o in [gemeente, *corporaties]
    )
    for t in range(maat):
        thema = Onderdeel.objects.create(dossier=afspraak, nummer=str(t), titel=f"Thema {t}")
        totaal = Indicator.objects.create(
            dossier=afspraak, onderdeel=thema, code=f"totaal-{t}", naam="Totaal", eenheid="aantal"
        )
        delen = [
            Indicator.objects.create(
                dossier=afspraak,
                onderdeel=thema,
                code=f"deel-{t}-{d}",
                naam=f"Deel {d}",
                eenheid="aantal",
                deel_van=totaal,
            )
            for d in range(3)
        ]
        Norm.objects.create(
            indicator=delen[0], soort="aandeel", ondergrens=45, ten_opzichte_van=totaal
        )
        gesplitst = Indicator.objects.create(
            dossier=afspraak,
            onderdeel=thema,
            code=f"gesplitst-{t}",
            naam="Per corporatie",
            eenheid="euro",
            uitsplitsing="organisatie",
        )
        _waarden([totaal, *delen, gesplitst])
        _waarden([gesplitst], corporaties)
        Afspraakpunt.objects.create(
            afspraak=afspraak,
            onderdeel=thema,
            soort="bestuursopdracht",
            titel=f"Opdracht {t}",
            resultaat="plan",
            deadline=datetime.date(2021, 6, 1),
        )

    deal = Regiodeal.objects.create(
        titel=f"Deal {maat}", slug=f"deal-{maat}", penvoerder=gemeente, maximale_rijksbijdrage=10
    )
    Partij.objects.create(dossier=deal, organisatie=gemeente, rol="partij")
    for lijn_nr in range(maat):
        lijn = Onderdeel.objects.create(dossier=deal, nummer=str(lijn_nr), titel=f"Lijn {lijn_nr}")
        post = Financieringspost.objects.create(
            regiodeal=deal,
            actielijn=lijn,
            naam=f"Lijn {lijn_nr}",
            maximale_rijksbijdrage=1,
            minimale_regionale_financiering=1,
        )
        Kosten.objects.bulk_create(
            Kosten(post=post, jaar=jaar, bron=bron, bedrag=1) for jaar in JAREN for bron in Bron
        )
        for r in range(2):
            indicator = Indicator.objects.create(
                dossier=deal, onderdeel=lijn, code=f"r-{lijn_nr}-{r}", naam="R", eenheid="aantal"
            )
            BeoogdResultaat.objects.create(
                regiodeal=deal,
                onderdeel=lijn,
                soort="telbaar",
                omschrijving=f"Resultaat {lijn_nr}.{r}",
                minimum=1,
                maximum=3,
                indicator=indicator,
            )
            _waarden([indicator])

    project = Project.objects.create(
        titel=f"Project {maat}",
        slug=f"project-{maat}",
        penvoerder=gemeente,
        startdatum=datetime.date(2020, 1, 1),
        einddatum=datetime.date(2021, 12, 31),
    )
    Partij.objects.create(dossier=project, organisatie=gemeente, rol="aanvrager")
    gemeenten = _organisaties(f"Gem{maat}", maat)
    kernen = [
        Kern.objects.create(dossier=project, naam=f"Kern {maat}-{k}", gemeente=gemeenten[k % maat])
        for k in range(5 * maat)
    ]
    output = [
        Indicator.objects.create(
            dossier=project,
            code=f"o-{i}",
            naam=f"Output {i}",
            eenheid="aantal",
            uitsplitsing="locatie",
        )
        for i in range(3)
    ]
    _waarden(output, locaties=kernen)
    Fase.objects.bulk_create(
        Fase(project=project, nummer=n, titel=f"Fase {n}", start=datetime.date(2020, 1, 1))
        for n in range(1, maat + 2)
    )
    Rapportage.objects.bulk_create(
        Rapportage(
            project=project,
            soort="tussenrapportage",
            venster_start=datetime.date(2020, 11, 1),
            venster_eind=datetime.date(2020, 12, 31),
        )
        for _ in range(maat)
    )
    return afspraak, deal, project


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as vastgelegd:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(vastgelegd.captured_queries)


PAGINAS = [
    lambda a, d, p: reverse("start"),
    lambda a, d, p: reverse("dashboards:dossier", args=[a.slug]),
    lambda a, d, p: reverse("dashboards:dossier", args=[d.slug]),
    lambda a, d, p: reverse("dashboards:dossier", args=[p.slug]),
    lambda a, d, p: reverse("dashboards:vergelijking", args=[a.slug]),
    lambda a, d, p: reverse("dashboards:trend", args=[a.slug, "totaal-0"]),
    lambda a, d, p: reverse("dashboards:cijfers") + "?status=voor",
]


@pytest.mark.parametrize("pagina", PAGINAS)
def test_dashboard_queries_do_not_grow_with_ten_times_the_data(
    client, organisatie_factory, user_factory, pagina
):
    tellingen = []
    for maat in (1, 10):
        gemeente = organisatie_factory(f"Gemeente {maat}", Organisatie.Soort.GEMEENTE)
        lezer = user_factory(f"bestuurder-{maat}", gemeente, Rol.BESTUURDER)
        client.force_login(lezer)
        url = pagina(*wereld(maat, gemeente))
        client.get(url)  # warm up: content types, session
        tellingen.append(queries(client, url))

    assert tellingen[0] == tellingen[1]
