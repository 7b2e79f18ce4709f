from django.contrib import admin
from django.urls import include, path

from aanmelden.views import Inloggen, Uitloggen
from api.urls import v1 as api_v1
from core.health import gezondheid
from dashboards.views import start
from inrichting.organisaties.views import WachtwoordInstellen
from paginas.views import voettekst
from termijnen import openbaar as termijnen_openbaar
from termijnen import views as termijnen_views

# The footer's pages are public: a visitor on the login page must reach them.

urlpatterns = [
    path("", start, name="start"),
    path("inloggen/", Inloggen.as_view(), name="login"),
    path("inloggen/organisatie/", include("aanmelden.urls")),
    path("uitloggen/", Uitloggen.as_view(), name="logout"),
    path("gezondheid/", gezondheid, name="health"),
    path("toegankelijkheid/", voettekst, {"url": "/toegankelijkheid/"}, name="toegankelijkheid"),
    path("privacy/", voettekst, {"url": "/privacy/"}, name="privacy"),
    path("contact/", voettekst, {"url": "/contact/"}, name="contact"),
    path("afspraken/", include("afspraken.urls")),
    path("regiodeals/", include("regiodeals.urls")),
    path("projecten/", include("projecten.urls")),
    path("import/", include("importeren.urls")),
    path("inrichting/", include("inrichting.urls")),
    path("", include("core.urls")),
    path("", include("dashboards.urls")),
    path("rapportages/", include("rapportages.urls")),
    path("historie/", include("historie.urls")),
    path("beheer/", admin.site.urls),
    # The read API and the personal keys for it (api/, docs/api.md)
    path("api/v1/", api_v1),
    path("instellingen/api-sleutels/", include("api.urls")),
    # The yearly cycle (termijnen/): a user's settings, and their calendar feed (public: the
    # secret in the URL is the key).
    path("instellingen/", termijnen_views.instellingen, name="instellingen"),
    path("instellingen/kalender/", termijnen_views.kalenderlink, name="kalenderlink"),
    path("kalender/<str:token>.ics", termijnen_openbaar.feed, name="kalender"),
    path("termijnen/", include("termijnen.urls")),
    # The one-time link of a new user's mail; public, as Django's PasswordResetConfirmView is.
    path(
        "wachtwoord/<uidb64>/<token>/",
        WachtwoordInstellen.as_view(),
        name="wachtwoord_instellen",
    ),
]
