from django.urls import path

from . import views

app_name = "dashboards"
urlpatterns = [
    path("cijfers/", views.CijfersView.as_view(), name="cijfers"),
    path("dashboards/<slug:slug>/", views.dossier_dashboard, name="dossier"),
    path("dashboards/<slug:slug>/vergelijking/", views.vergelijking, name="vergelijking"),
    path("dashboards/<slug:slug>/trend/<slug:code>/", views.trend, name="trend"),
]
