"""The steps of setting up a dossier, in the order of the wizard, each with its page (some
pages belong to other parts of the setup: items, norms, the structure workbook, a new period)."""

from dataclasses import dataclass

from django.urls import reverse

from core.models import Dossier, Norm


@dataclass(frozen=True)
class Soort:
    naam: str
    uitleg: str


SOORTEN = {
    "afspraak": Soort(
        "Afspraak", "Prestatieafspraken, een bestuursakkoord of een andere afspraak."
    ),
    "regiodeal": Soort("Regio Deal", "Een convenant tussen het Rijk en een regio."),
    "project": Soort("Project", "Een projectplan, los of als uitvoering van een deal."),
}


@dataclass(frozen=True)
class Stap:
    sleutel: str
    naam: str
    url: str
    aantal: int | None = None
    uitleg: str = ""


STAPNAMEN = {
    "dossier": "Gegevens van het dossier",
    "partijen": "Partijen",
    "onderdelen": "Onderdelen (thema's, actielijnen, fasen)",
    "locaties": "Locaties",
    "items": "Items",
    "normen": "Normen",
    "streefdoelen": "Streefdoelen",
}
VOLGORDE = ["dossier", "partijen", "onderdelen", "locaties", "items", "streefdoelen"]
URLNAMEN = {
    "dossier": "inrichting:dossier",
    "partijen": "inrichting:partijen",
    "onderdelen": "inrichting:onderdelen",
    "locaties": "inrichting:locaties",
    "items": "inrichting:items",
    "normen": "inrichting:normen",
    "streefdoelen": "core:streefdoelen",
}
UITLEG = {
    "locaties": "Alleen nodig als items per kern of wijk worden uitgesplitst.",
}


def _url(naam: str, dossier: Dossier | None = None) -> str:
    return reverse(naam, kwargs={"slug": dossier.slug} if dossier else None)


def meer_inrichten(*, beheerder: bool) -> list[tuple[str, str]]:
    """The other setup pages of the start page: organisations, a tranche, a workbook."""
    kandidaten = [
        ("inrichting:organisaties", "Organisaties en gebruikers"),
        *([("inrichting:tranche_nieuw", "Nieuwe tranche Regio Deals")] if beheerder else []),
        ("inrichting:structuur_import", "Structuur uit een werkboek"),
    ]
    return [(naam, _url(urlnaam)) for urlnaam, naam in kandidaten]


def stappen_van(dossier: Dossier) -> list[Stap]:
    """Every step after the dossier's own fields, with how many rows it has so far."""
    aantallen = {
        "partijen": dossier.partijen.count(),
        "onderdelen": dossier.onderdelen.count(),
        "locaties": dossier.locaties.count(),
        "items": dossier.indicatoren.count(),
        "normen": Norm.objects.filter(indicator__dossier=dossier).count(),
        "streefdoelen": dossier.streefdoelen.count(),
    }
    stappen = [
        Stap(sleutel, STAPNAMEN[sleutel], url, aantal, UITLEG.get(sleutel, ""))
        for sleutel, aantal in aantallen.items()
        if (url := _url(URLNAMEN[sleutel], dossier))
    ]
    return stappen


def extra_stappen(dossier: Dossier) -> list[Stap]:
    """What else can be done with a dossier's structure: download it, start the next period."""
    kandidaten = [
        ("structuur_export", "Structuur downloaden (Excel)"),
        ("nieuwe_periode", "Nieuwe periode"),
    ]
    return [
        Stap(sleutel, naam, url)
        for sleutel, naam in kandidaten
        if (url := _url(f"inrichting:{sleutel}", dossier))
    ]


def volgende_stap(dossier: Dossier, huidige: str) -> Stap | None:
    """The next step of the wizard after `huidige` whose page exists."""
    for sleutel in VOLGORDE[VOLGORDE.index(huidige) + 1 :]:
        if url := _url(URLNAMEN[sleutel], dossier):
            return Stap(sleutel, STAPNAMEN[sleutel], url, uitleg=UITLEG.get(sleutel, ""))
    return None
