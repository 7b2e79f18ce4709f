"""Errors as `application/problem+json` (RFC 9457), with a Dutch title and detail, as the NL
API Design Rules ask. Every error of the API comes through `probleem`: the framework's own
(authentication, validation, not found) through the handlers of `registreer`, the rest (an
unknown path, a wrong method) through `api.middleware`."""

import json

from django.http import Http404, HttpResponse
from ninja.errors import AuthenticationError, HttpError, ValidationError

CONTENT_TYPE = "application/problem+json"

TITELS = {
    400: "Ongeldig verzoek",
    401: "Niet aangemeld",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    429: "Te veel verzoeken",
    500: "Interne fout",
}
DETAILS = {
    401: "Stuur een persoonlijke API-sleutel mee als ‘Authorization: Bearer <sleutel>’, "
    "of meld u aan. Een sleutel maakt u op de pagina API-sleutels.",
    403: "U mag dit niet inzien.",
    404: "Dit bestaat niet, of u mag het niet inzien.",
    405: "Deze API kan alleen lezen: gebruik GET.",
    429: "U heeft in korte tijd te veel verzoeken gedaan. Probeer het over een minuut opnieuw.",
    500: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
}


class TeVeelVerzoeken(Exception):
    """The key's limit per minute is reached (`api.auth`)."""


class OngeldigFilter(Exception):
    """A filter names something that does not exist or cannot be: a 400 with this detail."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


def probleem(status: int, detail: str | None = None, **extra) -> HttpResponse:
    inhoud = {
        "type": "about:blank",
        "title": TITELS.get(status, "Fout"),
        "status": status,
        "detail": detail or DETAILS.get(status, ""),
        **extra,
    }
    response = HttpResponse(
        json.dumps(inhoud, ensure_ascii=False), status=status, content_type=CONTENT_TYPE
    )
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="api"'
    if status == 429:
        response["Retry-After"] = "60"
    return response


def _validatie(request, exc: ValidationError) -> HttpResponse:
    fouten = []
    for fout in exc.errors:
        plek = ".".join(str(deel) for deel in fout.get("loc", ())[1:]) or "verzoek"
        fouten.append({"parameter": plek, "melding": _melding(fout)})
    samen = "; ".join(f"{f['parameter']}: {f['melding']}" for f in fouten)
    return probleem(400, f"Ongeldige parameter. {samen}.", fouten=fouten)


def _melding(fout: dict) -> str:
    """A Dutch message for pydantic's most common errors; others by their type."""
    soort = fout.get("type", "")
    if soort.startswith("int") or soort.startswith("decimal"):
        return "geen geheel getal"
    if soort in {"greater_than_equal", "greater_than"}:
        return f"moet minstens {fout.get('ctx', {}).get('ge', fout.get('ctx', {}).get('gt'))} zijn"
    if soort in {"less_than_equal", "less_than"}:
        return f"mag hoogstens {fout.get('ctx', {}).get('le', fout.get('ctx', {}).get('lt'))} zijn"
    if soort == "enum" or soort == "literal_error":
        return "geen van de toegestane waarden"
    if soort == "missing":
        return "ontbreekt"
    return f"ongeldig ({soort})"


def registreer(api) -> None:
    api.add_exception_handler(ValidationError, _validatie)
    api.add_exception_handler(AuthenticationError, lambda request, exc: probleem(401))
    api.add_exception_handler(Http404, lambda request, exc: probleem(404))
    api.add_exception_handler(TeVeelVerzoeken, lambda request, exc: probleem(429))
    api.add_exception_handler(OngeldigFilter, lambda request, exc: probleem(400, exc.detail))
    api.add_exception_handler(
        HttpError, lambda request, exc: probleem(exc.status_code, str(exc) or None)
    )
