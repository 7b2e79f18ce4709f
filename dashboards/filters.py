import django_filters
from django.db.models import Q
from django.http import QueryDict

from core.cellen import met_status
from core.filters import jaarkeuzes
from core.models import Dossier, Locatie, Organisatie, Partij, Waarde
from core.status import Status


class CelFilter(django_filters.FilterSet):
    """`bereik` starts at the dossiers the user's organisation takes part in: what a board
    member looks at, and a set that does not grow with the country (docs/performance.md)."""

    EIGEN, ALLE = "eigen", "alle"

    bereik = django_filters.ChoiceFilter(
        label="Dossiers",
        choices=[(EIGEN, "van mijn organisatie"), (ALLE, "alle dossiers")],
        empty_label=None,
        method="filter_bereik",
    )
    jaar = django_filters.ChoiceFilter(label="Jaar", empty_label="Alle jaren")
    organisatie = django_filters.CharFilter(label="Organisatie (naam)", method="filter_organisatie")
    onderdeel = django_filters.CharFilter(
        label="Thema of actielijn",
        field_name="indicator__onderdeel__titel",
        lookup_expr="icontains",
    )
    soort = django_filters.ChoiceFilter(
        label="Soort afspraak",
        field_name="indicator__dossier__soort",
        choices=Dossier.Soort.choices,
        empty_label="Alle soorten",
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=Status.choices, empty_label="Alle statussen", method="filter_status"
    )

    def __init__(self, data=None, *args, request=None, **kwargs):
        data = data.copy() if data is not None else QueryDict(mutable=True)
        if not data.get("bereik"):
            data["bereik"] = self.EIGEN
        super().__init__(data, *args, request=request, **kwargs)
        self.filters["jaar"].extra["choices"] = jaarkeuzes()

    def filter_bereik(self, queryset, name, value):
        # The view starts from these dossiers' cells (`bereik_van`): other figures are not read.
        return queryset

    @classmethod
    def bereik_van(cls, request):
        """The dossiers to show (pks), or None for all the user may see."""
        organisatie = request.user.organisatie
        if request.GET.get("bereik") == cls.ALLE or organisatie is None:
            return None
        # Straight from the parties, not through Dossier: one subquery level fewer keeps the
        # planner reading the figures by their items (docs/performance.md).
        return Partij.objects.filter(organisatie=organisatie).values("dossier_id")

    def filter_status(self, queryset, name, value):
        return met_status(queryset, value)  # read from the index on the stored statuses

    def filter_organisatie(self, queryset, name, value):
        # A figure is the organisation's own, or that of a location in its municipality. The
        # name is matched on the organisations first, so the figures are read by their keys
        # (indexed), not judged one by one across the country (docs/performance.md).
        # Their keys go into the query as values where there are few: the planner then knows
        # how many figures they have and reads those by index and sorts them, instead of
        # walking the country in title order until a page is full.
        organisaties = _als_sleutels(Organisatie.objects.filter(naam__icontains=value))
        locaties = _als_sleutels(Locatie.objects.filter(gemeente__in=organisaties))
        van_hen = Q(organisatie__in=organisaties) | Q(locatie__in=locaties)
        # And only their dossiers: walking in title order then passes no other dossier's
        # items, however many the country has.
        dossiers = _als_sleutels(
            Waarde.objects.filter(van_hen).order_by().distinct(), "indicator__dossier"
        )
        return queryset.filter(van_hen, indicator__dossier__in=dossiers)


def _als_sleutels(rijen, veld: str = "pk", hooguit: int = 1000):
    """The keys of `rijen` as a list where there are at most `hooguit`, else as a subquery (a
    name that matches half the country; and SQLite takes a limited number of parameters)."""
    sleutels = list(rijen.values_list(veld, flat=True)[: hooguit + 1])
    return sleutels if len(sleutels) <= hooguit else rijen.values(veld)
