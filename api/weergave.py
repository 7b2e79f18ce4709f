"""Rows of the database as the API's schemas (api/schemas.py) describe them."""

from decimal import Decimal

from django.urls import reverse

from core.streefdoel import Streefdoel

GEEN = object()


CENT = Decimal("0.01")


def getal(waarde: Decimal | None) -> str | None:
    """As stored, with two decimals (an annotation on SQLite loses the trailing zeros)."""
    return None if waarde is None else str(Decimal(waarde).quantize(CENT))


def link(request, naam: str, *args, query: str = "") -> dict:
    url = reverse(naam, args=args)
    return {"href": request.build_absolute_uri(f"{url}?{query}" if query else url)}


def dossier(request, d) -> dict:
    deal = getattr(d, "regiodeal", None) if d.soort == "regiodeal" else None
    nummers = {o.pk: o.nummer for o in d.onderdelen.all()}
    return {
        "slug": d.slug,
        "soort": d.soort,
        "titel": d.titel,
        "naam": d.naam,
        "startdatum": d.startdatum,
        "einddatum": d.einddatum,
        "in_opbouw": d.in_opbouw,
        "penvoerder": {"slug": d.penvoerder.slug, "naam": d.penvoerder.naam},
        "tranche": deal.tranche.nummer if deal and deal.tranche_id else None,
        "voorganger": d.voorganger.slug if d.voorganger_id else None,
        "partijen": [
            {
                "organisatie": {"slug": p.organisatie.slug, "naam": p.organisatie.naam},
                "rol": p.rol,
                "omschrijving": p.omschrijving,
                "levert_cijfers": p.levert_cijfers,
            }
            for p in d.partijen.all()
        ],
        "themas": [
            {
                "nummer": o.nummer,
                "titel": o.titel,
                "hoofdonderdeel": nummers.get(o.hoofdonderdeel_id),
            }
            for o in d.onderdelen.all()
        ],
        "streefdoelen": [streefdoel(doel) for doel in d.doelen_zonder_item],
        "_links": {
            "self": link(request, "api-v1:dossier", d.slug),
            "items": link(request, "api-v1:items", query=f"dossier={d.slug}"),
            "cijfers": link(request, "api-v1:cijfers", query=f"dossier={d.slug}"),
            "bevindingen": link(request, "api-v1:bevindingen", d.slug),
        },
    }


def streefdoel(doel: Streefdoel) -> dict:
    return {
        "soort": doel.soort,
        "omschrijving": doel.omschrijving,
        "organisatie": doel.organisatie.slug if doel.organisatie_id else None,
        "waarde": getal(doel.waarde),
        "minimum": getal(doel.minimum),
        "maximum": getal(doel.maximum),
        "per_jaar": doel.per_jaar,
        "van_jaar": doel.van_jaar,
        "tot_en_met_jaar": doel.tot_en_met_jaar,
        "eenheid": doel.eenheid,
        "richting": doel.richting,
        "deadline": doel.deadline,
        "bereikt_op": doel.bereikt_op,
        "referentie": doel.referentie,
        "referentiewaarde": getal(doel.referentiewaarde),
        "nulmeting": getal(doel.nulmeting),
        "nulmeting_jaar": doel.nulmeting_jaar,
        "bron": doel.bron,
        "vervallen": doel.vervallen,
    }


def item(i) -> dict:
    return {
        "id": i.pk,
        "dossier": i.dossier.slug,
        "code": i.code,
        "naam": i.naam,
        "thema": i.onderdeel.nummer if i.onderdeel_id else None,
        "eenheid": i.eenheid,
        "richting": i.richting,
        "meetdefinitie": i.meetdefinitie,
        "uitsplitsing": i.uitsplitsing,
        "deel_van": i.deel_van.code if i.deel_van_id else None,
        "uitsplitsing_van": i.uitsplitsing_van.code if i.uitsplitsing_van_id else None,
        "laatste_jaar": i.laatste_jaar,
        "streefdoelen": [streefdoel(d) for d in i.streefdoelen.all()],
    }


CIJFERVELDEN = (
    "pk",
    "indicator__dossier__slug",
    "indicator__code",
    "indicator__naam",
    "indicator__eenheid",
    "jaar",
    "organisatie__slug",
    "organisatie__naam",
    "locatie_id",
    "locatie__naam",
    "plan",
    "realisatie",
    "status",
)


def cijfer(r: dict) -> dict:
    return {
        "id": r["pk"],
        "dossier": r["indicator__dossier__slug"],
        "item": r["indicator__code"],
        "item_naam": r["indicator__naam"],
        "eenheid": r["indicator__eenheid"],
        "jaar": r["jaar"],
        "organisatie": {"slug": r["organisatie__slug"], "naam": r["organisatie__naam"]}
        if r["organisatie__slug"] is not None
        else None,
        "locatie": {"id": r["locatie_id"], "naam": r["locatie__naam"]}
        if r["locatie_id"] is not None
        else None,
        "plan": getal(r["plan"]),
        "realisatie": getal(r["realisatie"]),
        "status": r["status"],
    }


def rapportversie(request, v) -> dict:
    rapport = v.rapport
    links = {}
    if v.taak == "klaar":
        for soort in ("pdf", "xlsx"):
            links[soort] = link(
                request, "rapportages:download", rapport.slug, rapport.jaar, v.nummer, soort
            )
    return {
        "id": v.pk,
        "onderwerp": rapport.onderwerp,
        "dossier": rapport.dossier.slug if rapport.dossier_id else None,
        "tranche": rapport.tranche.nummer if rapport.tranche_id else None,
        "jaar": rapport.jaar,
        "rapportstatus": rapport.status,
        "versie": v.nummer,
        "status": v.status,
        "gemaakt_op": v.gemaakt_op,
        "taak": v.taak,
        "_links": links,
    }
