"""Where the history of an object or a figure is shown."""

from django.db import models
from django.urls import reverse

from .gevolgd import sleutel_van


def historie_url(obj: models.Model) -> str:
    return reverse("historie:ding", args=[obj._meta.label_lower, obj.pk])


def cijfer_historie_url(
    indicator_id: int, organisatie_id: int | None, locatie_id: int | None, *, jaar: int, soort: str
) -> str:
    sleutel = sleutel_van(
        {"i": indicator_id, "j": jaar, "s": soort, "o": organisatie_id, "l": locatie_id}
    )
    return reverse("historie:ding", args=["core.waarde", sleutel])


def kosten_historie_url(post_id: int, jaar: int, bron: str) -> str:
    sleutel = sleutel_van({"p": post_id, "j": jaar, "b": bron})
    return reverse("historie:ding", args=["regiodeals.kosten", sleutel])
