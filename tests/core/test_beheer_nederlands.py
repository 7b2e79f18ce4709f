"""Beheer speaks Dutch, also where a library ships no Dutch (django-axes, django-tasks):
locale/nl translates their model and field names, core/admin.py names their apps."""

import re

import pytest
from axes.models import AccessLog
from django.urls import reverse

from core.models import Rol

ENGELS = [
    "Django",
    "Access attempt",
    "Access log",
    "Access failure",
    "Task result",
    "Authentication",
    "Groups",
    "Users",
    "Model name",
    "Add link",
    "Change or view list",
    "IP Address",
    "User Agent",
    "Attempt Time",
    "Enqueued at",
    "Queue name",
    "Successful",
]


@pytest.fixture
def beheerder(user_factory):
    user = user_factory("functioneel-beheer", None, Rol.BEHEERDER)
    user.is_staff = user.is_superuser = True
    user.save()
    return user


def zichtbare_tekst(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(
    "url",
    [
        reverse("admin:index"),
        reverse("admin:axes_accessattempt_changelist"),
        reverse("admin:axes_accesslog_changelist"),
        reverse("admin:django_tasks_database_dbtaskresult_changelist"),
    ],
)
def test_beheer_names_apps_models_and_fields_in_dutch_when_a_library_has_no_dutch(
    client, beheerder, url
):
    client.force_login(beheerder)
    AccessLog.objects.create(  # a row, so that the list shows its columns
        username=beheerder.username, ip_address="127.0.0.1", user_agent="test", path_info="/"
    )

    tekst = zichtbare_tekst(client.get(url).content.decode())

    assert "Prestatiemonitor – Beheer" in tekst
    assert [woord for woord in ENGELS if woord.lower() in tekst.lower()] == []


def test_the_task_statuses_are_dutch_in_the_filter_of_beheer(client, beheerder):
    client.force_login(beheerder)

    tekst = zichtbare_tekst(
        client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist")).content.decode()
    )

    assert "Gelukt" in tekst and "Mislukt" in tekst
