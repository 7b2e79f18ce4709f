"""Reusable reads: every list, dashboard and export starts from these querysets."""

from django.db import models


class DossierQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DossierQuerySet":
        """Published dossiers are public to every logged-in user (their concept figures are
        not); a dossier in opbouw only to those who set it up (core.rules)."""
        from .rules import visible_dossiers_q

        return self.filter(visible_dossiers_q(user)) if user.is_authenticated else self.none()

    def gepubliceerd(self) -> "DossierQuerySet":
        return self.filter(in_opbouw=False)

    def editable_by(self, user) -> "DossierQuerySet":
        from .rules import editable_dossiers_q

        return self.filter(editable_dossiers_q(user))

    def for_organisatie(self, organisatie) -> "DossierQuerySet":
        # A subquery, not a join: a paginator's count stays a plain count, without DISTINCT.
        return self.filter(pk__in=organisatie.partijen.values("dossier_id"))

    def reported_by(self, organisatie) -> "DossierQuerySet":
        """Dossiers in which the organisation answers for figures (core.aanlevering)."""
        from .aanlevering import dossiers_q

        return self.filter(dossiers_q(organisatie))

    def met_partij(self, naam: str, **partij) -> "DossierQuerySet":
        """Dossiers in which an organisation whose name contains `naam` takes part (in a role,
        of a kind: `rol="financier"`, `organisatie__soort="gemeente"`). A text, not a choice
        from every organisation: a form stays small however many there are."""
        from .models import Partij

        partijen = Partij.objects.filter(organisatie__naam__icontains=naam, **partij)
        return self.filter(pk__in=partijen.values("dossier_id"))

    def loopt_in(self, jaar: int) -> "DossierQuerySet":
        """Dossiers whose period includes (part of) the year; an open end counts as running."""
        return self.filter(
            models.Q(startdatum__year__lte=jaar) | models.Q(startdatum__isnull=True),
            models.Q(einddatum__year__gte=jaar) | models.Q(einddatum__isnull=True),
        )


class WaardeQuerySet(models.QuerySet):
    def visible_to(self, user, dossiers=None, *, met_bod: bool = False) -> "WaardeQuerySet":
        """`dossiers` (pks or a queryset of them): only the figures of those dossiers, which
        also keeps the check of their submissions to those dossiers (core.rules).

        A corporation's bod is not a plan: left out, so every count of plans and realisations
        keeps its meaning, unless `met_bod` (core.bod compares it with the agreed plan)."""
        from .models import Soort
        from .rules import visible_waarden_q

        waarden = self if met_bod else self.exclude(soort=Soort.BOD)
        return waarden.van_dossiers(dossiers).filter(visible_waarden_q(user, dossiers=dossiers))

    def van_dossiers(self, dossiers=None) -> "WaardeQuerySet":
        """The figures of these dossiers (pks or a queryset of them; None: all)."""
        from .models import Indicator

        if dossiers is None:
            return self
        # Through the items' keys: the planner then reads the figures by their item index
        # instead of every figure to find a dossier's.
        return self.filter(
            indicator__in=Indicator.objects.filter(dossier__in=dossiers).values("pk")
        )

    def editable_by(self, user) -> "WaardeQuerySet":
        from .rules import editable_waarden_q

        return self.filter(editable_waarden_q(user))

    def for_dossier(self, dossier) -> "WaardeQuerySet":
        return self.filter(indicator__dossier=dossier)

    def for_jaar(self, jaar: int) -> "WaardeQuerySet":
        return self.filter(jaar=jaar)
