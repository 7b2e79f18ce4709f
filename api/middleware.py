"""Every response of the API: an `API-Version` header, errors as problem+json (also the
ones Django answers before the API is reached: an unknown path, a wrong method), and each
request made with a key logged with its user."""

from .models import ApiVerzoek
from .problemen import CONTENT_TYPE, probleem

VERSIE = "1.0.0"
PREFIX = "/api/"


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(PREFIX):
            return response
        if response.status_code >= 400 and response.get("Content-Type") != CONTENT_TYPE:
            response = probleem(response.status_code)
        response["API-Version"] = VERSIE
        sleutel = getattr(request, "api_sleutel", None)
        if sleutel is not None:
            ApiVerzoek.objects.create(
                sleutel=sleutel,
                gebruiker_id=sleutel.gebruiker_id,
                methode=request.method[:10],
                pad=request.get_full_path()[:2000],
                status=response.status_code,
            )
        return response
