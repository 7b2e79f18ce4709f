"""The filters of the list endpoints, resolved to the dossiers the user may see.

Every list starts from `Dossier.objects.visible_to(user)` (core.rules), so the API shows the
dossiers the screens show; a filter that names something unknown is a 400, not an empty list,
so a typo in a script is noticed."""

from core.models import Dossier, Organisatie
from regiodeals.models import Tranche

from .problemen import OngeldigFilter


def zichtbare_dossiers(
    user,
    *,
    dossier: str | None = None,
    soort: str | None = None,
    tranche: int | None = None,
):
    dossiers = Dossier.objects.visible_to(user)
    if dossier is not None:
        if not dossiers.filter(slug=dossier).exists():
            raise OngeldigFilter(f"Er is geen dossier ‘{dossier[:80]}’ dat u mag zien.")
        dossiers = dossiers.filter(slug=dossier)
    if soort is not None:
        dossiers = dossiers.filter(soort=soort)
    if tranche is not None:
        if not Tranche.objects.filter(nummer=tranche).exists():
            raise OngeldigFilter(f"Er is geen tranche {tranche}.")
        dossiers = dossiers.filter(regiodeal__tranche__nummer=tranche)
    return dossiers


def organisatie_van(slug: str | None) -> Organisatie | None:
    if slug is None:
        return None
    organisatie = Organisatie.objects.filter(slug=slug).first()
    if organisatie is None:
        raise OngeldigFilter(f"Er is geen organisatie ‘{slug[:80]}’.")
    return organisatie
