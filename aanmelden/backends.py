"""mozilla-django-oidc's backend, set up per login from one organisation's provider.

The package reads one provider from the OIDC_* settings; here each organisation has its own
(`Identiteitsprovider`), so the backend takes the provider the callback was reached for and
keeps the package's token exchange, signature check (JWKS) and nonce check. It adds what the
package leaves out: the issuer and audience of the ID token, and that the token is not
expired (a token without `exp` is refused). A session then loads its user through
`core.backends.ModelBackend` (one query, with roles).
"""

import logging

import jwt
import requests
from django.core.exceptions import SuspiciousOperation
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import absolutify

from core.backends import ModelBackend
from core.models import User

from .models import Identiteitsprovider
from .services import koppel_gebruiker
from .weigering import ONGELDIG, Geweigerd

logger = logging.getLogger(__name__)


class OrganisatieBackend(OIDCAuthenticationBackend):
    def __init__(self, *args, **kwargs) -> None:
        # Not the package's: its settings name one provider, ours come per login.
        self.UserModel = User
        self.provider: Identiteitsprovider | None = None

    def gebruik(self, provider: Identiteitsprovider) -> None:
        self.provider = provider
        self.OIDC_OP_TOKEN_ENDPOINT = provider.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = provider.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = provider.jwks_endpoint or None
        self.OIDC_RP_CLIENT_ID = provider.client_id
        self.OIDC_RP_CLIENT_SECRET = provider.client_secret
        self.OIDC_RP_SIGN_ALGO = provider.algoritme
        self.OIDC_RP_IDP_SIGN_KEY = None

    def authenticate(self, request, provider=None, nonce=None, code_verifier=None, **kwargs):
        """Only for the callback of a provider (`provider=`); raises `Geweigerd` with the
        reason instead of returning None, so the user reads why."""
        if request is None or provider is None or kwargs:
            return None
        self.gebruik(provider)
        self.request = request
        token_payload = {
            "client_id": provider.client_id,
            "client_secret": provider.client_secret,
            "grant_type": "authorization_code",
            "code": request.GET.get("code", ""),
            "redirect_uri": absolutify(
                request, reverse("aanmelden:terug", args=[provider.organisatie.slug])
            ),
        }
        if code_verifier is not None:
            token_payload["code_verifier"] = code_verifier
        try:
            token_info = self.get_token(token_payload)
            payload = self.verify_token(token_info.get("id_token") or "", nonce=nonce)
            self.controleer_id_token(payload)
            userinfo = self.get_userinfo(token_info.get("access_token"), None, payload)
        except (
            SuspiciousOperation,
            jwt.PyJWTError,
            requests.RequestException,
            ValueError,
            KeyError,
        ) as e:
            raise Geweigerd(ONGELDIG, code="token_ongeldig", detail=str(e)) from e
        if userinfo.get("sub", payload["sub"]) != payload["sub"]:
            raise Geweigerd(ONGELDIG, code="sub_verschilt")
        self.request.session["oidc_id_token"] = token_info["id_token"]
        return koppel_gebruiker(provider=provider, claims={**payload, **userinfo})

    def retrieve_matching_jwk(self, token):
        """The package's, but a token without `kid` (a provider with one key) takes the one key
        of the set, and only when there is exactly one."""
        if "kid" in jwt.get_unverified_header(token):
            return super().retrieve_matching_jwk(token)
        antwoord = requests.get(
            self.OIDC_OP_JWKS_ENDPOINT, timeout=self.get_settings("OIDC_TIMEOUT")
        )
        antwoord.raise_for_status()
        sleutels = antwoord.json()["keys"]
        if len(sleutels) != 1:
            raise SuspiciousOperation("token zonder kid, en niet één sleutel")
        return jwt.PyJWK(sleutels[0])

    def controleer_id_token(self, payload: dict) -> None:
        """What the package leaves out: whose token it is, and for whom."""
        if payload.get("iss") != self.provider.issuer:
            raise SuspiciousOperation(f"issuer {payload.get('iss')!r} is niet van deze provider")
        audience = payload.get("aud")
        audience = [audience] if isinstance(audience, str) else audience or []
        if self.provider.client_id not in audience:
            raise SuspiciousOperation(f"token is voor {audience!r}")
        if "exp" not in payload or "sub" not in payload:
            raise SuspiciousOperation("token zonder exp of sub")

    def get_user(self, user_id):
        return ModelBackend().get_user(user_id)
