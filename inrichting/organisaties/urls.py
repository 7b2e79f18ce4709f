from django.urls import path

from . import views

urlpatterns = [
    path("", views.organisaties, name="organisaties"),
    path("<slug:slug>/", views.organisatie, name="organisatie"),
    path("<slug:slug>/gebruikers/<int:pk>/link/", views.gebruiker_link, name="gebruiker_link"),
    path(
        "<slug:slug>/gebruikers/<int:pk>/actief/", views.gebruiker_actief, name="gebruiker_actief"
    ),
]
