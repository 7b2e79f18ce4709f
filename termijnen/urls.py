from django.urls import path

from . import views

app_name = "termijnen"
urlpatterns = [
    path("<slug:slug>/", views.dossier, name="dossier"),
    path("<slug:slug>/<int:pk>/", views.termijn, name="termijn"),
]
