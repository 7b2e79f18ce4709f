"""Setting up a dossier in the browser: the overview, a new dossier of each kind, its own
fields, the steps (parties, parts, locations) and publishing it. Only a beheerder or the
dossier's coördinator; a dossier in opbouw does not exist (404) for anyone else."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.models import Dossier
from core.rules import editable_dossiers_q, is_beheerder

from .forms import ORGANISATIELIJST, STAPPEN, dossier_form, zoek_organisaties
from .services import MODELLEN, als_soort, bewaar_stap, maak_dossier, stel_vast
from .stappen import (
    SOORTEN,
    STAPNAMEN,
    extra_stappen,
    meer_inrichten,
    stappen_van,
    volgende_stap,
)


def _mag_inrichten(request) -> None:
    if not request.user.has_perm("core.add_dossier"):
        raise PermissionDenied("Alleen een coördinator of beheerder richt dossiers in.")


def _in_te_richten(request, slug: str) -> Dossier:
    """The dossier of the URL, if the user maintains it: 404 if they cannot see it, else 403."""
    dossier = get_object_or_404(
        Dossier.objects.visible_to(request.user).select_related("penvoerder"), slug=slug
    )
    if not request.user.has_perm("core.change_dossier", dossier):
        raise PermissionDenied("Alleen de coördinator of een beheerder richt dit dossier in.")
    return dossier


@require_http_methods(["GET", "HEAD"])
def start(request):
    _mag_inrichten(request)
    dossiers = (
        Dossier.objects.filter(editable_dossiers_q(request.user))
        .select_related("penvoerder")
        .order_by("titel", "pk")
    )
    vastgesteld = Paginator(dossiers.filter(in_opbouw=False), 50).get_page(request.GET.get("page"))
    context = {
        "soorten": SOORTEN,
        "in_opbouw": dossiers.filter(in_opbouw=True),
        "vastgesteld": vastgesteld,
        "meer": meer_inrichten(beheerder=is_beheerder(request.user)),
    }
    return render(request, "inrichting/dossiers/start.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def dossier_nieuw(request, soort: str):
    _mag_inrichten(request)
    if soort not in MODELLEN:
        raise Http404("Deze soort dossier bestaat niet.")
    beheerder = is_beheerder(request.user)
    if not beheerder and request.user.organisatie_id is None:
        raise PermissionDenied("Een coördinator zonder organisatie kan geen penvoerder zijn.")
    form = dossier_form(soort, met_penvoerder=beheerder)(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        dossier = maak_dossier(soort=soort, gegevens=form.cleaned_data, door=request.user)
        messages.success(request, f"Het dossier ‘{dossier.naam}’ is aangemaakt, in opbouw.")
        return redirect("inrichting:dossier", slug=dossier.slug)
    context = {"form": form, "soort": SOORTEN[soort], "penvoerder": request.user.organisatie}
    return render(request, "inrichting/dossiers/dossier_nieuw.html", context, status=_status(form))


@require_http_methods(["GET", "HEAD", "POST"])
def dossier(request, slug: str):
    dossier = als_soort(_in_te_richten(request, slug))
    soort = None if type(dossier) is Dossier else dossier.soort
    form = dossier_form(soort)(request.POST or None, instance=dossier, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "De gegevens van het dossier zijn opgeslagen.")
        return redirect("inrichting:dossier", slug=dossier.slug)
    context = {
        "dossier": dossier,
        "form": form,
        "stappen": stappen_van(dossier),
        "extra": extra_stappen(dossier),
        "volgende": volgende_stap(dossier, "dossier"),
    }
    return render(request, "inrichting/dossiers/dossier.html", context, status=_status(form))


@require_http_methods(["GET", "HEAD", "POST"])
def stap(request, slug: str, stap: str):
    dossier = _in_te_richten(request, slug)
    formset = STAPPEN[stap](request.POST or None, dossier=dossier)
    if request.method == "POST" and formset.is_valid():
        bewaar_stap(formset=formset)
        messages.success(request, f"{STAPNAMEN[stap]} van {dossier.naam} opgeslagen.")
        return redirect(f"inrichting:{stap}", slug=dossier.slug)
    context = {
        "dossier": dossier,
        "formset": formset,
        "stap": stap,
        "stapnaam": STAPNAMEN[stap],
        "volgende": volgende_stap(dossier, stap),
    }
    if stap == "partijen":
        zoek = request.GET.get("zoek", "").strip()[:200]
        context.update(zoek=zoek, gevonden=zoek_organisaties(zoek), lijst=ORGANISATIELIJST)
    status = 400 if request.method == "POST" else 200
    return render(request, "inrichting/dossiers/stap.html", context, status=status)


@require_POST
def vaststellen(request, slug: str):
    dossier = _in_te_richten(request, slug)
    try:
        dossier = stel_vast(dossier=dossier, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, "Vastgesteld: de partijen zien het dossier en kunnen invoeren.")
    return redirect("inrichting:dossier", slug=dossier.slug)


def _status(form) -> int:
    return 400 if form.is_bound and form.errors else 200
