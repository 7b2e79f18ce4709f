import django_filters
from django.db.models import Q

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
        # A subquery, not a join: the paginator's count stays a plain count.
        return queryset.filter(pk__in=value.partijen.values("dossier_id"))

    def filter_jaar(self, queryset, name, value):
        return queryset.filter(
            Q(startdatum__year__lte=value) | Q(startdatum__isnull=True),
            Q(einddatum__year__gte=value) | Q(einddatum__isnull=True),
        )
