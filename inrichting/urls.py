"""Setting up organisations, tranches and dossiers in the browser: one package per part."""

from django.urls import include, path

app_name = "inrichting"
urlpatterns = [
    path("", include("inrichting.dossiers.urls")),
    path("organisaties/", include("inrichting.organisaties.urls")),
    path("tranches/", include("inrichting.tranches.urls")),
    path("dossiers/", include("inrichting.items.urls")),
    path("", include("inrichting.structuur.urls")),
]
