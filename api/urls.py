"""The personal API keys page (`api:`) and the read API itself (`api-v1:`, mounted at
/api/v1/ by config/urls.py).

The API's own URLs are not behind the login page: they answer 401 in problem+json to a
request without a key or session (api.auth), and the OpenAPI document and its page are
public (NL API Design Rules: publish the OAS)."""

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from . import views
from .v1 import api

app_name = "api"
urlpatterns = [
    path("", views.sleutels, name="sleutels"),
    path("<int:pk>/intrekken/", views.intrekken, name="sleutel_intrekken"),
]


def _v1():
    patronen, _, namespace = api.urls
    for patroon in patronen:
        if patroon.name == "api-root":  # django-ninja's is a 404: a list of links instead
            patroon.callback = views.wortel
        login_not_required(patroon.callback)
    patronen.append(path("docs/", views.documentatie, name="docs"))
    return patronen, "api-v1", namespace


v1 = _v1()
