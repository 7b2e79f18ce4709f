"""Filters of a dossier's history: a year, an organisation, an item (docs/architecture.md)."""

import django_filters
from django.db.models import Q

from core.models import Dossier, Indicator, Partij, Waarde

from .models import Mutatie


def _in_rij(kolom: str, waarde) -> Q:
    """Rows that were or became about `waarde` in `kolom` (the history keeps rows as JSON)."""
    return Q(**{f"nieuw__{kolom}": waarde}) | Q(**{f"oud__{kolom}": waarde})


class MutatieFilter(django_filters.FilterSet):
    """The choices are the dossier's own years, parties and items: one query each."""

    jaar = django_filters.ChoiceFilter(label="Jaar", empty_label="Alle jaren", method="filter_jaar")
    organisatie = django_filters.ChoiceFilter(
        label="Organisatie", empty_label="Alle organisaties", method="filter_organisatie"
    )
    item = django_filters.ChoiceFilter(label="Item", empty_label="Alle items", method="filter_item")

    class Meta:
        model = Mutatie
        fields = ["jaar", "organisatie", "item"]

    def __init__(self, data=None, queryset=None, *, dossier: Dossier, **kwargs):
        super().__init__(data, queryset, **kwargs)
        jaren = (
            Waarde.objects.filter(indicator__dossier=dossier)
            .values_list("jaar", flat=True)
            .distinct()
            .order_by("jaar")
        )
        self.filters["jaar"].extra["choices"] = [(jaar, str(jaar)) for jaar in jaren]
        self.filters["organisatie"].extra["choices"] = list(
            Partij.objects.filter(dossier=dossier)
            .order_by("organisatie__naam")
            .values_list("organisatie_id", "organisatie__naam")
            .distinct()
        )
        self.filters["item"].extra["choices"] = list(
            Indicator.objects.filter(dossier=dossier)
            .order_by("volgorde", "pk")
            .values_list("pk", "naam")
        )

    def filter_jaar(self, queryset, name, value):
        return queryset.filter(_in_rij("jaar", int(value)))

    def filter_organisatie(self, queryset, name, value):
        return queryset.filter(_in_rij("organisatie_id", int(value)))

    def filter_item(self, queryset, name, value):
        pk = int(value)
        return queryset.filter(
            _in_rij("indicator_id", pk) | Q(tabel="core.indicator", object_id=pk)
        )
