"""An organisation's own identity provider (OpenID Connect) and what comes of signing in.

One provider per organisation: whoever signs in through it belongs to that organisation,
whatever a claim says. The client secret is never stored: the provider names the environment
variable that holds it (docs/deployment.md), so it stays out of the repository, the database
and its backups.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from core.models import Organisatie, Rol


class IdentiteitsproviderQuerySet(models.QuerySet):
    def actief(self):
        return self.filter(actief=True).select_related("organisatie")


class Identiteitsprovider(models.Model):
    class Algoritme(models.TextChoices):
        RS256 = "RS256", "RS256 (sleutels van de provider, aanbevolen)"
        ES256 = "ES256", "ES256 (sleutels van de provider)"
        HS256 = "HS256", "HS256 (met het clientgeheim)"

    organisatie = models.OneToOneField(
        Organisatie,
        verbose_name="organisatie",
        on_delete=models.PROTECT,
        related_name="identiteitsprovider",
    )
    actief = models.BooleanField(
        "actief", default=True, help_text="Uit: de knop verdwijnt van de inlogpagina."
    )
    lokaal_inloggen = models.BooleanField(
        "inloggen met wachtwoord toegestaan",
        default=True,
        help_text="Uit: gebruikers van deze organisatie loggen alleen via hun organisatie in "
        "(een beheerder met alle rechten houdt zijn wachtwoord, als noodtoegang).",
    )
    issuer = models.URLField("issuer", max_length=500, help_text="De ‘iss’ van de ID-tokens.")
    authorization_endpoint = models.URLField("authorization endpoint", max_length=500)
    token_endpoint = models.URLField("token endpoint", max_length=500)
    userinfo_endpoint = models.URLField("userinfo endpoint", max_length=500)
    jwks_endpoint = models.URLField("JWKS endpoint", max_length=500, blank=True)
    end_session_endpoint = models.URLField(
        "end session endpoint",
        max_length=500,
        blank=True,
        help_text="Leeg: uitloggen beëindigt alleen de sessie in de Prestatiemonitor.",
    )
    client_id = models.CharField("client-ID", max_length=255)
    geheim_variabele = models.CharField(
        "omgevingsvariabele met het clientgeheim",
        max_length=100,
        help_text="Bijvoorbeeld OIDC_GEHEIM_UTRECHT; het geheim zelf staat alleen in de "
        "omgeving van de server, nooit in de database.",
    )
    algoritme = models.CharField(
        "ondertekening", max_length=5, choices=Algoritme.choices, default=Algoritme.RS256
    )
    scopes = models.CharField("scopes", max_length=200, default="openid email profile")
    groepen_claim = models.CharField(
        "claim met groepen",
        max_length=100,
        default="groups",
        help_text="De claim waarin de provider de groepen van de gebruiker meegeeft.",
    )

    objects = IdentiteitsproviderQuerySet.as_manager()

    class Meta:
        ordering = ["organisatie__naam"]
        verbose_name = "identiteitsprovider"
        verbose_name_plural = "identiteitsproviders"

    def __str__(self) -> str:
        return f"{self.organisatie} ({self.issuer})"

    def clean(self) -> None:
        if self.algoritme != self.Algoritme.HS256 and not self.jwks_endpoint:
            fout = ValidationError(
                "Nodig om de handtekening van de tokens te controleren.", code="jwks_nodig"
            )
            raise ValidationError({"jwks_endpoint": fout})

    @property
    def client_secret(self) -> str:
        return os.environ.get(self.geheim_variabele, "")

    def rollen_uit(self, claims: dict) -> set[str] | None:
        """The roles the group claim gives, or None when this provider maps no groups (the
        coördinator or beheerder gives roles then)."""
        koppeling = {k.groep: k.rol for k in self.rolkoppelingen.all()}
        if not koppeling:
            return None
        groepen = claims.get(self.groepen_claim) or []
        if isinstance(groepen, str):
            groepen = [groepen]
        return {koppeling[groep] for groep in groepen if groep in koppeling}


class Rolkoppeling(models.Model):
    """A group at the provider that gives a role here. Never beheerder: that role reaches every
    organisation, so no single organisation's provider may hand it out."""

    provider = models.ForeignKey(
        Identiteitsprovider,
        verbose_name="identiteitsprovider",
        on_delete=models.CASCADE,
        related_name="rolkoppelingen",
    )
    groep = models.CharField("groep bij de provider", max_length=255)
    rol = models.CharField(
        "rol",
        max_length=30,
        choices=[(r.value, r.label) for r in Rol if r != Rol.BEHEERDER],
    )

    class Meta:
        ordering = ["provider", "groep"]
        verbose_name = "rolkoppeling"
        verbose_name_plural = "rolkoppelingen"
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "groep", "rol"],
                name="rolkoppeling_eenmaal",
                violation_error_message="Deze groep geeft deze rol al.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.groep} → {self.rol}"

    def clean(self) -> None:
        if self.rol == Rol.BEHEERDER:
            fout = ValidationError(
                "De rol beheerder wordt niet via een organisatie gegeven.", code="geen_beheerder"
            )
            raise ValidationError({"rol": fout})


class Identiteit(models.Model):
    """Who a user is at their organisation's provider (the `sub`), found again at each login."""

    provider = models.ForeignKey(
        Identiteitsprovider,
        verbose_name="identiteitsprovider",
        on_delete=models.PROTECT,
        related_name="identiteiten",
    )
    sub = models.CharField("kenmerk bij de provider (sub)", max_length=255)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gebruiker",
        on_delete=models.CASCADE,
        related_name="identiteiten",
    )
    aangemaakt = models.DateTimeField("aangemaakt", default=timezone.now)

    class Meta:
        verbose_name = "identiteit"
        verbose_name_plural = "identiteiten"
        constraints = [
            models.UniqueConstraint(fields=["provider", "sub"], name="identiteit_eenmaal"),
            models.UniqueConstraint(
                fields=["provider", "gebruiker"], name="identiteit_per_gebruiker"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.gebruiker} bij {self.provider.organisatie}"


class Aanmeldgebeurtenis(models.Model):
    """Audit history of signing in: each login, refused login, logout and role change."""

    class Soort(models.TextChoices):
        INGELOGD = "ingelogd", "ingelogd"
        MISLUKT = "mislukt", "inloggen mislukt"
        GEEN_ROL = "geen_rol", "ingelogd zonder rol (geen toegang)"
        UITGELOGD = "uitgelogd", "uitgelogd"
        ROL_GEWIJZIGD = "rol_gewijzigd", "rol gewijzigd"

    tijdstip = models.DateTimeField("tijdstip", default=timezone.now, db_index=True)
    soort = models.CharField("soort", max_length=20, choices=Soort.choices)
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="gebruiker",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    gebruikersnaam = models.CharField("gebruikersnaam", max_length=255, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="door",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        help_text="Wie een rol wijzigde; leeg: de provider of het systeem.",
    )
    via = models.CharField("via", max_length=255, help_text="‘wachtwoord’ of de organisatie.")
    omschrijving = models.TextField("omschrijving", blank=True)

    class Meta:
        ordering = ["-tijdstip", "-pk"]
        verbose_name = "aanmeldgebeurtenis"
        verbose_name_plural = "aanmeldgebeurtenissen"

    def __str__(self) -> str:
        return f"{self.tijdstip:%d-%m-%Y %H:%M} {self.gebruikersnaam}: {self.get_soort_display()}"
