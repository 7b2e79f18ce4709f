"""Sessions end after SESSION_IDLE_MINUTES without a request (docs/deployment.md).

The time of the last request is kept in the session, but written at most every tenth of the
idle time: writing it on every request would cost every page an UPDATE of the session.
"""

import time

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

SLEUTEL = "laatst_actief"


def _idle_seconden() -> int:
    return settings.SESSION_IDLE_MINUTES * 60


class SessieVerlooptMiddleware:
    """Before LoginRequiredMiddleware: a session idle too long is logged out, and the page
    then asks to log in again like any other."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            nu = int(time.time())
            laatst = request.session.get(SLEUTEL)
            if laatst is not None and nu - laatst > _idle_seconden():
                auth.logout(request)
            elif laatst is None or nu - laatst > _idle_seconden() // 10:
                request.session[SLEUTEL] = nu
        return self.get_response(request)


@receiver(user_logged_in, dispatch_uid="aanmelden_laatst_actief")
def bij_inloggen(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SLEUTEL] = int(time.time())
