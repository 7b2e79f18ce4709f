"""Web addresses made from names: unique without anyone typing one."""

from django.db import models
from django.utils.text import slugify

LENGTE = 190  # room for "-12" within a 200-character SlugField
# Words that are pages of their own beside a dossier's or organisation's address
# (/regiodeals/tranches/, /inrichting/dossiers/nieuw/): never a slug.
GERESERVEERD = frozenset({"nieuw", "tranches"})


def unieke_slug(model: type[models.Model], tekst: str, *, exclude: int | None = None) -> str:
    """`tekst` as a slug, with -2, -3, … where another row of `model` already has it.

    Two deals called ‘Regio Deal Achterhoek’ in two tranches get `regio-deal-achterhoek` and
    `regio-deal-achterhoek-2`; the tranche tells them apart on screen.
    """
    basis = slugify(tekst)[:LENGTE].strip("-") or model._meta.model_name
    bezet = set(GERESERVEERD) | set(
        model._default_manager.filter(slug__startswith=basis)
        .exclude(pk=exclude)
        .values_list("slug", flat=True)
    )
    kandidaat, volgnummer = basis, 1
    while kandidaat in bezet:
        volgnummer += 1
        kandidaat = f"{basis}-{volgnummer}"
    return kandidaat
