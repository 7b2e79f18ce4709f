from django.urls import path

from . import views

app_name = "regiodeals"
urlpatterns = [
    path("", views.RegiodealListView.as_view(), name="list"),
    path("tranches/", views.tranches, name="tranches"),
    path("tranches/<int:nummer>/", views.tranche_detail, name="tranche"),
    path("<slug:slug>/", views.RegiodealDetailView.as_view(), name="detail"),
    path("<slug:slug>/kosten/<int:jaar>/", views.kosten_invoer, name="kosten"),
]
