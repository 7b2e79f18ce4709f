"""The breadcrumbs of every page below the start page, and who sees which menu item.

The breadcrumbs walk up from the current URL: to the page its parent is by meaning (a
dossier's dashboard belongs to its agreement, deal or project), else to the nearest shorter
URL that is a page. Each level is named from `NAMEN`, or by the dossier, organisation or
item it shows. At most three queries, whatever the depth.
"""

from dataclasses import dataclass

from django import template
from django.urls import Resolver404, resolve

from core.models import Dossier, Organisatie
from core.rules import is_beheerder, is_beleidsmedewerker, is_coordinator

register = template.Library()

DOSSIER = object()  # the level is named by the dossier of its slug
ORGANISATIE = object()  # ... by the organisation of its slug

NAMEN = {
    "start": "Start",
    "afspraken:list": "Afspraken",
    "afspraken:detail": DOSSIER,
    "afspraken:punt": "Afspraakpunt",
    "regiodeals:list": "Regio Deals",
    "regiodeals:tranches": "Tranches",
    "regiodeals:tranche": "Tranche {nummer}",
    "regiodeals:detail": DOSSIER,
    "regiodeals:kosten": "Kosten {jaar}",
    "projecten:list": "Projecten",
    "projecten:detail": DOSSIER,
    "importeren:list": "Importeren",
    "importeren:upload": DOSSIER,
    "importeren:detail": "Import {pk}",
    "inrichting:start": "Inrichting",
    "inrichting:dossier": DOSSIER,
    "inrichting:dossier_nieuw": "Nieuw dossier",
    "inrichting:partijen": "Partijen",
    "inrichting:onderdelen": "Onderdelen",
    "inrichting:locaties": "Locaties",
    "inrichting:organisaties": "Organisaties",
    "inrichting:organisatie": ORGANISATIE,
    "inrichting:tranche_nieuw": "Nieuwe tranche",
    "inrichting:tranche": "Tranche {nummer}",
    "inrichting:items": "Items",
    "inrichting:item_nieuw": "Nieuw item",
    "inrichting:item": "Item",
    "inrichting:normen": "Normen",
    "inrichting:structuur_import": "Structuur importeren",
    "inrichting:nieuwe_periode": "Nieuwe periode",
    "core:organisatie_list": "Organisaties",
    "core:organisatie_detail": ORGANISATIE,
    "core:invoer": "Invoer {soort} {jaar}",
    "core:streefdoelen": "Streefdoelen",
    "core:streefdoel_toevoegen": "Nieuw streefdoel",
    "core:streefdoel_wijzigen": "Streefdoel wijzigen",
    "dashboards:cijfers": "Cijfers",
    "dashboards:dossier": "Dashboard",
    "dashboards:vergelijking": "Vergelijking",
    "dashboards:trend": "Trend",
    "rapportages:lijst": "Rapportages",
    "rapportages:rapport": "Rapportage {jaar}",
    "historie:dossier": "Geschiedenis",
    "historie:ding": "Geschiedenis",
    "toegankelijkheid": "Toegankelijkheidsverklaring",
    "privacy": "Privacy",
    "contact": "Contact",
}

# Pages whose parent by meaning is their dossier's page, not a shorter URL.
BIJ_HET_DOSSIER = {
    "dashboards:dossier",
    "core:invoer",
    "core:streefdoelen",
    "rapportages:rapport",
    "historie:dossier",
}


@dataclass
class Kruimel:
    url: str
    naam: str


@register.filter
def mag_importeren(user) -> bool:
    """As `importeren.upload_to_dossier` allows for some dossier."""
    return (
        is_beheerder(user)
        or is_coordinator(user)
        or (is_beleidsmedewerker(user) and user.organisatie_id is not None)
    )


@register.inclusion_tag("partials/kruimelpad.html", takes_context=True)
def kruimelpad(context, titel: str = ""):
    """The levels from Start down to this page; `titel` names this page where no name fits."""
    request = context.get("request")
    if request is None or request.resolver_match is None:
        return {"kruimels": []}
    niveaus = _niveaus(request.path, request.user)
    if len(niveaus) < 2:  # the start page itself, or a page outside the tree
        return {"kruimels": []}
    namen = _namen(request.user, niveaus)
    kruimels = []
    for url, match in reversed(niveaus):
        naam = _naam(match, namen, context) or (titel if url == request.path else "")
        if naam:
            kruimels.append(Kruimel(url, naam))
    if len(kruimels) < 2 or kruimels[-1].url != request.path:
        return {"kruimels": []}  # a page without a name of its own (the login page)
    return {"kruimels": kruimels}


def _niveaus(pad: str, user) -> list[tuple]:
    """(url, match) from this page up to Start."""
    niveaus = []
    url = pad
    while url:
        match = _resolve(url)
        if match is not None:
            niveaus.append((url, match))
            if match.view_name == "start":
                return niveaus
        url = _ouder(url, match, user)
    return []


def _ouder(url: str, match, user) -> str:
    if match is not None and match.view_name in BIJ_HET_DOSSIER:
        dossier = Dossier.objects.visible_to(user).filter(slug=match.kwargs["slug"]).first()
        if dossier is not None:
            return dossier.get_absolute_url()
    if url == "/":
        return ""
    return url.rstrip("/").rsplit("/", 1)[0] + "/"


def _resolve(url: str):
    try:
        return resolve(url)
    except Resolver404:
        return None


def _namen(user, niveaus) -> dict:
    """The dossiers and organisations the levels name: one query each, only if needed."""
    slugs = {m.kwargs["slug"] for _, m in niveaus if _soort(m) is DOSSIER}
    orgs = {m.kwargs["slug"] for _, m in niveaus if _soort(m) is ORGANISATIE}
    namen = {}
    if slugs:
        for slug, korte, titel in (
            Dossier.objects.visible_to(user)
            .filter(slug__in=slugs)
            .values_list("slug", "korte_naam", "titel")
        ):
            namen[("dossier", slug)] = korte or titel
    if orgs:
        for slug, naam in Organisatie.objects.filter(slug__in=orgs).values_list("slug", "naam"):
            namen[("organisatie", slug)] = naam
    return namen


def _soort(match):
    return NAMEN.get(match.view_name)


def _naam(match, namen: dict, context) -> str:
    soort = _soort(match)
    if soort is DOSSIER:
        return namen.get(("dossier", match.kwargs["slug"]), "")
    if soort is ORGANISATIE:
        return namen.get(("organisatie", match.kwargs["slug"]), "")
    if match.view_name == "afspraken:punt":
        punt = context.get("punt")
        return punt.titel if punt is not None and punt.pk == match.kwargs["pk"] else soort
    return soort.format(**match.kwargs) if isinstance(soort, str) else ""
