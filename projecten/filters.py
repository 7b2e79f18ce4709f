import django_filters

from core.filters import jaarkeuzes
from core.models import Organisatie, Partij

from .models import Project


class ProjectFilter(django_filters.FilterSet):
    financier = django_filters.CharFilter(label="Financier (naam)", method="filter_financier")
    gemeente = django_filters.CharFilter(label="Gemeente (naam)", method="filter_gemeente")
    status = django_filters.ChoiceFilter(
        label="Status", choices=Project.Status.choices, empty_label="Alle"
    )
    jaar = django_filters.ChoiceFilter(
        label="Loopt in jaar", empty_label="Alle jaren", method="filter_jaar"
    )

    class Meta:
        model = Project
        fields = ["financier", "gemeente", "status", "jaar"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["jaar"].extra["choices"] = jaarkeuzes()

    def filter_financier(self, queryset, name, value):
        return queryset.met_partij(value, rol=Partij.Rol.FINANCIER)

    def filter_gemeente(self, queryset, name, value):
        return queryset.met_partij(value, organisatie__soort=Organisatie.Soort.GEMEENTE)

    def filter_jaar(self, queryset, name, value):
        return queryset.loopt_in(int(value))
