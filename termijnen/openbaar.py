"""The one public view of the cycle: a user's calendar feed behind the secret in its URL (a
calendar program does not log in). An unknown or revoked secret is a 404."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from .feed import kalender
from .models import Instellingen


@login_not_required
@require_http_methods(["GET", "HEAD"])
def feed(request, token: str):
    eigen = (
        Instellingen.objects.filter(kalendertoken=token, gebruiker__is_active=True)
        .select_related("gebruiker__organisatie")
        .first()
    )
    if eigen is None:
        raise Http404("Deze kalenderlink bestaat niet (meer).")
    response = HttpResponse(
        kalender(eigen.gebruiker, timezone.now()), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, no-store"
    return response
