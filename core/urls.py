from django.urls import path

from . import doelen_views, views

app_name = "core"
urlpatterns = [
    path("organisaties/", views.OrganisatieListView.as_view(), name="organisatie_list"),
    path(
        "organisaties/<slug:slug>/",
        views.OrganisatieDetailView.as_view(),
        name="organisatie_detail",
    ),
    path(
        "dossiers/<slug:slug>/invoer/<int:jaar>/<str:soort>/",
        views.jaaropgave_invoer,
        name="invoer",
    ),
    path(
        "dossiers/<slug:slug>/invoer/<int:jaar>/<str:soort>/<str:actie>/",
        views.jaaropgave_actie,
        name="invoer_actie",
    ),
    path("dossiers/<slug:slug>/streefdoelen/", doelen_views.streefdoelen, name="streefdoelen"),
    path(
        "dossiers/<slug:slug>/streefdoelen/nieuw/",
        doelen_views.StreefdoelToevoegen.as_view(),
        name="streefdoel_toevoegen",
    ),
    path(
        "dossiers/<slug:slug>/streefdoelen/<int:pk>/",
        doelen_views.StreefdoelWijzigen.as_view(),
        name="streefdoel_wijzigen",
    ),
]
