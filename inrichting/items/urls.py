from django.urls import path

from . import views

urlpatterns = [
    path("<slug:slug>/items/", views.items, name="items"),
    path("<slug:slug>/items/nieuw/", views.ItemToevoegen.as_view(), name="item_nieuw"),
    path("<slug:slug>/items/<int:pk>/", views.ItemWijzigen.as_view(), name="item"),
    path(
        "<slug:slug>/items/<int:pk>/verwijderen/",
        views.item_verwijderen,
        name="item_verwijderen",
    ),
    path("<slug:slug>/normen/", views.normen, name="normen"),
    path(
        "<slug:slug>/normen/<int:pk>/verwijderen/",
        views.norm_verwijderen,
        name="norm_verwijderen",
    ),
]
