import django_filters

from .models import Landsdeel, Regiodeal, Tranche


class RegiodealFilter(django_filters.FilterSet):
    tranche = django_filters.ChoiceFilter(
        label="Tranche", field_name="tranche__nummer", empty_label="Alle tranches"
    )
    landsdeel = django_filters.ChoiceFilter(
        label="Landsdeel", choices=Landsdeel.choices, empty_label="Alle landsdelen"
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=Regiodeal.Status.choices, empty_label="Alle"
    )

    class Meta:
        model = Regiodeal
        fields = ["tranche", "landsdeel", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["tranche"].extra["choices"] = [
            (nummer, f"Tranche {nummer}")
            for nummer in Tranche.objects.order_by("nummer").values_list("nummer", flat=True)
        ]
