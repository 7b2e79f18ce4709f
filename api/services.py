"""Making and revoking personal API keys."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from .models import ApiSleutel

VOORVOEGSEL = "pm_"


def hash_van(tekst: str) -> str:
    """SHA-256 of the key: enough for a random key of 256 bits (no password to guess)."""
    return hashlib.sha256(tekst.encode()).hexdigest()


@transaction.atomic
def maak_sleutel(*, gebruiker, naam: str) -> tuple[ApiSleutel, str]:
    """A new key for `gebruiker`; returns it with the key's text, which is never stored."""
    tekst = VOORVOEGSEL + secrets.token_urlsafe(32)
    sleutel = ApiSleutel.objects.create(
        gebruiker=gebruiker, naam=naam, begin=tekst[:10], hash=hash_van(tekst)
    )
    return sleutel, tekst


@transaction.atomic
def trek_sleutel_in(*, sleutel: ApiSleutel) -> None:
    if sleutel.ingetrokken_op is None:
        sleutel.ingetrokken_op = timezone.now()
        sleutel.save(update_fields=["ingetrokken_op"])


def vind_sleutel(tekst: str) -> ApiSleutel | None:
    """The active key with this text, with its user, or None."""
    if not tekst.startswith(VOORVOEGSEL):
        return None
    return (
        ApiSleutel.objects.select_related("gebruiker", "gebruiker__organisatie")
        .filter(hash=hash_van(tekst), ingetrokken_op__isnull=True, gebruiker__is_active=True)
        .first()
    )
