"""Who a provider's claims are: the user found or made, in the provider's organisation."""

import logging

from django.contrib.auth.models import Group
from django.db import transaction

from core.models import Rol, User
from historie.context import wijzigingscontext

from .models import Identiteit, Identiteitsprovider
from .weigering import Geweigerd

logger = logging.getLogger(__name__)


@transaction.atomic
def koppel_gebruiker(*, provider: Identiteitsprovider, claims: dict) -> User:
    """The user of these (verified) claims: by `sub` at this provider, else by e-mail address
    within the provider's organisation, else new in that organisation. Never in an organisation
    a claim names. Roles follow the group claim when the provider maps groups."""
    email = str(claims.get("email") or "").strip()
    if not email:
        raise Geweigerd(
            "Uw organisatie gaf geen e-mailadres mee. Vraag de beheerder van uw "
            "inlogdienst om het e-mailadres (claim ‘email’) mee te geven.",
            code="geen_email",
        )
    identiteit = (
        Identiteit.objects.select_related("gebruiker")
        .filter(provider=provider, sub=str(claims["sub"]))
        .first()
    )
    if identiteit is not None:
        gebruiker = identiteit.gebruiker
    else:
        gebruiker = _gevonden_of_nieuw(provider=provider, email=email, claims=claims)
        Identiteit.objects.create(provider=provider, sub=str(claims["sub"]), gebruiker=gebruiker)
    if gebruiker.organisatie_id != provider.organisatie_id:
        raise Geweigerd(_ANDERE_ORGANISATIE, code="andere_organisatie")
    if not gebruiker.is_active:
        raise Geweigerd(
            "Uw account in de Prestatiemonitor is uitgeschakeld. Vraag de coördinator van uw "
            "organisatie of de beheerder om het weer aan te zetten.",
            code="uitgeschakeld",
        )
    rollen = provider.rollen_uit(claims)
    if rollen is not None:
        _zet_rollen(gebruiker, rollen)
    return gebruiker


_ANDERE_ORGANISATIE = (
    "Er is al een ander account met dit e-mailadres, bij een andere organisatie of aan een "
    "ander account van uw organisatie gekoppeld. Vraag de beheerder van de Prestatiemonitor "
    "om dit recht te zetten."
)


def _gevonden_of_nieuw(*, provider: Identiteitsprovider, email: str, claims: dict) -> User:
    bestaand = list(User.objects.filter(email__iexact=email))
    eigen = [u for u in bestaand if u.organisatie_id == provider.organisatie_id]
    if len(eigen) == 1 and not eigen[0].identiteiten.filter(provider=provider).exists():
        return eigen[0]
    if bestaand:
        raise Geweigerd(_ANDERE_ORGANISATIE, code="email_bezet")
    gebruiker = User(
        username=_gebruikersnaam(email),
        email=email,
        first_name=str(claims.get("given_name") or "")[:150],
        last_name=str(claims.get("family_name") or "")[:150],
        organisatie=provider.organisatie,
    )
    gebruiker.set_unusable_password()  # signs in through the organisation only
    gebruiker.save()
    logger.info("Nieuwe gebruiker %s via de provider van %s", email, provider.organisatie)
    return gebruiker


def _gebruikersnaam(email: str) -> str:
    """The e-mail address as user name (as for users added in the application), -2, -3, …
    should it be taken."""
    basis = email.lower()[:140]
    bezet = set(User.objects.filter(username__startswith=basis).values_list("username", flat=True))
    kandidaat, volgnummer = basis, 1
    while kandidaat in bezet:
        volgnummer += 1
        kandidaat = f"{basis}-{volgnummer}"
    return kandidaat


def _zet_rollen(gebruiker: User, rollen: set[str]) -> None:
    """The claim decides the roles it can give; beheerder (never given by a claim) stays."""
    huidig = set(gebruiker.groups.values_list("name", flat=True))
    gewenst = rollen | ({Rol.BEHEERDER.value} & huidig)
    if gewenst != huidig:
        with wijzigingscontext(bron="openid connect"):
            gebruiker.groups.set(Group.objects.filter(name__in=gewenst))
        gebruiker.__dict__.pop("_rollen", None)
