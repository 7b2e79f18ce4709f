"""Which tables the history follows, and how each row is known in it."""

from dataclasses import dataclass

from django.apps import apps
from django.db import models

# Every model of these apps is followed, but for what `UITGEZONDERD` leaves out.
APPS = ("core", "afspraken", "regiodeals", "projecten", "rapportages", "termijnen")
UITGEZONDERD = {
    "core.user",  # password hashes do not belong in a history
    # termijnen: what was mailed, and a user's own settings with their calendar secret
    "termijnen.herinnering",
    "termijnen.instellingen",
}


@dataclass(frozen=True)
class Gevolgd:
    label: str
    # The columns a row's history is found by; figures by their place, so that a figure
    # removed and typed again keeps one history.
    sleutel: tuple[str, ...] = ()
    # Columns not kept in the history (large snapshots, timestamps the row already has).
    zonder: frozenset[str] = frozenset()
    # Whether only users who may see the figure itself may see its history.
    is_cijfer: bool = False
    # The columns that name a row in a history list, when it has no name of its own.
    omschrijving: tuple[str, ...] = ()

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.label)

    @property
    def sleutelkolommen(self) -> tuple[str, ...]:
        return self.sleutel or (self.model._meta.pk.column,)


BIJZONDER = {
    "core.waarde": Gevolgd(
        "core.waarde",
        sleutel=("indicator_id", "jaar", "soort", "organisatie_id", "locatie_id"),
        # computed from the other figures (core.opgeslagen_status), not written by anyone
        zonder=frozenset({"status_alles", "status_openbaar"}),
        is_cijfer=True,
    ),
    "core.partij": Gevolgd("core.partij", omschrijving=("organisatie_id", "rol")),
    "regiodeals.kosten": Gevolgd("regiodeals.kosten", sleutel=("post_id", "jaar", "bron")),
    "core.jaaropgave": Gevolgd(
        "core.jaaropgave", omschrijving=("organisatie_id", "jaar", "soort", "status")
    ),
    "rapportages.rapportversie": Gevolgd(
        "rapportages.rapportversie", zonder=frozenset({"momentopname"})
    ),
}


def gevolgde_tabellen() -> list[Gevolgd]:
    return [
        BIJZONDER.get(model._meta.label_lower, Gevolgd(model._meta.label_lower))
        for app in APPS
        for model in apps.get_app_config(app).get_models()
        if model._meta.label_lower not in UITGEZONDERD and not model._meta.proxy
    ]


def gevolgd(label: str) -> Gevolgd | None:
    return next((g for g in gevolgde_tabellen() if g.label == label), None)


def labels_van(model: type[models.Model]) -> list[str]:
    """The labels under which an object's rows are followed: its own and its parents'."""
    return [model._meta.label_lower] + [p._meta.label_lower for p in model._meta.get_parent_list()]


def sleutel_van(waarden: dict) -> str:
    """The key of a row as the triggers write it: columns joined by '/', '-' for empty."""
    return "/".join("-" if waarde is None else str(waarde) for waarde in waarden.values())
