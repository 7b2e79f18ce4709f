"""Who asks: a personal API key (`Authorization: Bearer pm_…`) or the logged-in session.

Either way the API answers as the screens would answer that user. Requests with a key are
limited per minute (the Django cache counts) and logged with the user (`api.middleware`)."""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from .problemen import TeVeelVerzoeken
from .services import vind_sleutel


class Sleutelauth(HttpBearer):
    def authenticate(self, request, token: str):
        sleutel = vind_sleutel(token)
        if sleutel is None:
            return None
        request.api_sleutel = sleutel  # the middleware logs the request with it
        if not binnen_limiet(sleutel.pk):
            raise TeVeelVerzoeken
        if (
            sleutel.laatst_gebruikt_op is None
            or (timezone.now() - sleutel.laatst_gebruikt_op).total_seconds() > 60
        ):
            sleutel.laatst_gebruikt_op = timezone.now()
            sleutel.save(update_fields=["laatst_gebruikt_op"])
        return sleutel.gebruiker


class Sessieauth(SessionAuth):
    """The logged-in user's session: the API tried from the browser. Read-only, so no CSRF."""

    def __init__(self):
        super().__init__(csrf=False)


def binnen_limiet(sleutel_pk: int) -> bool:
    """At most `API_LIMIET_PER_MINUUT` requests per key in one clock minute."""
    minuut = int(timezone.now().timestamp() // 60)
    naam = f"api-limiet:{sleutel_pk}:{minuut}"
    cache.add(naam, 0, timeout=120)
    try:
        aantal = cache.incr(naam)
    except ValueError:  # expired between add and incr
        cache.set(naam, 1, timeout=120)
        aantal = 1
    return aantal <= settings.API_LIMIET_PER_MINUUT


def gebruiker(request):
    """The user the API answers for (the key's, or the session's)."""
    return request.auth
