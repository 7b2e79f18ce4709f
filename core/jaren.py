"""Which years a URL may name: one check for every URL with a year in it.

A year outside the dossier's term, or not a plausible year at all, is refused before anything
is looked up or stored: by the services as a `ValidationError` (the import reports it per
row), by the views as a 404 (`jaar_of_404`, `rapportjaar_of_404`). Plausible means
1900–2200: that also keeps a year out of the database's smallint columns.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

EERSTE_JAAR, LAATSTE_JAAR = 1900, 2200


def is_plausibel(jaar: int) -> bool:
    return EERSTE_JAAR <= jaar <= LAATSTE_JAAR


def _ongeldig(jaar: int) -> ValidationError:
    return ValidationError(
        "%(jaar)s is geen geldig jaar.", code="jaar_ongeldig", params={"jaar": jaar}
    )


def toets_jaar(dossier, jaar: int) -> None:
    """A year figures can be entered for: plausible and within the dossier's term (where
    the term is known; a dossier without a start or end is open on that side)."""
    if not is_plausibel(jaar):
        raise _ongeldig(jaar)
    if (dossier.startjaar and jaar < dossier.startjaar) or (
        dossier.eindjaar and jaar > dossier.eindjaar
    ):
        raise ValidationError(
            "%(jaar)s valt buiten de looptijd van %(dossier)s (%(van)s–%(tot)s).",
            code="jaar_buiten_looptijd",
            params={
                "jaar": jaar,
                "dossier": dossier,
                "van": dossier.startjaar,
                "tot": dossier.eindjaar,
            },
        )


def rapportjaren(dossier, jaren_met_cijfers: list[int]) -> list[int]:
    """The years the dashboard offers a voortgangsrapportage for: the term up to this year;
    without a known start, the years with figures and last year. Each passes
    `toets_rapportjaar`."""
    dit_jaar = timezone.localdate().year
    if dossier.startjaar:
        return list(range(dossier.startjaar, min(dossier.eindjaar or dit_jaar, dit_jaar) + 1))
    return sorted(j for j in {*jaren_met_cijfers, dit_jaar - 1} if is_plausibel(j))


def invoerjaren(dossier, jaren_met_cijfers: list[int]) -> list[int]:
    """The years a party is offered to enter: the term up to next year (plans are made ahead),
    and every year that already has figures, so a new dossier has them before its first
    figure."""
    tot = timezone.localdate().year + 1
    if dossier.startjaar:
        tot = min(dossier.eindjaar or tot, tot)
        termijn = range(dossier.startjaar, tot + 1)
    else:
        termijn = []
    return sorted({*termijn, *jaren_met_cijfers})


def toets_rapportjaar(dossier, jaar: int) -> None:
    """A year a voortgangsrapportage can be about: the dossier's term up to this year (as
    the dashboard offers them). A tranche (`dossier` None) has no term: any plausible year
    up to this year."""
    dit_jaar = timezone.localdate().year
    if not is_plausibel(jaar):
        raise _ongeldig(jaar)
    if jaar > dit_jaar:
        raise ValidationError(
            "Over %(jaar)s is nog geen rapportage te maken.",
            code="jaar_in_de_toekomst",
            params={"jaar": jaar},
        )
    if dossier is not None:
        toets_jaar(dossier, jaar)


def _als_404(toets, dossier, jaar: int) -> None:
    try:
        toets(dossier, jaar)
    except ValidationError as error:
        raise Http404(" ".join(error.messages)) from error


def jaar_of_404(dossier, jaar: int) -> None:
    """For the views of the entry grid, its actions, the cost grid and the template."""
    _als_404(toets_jaar, dossier, jaar)


def rapportjaar_of_404(dossier, jaar: int) -> None:
    """For the views of a report (of a dossier, or of a tranche when `dossier` is None)."""
    _als_404(toets_rapportjaar, dossier, jaar)
