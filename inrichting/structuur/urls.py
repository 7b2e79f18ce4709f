from django.urls import path

from . import views

urlpatterns = [
    path("dossiers/<slug:slug>/structuur.xlsx", views.structuur_export, name="structuur_export"),
    path("structuur/", views.structuur_import, name="structuur_import"),
    path("dossiers/<slug:slug>/nieuwe-periode/", views.nieuwe_periode, name="nieuwe_periode"),
]
