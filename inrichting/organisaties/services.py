"""Organisations and their users, kept in the application by a beheerder or a coördinator.

A beheerder keeps every organisation and user and gives any role. A coördinator adds
organisations (a new party of their dossier) and colleagues at their own organisation or at a
party of a dossier they coordinate, never as beheerder. A new user gets no password but a
one-time link (Django's password-reset token) by e-mail.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from core.models import Dossier, Organisatie, Rol, User


def mag_organisaties_beheren(user: User) -> bool:
    return user.heeft_rol(Rol.BEHEERDER) or user.heeft_rol(Rol.COORDINATOR)


def beheerbare_organisaties(user: User) -> QuerySet[Organisatie]:
    """The organisations whose users `user` keeps: all for a beheerder; for a coördinator
    their own and every party of a dossier their organisation leads."""
    if user.heeft_rol(Rol.BEHEERDER):
        return Organisatie.objects.all()
    if not user.heeft_rol(Rol.COORDINATOR) or user.organisatie_id is None:
        return Organisatie.objects.none()
    eigen_dossiers = Dossier.objects.filter(penvoerder_id=user.organisatie_id)
    return Organisatie.objects.filter(
        Q(pk=user.organisatie_id) | Q(partijen__dossier__in=eigen_dossiers)
    ).distinct()


def toekenbare_rollen(user: User) -> list[Rol]:
    if user.heeft_rol(Rol.BEHEERDER):
        return list(Rol)
    return [rol for rol in Rol if rol != Rol.BEHEERDER]


@transaction.atomic
def bewaar_organisatie(*, organisatie: Organisatie) -> Organisatie:
    organisatie.full_clean()
    organisatie.save()
    return organisatie


def gebruikersnaam_uit(email: str) -> str:
    """The e-mail address as user name, with -2, -3, … should that name be taken."""
    basis = email.strip().lower()[:140]
    bezet = set(User.objects.filter(username__startswith=basis).values_list("username", flat=True))
    kandidaat, volgnummer = basis, 1
    while kandidaat in bezet:
        volgnummer += 1
        kandidaat = f"{basis}-{volgnummer}"
    return kandidaat


@transaction.atomic
def voeg_gebruiker_toe(
    *,
    organisatie: Organisatie,
    voornaam: str,
    achternaam: str,
    email: str,
    rollen: list[Rol],
    door: User,
    basis_url: str,
) -> User:
    """A new user of `organisatie` with `rollen`, without a password; the mail with the
    link to set one is sent before the transaction ends, so a failed mail saves nothing."""
    if User.objects.filter(email__iexact=email.strip()).exists():
        raise ValidationError(
            {"email": "Er is al een gebruiker met dit e-mailadres."}, code="email_bestaat"
        )
    gebruiker = User(
        username=gebruikersnaam_uit(email),
        first_name=voornaam,
        last_name=achternaam,
        email=email.strip(),
        organisatie=organisatie,
        is_staff=Rol.BEHEERDER in rollen,  # Beheer (the admin) is for the beheerder
        is_superuser=Rol.BEHEERDER in rollen,
    )
    gebruiker.set_unusable_password()
    gebruiker.full_clean()
    gebruiker.save()
    gebruiker.groups.set(Group.objects.filter(name__in=[rol.value for rol in rollen]))
    stuur_wachtwoordlink(gebruiker=gebruiker, door=door, basis_url=basis_url, nieuw=True)
    return gebruiker


def wachtwoordlink(gebruiker: User, basis_url: str) -> str:
    uidb64 = urlsafe_base64_encode(force_bytes(gebruiker.pk))
    token = default_token_generator.make_token(gebruiker)
    return basis_url.rstrip("/") + reverse("wachtwoord_instellen", args=[uidb64, token])


def stuur_wachtwoordlink(*, gebruiker: User, door: User, basis_url: str, nieuw: bool) -> None:
    """The Dutch mail: who added them, for which organisation, and the one-time link."""
    context = {
        "gebruiker": gebruiker,
        "door": door.get_full_name() or door.username,
        "organisatie": gebruiker.organisatie,
        "link": wachtwoordlink(gebruiker, basis_url),
        "nieuw": nieuw,
        "geldig_dagen": settings.PASSWORD_RESET_TIMEOUT // (24 * 3600),
    }
    send_mail(
        subject="Uw account voor de Prestatiemonitor"
        if nieuw
        else "Nieuwe link voor uw wachtwoord in de Prestatiemonitor",
        message=render_to_string("registration/wachtwoord_mail.txt", context),
        from_email=None,
        recipient_list=[gebruiker.email],
    )


@transaction.atomic
def zet_actief(*, gebruiker: User, actief: bool) -> User:
    """Deactivate (never delete: their figures and history keep their name) or reactivate."""
    gebruiker.is_active = actief
    gebruiker.save(update_fields=["is_active"])
    return gebruiker


def mag_gebruiker_beheren(user: User, gebruiker: User) -> bool:
    """A coördinator keeps the users of the organisations they keep, never a beheerder."""
    if user.heeft_rol(Rol.BEHEERDER):
        return True
    return (
        gebruiker.organisatie_id is not None
        and not gebruiker.heeft_rol(Rol.BEHEERDER)
        and beheerbare_organisaties(user).filter(pk=gebruiker.organisatie_id).exists()
    )
