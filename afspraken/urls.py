from django.urls import path

from . import views

app_name = "afspraken"
urlpatterns = [
    path("", views.AfspraakListView.as_view(), name="list"),
    path("<slug:slug>/", views.AfspraakDetailView.as_view(), name="detail"),
    path("<slug:slug>/punten/<int:pk>/", views.AfspraakpuntDetailView.as_view(), name="punt"),
    path(
        "<slug:slug>/wijzigingen/<int:pk>/verwerken/",
        views.wijziging_verwerken,
        name="wijziging_verwerken",
    ),
]
