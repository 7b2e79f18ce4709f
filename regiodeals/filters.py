import django_filters

from .models import Landsdeel, Regiodeal


class RegiodealFilter(django_filters.FilterSet):
    tranche = django_filters.NumberFilter(label="Tranche (nummer)", field_name="tranche__nummer")
    landsdeel = django_filters.ChoiceFilter(
        label="Landsdeel", choices=Landsdeel.choices, empty_label="Alle landsdelen"
    )
    status = django_filters.ChoiceFilter(
        label="Status", choices=Regiodeal.Status.choices, empty_label="Alle"
    )

    class Meta:
        model = Regiodeal
        fields = ["tranche", "landsdeel", "status"]
