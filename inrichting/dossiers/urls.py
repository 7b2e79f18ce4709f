from django.urls import path, re_path

from . import views

urlpatterns = [
    path("", views.start, name="start"),
    # Only the three kinds: a dossier whose slug is "nieuw" keeps its own pages.
    re_path(
        r"^dossiers/nieuw/(?P<soort>afspraak|regiodeal|project)/$",
        views.dossier_nieuw,
        name="dossier_nieuw",
    ),
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
]
