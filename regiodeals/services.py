"""Workflows of Regio Deals: entering a year's realised costs."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from core.dutch_numbers import format_getal
from core.models import User
from core.signals import meld_cijfers_gewijzigd
from core.versies import toets_versies
from historie.context import namens_door

from .models import Bron, Financieringspost, Kosten, Regiodeal

# The first amount Kosten.bedrag cannot hold (10^12 with its 14 digits, 2 of them decimals).
_BEDRAG = Kosten._meta.get_field("bedrag")
GROOTSTE_BEDRAG = Decimal(10) ** (_BEDRAG.max_digits - _BEDRAG.decimal_places)


def kosten_sleutel(post: Financieringspost, bron: str) -> str:
    return f"{post.pk}:{bron}"


@namens_door
@transaction.atomic
def sla_kosten_op(
    *,
    deal: Regiodeal,
    jaar: int,
    bedragen: dict[str, tuple[Decimal | None, str]],
    door: User,
    gezien: dict[str, int] | None = None,
) -> None:
    """Save a year's realised costs per post and source, all or nothing.

    `bedragen` maps "post:bron" to (amount or None, toelichting); None removes the amount.
    An amount changed by someone else since the version in `gezien` refuses all
    (`core.versies`).
    """
    if not door.has_perm("core.change_dossier", deal):
        raise PermissionDenied("Alleen de coördinator van deze Regio Deal voert kosten in.")
    if (deal.startjaar and jaar < deal.startjaar) or (deal.eindjaar and jaar > deal.eindjaar):
        raise ValidationError(
            "%(jaar)s valt buiten de looptijd van de Regio Deal.",
            code="jaar_buiten_looptijd",
            params={"jaar": jaar},
        )
    posten = {
        p.pk: p
        for p in Financieringspost.objects.select_for_update().filter(regiodeal=deal).order_by("pk")
    }
    bestaand = {
        kosten_sleutel(k.post, k.bron): k
        for k in Kosten.objects.filter(post__in=posten.values(), jaar=jaar).select_related(
            "post", "ingevoerd_door"
        )
    }
    toets_versies(
        nieuw={s: b for s, b in bedragen.items() if _kosten_naam(posten, s)},
        gezien=gezien,
        opgeslagen=bestaand,
        namen={s: _kosten_naam(posten, s) for s in bedragen},
        veld="bedrag",
    )
    for sleutel, (bedrag, toelichting) in bedragen.items():
        post_id, _, bron = sleutel.partition(":")
        post = posten.get(int(post_id)) if post_id.isdigit() else None
        if post is None or bron not in Bron.values:
            raise PermissionDenied("Deze post hoort niet bij deze Regio Deal.")
        if bedrag is not None and abs(bedrag) >= GROOTSTE_BEDRAG:
            # The grid allows larger figures than this column holds (PostgreSQL would refuse).
            raise ValidationError(
                "Het bedrag bij ‘%(post)s – %(bron)s’ is te groot: hoogstens %(grens)s.",
                code="te_groot",
                params={
                    "post": post.naam,
                    "bron": Bron(bron).label,
                    "grens": f"€ {format_getal(GROOTSTE_BEDRAG - Decimal('0.01'))}",
                },
            )
        oud = bestaand.get(sleutel)
        if bedrag is None:
            if oud is not None:
                oud.delete()
        elif oud is None:
            Kosten.objects.create(
                post=post,
                jaar=jaar,
                bron=bron,
                bedrag=bedrag,
                toelichting=toelichting,
                ingevoerd_door=door,
            )
        elif (oud.bedrag, oud.toelichting) != (bedrag, toelichting):
            oud.bedrag, oud.toelichting, oud.ingevoerd_door = bedrag, toelichting, door
            oud.versie += 1
            oud.save()
    meld_cijfers_gewijzigd(deal.pk)


def _kosten_naam(posten: dict[int, Financieringspost], sleutel: str) -> str:
    """'Post – bron' for a key of this deal; empty for a key that is not (refused later)."""
    post_id, _, bron = sleutel.partition(":")
    post = posten.get(int(post_id)) if post_id.isdigit() else None
    if post is None or bron not in Bron.values:
        return ""
    return f"{post.naam} – {Bron(bron).label}"
