from django.urls import path

from . import views

app_name = "historie"
urlpatterns = [
    path("dossier/<slug:slug>/", views.dossier, name="dossier"),
    path("<str:label>/<path:sleutel>/", views.ding, name="ding"),
]
