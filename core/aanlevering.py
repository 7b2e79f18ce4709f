"""Who delivers figures in a dossier: the one rule behind entry rows, the organisations a
coordinator may enter for, "nog niet ingediend" and "te laat".

An organisation answers for figures in a dossier that has items when it is
- the penvoerder (the items without a split, the reported totals),
- a party whose role reports (`Partij.levert_cijfers`), when the dossier has items split
  per organisation, or
- the municipality of one of the dossier's locations.
A party that only signs (a tenants' organisation, a partner) delivers nothing: it gets no
entry rows and no reminders, and is never late. It still appears among the signatories.

The rule is written once, as the ways to answer for figures (`_wegen`), and read in both
directions: the dossiers of one organisation, the organisations of one dossier.
"""

from django.db.models import Q, QuerySet


def _wegen() -> list[tuple[QuerySet, str, str]]:
    """(rows, their dossier field, their organisation field) per way to answer for figures."""
    from .models import Dossier, Indicator, Locatie, Partij

    met_items = Indicator.objects.values("dossier_id")
    gesplitst = Indicator.objects.filter(uitsplitsing=Indicator.Uitsplitsing.ORGANISATIE)
    return [
        (Dossier.objects.filter(pk__in=met_items), "pk", "penvoerder"),
        (
            Partij.objects.filter(levert_cijfers=True, dossier__in=gesplitst.values("dossier_id")),
            "dossier",
            "organisatie",
        ),
        (Locatie.objects.filter(gemeente__isnull=False), "dossier", "gemeente"),
    ]


def dossiers_q(organisatie) -> Q:
    """On `Dossier`: the dossiers in which `organisatie` answers for figures."""
    q = Q()
    for rijen, dossier, wie in _wegen():
        q |= Q(
            pk__in=rijen.filter(**{wie: getattr(organisatie, "pk", organisatie)}).values(dossier)
        )
    return q


def organisaties_q(dossier) -> Q:
    """On `Organisatie`: the organisations that answer for figures in `dossier`."""
    q = Q()
    for rijen, waar, wie in _wegen():
        q |= Q(pk__in=rijen.filter(**{waar: getattr(dossier, "pk", dossier)}).values(wie))
    return q


def levert_cijfers(dossier, organisatie) -> bool:
    """Whether `organisatie` answers for figures in `dossier`. One query."""
    from .models import Dossier

    return Dossier.objects.filter(pk=dossier.pk).filter(dossiers_q(organisatie)).exists()


def leverende_organisaties(dossier) -> QuerySet:
    """The organisations that enter figures in `dossier`, by name. One query."""
    from .models import Organisatie

    return Organisatie.objects.filter(organisaties_q(dossier)).order_by("naam")


def ondertekent_alleen(dossier, organisatie) -> bool:
    """A party that signs but delivers no figures (for a clear message, not for access)."""
    return dossier.partijen.filter(organisatie=organisatie, levert_cijfers=False).exists()
