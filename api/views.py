"""The personal API keys page, and the API's documentation page read from its own OpenAPI
document (self-hosted: nothing from a CDN)."""

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from .forms import SleutelForm
from .models import ApiSleutel
from .services import maak_sleutel, trek_sleutel_in


def sleutels(request):
    """The user's keys; a new one is shown once, on the answer to its POST."""
    nieuw = None
    form = SleutelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _, nieuw = maak_sleutel(gebruiker=request.user, naam=form.cleaned_data["naam"])
        form = SleutelForm()
    context = {
        "form": form,
        "nieuw": nieuw,
        "sleutels": ApiSleutel.objects.filter(gebruiker=request.user),
    }
    response = render(request, "api/sleutels.html", context)
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def intrekken(request, pk: int):
    sleutel = get_object_or_404(ApiSleutel, pk=pk)
    if sleutel.gebruiker_id != request.user.pk:
        raise PermissionDenied
    trek_sleutel_in(sleutel=sleutel)
    return redirect("api:sleutels")


@login_not_required
def wortel(request):
    """/api/v1/: where everything is (public, like the document it points to)."""
    namen = ["dossiers", "items", "cijfers", "rapportversies", "kosten", "openapi-json", "docs"]
    links = {
        naam: {"href": request.build_absolute_uri(reverse(f"api-v1:{naam}"))} for naam in namen
    }
    return JsonResponse({"_links": links}, json_dumps_params={"ensure_ascii": False})


@login_not_required
def documentatie(request):
    """Public, like the OpenAPI document it is read from: it holds no data."""
    from .documentatie import endpoints
    from .v1 import api

    schema = api.get_openapi_schema(path_prefix="/api/v1")
    context = {"schema": schema, "endpoints": endpoints(schema)}
    return render(request, "api/documentatie.html", context)
