from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Max
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.jaren import rapportjaar_of_404
from core.models import Dossier, Onderdeel
from core.rules import editable_dossiers_q
from regiodeals.models import Tranche

from . import services
from .models import Rapport, Rapportversie
from .rules import leesbare_rapporten_q


def lijst(request):
    """Every report the user may read, newest year first; for a coördinator, where to make one."""
    user = request.user
    rapporten = (
        Rapport.objects.filter(leesbare_rapporten_q(user))
        .select_related("dossier", "tranche")
        .annotate(bijgewerkt=Max("versies__gemaakt_op"))
        .order_by("-jaar", "dossier__titel", "tranche__nummer", "pk")
    )
    pagina = Paginator(rapporten, 25).get_page(request.GET.get("page"))
    vorig = timezone.localdate().year - 1
    te_maken = [
        (dossier, jaar)
        for dossier in Dossier.objects.filter(editable_dossiers_q(user)).order_by("titel")
        if (jaar := _laatste_rapportjaar(dossier, vorig)) is not None
    ]
    context = {"pagina": pagina, "te_maken": te_maken}
    return render(request, "rapportages/lijst.html", context)


def _laatste_rapportjaar(dossier: Dossier, vorig: int) -> int | None:
    """Last year, or the term's last year if it ended before; none before the term starts."""
    jaar = min(vorig, dossier.eindjaar or vorig)
    return None if dossier.startjaar and jaar < dossier.startjaar else jaar


def _onderwerp(slug: str, user):
    """A report belongs to a dossier (by its slug) or to a tranche (`tranche-6`); a dossier in
    opbouw has none for who cannot see it."""
    if slug.startswith("tranche-") and slug.removeprefix("tranche-").isdigit():
        return None, get_object_or_404(Tranche, nummer=int(slug.removeprefix("tranche-")))
    dossiers = Dossier.objects.visible_to(user).select_related("penvoerder")
    return get_object_or_404(dossiers, slug=slug), None


def _rapport(slug: str, jaar: int, user) -> tuple:
    dossier, tranche = _onderwerp(slug, user)
    rapportjaar_of_404(dossier, jaar)  # before anything is looked up or stored for that year
    rapport = (
        Rapport.objects.filter(dossier=dossier, tranche=tranche, jaar=jaar)
        .select_related("dossier__penvoerder", "tranche")
        .first()
    )
    return dossier, tranche, rapport


def rapport(request, slug: str, jaar: int):
    dossier, tranche, rapport = _rapport(slug, jaar, request.user)
    user = request.user
    if rapport is None:
        nieuw = Rapport(dossier=dossier, tranche=tranche, jaar=jaar)
        context = {
            "onderwerp": dossier or tranche,
            "jaar": jaar,
            "mag_beheren": user.has_perm("rapportages.change_rapport", nieuw),
            "slug": slug,
        }
        return render(request, "rapportages/geen_rapport.html", context)
    if not user.has_perm("rapportages.view_rapport", rapport):
        raise PermissionDenied("Alleen de partijen lezen een rapportage voordat zij definitief is.")
    versies = list(rapport.versies.select_related("gemaakt_door").order_by("-nummer"))
    laatste = versies[0] if versies else None
    mag_beheren = user.has_perm("rapportages.change_rapport", rapport)
    context = {
        "rapport": rapport,
        "versies": versies,
        "laatste": laatste,
        "actueel": services.actuele_versie(rapport),
        "bezig": any(v.taak in ("wachtend", "bezig") for v in versies),
        "gewijzigd": services.cijfers_gewijzigd(rapport, laatste),
        "opmerkingen": rapport.opmerkingen.select_related("auteur__organisatie", "versie"),
        "mag_beheren": mag_beheren,
        "mag_opmerken": user.has_perm("rapportages.comment_rapport", rapport),
    }
    if mag_beheren and rapport.status == Rapport.Status.CONCEPT and dossier is not None:
        teksten = {t.onderdeel_id: t.tekst for t in rapport.teksten.all()}
        context["tekstvelden"] = [
            (o, teksten.get(o.pk, ""))
            for o in Onderdeel.objects.filter(dossier=dossier).order_by("volgorde", "nummer")
        ]
    return render(request, "rapportages/rapport.html", context)


@require_POST
def rapport_actie(request, slug: str, jaar: int, actie: str):
    dossier, tranche, rapport = _rapport(slug, jaar, request.user)
    user = request.user
    try:
        if actie == "concept":
            if rapport is not None:
                services.vernieuw_concept(rapport=rapport, door=user)
            else:
                rapport = services.maak_concept(
                    dossier=dossier, tranche=tranche, jaar=jaar, door=user
                )
            messages.success(request, "Het concept wordt gemaakt.")
        elif rapport is None:
            raise Http404("Er is nog geen rapportage over dit jaar.")
        elif actie in ("voorleggen", "definitief"):
            naar = Rapport.Status.VOORGELEGD if actie == "voorleggen" else Rapport.Status.DEFINITIEF
            services.zet_status(rapport=rapport, door=user, naar=naar)
            messages.success(request, f"De rapportage is {Rapport.Status(naar).label}.")
        elif actie == "opmerking":
            services.plaats_opmerking(
                rapport=rapport, door=user, tekst=request.POST.get("tekst", "")
            )
            messages.success(request, "Uw opmerking is geplaatst.")
        elif actie == "teksten":
            teksten = {
                int(naam.removeprefix("tekst-")): waarde
                for naam, waarde in request.POST.items()
                if naam.startswith("tekst-") and naam.removeprefix("tekst-").isdigit()
            }
            services.sla_teksten_op(rapport=rapport, door=user, teksten=teksten)
            messages.success(request, "De voortgangsteksten zijn opgeslagen.")
        else:
            raise Http404("Onbekende actie.")
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    if rapport is None:
        return redirect("rapportages:rapport", slug, jaar)
    return redirect(rapport)


def _leesbaar_rapport(request, slug: str, jaar: int, soort: str) -> Rapport:
    if soort not in ("pdf", "xlsx"):
        raise Http404("Onbekend bestandstype.")
    _, _, rapport = _rapport(slug, jaar, request.user)
    if rapport is None:
        raise Http404("Er is nog geen rapportage over dit jaar.")
    if not request.user.has_perm("rapportages.view_rapport", rapport):
        raise PermissionDenied("Alleen de partijen lezen een rapportage voordat zij definitief is.")
    return rapport


def _bestand(rapport: Rapport, versie: Rapportversie, soort: str):
    bestand = getattr(versie, soort)
    if not bestand:
        raise Http404("Dit bestand wordt nog gemaakt.")
    naam = f"voortgangsrapportage-{rapport.slug}-{rapport.jaar}-v{versie.nummer}.{soort}"
    return FileResponse(bestand.open("rb"), as_attachment=True, filename=naam)


def download(request, slug: str, jaar: int, nummer: int, soort: str):
    """A stored file: the coördinator's click is served at once, nothing is rendered here."""
    rapport = _leesbaar_rapport(request, slug, jaar, soort)
    versie = get_object_or_404(Rapportversie, rapport=rapport, nummer=nummer)
    return _bestand(rapport, versie, soort)


def actueel(request, slug: str, jaar: int, soort: str):
    """The report with today's figures, from storage. When the figures changed since the
    latest version, that version is being made again in the background (core.signals), so
    the report page says how far it is; the web worker never renders a report itself."""
    rapport = _leesbaar_rapport(request, slug, jaar, soort)
    versie = services.actuele_versie(rapport)
    if versie is not None:
        return _bestand(rapport, versie, soort)
    messages.info(
        request,
        "De cijfers zijn gewijzigd sinds de laatste versie; "
        "zodra de nieuwe versie klaar is, staat zij hieronder.",
    )
    return redirect(rapport)
