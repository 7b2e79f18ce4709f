"""A dossier's structure in memory: what the workbook holds and what `maak` builds from.

A `Structuur` is the dossier's own fields (`dossier`, field → value) and one list of rows per
sheet (`bladen`, sheet → rows of column → value). Everything refers to everything else by the
keys people use: organisations by slug, onderdelen by nummer, items by code, targets by their
`nummer` in the sheet, a tranche by its nummer. No primary keys, no figures, so two dossiers
with the same structure read equal (`lees(a) == lees(b)`, apart from `slug`).

Rows come in the order the app shows them, the primary key breaking ties; `maak` creates them
in that order, so a dossier made from a structure reads back the same.
"""

from dataclasses import dataclass, field

from core.models import Dossier

# column types
TEKST, GETAL, GEHEEL, DATUM, JANEE, LIJST = "tekst", "getal", "geheel", "datum", "janee", "lijst"

DOSSIERVELDEN: dict[str, list[tuple[str, str]]] = {
    "": [
        ("soort", TEKST),
        ("titel", TEKST),
        ("korte_naam", TEKST),
        ("slug", TEKST),
        ("samenvatting", TEKST),
        ("startdatum", DATUM),
        ("einddatum", DATUM),
        ("penvoerder", TEKST),
    ],
    "afspraak": [("soort_afspraak", TEKST), ("overlegorgaan", TEKST), ("voorzitter", TEKST)],
    "regiodeal": [
        ("tranche", GEHEEL),
        ("volgnummer", GEHEEL),
        ("landsdeel", TEKST),
        ("regio", TEKST),
        ("maximale_rijksbijdrage", GETAL),
        ("status", TEKST),
        ("inwoners_gebied", GEHEEL),
        ("reden_minder_cofinanciering", TEKST),
    ],
    "project": [
        ("soort_financiering", TEKST),
        ("plandatum", DATUM),
        ("status", TEKST),
        ("hoofddoel", TEKST),
        ("voert_uit", TEKST),  # "<dossier-slug>:<onderdeel nummer>"
    ],
}

ALGEMEEN: dict[str, list[tuple[str, str]]] = {
    "Partijen": [
        ("organisatie", TEKST),
        ("rol", TEKST),
        ("omschrijving", TEKST),
        ("levert_cijfers", JANEE),
        ("volgorde", GEHEEL),
    ],
    "Onderdelen": [
        ("nummer", TEKST),
        ("titel", TEKST),
        ("omschrijving", TEKST),
        ("hoofdonderdeel", TEKST),
        ("volgorde", GEHEEL),
    ],
    "Locaties": [
        ("naam", TEKST),
        ("gemeente", TEKST),
        ("inwoners", GEHEEL),
        ("volgorde", GEHEEL),
        ("projectleider_fte", GETAL),
    ],
    "Items": [
        ("code", TEKST),
        ("naam", TEKST),
        ("onderdeel", TEKST),
        ("eenheid", TEKST),
        ("richting", TEKST),
        ("meetdefinitie", TEKST),
        ("uitsplitsing", TEKST),
        ("deel_van", TEKST),
        ("is_waarvan", JANEE),
        ("uitsplitsing_van", TEKST),
        ("mag_negatief", JANEE),
        ("laatste_jaar", GEHEEL),
        ("volgorde", GEHEEL),
    ],
    "Meetdefinities": [("item", TEKST), ("organisatie", TEKST), ("omschrijving", TEKST)],
    "Normen": [
        ("item", TEKST),
        ("soort", TEKST),
        ("ondergrens", GETAL),
        ("bovengrens", GETAL),
        ("ten_opzichte_van", TEKST),
        ("omschrijving", TEKST),
    ],
    "Streefdoelen": [
        ("nummer", GEHEEL),
        ("item", TEKST),
        ("organisatie", TEKST),
        ("soort", TEKST),
        ("omschrijving", TEKST),
        ("waarde", GETAL),
        ("minimum", GETAL),
        ("maximum", GETAL),
        ("per_jaar", JANEE),
        ("van_jaar", GEHEEL),
        ("tot_en_met_jaar", GEHEEL),
        ("eenheid", TEKST),
        ("richting", TEKST),
        ("deadline", DATUM),
        ("bereikt_op", DATUM),
        ("referentie", TEKST),
        ("referentiewaarde", GETAL),
        ("nulmeting", GETAL),
        ("nulmeting_jaar", GEHEEL),
        ("bron", TEKST),
        ("vervallen", JANEE),
        ("volgorde", GEHEEL),
    ],
}

PER_SOORT: dict[str, dict[str, list[tuple[str, str]]]] = {
    "afspraak": {
        "Afspraakpunten": [
            ("onderdeel", TEKST),
            ("soort", TEKST),
            ("titel", TEKST),
            ("tekst", TEKST),
            ("trekkers", LIJST),
            ("trekker_omschrijving", TEKST),
            ("resultaat", TEKST),
            ("deadline_omschrijving", TEKST),
            ("status", TEKST),
            ("streefdoel", GEHEEL),
            ("volgorde", GEHEEL),
        ],
    },
    "regiodeal": {
        "Doelen": [("thema", TEKST), ("tekst", TEKST), ("volgorde", GEHEEL)],
        "Resultaten": [
            ("onderdeel", TEKST),
            ("omschrijving", TEKST),
            ("streefdoel", GEHEEL),
            ("volgorde", GEHEEL),
        ],
        "Financieringsposten": [
            ("actielijn", TEKST),
            ("naam", TEKST),
            ("is_uitvoeringskosten", JANEE),
            ("maximale_rijksbijdrage", GETAL),
            ("minimale_regionale_financiering", GETAL),
            ("volgorde", GEHEEL),
        ],
    },
    "project": {
        "Planonderdelen": [("soort", TEKST), ("tekst", TEKST), ("volgorde", GEHEEL)],
        "Fasen": [
            ("nummer", GEHEEL),
            ("titel", TEKST),
            ("start", DATUM),
            ("eind", DATUM),
            ("periode_tekst", TEKST),
        ],
        "Acties": [
            ("fase", GEHEEL),
            ("omschrijving", TEKST),
            ("start", DATUM),
            ("eind", DATUM),
            ("periode_tekst", TEKST),
            ("volgorde", GEHEEL),
        ],
        "Rapportages": [("soort", TEKST), ("venster_start", DATUM), ("venster_eind", DATUM)],
    },
}


def dossiervelden(soort: str) -> list[tuple[str, str]]:
    return DOSSIERVELDEN[""] + DOSSIERVELDEN.get(soort, [])


def bladen_van(soort: str) -> dict[str, list[tuple[str, str]]]:
    """The sheets (after ‘Dossier’) of a dossier of this kind, with their columns."""
    return {**ALGEMEEN, **PER_SOORT.get(soort, {})}


@dataclass
class Structuur:
    dossier: dict = field(default_factory=dict)
    bladen: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def soort(self) -> str:
        return self.dossier.get("soort") or ""

    def aantallen(self) -> dict[str, int]:
        return {naam: len(rijen) for naam, rijen in self.bladen.items()}


def _slug(organisatie) -> str:
    return organisatie.slug if organisatie is not None else ""


def _nummer(onderdeel) -> str:
    return onderdeel.nummer if onderdeel is not None else ""


def _code(indicator) -> str:
    return indicator.code if indicator is not None else ""


def lees(dossier: Dossier) -> Structuur:
    """The whole structure of `dossier` (an `Afspraak`, `Regiodeal`, `Project` or its
    `Dossier`); a few queries per sheet."""
    dossier = _als_soort(dossier)
    structuur = Structuur(dossier=_lees_dossier(dossier))
    doelnummers: dict[int, int] = {}
    structuur.bladen = {
        "Partijen": _partijen(dossier),
        "Onderdelen": _onderdelen(dossier),
        "Locaties": _locaties(dossier),
        "Items": _items(dossier),
        "Meetdefinities": _meetdefinities(dossier),
        "Normen": _normen(dossier),
        "Streefdoelen": _streefdoelen(dossier, doelnummers),
    }
    extra = {"afspraak": _afspraak, "regiodeal": _regiodeal, "project": _project}[dossier.soort]
    structuur.bladen.update(extra(dossier, doelnummers))
    return structuur


def _als_soort(dossier: Dossier) -> Dossier:
    from afspraken.models import Afspraak
    from projecten.models import Project
    from regiodeals.models import Regiodeal

    model = {"afspraak": Afspraak, "regiodeal": Regiodeal, "project": Project}[dossier.soort]
    if isinstance(dossier, model):
        return dossier
    return model.objects.select_related("penvoerder").get(pk=dossier.pk)


def _lees_dossier(dossier) -> dict:
    gegevens = {}
    for naam, _ in dossiervelden(dossier.soort):
        if naam == "penvoerder":
            gegevens[naam] = _slug(dossier.penvoerder)
        elif naam == "tranche":
            gegevens[naam] = dossier.tranche.nummer if dossier.tranche_id else None
        elif naam == "voert_uit":
            onderdeel = dossier.voert_uit
            gegevens[naam] = f"{onderdeel.dossier.slug}:{onderdeel.nummer}" if onderdeel else ""
        else:
            gegevens[naam] = getattr(dossier, naam)
    return gegevens


def _partijen(dossier) -> list[dict]:
    rijen = dossier.partijen.select_related("organisatie").order_by(
        "volgorde", "organisatie__naam", "pk"
    )
    return [
        {
            "organisatie": p.organisatie.slug,
            "rol": p.rol,
            "omschrijving": p.omschrijving,
            "levert_cijfers": p.levert_cijfers,
            "volgorde": p.volgorde,
        }
        for p in rijen
    ]


def _onderdelen(dossier) -> list[dict]:
    rijen = dossier.onderdelen.select_related("hoofdonderdeel").order_by("volgorde", "nummer")
    return [
        {
            "nummer": o.nummer,
            "titel": o.titel,
            "omschrijving": o.omschrijving,
            "hoofdonderdeel": _nummer(o.hoofdonderdeel),
            "volgorde": o.volgorde,
        }
        for o in rijen
    ]


def _locaties(dossier) -> list[dict]:
    from projecten.models import Kern

    fte = dict(Kern.objects.filter(dossier=dossier).values_list("pk", "projectleider_fte"))
    rijen = dossier.locaties.select_related("gemeente").order_by("volgorde", "naam", "pk")
    return [
        {
            "naam": loc.naam,
            "gemeente": _slug(loc.gemeente),
            "inwoners": loc.inwoners,
            "volgorde": loc.volgorde,
            "projectleider_fte": fte.get(loc.pk),
        }
        for loc in rijen
    ]


def _items(dossier) -> list[dict]:
    rijen = dossier.indicatoren.select_related(
        "onderdeel", "deel_van", "uitsplitsing_van"
    ).order_by("volgorde", "pk")
    return [
        {
            "code": i.code,
            "naam": i.naam,
            "onderdeel": _nummer(i.onderdeel),
            "eenheid": i.eenheid,
            "richting": i.richting,
            "meetdefinitie": i.meetdefinitie,
            "uitsplitsing": i.uitsplitsing,
            "deel_van": _code(i.deel_van),
            "is_waarvan": i.is_waarvan,
            "uitsplitsing_van": _code(i.uitsplitsing_van),
            "mag_negatief": i.mag_negatief,
            "laatste_jaar": i.laatste_jaar,
            "volgorde": i.volgorde,
        }
        for i in rijen
    ]


def _meetdefinities(dossier) -> list[dict]:
    from core.models import Meetdefinitie

    rijen = (
        Meetdefinitie.objects.filter(indicator__dossier=dossier)
        .select_related("indicator", "organisatie")
        .order_by("indicator__volgorde", "indicator__pk", "pk")
    )
    return [
        {
            "item": m.indicator.code,
            "organisatie": m.organisatie.slug,
            "omschrijving": m.omschrijving,
        }
        for m in rijen
    ]


def _normen(dossier) -> list[dict]:
    from core.models import Norm

    rijen = (
        Norm.objects.filter(indicator__dossier=dossier)
        .select_related("indicator", "ten_opzichte_van")
        .order_by("indicator__volgorde", "indicator__pk", "pk")
    )
    return [
        {
            "item": n.indicator.code,
            "soort": n.soort,
            "ondergrens": n.ondergrens,
            "bovengrens": n.bovengrens,
            "ten_opzichte_van": _code(n.ten_opzichte_van),
            "omschrijving": n.omschrijving,
        }
        for n in rijen
    ]


STREEFDOELVELDEN = [naam for naam, _ in ALGEMEEN["Streefdoelen"]][4:]


def _streefdoelen(dossier, doelnummers: dict[int, int]) -> list[dict]:
    rijen = dossier.streefdoelen.select_related("indicator", "organisatie").order_by(
        "volgorde", "pk"
    )
    uitkomst = []
    for nummer, doel in enumerate(rijen, start=1):
        doelnummers[doel.pk] = nummer
        rij = {
            "nummer": nummer,
            "item": _code(doel.indicator),
            "organisatie": _slug(doel.organisatie),
            "soort": doel.soort,
        }
        rij.update({naam: getattr(doel, naam) for naam in STREEFDOELVELDEN})
        uitkomst.append(rij)
    return uitkomst


def _afspraak(dossier, doelnummers) -> dict[str, list[dict]]:
    punten = (
        dossier.punten.select_related("onderdeel")
        .prefetch_related("trekkers")
        .order_by("onderdeel__volgorde", "onderdeel__nummer", "volgorde", "pk")
    )
    rijen = [
        {
            "onderdeel": p.onderdeel.nummer,
            "soort": p.soort,
            "titel": p.titel,
            "tekst": p.tekst,
            "trekkers": sorted(t.slug for t in p.trekkers.all()),
            "trekker_omschrijving": p.trekker_omschrijving,
            "resultaat": p.resultaat,
            "deadline_omschrijving": p.deadline_omschrijving,
            "status": p.status,
            "streefdoel": doelnummers.get(p.streefdoel_id),
            "volgorde": p.volgorde,
        }
        for p in punten
    ]
    return {"Afspraakpunten": rijen}


def _regiodeal(dossier, doelnummers) -> dict[str, list[dict]]:
    from regiodeals.models import Doel

    doelen = (
        Doel.objects.filter(thema__dossier=dossier)
        .select_related("thema")
        .order_by("thema__volgorde", "thema__nummer", "volgorde", "pk")
    )
    resultaten = dossier.resultaten.select_related("onderdeel").order_by(
        "onderdeel__volgorde", "onderdeel__nummer", "volgorde", "pk"
    )
    posten = dossier.posten.select_related("actielijn").order_by("volgorde", "pk")
    return {
        "Doelen": [
            {"thema": d.thema.nummer, "tekst": d.tekst, "volgorde": d.volgorde} for d in doelen
        ],
        "Resultaten": [
            {
                "onderdeel": r.onderdeel.nummer,
                "omschrijving": r.omschrijving,
                "streefdoel": doelnummers.get(r.streefdoel_id),
                "volgorde": r.volgorde,
            }
            for r in resultaten
        ],
        "Financieringsposten": [
            {
                "actielijn": _nummer(p.actielijn),
                "naam": p.naam,
                "is_uitvoeringskosten": p.is_uitvoeringskosten,
                "maximale_rijksbijdrage": p.maximale_rijksbijdrage,
                "minimale_regionale_financiering": p.minimale_regionale_financiering,
                "volgorde": p.volgorde,
            }
            for p in posten
        ],
    }


def _project(dossier, doelnummers) -> dict[str, list[dict]]:
    from projecten.models import Actie

    plan = dossier.onderdelen_plan.order_by("soort", "volgorde", "pk")
    fasen = dossier.fasen.order_by("nummer")
    acties = (
        Actie.objects.filter(fase__project=dossier)
        .select_related("fase")
        .order_by("fase__nummer", "volgorde", "pk")
    )
    periode = ("start", "eind", "periode_tekst")
    return {
        "Planonderdelen": [
            {"soort": p.soort, "tekst": p.tekst, "volgorde": p.volgorde} for p in plan
        ],
        "Fasen": [
            {"nummer": f.nummer, "titel": f.titel, **{n: getattr(f, n) for n in periode}}
            for f in fasen
        ],
        "Acties": [
            {
                "fase": a.fase.nummer,
                "omschrijving": a.omschrijving,
                **{n: getattr(a, n) for n in periode},
                "volgorde": a.volgorde,
            }
            for a in acties
        ],
        "Rapportages": [
            {"soort": r.soort, "venster_start": r.venster_start, "venster_eind": r.venster_eind}
            for r in dossier.rapportages.order_by("venster_start", "pk")
        ],
    }


@dataclass(frozen=True)
class Fout:
    """One Dutch error, at a sheet's row (row 0: the sheet as a whole)."""

    blad: str
    rij: int
    tekst: str

    def __str__(self) -> str:
        plaats = f"blad ‘{self.blad}’, rij {self.rij}" if self.rij else f"blad ‘{self.blad}’"
        return f"{plaats}: {self.tekst}"


class StructuurFouten(Exception):
    """The structure cannot be made; nothing was saved."""

    def __init__(self, fouten: list[Fout]):
        super().__init__(f"{len(fouten)} fout(en)")
        self.fouten = fouten
