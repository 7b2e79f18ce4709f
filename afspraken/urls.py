from django.urls import path

from . import views

app_name = "afspraken"
urlpatterns = [
    path("", views.AfspraakListView.as_view(), name="list"),
    path("<slug:slug>/", views.AfspraakDetailView.as_view(), name="detail"),
]
