"""Projects: kernen in two municipalities, phases, reports and outputs per kern."""

import datetime
from decimal import Decimal

from core.models import Dossier, Indicator, Jaaropgave, Locatie, Partij, Waarde
from projecten.models import Actie, Fase, Kern, Project, Projectonderdeel, Rapportage

from ..schrijver import maak, schrijf
from ..stand import EIND_JAAR, PREFIX, Stand
from .basis import (
    OPGAVE_VELDEN,
    WAARDE_VELDEN,
    in_batches,
    maak_dossiers,
    opgave_status,
    realisatie,
)
from .streefdoelen import bewaar, project_doelen

FASEN = ["Verkenning", "Organisatie", "Uitvoering", "Evaluatie, rapportage en implementatie"]
OUTPUT = ["Nieuwe sportactiviteiten", "Nieuwe deelnemers", "Doorverwijzingen"]


def maak_projecten(stand: Stand) -> tuple[int, int]:
    aantal = stand.omvang.projecten
    return aantal, in_batches("project", aantal, lambda b, begin: _projecten(stand, b, begin))


def _projecten(stand: Stand, batch: range, begin: int) -> int:
    omvang = stand.omvang
    eerste = EIND_JAAR - omvang.project_jaren + 1
    gemeenten = stand.gemeenten
    aanvragers = {p: gemeenten[p % len(gemeenten)] for p in batch}
    tweede = {p: gemeenten[(p + 1) % len(gemeenten)] for p in batch}
    dossiers = maak_dossiers(
        Dossier.Soort.PROJECT,
        [
            {
                "titel": f"Sociaal vitaal {aanvragers[p].naam.removeprefix('Gemeente ')} "
                f"{begin + p + 1}",
                "slug": f"{PREFIX}-project-{begin + p}",
                "startdatum": datetime.date(eerste, 1, 1),
                "einddatum": datetime.date(EIND_JAAR, 12, 31),
                "penvoerder": aanvragers[p],
            }
            for p in batch
        ],
    )
    slugs = {d.pk: d.slug for d in dossiers}
    schrijf(
        Project,
        ["dossier_ptr_id", "soort_financiering", "plandatum", "status", "hoofddoel"],
        (
            (
                d.pk,
                Project.Financiering.SUBSIDIE,
                datetime.date(eerste - 1, 5, 1),
                Project.Status.LOPEND,
                "Meer inwoners van kleine kernen sporten en bewegen.",
            )
            for d in dossiers
        ),
    )
    partijen = {}  # (dossier, organisation, role) once, also when both municipalities are one
    for p, d in zip(batch, dossiers, strict=True):
        for n, (organisatie, rol) in enumerate(
            [
                (aanvragers[p], "aanvrager"),
                (aanvragers[p], "deelnemer"),
                (tweede[p], "deelnemer"),
                (stand.provincies[p % len(stand.provincies)], "financier"),
            ]
        ):
            partijen.setdefault((d.pk, organisatie.pk, rol), n)
    schrijf(
        Partij,
        ["dossier_id", "organisatie_id", "rol", "volgorde"],
        ((*sleutel, n) for sleutel, n in partijen.items()),
    )
    kernen = maak(
        Locatie,
        [
            Locatie(
                dossier=d,
                naam=f"Kern {k + 1}",
                gemeente=aanvragers[p] if k % 2 == 0 else tweede[p],
                inwoners=500 + ((begin + p) * 37 + k * 113) % 4500,
                volgorde=k,
            )
            for p, d in zip(batch, dossiers, strict=True)
            for k in range(omvang.locaties)
        ],
    )
    schrijf(Kern, ["locatie_ptr_id", "projectleider_fte"], ((k.pk, Decimal("0.1")) for k in kernen))
    items = maak(
        Indicator,
        [
            Indicator(
                dossier=d,
                code=f"output-{n + 1}",
                naam=OUTPUT[n % len(OUTPUT)],
                eenheid="aantal",
                uitsplitsing="locatie",
                volgorde=n,
            )
            for d in dossiers
            for n in range(omvang.output_items)
        ],
    )
    per_project: dict[int, list[Indicator]] = {}
    for item in items:
        per_project.setdefault(item.dossier_id, []).append(item)
    bewaar(
        [
            doel
            for d in dossiers
            for doel in project_doelen(d, per_project[d.pk], omvang.locaties, omvang.project_jaren)
        ]
    )
    fasen = maak(
        Fase,
        [
            Fase(
                project_id=d.pk,
                nummer=n + 1,
                titel=titel,
                start=datetime.date(eerste, 1 + 3 * n, 1),
                eind=datetime.date(EIND_JAAR, 3 + 3 * n, 1),
            )
            for d in dossiers
            for n, titel in enumerate(FASEN)
        ],
    )
    schrijf(
        Actie,
        ["fase_id", "omschrijving", "volgorde", "periode_tekst"],
        ((f.pk, f"Actie {n + 1} van {f.titel.lower()}", n, "") for f in fasen for n in range(2)),
    )
    schrijf(
        Projectonderdeel,
        ["project_id", "soort", "tekst", "volgorde"],
        (
            (d.pk, soort, tekst, 0)
            for d in dossiers
            for soort, tekst in [
                ("subdoel", "Nieuwe sport- en beweegactiviteiten in elke kern."),
                ("doelgroep", "Inwoners die weinig bewegen."),
                ("resultaat", "Een lokaal netwerk dat het werk voortzet."),
            ]
        ),
    )
    schrijf(
        Rapportage,
        ["project_id", "soort", "venster_start", "venster_eind", "ontvangen_op"],
        (
            rij
            for d in dossiers
            for rij in [
                (
                    d.pk,
                    "tussenrapportage",
                    datetime.date(eerste, 11, 1),
                    datetime.date(eerste, 12, 31),
                    datetime.date(eerste, 12, 15),
                ),
                (
                    d.pk,
                    "eindrapportage",
                    datetime.date(EIND_JAAR, 11, 1),
                    datetime.date(EIND_JAAR, 12, 31),
                    None,
                ),
            ]
        ),
    )
    jaren = range(eerste, EIND_JAAR + 1)
    schrijf(
        Jaaropgave,
        OPGAVE_VELDEN,
        {
            (d.pk, gemeente.pk, jaar, soort, opgave_status(jaar, soort, True))
            for p, d in zip(batch, dossiers, strict=True)
            for gemeente in (aanvragers[p], tweede[p])
            for jaar in jaren
            for soort in ("plan", "realisatie")
        },
    )
    per_dossier: dict[int, list[Locatie]] = {}
    for kern in kernen:
        per_dossier.setdefault(kern.dossier_id, []).append(kern)

    def waarden():
        for item in items:
            rng = stand.rng("output", f"{slugs[item.dossier_id]}/{item.code}")
            for kern in per_dossier[item.dossier_id]:
                for jaar in jaren:
                    plan = Decimal(rng.randint(2, 40))
                    yield (item.pk, jaar, "plan", None, kern.pk, plan)
                    yield (
                        item.pk,
                        jaar,
                        "realisatie",
                        None,
                        kern.pk,
                        realisatie(rng, plan, "aantal"),
                    )

    return schrijf(Waarde, WAARDE_VELDEN, waarden())
