from itertools import groupby

from django.db.models import Prefetch, Sum
from django.shortcuts import get_object_or_404, render
from django.views.generic import DetailView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from core.figures import bouw_cijfertabel
from core.models import Onderdeel, Waarde

from .filters import RegiodealFilter
from .finance import financien_van, toets_tranche
from .models import Landsdeel, Regiodeal, Tranche
from .tables import RegiodealTable


class RegiodealListView(SingleTableMixin, FilterView):
    model = Regiodeal
    table_class = RegiodealTable
    filterset_class = RegiodealFilter
    paginate_by = 25
    template_name = "regiodeals/regiodeal_list.html"

    def get_queryset(self):
        return Regiodeal.objects.visible_to(self.request.user).select_related("tranche")


def tranche_detail(request, nummer: int):
    """The letter's table: deals per landsdeel with subtotals, the total and the checks."""
    tranche = get_object_or_404(Tranche, nummer=nummer)
    deals = list(
        Regiodeal.objects.visible_to(request.user)
        .filter(tranche=tranche)
        .order_by("volgnummer", "titel")
    )
    subtotalen = dict(
        tranche.deals.values_list("landsdeel").annotate(totaal=Sum("maximale_rijksbijdrage"))
    )
    volgorde = list(Landsdeel.values)
    groepen = [
        (Landsdeel(landsdeel).label, list(groep), subtotalen.get(landsdeel))
        for landsdeel, groep in groupby(
            sorted(deals, key=lambda d: (volgorde.index(d.landsdeel), d.volgnummer or 0)),
            key=lambda d: d.landsdeel,
        )
    ]
    context = {
        "tranche": tranche,
        "groepen": groepen,
        "totaal": tranche.deals.aggregate(totaal=Sum("maximale_rijksbijdrage"))["totaal"],
        "bevindingen": toets_tranche(tranche, deals),
    }
    return render(request, "regiodeals/tranche_detail.html", context)


class RegiodealDetailView(DetailView):
    model = Regiodeal

    def get_queryset(self):
        return Regiodeal.objects.visible_to(self.request.user).select_related(
            "penvoerder", "tranche"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        deal = self.object
        lijnen = Onderdeel.objects.filter(dossier=deal, hoofdonderdeel__isnull=True)
        context["lijnen"] = lijnen.prefetch_related(
            "doelen",
            Prefetch(
                "subonderdelen",
                queryset=Onderdeel.objects.prefetch_related("subonderdelen", "beoogde_resultaten"),
            ),
            "beoogde_resultaten",
        )
        context["partijen"] = deal.partijen.select_related("organisatie")
        context["locaties"] = deal.locaties.all()
        context["financien"] = financien_van(deal)
        context["tabel"] = bouw_cijfertabel(deal, Waarde.objects.visible_to(self.request.user))
        context["overleggen"] = deal.overleggen.all()
        context["wijzigingen"] = deal.wijzigingen.all()
        context["mutaties"] = deal.mutaties.select_related("organisatie")
        return context
