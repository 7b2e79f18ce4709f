import django_filters
from django.db.models import Q

from core.models import Dossier, Organisatie
from core.status import Status


class CelFilter(django_filters.FilterSet):
    jaar = django_filters.NumberFilter(label="Jaar")
    organisatie = django_filters.ModelChoiceFilter(
        label="Organisatie",
        queryset=Organisatie.objects.order_by("naam"),
        empty_label="Alle organisaties",
        method="filter_organisatie",
    )
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
        label="Status", choices=Status.choices, empty_label="Alle statussen"
    )

    def filter_organisatie(self, queryset, name, value):
        # A figure is the organisation's own, or that of a location in its municipality.
        return queryset.filter(Q(organisatie=value) | Q(locatie__gemeente=value))
