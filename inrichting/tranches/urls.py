from django.urls import path

from . import views

urlpatterns = [
    path("nieuw/", views.tranche_nieuw, name="tranche_nieuw"),
    path("<int:nummer>/", views.tranche, name="tranche"),
]
