"""The structure workbook (download, upload → preview → confirm) and ‘Nieuwe periode’."""

import base64
import hashlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from core.models import Dossier
from importeren.bestand import Geweigerd

from .forms import NieuwePeriodeForm, StructuurUploadForm
from .gegevens import StructuurFouten, lees
from .invoer import Voorbeeld, bekijk_werkboek, importeer_werkboek
from .periode import maak_nieuwe_periode, verschuif_jaren, volgende_periode
from .werkboek import schrijf

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SESSIE = "inrichting_structuur"  # the uploaded workbook between preview and confirmation


def inrichtingspagina(dossier: Dossier) -> str:
    return reverse("inrichting:dossier", kwargs={"slug": dossier.slug})


@require_GET
def structuur_export(request, slug: str):
    dossier = get_object_or_404(Dossier.objects.select_related("penvoerder"), slug=slug)
    if not request.user.has_perm("core.view_dossier", dossier):
        raise PermissionDenied("U mag dit dossier niet zien.")
    response = HttpResponse(schrijf(lees(dossier)), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="structuur-{dossier.slug}.xlsx"'
    return response


@require_http_methods(["GET", "POST"])
def structuur_import(request):
    if not request.user.has_perm("core.add_dossier"):
        raise PermissionDenied("Alleen een beheerder of coördinator kan een dossier importeren.")
    if request.method == "POST" and "bevestig" in request.POST:
        return _bevestig(request)
    form = StructuurUploadForm(request.POST or None, request.FILES or None)
    voorbeeld = None
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        inhoud = bestand.read()
        try:
            voorbeeld = bekijk_werkboek(naam=bestand.name, inhoud=inhoud, door=request.user)
        except Geweigerd as error:
            form.add_error("bestand", str(error))
        else:
            request.session[SESSIE] = {
                "naam": bestand.name,
                "inhoud": base64.b64encode(inhoud).decode(),
                "sha256": hashlib.sha256(inhoud).hexdigest(),
            }
    return _import_pagina(request, form, voorbeeld)


def _import_pagina(request, form, voorbeeld: Voorbeeld | None):
    context = {"form": form, "voorbeeld": voorbeeld}
    if voorbeeld is not None and not voorbeeld.fouten:
        context["vingerafdruk"] = request.session[SESSIE]["sha256"]
    fout = form.errors or (voorbeeld is not None and voorbeeld.fouten)
    return render(request, "inrichting/structuur/import.html", context, status=400 if fout else 200)


def _bevestig(request):
    upload = request.session.get(SESSIE)
    if not upload or upload["sha256"] != request.POST.get("vingerafdruk"):
        messages.error(request, "Er is niets opgeslagen: upload het werkboek opnieuw.")
        return redirect("inrichting:structuur_import")
    inhoud = base64.b64decode(upload["inhoud"])
    try:
        dossier = importeer_werkboek(naam=upload["naam"], inhoud=inhoud, door=request.user)
    except StructuurFouten as error:
        voorbeeld = Voorbeeld(None, error.fouten)
        return _import_pagina(request, StructuurUploadForm(), voorbeeld)
    except Geweigerd as error:
        messages.error(request, str(error))
        return redirect("inrichting:structuur_import")
    del request.session[SESSIE]
    messages.success(request, f"‘{dossier.naam}’ is aangemaakt uit het werkboek (in opbouw).")
    return redirect(inrichtingspagina(dossier))


def _begin(dossier: Dossier) -> dict:
    start, eind = volgende_periode(dossier)
    jaren = start.year - dossier.startdatum.year if start else 0
    return {
        "startdatum": start,
        "einddatum": eind,
        "titel": verschuif_jaren(dossier.titel, jaren),
        "korte_naam": verschuif_jaren(dossier.korte_naam, jaren),
    }


@require_http_methods(["GET", "POST"])
def nieuwe_periode(request, slug: str):
    dossier = get_object_or_404(Dossier.objects.select_related("penvoerder"), slug=slug)
    if not request.user.has_perm("core.change_dossier", dossier):
        raise PermissionDenied("Alleen de coördinator of een beheerder kan dit dossier kopiëren.")
    form = NieuwePeriodeForm(request.POST or None, initial=_begin(dossier))
    fouten = []
    if request.method == "POST" and form.is_valid():
        try:
            nieuw = maak_nieuwe_periode(dossier=dossier, door=request.user, **form.cleaned_data)
        except StructuurFouten as error:
            fouten = error.fouten
        else:
            messages.success(request, f"‘{nieuw.naam}’ is aangemaakt (in opbouw).")
            return redirect(inrichtingspagina(nieuw))
    context = {"dossier": dossier, "form": form, "fouten": fouten}
    status = 400 if form.errors or fouten else 200
    return render(request, "inrichting/structuur/nieuwe_periode.html", context, status=status)
