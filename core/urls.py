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
]
