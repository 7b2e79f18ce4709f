from django.urls import path

from . import views

# A dossier's own pages come before "nieuw/<soort>/", so a dossier slugged "nieuw" keeps them.
urlpatterns = [
    path("", views.start, name="start"),
    path("dossiers/<slug:slug>/", views.dossier, name="dossier"),
    path("dossiers/<slug:slug>/partijen/", views.stap, {"stap": "partijen"}, name="partijen"),
    path(
        "dossiers/<slug:slug>/onderdelen/",
        views.stap,
        {"stap": "onderdelen"},
        name="onderdelen",
    ),
    path("dossiers/<slug:slug>/locaties/", views.stap, {"stap": "locaties"}, name="locaties"),
    path("dossiers/<slug:slug>/vaststellen/", views.vaststellen, name="vaststellen"),
    path("dossiers/nieuw/<str:soort>/", views.dossier_nieuw, name="dossier_nieuw"),
]
