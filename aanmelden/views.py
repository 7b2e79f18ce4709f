"""Signing in through the organisation's provider: start, callback, and logout at both ends.

The views are mozilla-django-oidc's, with the provider chosen by the organisation in the
URL (/inloggen/organisatie/<slug>/) instead of read from the settings. Both ends are public:
the visitor is not logged in yet.
"""

import logging
import time
from urllib.parse import urlencode

from django.contrib import auth
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.utils.decorators import method_decorator
from mozilla_django_oidc.utils import (
    add_state_and_verifier_and_nonce_to_session,
    generate_code_challenge,
)
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCLogoutView,
    get_next_url,
)

from core.models import Rol, User

from .forms import InlogFormulier
from .gebeurtenissen import leg_vast
from .models import Aanmeldgebeurtenis, Identiteitsprovider
from .weigering import ONGELDIG, Geweigerd

logger = logging.getLogger(__name__)

PROVIDER_SLEUTEL = "aanmelden_provider"
STATE_MAX_SECONDEN = 15 * 60  # from the button to the provider's answer


class Inloggen(auth_views.LoginView):
    """Django's login page, with a button per organisation that signs in on its own."""

    authentication_form = InlogFormulier

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["identiteitsproviders"] = Identiteitsprovider.objects.actief()
        return context


@login_not_required
def start(request, slug: str):
    """To the provider's login, with a fresh state, nonce and PKCE challenge in the session."""
    provider = get_object_or_404(Identiteitsprovider.objects.actief(), organisatie__slug=slug)
    state, nonce, verifier = (get_random_string(n) for n in (32, 32, 64))
    params = {
        "response_type": "code",
        "scope": provider.scopes,
        "client_id": provider.client_id,
        "redirect_uri": request.build_absolute_uri(reverse("aanmelden:terug", args=[slug])),
        "state": state,
        "nonce": nonce,
        "code_challenge": generate_code_challenge(verifier, "S256"),
        "code_challenge_method": "S256",
    }
    add_state_and_verifier_and_nonce_to_session(request, state, params, verifier)
    request.session["oidc_states"][state]["provider"] = provider.pk
    request.session["oidc_login_next"] = get_next_url(request, "next")
    return HttpResponseRedirect(f"{provider.authorization_endpoint}?{urlencode(params)}")


@method_decorator(login_not_required, name="dispatch")
class Terug(OIDCAuthenticationCallbackView):
    """The provider's answer: checked, the user found or made, and logged in with a role."""

    def get(self, request, slug: str):
        self.provider = get_object_or_404(
            Identiteitsprovider.objects.actief(), organisatie__slug=slug
        )
        try:
            staat = self.neem_staat()
            self.user = auth.authenticate(
                request,
                provider=self.provider,
                nonce=staat["nonce"],
                code_verifier=staat.get("code_verifier"),
            )
        except Geweigerd as weigering:
            return self.weiger(weigering)
        if self.user is None:  # locked out by axes
            return self.weiger(Geweigerd(ONGELDIG, code="geen_gebruiker"))
        if not self.user.is_superuser and not self.user.rollen:
            return self.zonder_rol()
        id_token = request.session.get("oidc_id_token")
        response = self.login_success()
        request.session["oidc_id_token"] = id_token
        request.session[PROVIDER_SLEUTEL] = self.provider.pk
        return response

    def neem_staat(self) -> dict:
        """The state is used once and must be one this browser started at this provider."""
        staten = self.request.session.get("oidc_states", {})
        staat = staten.pop(self.request.GET.get("state", ""), None)
        self.request.session.modified = True
        if self.request.GET.get("error"):
            raise Geweigerd(
                "U bent niet ingelogd: de inlogdienst van uw organisatie meldde een fout.",
                code="provider_fout",
                detail=self.request.GET.get("error", "")[:200],
            )
        if staat is None or staat.get("provider") != self.provider.pk:
            raise Geweigerd(ONGELDIG, code="state_onbekend")
        if time.time() - staat["added_on"] > STATE_MAX_SECONDEN:
            raise Geweigerd(ONGELDIG, code="state_verlopen")
        return staat

    def weiger(self, weigering: Geweigerd):
        logger.warning(
            "Inloggen via %s geweigerd: %s %s",
            self.provider.organisatie,
            weigering.code,
            weigering.detail,
        )
        leg_vast(
            soort=Aanmeldgebeurtenis.Soort.MISLUKT,
            via=f"{self.provider.organisatie} (OpenID Connect)",
            omschrijving=f"{weigering.code}: {weigering.detail}".strip(": "),
        )
        context = {"reden": weigering.reden, "provider": self.provider}
        return render(self.request, "aanmelden/geweigerd.html", context, status=403)

    def zonder_rol(self):
        leg_vast(
            soort=Aanmeldgebeurtenis.Soort.GEEN_ROL,
            via=f"{self.provider.organisatie} (OpenID Connect)",
            gebruiker=self.user,
        )
        coordinatoren = User.objects.filter(
            organisatie=self.provider.organisatie, groups__name=Rol.COORDINATOR, is_active=True
        ).order_by("last_name", "first_name")
        context = {"gebruiker": self.user, "coordinatoren": coordinatoren}
        return render(self.request, "aanmelden/geen_rol.html", context, status=403)


class Uitloggen(OIDCLogoutView):
    """Logs out here and, for a user who came through a provider that supports it, sends the
    browser on to end the provider's session too (RP-initiated logout). That last step is a
    page with a link (followed at once), not a redirect: the form posts to our own origin only
    (CSP form-action 'self'), and a redirect after a form counts as its target."""

    def post(self, request):
        provider = Identiteitsprovider.objects.filter(
            pk=request.session.get(PROVIDER_SLEUTEL), actief=True
        ).first()
        id_token = request.session.get("oidc_id_token")
        response = super().post(request)
        if provider is None or not provider.end_session_endpoint:
            return response
        params = {
            "client_id": provider.client_id,
            "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
        }
        if id_token:
            params["id_token_hint"] = id_token
        url = f"{provider.end_session_endpoint}?{urlencode(params)}"
        return render(request, "aanmelden/uitgelogd.html", {"url": url, "provider": provider})
