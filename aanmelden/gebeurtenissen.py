"""The audit history of signing in (`Aanmeldgebeurtenis`): who, when, through which provider.

Logins, failed logins and logouts come from Django's own signals, so the password form, the
provider's callback and Beheer's login are all covered; role changes from the groups' relation,
so a change in the application's screens, in Beheer or from a provider's claim is recorded alike.
Refusals of the provider's callback are recorded by the callback itself (views.py).
"""

import json

from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from core.models import User
from historie.context import als_json

from .models import Aanmeldgebeurtenis

OIDC_BACKEND = "aanmelden.backends.OrganisatieBackend"


def leg_vast(
    *,
    soort: str,
    via: str,
    gebruiker: User | None = None,
    gebruikersnaam: str = "",
    omschrijving: str = "",
    door_id: int | None = None,
) -> Aanmeldgebeurtenis:
    return Aanmeldgebeurtenis.objects.create(
        soort=soort,
        via=via[:255],
        gebruiker=gebruiker,
        gebruikersnaam=(gebruiker.get_username() if gebruiker else gebruikersnaam)[:255],
        omschrijving=omschrijving,
        door_id=door_id,
    )


def via_van(user: User) -> str:
    if getattr(user, "backend", "") == OIDC_BACKEND and user.organisatie_id:
        return f"{user.organisatie} (OpenID Connect)"
    return "wachtwoord"


@receiver(user_logged_in, dispatch_uid="aanmelden_ingelogd")
def ingelogd(sender, request, user, **kwargs) -> None:
    leg_vast(soort=Aanmeldgebeurtenis.Soort.INGELOGD, via=via_van(user), gebruiker=user)


@receiver(user_login_failed, dispatch_uid="aanmelden_mislukt")
def mislukt(sender, credentials, request=None, **kwargs) -> None:
    naam = str(credentials.get("username") or "")
    leg_vast(soort=Aanmeldgebeurtenis.Soort.MISLUKT, via="wachtwoord", gebruikersnaam=naam)


@receiver(user_logged_out, dispatch_uid="aanmelden_uitgelogd")
def uitgelogd(sender, request, user, **kwargs) -> None:
    if user is not None:
        leg_vast(soort=Aanmeldgebeurtenis.Soort.UITGELOGD, via=via_van(user), gebruiker=user)


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="aanmelden_rollen")
def rollen_gewijzigd(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    teken = "+" if action == "post_add" else "−"
    if reverse:  # group.user_set.add(...): one group, several users
        paren = [(u, [instance.name]) for u in User.objects.filter(pk__in=pk_set or [])]
    else:
        namen = (
            list(instance.groups.values_list("name", flat=True))
            if action == "pre_clear"
            else list(Group.objects.filter(pk__in=pk_set or []).values_list("name", flat=True))
        )
        paren = [(instance, namen)]
    context = json.loads(als_json())  # who changes it, and where: scherm, beheer, openid connect
    for gebruiker, namen in paren:
        if namen:
            leg_vast(
                soort=Aanmeldgebeurtenis.Soort.ROL_GEWIJZIGD,
                via=context["bron"],
                gebruiker=gebruiker,
                omschrijving=", ".join(f"{teken} {naam}" for naam in sorted(namen)),
                door_id=context["gebruiker"],
            )
