"""The workflow of a voortgangsrapportage (convenant art. 7 lid 4) and making its files.

concept → voorgelegd (every party reads it and may comment) → definitief (frozen: its PDF,
workbook and a snapshot of the figures are stored and never change). Every step makes a new
`Rapportversie`, kept with its date and author; the files are made in the background.
"""

import hashlib
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from afspraken.models import Afspraakpunt, Wijziging
from core.gegevens import iter_gegevens
from core.models import (
    Doelwijziging,
    Dossier,
    Heropening,
    Indicator,
    Jaaropgave,
    Norm,
    Onderdeel,
    Partij,
    Streefdoel,
    Waarde,
)
from core.rules import openbare_lezer
from core.signals import meld_cijfers_gewijzigd
from regiodeals.models import (
    BeoogdResultaat,
    Convenantwijziging,
    Financieringspost,
    Kosten,
    Regiodeal,
    Tranche,
)

from .excel import gegevens_van, render_xlsx
from .inhoud import bouw_inhoud
from .models import Opmerking, Rapport, Rapportversie, Voortgangstekst
from .pdf import render_pdf

Status = Rapport.Status


def _rijen(model, filter_: dict, velden: list[str] | None = None) -> list:
    """One query: the rows a report reads from `model`, all their own columns unless `velden`
    names them; the order is fixed so the same rows give the same fingerprint."""
    velden = velden or [f.attname for f in model._meta.concrete_fields]
    return list(model.objects.filter(**filter_).order_by("pk").values_list(*velden))


def _bronnen(rapport: Rapport) -> list[tuple]:
    """(model, filter, columns) of everything the report shows besides figures and costs:
    the dossier(s), their parties, items, norms, targets and amendments, which years are
    submitted, fixed or reopened, and for a tranche its bounds. The report is read as the
    public reader, so a year's status changes it as much as a figure does."""
    if rapport.dossier_id:
        pad, dossiers, deals = "dossier", {"pk": rapport.dossier_id}, {"pk": rapport.dossier_id}
    else:
        pad, dossiers = "dossier__regiodeal__tranche", {"regiodeal__tranche": rapport.tranche_id}
        deals = {"tranche": rapport.tranche_id}
    d = {pad: rapport.dossier_id or rapport.tranche_id}
    return [
        (Dossier, dossiers, None),
        (Regiodeal, deals, None),
        (Tranche, {"pk": rapport.tranche_id or 0}, None),
        (Partij, d, None),
        (Onderdeel, d, None),
        (Indicator, d, None),
        (Norm, {f"indicator__{k}": v for k, v in d.items()}, None),
        (Streefdoel, d, None),
        (Doelwijziging, {f"streefdoel__{k}": v for k, v in d.items()}, ["pk", "datum", "nieuw"]),
        (Jaaropgave, d, ["pk", "jaar", "soort", "status"]),
        (Heropening, {f"jaaropgave__{k}": v for k, v in d.items()}, ["pk"]),
        (Afspraakpunt, {"afspraak": rapport.dossier_id or 0}, None),
        (Wijziging, {"afspraak": rapport.dossier_id or 0}, ["pk", "datum", "toegepast_op"]),
        (Convenantwijziging, {f"regiodeal__{k}": v for k, v in deals.items()}, None),
        (BeoogdResultaat, {f"regiodeal__{k}": v for k, v in deals.items()}, None),
        (Financieringspost, {f"regiodeal__{k}": v for k, v in deals.items()}, None),
    ]


def vingerafdruk(rapport: Rapport) -> str:
    """Changes whenever anything the report shows changes: a figure, a cost, a narrative, a
    target or its amendment, a year submitted or reopened, the dossier, a party, an item or a
    norm. A fixed number of queries, whatever the size of the dossier."""
    if rapport.dossier_id:
        waarden = Waarde.objects.filter(indicator__dossier=rapport.dossier_id)
        kosten = Kosten.objects.filter(post__regiodeal=rapport.dossier_id)
    else:
        waarden = Waarde.objects.filter(indicator__dossier__regiodeal__tranche=rapport.tranche_id)
        kosten = Kosten.objects.filter(post__regiodeal__tranche=rapport.tranche_id)
    delen = [
        waarden.aggregate(n=Count("pk"), laatst=Max("ingevoerd_op"), v=Sum("versie")),
        kosten.aggregate(n=Count("pk"), laatst=Max("ingevoerd_op"), som=Sum("bedrag")),
        list(rapport.teksten.order_by("onderdeel_id").values_list("onderdeel_id", "tekst")),
    ]
    delen += [_rijen(model, filter_, velden) for model, filter_, velden in _bronnen(rapport)]
    return hashlib.sha256(repr(delen).encode()).hexdigest()[:32]


def cijfers_gewijzigd(rapport: Rapport, versie: Rapportversie | None) -> bool:
    return (
        versie is not None
        and bool(versie.vingerafdruk)
        and versie.vingerafdruk != vingerafdruk(rapport)
    )


def maak_bestanden(
    rapport: Rapport, user, *, status: str, nummer: int | None = None, gemaakt_op=None
) -> tuple[bytes, bytes]:
    """The PDF and the workbook, made by `user` from the figures every party may see: a
    concept report goes to all parties, so no organisation's concept figures are in it."""
    lezer = openbare_lezer()
    inhoud = bouw_inhoud(rapport, lezer)
    inhoud.context.update(
        versie_status=Status(status).label,
        versie_nummer=nummer or "–",
        gemaakt_op=gemaakt_op or timezone.now(),
        gemaakt_door=user,
        is_concept=status != Status.DEFINITIEF,
    )
    pdf = render_pdf("rapportages/pdf/rapport.html", inhoud.as_context())
    xlsx = render_xlsx(inhoud, gegevens_van(rapport, lezer))
    return pdf, xlsx


def genereer(versie: Rapportversie) -> None:
    """Make a version's files (run by the task queue) and store them; never touch them again."""
    if versie.taak == Rapportversie.Taak.KLAAR:
        return
    versie.taak = Rapportversie.Taak.BEZIG
    versie.save(update_fields=["taak"])
    rapport = versie.rapport
    try:
        afdruk = vingerafdruk(rapport)
        pdf, xlsx = maak_bestanden(
            rapport,
            versie.gemaakt_door,
            status=versie.status,
            nummer=versie.nummer,
            gemaakt_op=versie.gemaakt_op,
        )
    except Exception as fout:
        versie.taak, versie.fout = Rapportversie.Taak.MISLUKT, str(fout)[:2000]
        versie.save(update_fields=["taak", "fout"])
        raise
    naam = f"{rapport.slug}-{rapport.jaar}-v{versie.nummer}"
    versie.pdf.save(f"{naam}.pdf", ContentFile(pdf), save=False)
    versie.xlsx.save(f"{naam}.xlsx", ContentFile(xlsx), save=False)
    versie.vingerafdruk = afdruk
    if versie.is_definitief:
        versie.momentopname = momentopname(rapport)
    versie.taak = Rapportversie.Taak.KLAAR
    versie.save()


def momentopname(rapport: Rapport) -> dict:
    """The figures, targets and costs a final version was made from, as plain JSON."""

    def tekst(rij):
        return [
            str(v) if isinstance(v, Decimal) else v.isoformat() if isinstance(v, date) else v
            for v in rij
        ]

    doelen = Streefdoel.objects.filter(dossier=rapport.dossier_id or 0).order_by("pk")
    if rapport.dossier_id:
        kosten = Kosten.objects.filter(post__regiodeal=rapport.dossier_id)
    else:
        kosten = Kosten.objects.filter(post__regiodeal__tranche=rapport.tranche_id)
    return {
        "cijfers": [tekst(rij) for rij in iter_gegevens(gegevens_van(rapport, openbare_lezer()))],
        "kosten": [
            tekst(rij)
            for rij in kosten.order_by("post__volgorde", "jaar", "bron").values_list(
                "post__naam", "jaar", "bron", "bedrag"
            )
        ],
        "streefdoelen": [
            tekst(rij)
            for rij in doelen.values_list(
                "pk",
                "soort",
                "waarde",
                "minimum",
                "maximum",
                "van_jaar",
                "tot_en_met_jaar",
                "deadline",
                "bereikt_op",
                "vervallen",
            )
        ],
    }


def _nieuwe_versie(rapport: Rapport, door) -> Rapportversie:
    from .tasks import genereer_versie

    laatste = rapport.versies.aggregate(n=Max("nummer"))["n"] or 0
    versie = Rapportversie.objects.create(
        rapport=rapport, nummer=laatste + 1, status=rapport.status, gemaakt_door=door
    )
    genereer_versie.enqueue(versie.pk)
    return versie


def is_actueel(rapport: Rapport, versie: Rapportversie | None) -> bool:
    """The version has the report's status and was made from today's figures (a waiting or
    running one will be: it reads the figures when it starts)."""
    if versie is None or versie.status != rapport.status:
        return False
    if versie.taak in (Rapportversie.Taak.WACHTEND, Rapportversie.Taak.BEZIG):
        return True
    return versie.taak == Rapportversie.Taak.KLAAR and not cijfers_gewijzigd(rapport, versie)


def actuele_versie(rapport: Rapport) -> Rapportversie | None:
    """The version whose files a click should get: a final report's last version always (it
    never changes), else the latest version if it is ready and its figures are today's."""
    laatste = rapport.laatste_versie
    if laatste is None or laatste.taak != Rapportversie.Taak.KLAAR:
        return None
    if rapport.status == Status.DEFINITIEF or is_actueel(rapport, laatste):
        return laatste
    return None


def ververs_rapporten(dossier_ids) -> list[Rapportversie]:
    """Make the concept reports of these dossiers (and of the tranches of these deals) again
    when their figures changed: run by the task queue right after a change (core.signals)."""
    rapporten = Rapport.objects.filter(status=Status.CONCEPT).filter(
        Q(dossier__in=dossier_ids) | Q(tranche__deals__in=dossier_ids)
    )
    nieuw = []
    for rapport in rapporten.distinct().select_related("dossier", "tranche"):
        with transaction.atomic():
            rapport = Rapport.objects.select_for_update().get(pk=rapport.pk)
            laatste = rapport.laatste_versie
            if laatste is None or is_actueel(rapport, laatste):
                continue
            nieuw.append(_nieuwe_versie(rapport, laatste.gemaakt_door))
    return nieuw


def _mag_beheren(rapport: Rapport, door) -> None:
    if not door.has_perm("rapportages.change_rapport", rapport):
        raise PermissionDenied("Alleen de coördinator van dit dossier beheert de rapportage.")


@transaction.atomic
def maak_concept(*, dossier=None, tranche=None, jaar: int, door) -> Rapport:
    rapport = Rapport(dossier=dossier, tranche=tranche, jaar=jaar, aangemaakt_door=door)
    _mag_beheren(rapport, door)
    rapport.full_clean()
    rapport.save()
    _nieuwe_versie(rapport, door)
    return rapport


@transaction.atomic
def vernieuw_concept(*, rapport: Rapport, door) -> Rapportversie:
    """A new concept version with today's figures (a final report is never remade). When the
    latest version already has them, that one: nothing is rendered twice."""
    rapport = Rapport.objects.select_for_update().get(pk=rapport.pk)
    _mag_beheren(rapport, door)
    if rapport.status == Status.DEFINITIEF:
        raise ValidationError("Een definitieve rapportage verandert niet meer.")
    laatste = rapport.laatste_versie
    if is_actueel(rapport, laatste):
        return laatste
    return _nieuwe_versie(rapport, door)


@transaction.atomic
def zet_status(*, rapport: Rapport, door, naar: str) -> Rapportversie:
    rapport = Rapport.objects.select_for_update().get(pk=rapport.pk)
    _mag_beheren(rapport, door)
    toegestaan = {Status.VOORGELEGD: [Status.CONCEPT], Status.DEFINITIEF: [Status.VOORGELEGD]}
    if rapport.status not in toegestaan.get(naar, []):
        raise ValidationError(
            f"Van ‘{Status(rapport.status).label}’ kan de rapportage niet naar "
            f"‘{Status(naar).label}’: eerst voorleggen aan de partijen, dan definitief maken."
        )
    rapport.status = naar
    rapport.save(update_fields=["status"])
    return _nieuwe_versie(rapport, door)


@transaction.atomic
def plaats_opmerking(*, rapport: Rapport, door, tekst: str) -> Opmerking:
    if not door.has_perm("rapportages.comment_rapport", rapport):
        raise PermissionDenied(
            "Opmerkingen kunnen alleen de partijen plaatsen, zolang de rapportage is voorgelegd."
        )
    tekst = tekst.strip()
    if not tekst:
        raise ValidationError("Schrijf een opmerking.")
    return Opmerking.objects.create(
        rapport=rapport, versie=rapport.laatste_versie, auteur=door, tekst=tekst
    )


@transaction.atomic
def sla_teksten_op(*, rapport: Rapport, door, teksten: dict[int, str]) -> None:
    """The year's narrative per action line or project; only while the report is a concept."""
    _mag_beheren(rapport, door)
    if rapport.status != Status.CONCEPT:
        raise ValidationError("Teksten wijzigen kan alleen zolang de rapportage een concept is.")
    for onderdeel_id, tekst in teksten.items():
        Voortgangstekst.objects.update_or_create(
            rapport=rapport, onderdeel_id=onderdeel_id, defaults={"tekst": tekst.strip()}
        )
    if rapport.dossier_id:
        meld_cijfers_gewijzigd(rapport.dossier_id)  # the narrative is part of the report
