from django.conf import settings
from django.db import models


class Mutatie(models.Model):
    """One row written, changed or removed in a followed table, as the database saw it.

    Written only by database triggers (see `historie.triggers`), so that no path that writes
    (a form, the import, the admin, a bulk update, a data migration, raw SQL) escapes it.
    The keys to other tables carry no constraint: the history outlives what it describes.
    """

    class Actie(models.TextChoices):
        AANGEMAAKT = "I", "aangemaakt"
        GEWIJZIGD = "U", "gewijzigd"
        VERWIJDERD = "D", "verwijderd"

    tijdstip = models.DateTimeField("tijdstip")
    tabel = models.CharField("tabel", max_length=100)  # a model label, e.g. "core.waarde"
    object_id = models.BigIntegerField("object")
    # What the history of one thing is found by: the primary key, or for figures their place
    # (indicator/jaar/soort/organisatie/locatie), which outlives a removed and retyped figure.
    sleutel = models.CharField("sleutel", max_length=200)
    dossier = models.ForeignKey(
        "core.Dossier",
        verbose_name="dossier",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    actie = models.CharField("actie", max_length=1, choices=Actie.choices)
    oud = models.JSONField("oud", null=True)
    nieuw = models.JSONField("nieuw", null=True)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gebruiker",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    bron = models.CharField("bron", max_length=20)
    reden = models.TextField("reden", blank=True)

    class Meta:
        ordering = ["-tijdstip", "-pk"]
        verbose_name = "mutatie"
        verbose_name_plural = "mutaties"
        indexes = [
            models.Index(fields=["tabel", "sleutel", "tijdstip"], name="mutatie_per_ding"),
            models.Index(fields=["dossier", "tijdstip"], name="mutatie_per_dossier"),
            # a dossier's newest row: the version its dashboard is kept by (historie.stand)
            models.Index(fields=["dossier", "id"], name="mutatie_versie"),
        ]

    def __str__(self) -> str:
        return f"{self.tabel} {self.sleutel} {self.get_actie_display()} op {self.tijdstip}"
