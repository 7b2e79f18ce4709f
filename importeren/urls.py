from django.urls import path

from . import views

app_name = "importeren"
urlpatterns = [
    path("", views.cijferimport_list, name="list"),
    path("dossiers/<slug:slug>/", views.upload, name="upload"),
    path("dossiers/<slug:slug>/sjabloon/<int:jaar>/", views.sjabloon, name="sjabloon"),
    path("dossiers/<slug:slug>/gegevens/", views.gegevens, name="gegevens"),
    path("<int:pk>/", views.cijferimport_detail, name="detail"),
    path("<int:pk>/bevestigen/", views.bevestig, name="bevestig"),
]
