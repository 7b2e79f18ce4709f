from django.urls import path

from . import views

app_name = "rapportages"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<slug:slug>/<int:jaar>/", views.rapport, name="rapport"),
    path("<slug:slug>/<int:jaar>/<str:actie>/", views.rapport_actie, name="actie"),
    path("<slug:slug>/<int:jaar>/actueel.<str:soort>", views.actueel, name="actueel"),
    path(
        "<slug:slug>/<int:jaar>/versies/<int:nummer>.<str:soort>",
        views.download,
        name="download",
    ),
]
