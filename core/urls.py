from django.urls import path

from . import views

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
]
