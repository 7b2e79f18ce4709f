from django.urls import path

from . import views

app_name = "aanmelden"

urlpatterns = [
    path("<slug:slug>/", views.start, name="start"),
    path("<slug:slug>/terug/", views.Terug.as_view(), name="terug"),
]
