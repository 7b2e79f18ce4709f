"""Workflows of the core app: one function each, atomic, keyword-only."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from .models import Organisatie, Rol, User

DEMO_WACHTWOORD = "demo"

# username → (organisation slug or None, roles, first name)
DEMO_ACCOUNTS: dict[str, tuple[str | None, list[Rol], str]] = {
    "beheerder": (None, [Rol.BEHEERDER], "Functioneel beheerder"),
    "bestuurder": ("gemeente-maastricht", [Rol.BESTUURDER], "Wethouder Wonen"),
    "maastricht": ("gemeente-maastricht", [Rol.BELEIDSMEDEWERKER], "Beleidsmedewerker"),
    "maasvallei": ("maasvallei", [Rol.BELEIDSMEDEWERKER], "Beleidsmedewerker"),
    "woonpunt": ("woonpunt", [Rol.BELEIDSMEDEWERKER], "Beleidsmedewerker"),
    "servatius": ("servatius", [Rol.BELEIDSMEDEWERKER], "Beleidsmedewerker"),
    "groningen": ("gemeente-groningen", [Rol.COORDINATOR], "Programmamanager"),
    "deventer": ("gemeente-deventer", [Rol.COORDINATOR], "Projectleider"),
    "ocw": ("ministerie-ocw", [Rol.BELEIDSMEDEWERKER], "Beleidsmedewerker"),
}


@transaction.atomic
def create_demo_accounts() -> list[User]:
    """Create or reset the demo accounts; never on a production configuration."""
    if not settings.DEBUG:
        raise ImproperlyConfigured(
            "Demo-accounts worden alleen aangemaakt met DEBUG aan, nooit in productie."
        )
    users = []
    for username, (org_slug, rollen, voornaam) in DEMO_ACCOUNTS.items():
        organisatie = Organisatie.objects.get(slug=org_slug) if org_slug else None
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={
                "organisatie": organisatie,
                "first_name": voornaam,
                "last_name": organisatie.naam if organisatie else "",
                "is_staff": Rol.BEHEERDER in rollen,
                "is_superuser": Rol.BEHEERDER in rollen,
                "is_active": True,
            },
        )
        user.set_password(DEMO_WACHTWOORD)
        user.save()
        user.groups.set(Group.objects.filter(name__in=[r.value for r in rollen]))
        users.append(user)
    return users
