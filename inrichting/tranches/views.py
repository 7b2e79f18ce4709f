"""A tranche and its deals, set up by the beheerder: the tranche is the ministry's."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from core.models import Rol
from regiodeals.models import Regiodeal, Tranche

from .forms import DealFormSet, TrancheForm
from .services import sla_tranche_op


def _alleen_beheerder(request) -> None:
    if not request.user.heeft_rol(Rol.BEHEERDER):
        raise PermissionDenied("Alleen een beheerder richt een tranche in.")


@require_http_methods(["GET", "POST"])
def tranche_nieuw(request):
    _alleen_beheerder(request)
    return _tranche_pagina(request, Tranche(), extra=15)


@require_http_methods(["GET", "POST"])
def tranche(request, nummer: int):
    bestaand = get_object_or_404(Tranche, nummer=nummer)
    _alleen_beheerder(request)
    return _tranche_pagina(request, bestaand, extra=3)


def _tranche_pagina(request, tranche: Tranche, *, extra: int):
    data = request.POST if request.method == "POST" else None
    kop = f"{tranche.naam} inrichten" if tranche.pk else "Nieuwe tranche"
    form = TrancheForm(data, instance=tranche)
    grenzen = form.cleaned_data if form.is_bound and form.is_valid() else {}
    deals = Regiodeal.objects.filter(tranche=tranche) if tranche.pk else Regiodeal.objects.none()
    formset = DealFormSet(
        data,
        queryset=deals.select_related("penvoerder").order_by("volgnummer", "titel"),
        prefix="deals",
        grenzen=grenzen,
    )
    formset.extra = extra
    if data is not None and form.is_valid() and formset.is_valid():
        try:
            opgeslagen = sla_tranche_op(
                tranche=form.save(commit=False),
                deals=[
                    (f.save(commit=False), f.cleaned_data.get("penvoerder"))
                    for f in formset.ingevulde_forms()
                ],
            )
        except ValidationError as fout:  # a model rule the forms do not know: on top
            form.add_error(None, ValidationError(fout.messages, code="model"))
        else:
            messages.success(request, f"{opgeslagen.naam} is opgeslagen met zijn deals.")
            return redirect("inrichting:tranche", nummer=opgeslagen.nummer)
    context = {"form": form, "formset": formset, "kop": kop, "tranche": tranche.pk and tranche}
    status = 400 if data is not None else 200
    return render(request, "inrichting/tranches/tranche_form.html", context, status=status)
