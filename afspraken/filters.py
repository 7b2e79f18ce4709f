import django_filters
from django.db.models import Q
from django.utils import timezone

from core.filters import jaarkeuzes

from .models import Afspraak


class AfspraakFilter(django_filters.FilterSet):
    STATUS_KEUZES = [("lopend", "lopend"), ("afgelopen", "afgelopen")]

    soort_afspraak = django_filters.ChoiceFilter(
        label="Soort", choices=Afspraak.Soort.choices, empty_label="Alle soorten"
    )
    partij = django_filters.CharFilter(label="Partij (naam)", method="filter_partij")
    jaar = django_filters.ChoiceFilter(label="Jaar", empty_label="Alle jaren", method="filter_jaar")
    status = django_filters.ChoiceFilter(
        label="Status", choices=STATUS_KEUZES, empty_label="Alle", method="filter_status"
    )

    class Meta:
        model = Afspraak
        fields = ["soort_afspraak", "partij", "jaar", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["jaar"].extra["choices"] = jaarkeuzes()

    def filter_partij(self, queryset, name, value):
        return queryset.met_partij(value)

    def filter_jaar(self, queryset, name, value):
        return queryset.loopt_in(int(value))

    def filter_status(self, queryset, name, value):
        vandaag = timezone.localdate()
        lopend = Q(einddatum__gte=vandaag) | Q(einddatum__isnull=True)
        return queryset.filter(lopend) if value == "lopend" else queryset.exclude(lopend)
