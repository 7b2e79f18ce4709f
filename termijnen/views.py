"""The due dates of a dossier (its coördinator adjusts them) and a user's settings page; the
calendar feed is in termijnen/openbaar.py."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from core.models import Dossier

from .forms import InstellingenForm, TermijnForm
from .services import instellingen_van, nieuwe_kalenderlink, trek_kalenderlink_in, vul_kalender_aan


def _beheerd(request, slug: str) -> Dossier:
    """The dossier of the URL, if the user maintains it: 404 if they cannot see it, else 403."""
    dossier = get_object_or_404(
        Dossier.objects.visible_to(request.user).select_related("afspraak"), slug=slug
    )
    if not request.user.has_perm("core.change_dossier", dossier):
        raise PermissionDenied("Alleen de coördinator of een beheerder past de termijnen aan.")
    return dossier


@require_http_methods(["GET", "HEAD", "POST"])
def dossier(request, slug: str):
    dossier = _beheerd(request, slug)
    if request.method == "POST":
        aantal = vul_kalender_aan(dossier=dossier, vandaag=datetime.date.today())
        messages.success(request, f"{aantal} termijn(en) toegevoegd uit het voorstel.")
        return redirect("termijnen:dossier", slug=dossier.slug)
    context = {"dossier": dossier, "termijnen": dossier.termijnen.all()}
    return render(request, "termijnen/dossier.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def termijn(request, slug: str, pk: int):
    dossier = _beheerd(request, slug)
    termijn = get_object_or_404(dossier.termijnen, pk=pk)
    form = TermijnForm(request.POST or None, instance=termijn)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Termijn ‘{termijn.omschrijving}’ opgeslagen.")
        return redirect("termijnen:dossier", slug=dossier.slug)
    context = {"dossier": dossier, "termijn": termijn, "form": form}
    status = 400 if form.errors else 200
    return render(request, "termijnen/termijn.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def instellingen(request):
    eigen = instellingen_van(request.user)
    form = InstellingenForm(request.POST or None, instance=eigen)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Uw instellingen zijn opgeslagen.")
        return redirect("instellingen")
    link = None
    if eigen.kalendertoken:
        link = request.build_absolute_uri(reverse("kalender", args=[eigen.kalendertoken]))
    context = {"form": form, "kalenderlink": link}
    return render(
        request, "termijnen/instellingen.html", context, status=400 if form.errors else 200
    )


@require_POST
def kalenderlink(request):
    if request.POST.get("actie") == "intrekken":
        trek_kalenderlink_in(gebruiker=request.user)
        messages.success(request, "De kalenderlink is ingetrokken; de oude werkt niet meer.")
    else:
        nieuwe_kalenderlink(gebruiker=request.user)
        messages.success(request, "Er is een nieuwe kalenderlink; een oude werkt niet meer.")
    return redirect("instellingen")
