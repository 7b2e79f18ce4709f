"""Who may see and change what: the one place where access rules live.

Each rule exists twice by necessity: as a predicate on one object (django-rules, for
`user.has_perm`) and as a `Q` for querysets (`visible_to`, `editable_by`). Both are defined
here, side by side, and tests/core/test_rules.py checks that they agree for every role.
"""

import rules
from django.db.models import BigIntegerField, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact

from .models import Dossier, Jaaropgave, Locatie, Rol, Waarde
from .status import OPENBAAR_ZICHTBAAR


def _has_rol(rol: Rol):
    @rules.predicate(name=f"is_{rol.value}")
    def predicate(user) -> bool:
        return user.is_authenticated and user.heeft_rol(rol)

    return predicate


is_beheerder = _has_rol(Rol.BEHEERDER)
is_bestuurder = _has_rol(Rol.BESTUURDER)
is_beleidsmedewerker = _has_rol(Rol.BELEIDSMEDEWERKER)
is_coordinator = _has_rol(Rol.COORDINATOR)


def _dossier_of(obj) -> Dossier:
    return obj if isinstance(obj, Dossier) else obj.dossier  # Waarde, Jaaropgave, Indicator


@rules.predicate
def coordinates(user, obj) -> bool:
    """The user is a coördinator at the organisation that leads the dossier of `obj`."""
    if obj is None or not is_coordinator(user):
        return False
    return _dossier_of(obj).penvoerder_id == user.organisatie_id


@rules.predicate
def owns_waarde(user, waarde: Waarde) -> bool:
    """A figure belongs to its organisation, or, when it is not split, to the penvoerder."""
    if waarde is None or user.organisatie_id is None:
        return False
    return waarde.eigenaar_id == user.organisatie_id


@rules.predicate
def waarde_is_submitted(user, waarde: Waarde) -> bool:
    return Jaaropgave.objects.filter(
        dossier_id=waarde.indicator.dossier_id,
        organisatie_id=waarde.eigenaar_id,
        jaar=waarde.jaar,
        soort=waarde.soort,
        status__in=SUBMITTED,
    ).exists()


SUBMITTED = [Jaaropgave.Status.INGEDIEND, Jaaropgave.Status.VASTGESTELD]


@rules.predicate
def is_published(user, obj) -> bool:
    return obj is not None and not _dossier_of(obj).in_opbouw


maintains_dossier = is_beheerder | coordinates
can_view_waarde = rules.is_authenticated & (
    is_beheerder | coordinates | owns_waarde | waarde_is_submitted
)
can_change_waarde = is_beheerder | coordinates | (is_beleidsmedewerker & owns_waarde)

rules.add_perm("core.view_dossier", rules.is_authenticated & (is_published | maintains_dossier))
rules.add_perm("core.change_dossier", maintains_dossier)
rules.add_perm("core.add_dossier", is_beheerder | is_coordinator)
rules.add_perm("core.view_waarde", can_view_waarde)
rules.add_perm("core.change_waarde", can_change_waarde)


@rules.predicate
def may_enter_for(user, opgave: Jaaropgave) -> bool:
    """Entering the figures of one organisation in one dossier (a grid, an import): only
    once the dossier is published."""
    if not is_published(user, opgave):
        return False
    return (
        is_beheerder(user)
        or coordinates(user, opgave)
        or (is_beleidsmedewerker(user) and opgave.organisatie_id == user.organisatie_id)
    )


rules.add_perm("core.enter_jaaropgave", may_enter_for)
rules.add_perm("core.vaststellen_jaaropgave", is_beheerder | coordinates)


def openbare_lezer():
    """A logged-in reader without organisation or role: sees what every party may see, so
    submitted figures only. Documents sent to all parties (the reports) are made as this
    reader, whoever clicks, so they never carry anyone's concept figures."""
    from .models import User

    return User(username="openbare-lezer", is_active=True)


# --- The same rules as query filters -------------------------------------------------


def _coordinated_dossiers_q(user, prefix: str = "") -> Q:
    if is_coordinator(user) and user.organisatie_id:
        return Q(**{f"{prefix}penvoerder_id": user.organisatie_id})
    return Q(pk__in=[])


def visible_dossiers_q(user) -> Q:
    if is_beheerder(user):
        return Q()
    return Q(in_opbouw=False) | _coordinated_dossiers_q(user)


def editable_dossiers_q(user) -> Q:
    if is_beheerder(user):
        return Q()
    return _coordinated_dossiers_q(user)


def eigenaar(buiten: bool = False) -> Coalesce:
    """`Waarde.eigenaar_id` in SQL: the figure's organisation, else its location's
    municipality, else the dossier's penvoerder. `buiten`: seen from a subquery.

    The municipality is a scalar subquery, evaluated only for a figure without organisation,
    rather than a join: a join of every figure to its location makes the planner read every
    location in the country.
    """
    veld = OuterRef if buiten else F
    locatie = OuterRef(OuterRef("locatie_id")) if buiten else OuterRef("locatie_id")
    gemeente = Locatie.objects.filter(pk=locatie).order_by().values("gemeente_id")[:1]
    return Coalesce(
        veld("organisatie_id"),
        Subquery(gemeente),
        veld("indicator__dossier__penvoerder_id"),
        output_field=BigIntegerField(),
    )


def visible_waarden_q(user, soort: str | None = None, dossiers=None) -> Q:
    """The figures `user` may see.

    With `soort`: whether the figure of that kind in the same place (item, year,
    organisation or location) would be visible; it has the same owner, so only its own
    submission differs. That pairs a plan with its realisation without a second check inside
    the pairing subquery. With `dossiers` (pks or a queryset of them), only the submissions of
    those dossiers are looked at: the same answer, but the database never reads the
    submissions of the whole country to give it.
    """
    if not user.is_authenticated:
        return Q(pk__in=[])
    if is_beheerder(user):
        return Q()
    if soort is None:
        # The figure's own submission is stored with its status (`Waarde.status_openbaar`,
        # kept by core.opgeslagen_status from `ingediend_q`): a column, not a lookup per figure.
        return ziet_alles_q(user) | Q(status_openbaar__in=OPENBAAR_ZICHTBAAR)
    # Cheapest first: the database stops at the first that holds, before the subquery.
    return ziet_alles_q(user) | ingediend_q(soort, dossiers)


def ziet_alles_q(user) -> Q:
    """The figures whose owner's every figure in their dossier `user` sees, concept or not:
    the dossier's coördinator and the owner itself (a beheerder sees all). Every figure a
    figure's status depends on has its owner and dossier (`core.cellen`), so for such a reader
    the status is the one of a reader who sees everything; for any other reader the one of a
    reader who sees what is submitted (`Waarde.status_alles`, `status_openbaar`)."""
    if is_beheerder(user):
        return Q()
    return _coordinated_dossiers_q(user, "indicator__dossier__") | _own_waarden_q(user)


def ingediend_q(soort: str | None = None, dossiers=None) -> Q:
    """Figures visible to every party: their owner submitted that year's figures of that kind
    (`soort`: of that kind in the same place, else of their own kind)."""
    opgaven = Jaaropgave.objects.filter(status__in=SUBMITTED)
    if dossiers is not None:
        opgaven = opgaven.filter(dossier__in=dossiers)
    return Q(
        Exists(
            opgaven.filter(
                dossier_id=OuterRef("indicator__dossier_id"),
                organisatie_id=eigenaar(buiten=True),
                jaar=OuterRef("jaar"),
                soort=soort or OuterRef("soort"),
            )
        )
    )


def _own_waarden_q(user) -> Q:
    if user.organisatie_id is None:
        return Q(pk__in=[])
    return waarden_van_q(user.organisatie_id)


def waarden_van_q(organisatie_id: int) -> Q:
    """The figures an organisation answers for (`Waarde.eigenaar_id`)."""
    return Q(organisatie_id=organisatie_id) | Q(Exact(eigenaar(), organisatie_id))


def editable_waarden_q(user) -> Q:
    if is_beheerder(user):
        return Q()
    q = _coordinated_dossiers_q(user, "indicator__dossier__")
    if is_beleidsmedewerker(user):
        q |= _own_waarden_q(user)
    return q
