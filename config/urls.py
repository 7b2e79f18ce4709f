from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core.views import StartView

urlpatterns = [
    path("", StartView.as_view(), name="start"),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("afspraken/", include("afspraken.urls")),
    path("regiodeals/", include("regiodeals.urls")),
    path("projecten/", include("projecten.urls")),
    path("", include("core.urls")),
    path("beheer/", admin.site.urls),
]
