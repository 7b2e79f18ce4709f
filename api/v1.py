"""The read API, version 1 (docs/api.md): what the screens show, as JSON.

Every endpoint answers as the screens answer the same user: dossiers through
`Dossier.objects.visible_to`, figures through `core.cellen.cellen` (the figures view's own
cells, status included), findings through `core.checks`, report versions through
`rapportages.rules.leesbare_rapporten_q`. Nothing here decides who may see what."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Path, Query

from core.cellen import cellen, met_status
from core.checks import toets_dossier
from core.models import Dossier, Indicator, Waarde
from core.rules import waarden_van_q
from core.streefdoel import Streefdoel
from rapportages.models import Rapport, Rapportversie
from rapportages.rules import leesbare_rapporten_q
from regiodeals.models import Kosten, Regiodeal

from . import schemas, weergave
from .auth import Sessieauth, Sleutelauth, gebruiker
from .filters import organisatie_van, zichtbare_dossiers
from .middleware import VERSIE
from .paginering import MAXIMUM, STANDAARD, pagina
from .problemen import registreer

api = NinjaAPI(
    title="Prestatiemonitor API",
    version=VERSIE,
    description=(
        "Lezen wat de schermen tonen: dossiers, items met hun doelen, cijfers (plan en "
        "realisatie met status), bevindingen, rapportageversies en gerealiseerde kosten. "
        "U ziet precies wat u in de schermen ziet. Aanmelden met een persoonlijke API-sleutel "
        "(Authorization: Bearer …) of met uw sessie."
    ),
    auth=[Sleutelauth(), Sessieauth()],
    urls_namespace="api-v1",
    docs_url=None,
    openapi_url="/openapi.json",
)
registreer(api)

SLUG = Path(..., description="Slug van het dossier (vaste korte naam).")
PER_PAGINA = Query(STANDAARD, ge=1, le=MAXIMUM, description="Aantal resultaten per pagina.")
NA = Query(None, description="Cursor: de resultaten na dit nummer (uit de link next).")
VOOR = Query(None, description="Cursor: de resultaten vóór dit nummer (uit de link prev).")
DOSSIER = Query(None, description="Alleen dit dossier (slug).")
SOORT = Query(None, description="Alleen dossiers van deze soort.")
TRANCHE = Query(None, description="Alleen de Regio Deals van deze tranche (nummer).")
JAAR = Query(None, ge=1900, le=2200, description="Alleen dit jaar.")
LOOPT_IN = Query(None, ge=1900, le=2200, description="Alleen dossiers die in dit jaar lopen.")
PARTIJ = Query(None, description="Alleen dossiers waarin deze organisatie (slug) partij is.")
LEVERT_AAN = Query(
    None,
    description="Alleen de cijfers waarvoor deze "
    "organisatie (slug) aanlevert: de eigen, die van haar "
    "locaties, en als penvoerder de totalen.",
)
CIJFERSTATUS = Query(None, description="Alleen deze status.")
RAPPORT_TRANCHE = Query(None, description="Alleen de rapportages van deze tranche.")
RAPPORTSTATUS = Query(
    None, description="Alleen versies met deze status: concept, voorgelegd of definitief."
)


@api.get(
    "/dossiers",
    response=schemas.Dossierlijst,
    by_alias=True,
    url_name="dossiers",
    summary="Dossiers",
    tags=["dossiers"],
)
def dossiers(
    request,
    soort: schemas.DOSSIERSOORT | None = SOORT,
    tranche: int | None = TRANCHE,
    jaar: int | None = LOOPT_IN,
    organisatie: str | None = PARTIJ,
    per_pagina: int = PER_PAGINA,
    na: int | None = NA,
    voor: int | None = VOOR,
):
    """De dossiers die u mag zien, met looptijd, partijen en thema's."""
    rijen = zichtbare_dossiers(gebruiker(request), soort=soort, tranche=tranche)
    if jaar is not None:
        rijen = rijen.loopt_in(jaar)
    if (org := organisatie_van(organisatie)) is not None:
        rijen = rijen.for_organisatie(org)
    rijen = _met_delen(rijen)
    resultaat = pagina(request, rijen, per_pagina=per_pagina, na=na, voor=voor)
    resultaat["resultaten"] = [weergave.dossier(request, d) for d in resultaat["resultaten"]]
    return resultaat


def _met_delen(rijen):
    zonder_item = Streefdoel.objects.filter(indicator__isnull=True).select_related("organisatie")
    return rijen.select_related("penvoerder", "voorganger", "regiodeal__tranche").prefetch_related(
        "partijen__organisatie",
        "onderdelen",
        Prefetch("streefdoelen", queryset=zonder_item, to_attr="doelen_zonder_item"),
    )


@api.get(
    "/dossiers/{slug}",
    response=schemas.Dossier,
    by_alias=True,
    url_name="dossier",
    summary="Eén dossier",
    tags=["dossiers"],
)
def dossier(request, slug: str = SLUG):
    """Eén dossier dat u mag zien."""
    d = get_object_or_404(_met_delen(Dossier.objects.visible_to(gebruiker(request))), slug=slug)
    return weergave.dossier(request, d)


@api.get(
    "/dossiers/{slug}/bevindingen",
    response=schemas.Bevindingenlijst,
    by_alias=True,
    url_name="bevindingen",
    summary="Bevindingen van een dossier",
    tags=["bevindingen"],
)
def bevindingen(request, slug: str = SLUG):
    """Wat niet klopt in de cijfers van een dossier (sommen, delen, normen), op de cijfers
    die u mag zien: dezelfde toetsing als op de dossierpagina."""
    user = gebruiker(request)
    d = get_object_or_404(Dossier.objects.visible_to(user), slug=slug)
    toetsing = toets_dossier(d, Waarde.objects.visible_to(user, [d.pk]))
    codes = dict(Indicator.objects.filter(dossier=d).values_list("pk", "code"))
    return {
        "_links": {"self": {"href": request.build_absolute_uri()}},
        "resultaten": [
            {
                "regel": b.regel,
                "item": codes.get(b.item, str(b.item)),
                "jaar": b.jaar,
                "soort": b.soort,
                "wie": b.wie,
                "wat": b.wat,
                "verwacht": weergave.getal(b.verwacht),
                "gevonden": weergave.getal(b.gevonden),
            }
            for b in toetsing.bevindingen
        ],
    }


@api.get(
    "/items",
    response=schemas.Itemlijst,
    by_alias=True,
    url_name="items",
    summary="Items met hun doelen",
    tags=["items"],
)
def items(
    request,
    dossier: str | None = DOSSIER,
    soort: schemas.DOSSIERSOORT | None = SOORT,
    tranche: int | None = TRANCHE,
    per_pagina: int = PER_PAGINA,
    na: int | None = NA,
    voor: int | None = VOOR,
):
    """De meetbare items van de dossiers die u mag zien, elk met zijn streefdoelen."""
    zichtbaar = zichtbare_dossiers(
        gebruiker(request), dossier=dossier, soort=soort, tranche=tranche
    )
    rijen = (
        Indicator.objects.filter(dossier__in=zichtbaar.values("pk"))
        .select_related("dossier", "onderdeel", "deel_van", "uitsplitsing_van")
        .prefetch_related("streefdoelen__organisatie")
    )
    resultaat = pagina(request, rijen, per_pagina=per_pagina, na=na, voor=voor)
    resultaat["resultaten"] = [weergave.item(i) for i in resultaat["resultaten"]]
    return resultaat


@api.get(
    "/cijfers",
    response=schemas.Cijferlijst,
    by_alias=True,
    url_name="cijfers",
    summary="Cijfers: plan en realisatie met status",
    tags=["cijfers"],
)
def cijfers(
    request,
    dossier: str | None = DOSSIER,
    soort: schemas.DOSSIERSOORT | None = SOORT,
    tranche: int | None = TRANCHE,
    jaar: int | None = JAAR,
    organisatie: str | None = LEVERT_AAN,
    status: schemas.CIJFERSTATUS | None = CIJFERSTATUS,
    per_pagina: int = PER_PAGINA,
    na: int | None = NA,
    voor: int | None = VOOR,
):
    """Elk cijfer dat u mag zien, één rij per item, jaar en organisatie of locatie: plan en
    realisatie naast elkaar met hun status, zoals het cijferoverzicht ze toont. Concept-
    cijfers ziet alleen de eigen organisatie en de coördinator van het dossier."""
    user = gebruiker(request)
    zichtbaar = zichtbare_dossiers(user, dossier=dossier, soort=soort, tranche=tranche)
    rijen = cellen(user, zichtbaar.values("pk"))
    if jaar is not None:
        rijen = rijen.filter(jaar=jaar)
    if (org := organisatie_van(organisatie)) is not None:
        rijen = rijen.filter(waarden_van_q(org.pk))
    if status is not None:
        rijen = met_status(rijen, status)
    resultaat = pagina(
        request, rijen.values(*weergave.CIJFERVELDEN), per_pagina=per_pagina, na=na, voor=voor
    )
    resultaat["resultaten"] = [weergave.cijfer(r) for r in resultaat["resultaten"]]
    # Written as built: validating each of up to 1.000 rows against the schema again took a
    # fifth of a page's time. tests/api/test_cijfers.py checks the answer against the
    # OpenAPI document instead.
    return api.create_response(request, resultaat, status=200)


@api.get(
    "/rapportversies",
    response=schemas.Rapportversielijst,
    by_alias=True,
    url_name="rapportversies",
    summary="Versies van voortgangsrapportages",
    tags=["rapportages"],
)
def rapportversies(
    request,
    dossier: str | None = DOSSIER,
    tranche: int | None = RAPPORT_TRANCHE,
    jaar: int | None = JAAR,
    status: schemas.RAPPORTSTATUS | None = RAPPORTSTATUS,
    per_pagina: int = PER_PAGINA,
    na: int | None = NA,
    voor: int | None = VOOR,
):
    """De gemaakte versies van de rapportages die u mag lezen, met links naar PDF en Excel."""
    user = gebruiker(request)
    rapporten = Rapport.objects.filter(leesbare_rapporten_q(user))
    if dossier is not None:
        rapporten = rapporten.filter(dossier__in=zichtbare_dossiers(user, dossier=dossier))
    if tranche is not None:
        zichtbare_dossiers(user, tranche=tranche)  # an unknown tranche is a 400
        rapporten = rapporten.filter(tranche__nummer=tranche)
    if jaar is not None:
        rapporten = rapporten.filter(jaar=jaar)
    rijen = Rapportversie.objects.filter(rapport__in=rapporten.values("pk")).select_related(
        "rapport__dossier", "rapport__tranche"
    )
    if status is not None:
        rijen = rijen.filter(status=status)
    resultaat = pagina(request, rijen, per_pagina=per_pagina, na=na, voor=voor)
    resultaat["resultaten"] = [weergave.rapportversie(request, v) for v in resultaat["resultaten"]]
    return resultaat


@api.get(
    "/kosten",
    response=schemas.Kostenlijst,
    by_alias=True,
    url_name="kosten",
    summary="Gerealiseerde kosten van Regio Deals",
    tags=["kosten"],
)
def kosten(
    request,
    dossier: str | None = DOSSIER,
    tranche: int | None = TRANCHE,
    jaar: int | None = JAAR,
    per_pagina: int = PER_PAGINA,
    na: int | None = NA,
    voor: int | None = VOOR,
):
    """De gerealiseerde kosten per financieringspost, jaar en bron van de Regio Deals die u
    mag zien, zoals de tranchetabel ze optelt."""
    zichtbaar = zichtbare_dossiers(gebruiker(request), dossier=dossier, tranche=tranche)
    deals = Regiodeal.objects.filter(pk__in=zichtbaar.values("pk")).values("pk")
    rijen = Kosten.objects.filter(post__regiodeal__in=deals)
    if jaar is not None:
        rijen = rijen.filter(jaar=jaar)
    rijen = rijen.values(
        "pk",
        "post__regiodeal__slug",
        "post__regiodeal__tranche__nummer",
        "post__naam",
        "jaar",
        "bron",
        "bedrag",
    )
    resultaat = pagina(request, rijen, per_pagina=per_pagina, na=na, voor=voor)
    resultaat["resultaten"] = [
        {
            "id": r["pk"],
            "dossier": r["post__regiodeal__slug"],
            "tranche": r["post__regiodeal__tranche__nummer"],
            "post": r["post__naam"],
            "jaar": r["jaar"],
            "bron": r["bron"],
            "bedrag": weergave.getal(r["bedrag"]),
        }
        for r in resultaat["resultaten"]
    ]
    return resultaat
