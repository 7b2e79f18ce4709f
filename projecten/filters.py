import django_filters

from core.models import Organisatie, Partij

from .models import Project


class ProjectFilter(django_filters.FilterSet):
    financier = django_filters.ModelChoiceFilter(
        label="Financier",
        queryset=Organisatie.objects.filter(partijen__rol=Partij.Rol.FINANCIER).distinct(),
        empty_label="Alle financiers",
        method="filter_partij",
    )
    gemeente = django_filters.ModelChoiceFilter(
        label="Gemeente",
        queryset=Organisatie.objects.filter(soort=Organisatie.Soort.GEMEENTE),
        empty_label="Alle gemeenten",
        method="filter_partij",
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=Project.Status.choices, empty_label="Alle"
    )
    jaar = django_filters.NumberFilter(label="Loopt in jaar", method="filter_jaar")

    class Meta:
        model = Project
        fields = ["financier", "gemeente", "status", "jaar"]

    def filter_partij(self, queryset, name, value):
        return queryset.for_organisatie(value)

    def filter_jaar(self, queryset, name, value):
        return queryset.loopt_in(value)
