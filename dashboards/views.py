from django.core.paginator import Paginator
from django.db.models import Sum
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from core.cellen import cellen, met_termijndoel
from core.charts import Reeks, Staafdiagram
from core.figures import bouw_cijfertabel
from core.models import Dossier, Indicator, Waarde
from core.planner import in_volgorde

from .bewaard import bewaard
from .dossier import dashboard_context
from .filters import CelFilter
from .grafieken import naar_het_doel, waarde_van
from .overzicht import agenda, dossierregels, nieuwste_bevindingen
from .tables import AlleCelTable, BegrensdePaginator, CelTable
from .taken import heeft_taken, mijn_taken


def _jaar(request) -> int | None:
    waarde = request.GET.get("jaar", "")
    return int(waarde) if waarde.isdigit() else None


def start(request):
    """The user's own tasks first, then their dossiers with their status, the newest findings
    and what is due."""
    user = request.user
    vandaag = timezone.localdate()
    dossiers = Dossier.objects.visible_to(user).select_related("penvoerder").order_by("titel")
    if user.organisatie:
        dossiers = dossiers.for_organisatie(user.organisatie)
    pagina = Paginator(dossiers, 25).get_page(request.GET.get("page"))
    op_pagina = list(pagina)
    bevindingen, getoetst = nieuwste_bevindingen(user, op_pagina)
    context = {
        "taken": mijn_taken(user, vandaag),
        "heeft_taken": heeft_taken(user),
        "pagina": pagina,
        "regels": dossierregels(user, op_pagina),
        "bevindingen": bevindingen,
        "getoetste_cijfers": getoetst,
        "agenda": agenda(user, op_pagina, vandaag),
    }
    return render(request, "dashboards/start.html", context)


def dossier_dashboard(request, slug: str):
    dossier = get_object_or_404(
        Dossier.objects.visible_to(request.user).select_related("penvoerder"), slug=slug
    )
    jaar = _jaar(request)
    context = bewaard(
        dossier, request.user, jaar, lambda: dashboard_context(dossier, request.user, jaar)
    )
    return render(request, "dashboards/dossier.html", context)


def vergelijking(request, slug: str):
    """The organisations side by side on the items split per organisation, for one year,
    with the reported total and the sum of the organisations (summed in the database)."""
    dossier = get_object_or_404(Dossier.objects.visible_to(request.user), slug=slug)
    items = list(dossier.indicatoren.filter(uitsplitsing=Indicator.Uitsplitsing.ORGANISATIE))
    waarden = Waarde.objects.visible_to(request.user, [dossier.pk]).filter(indicator__in=items)
    jaren = sorted(set(waarden.values_list("jaar", flat=True).distinct()))
    jaar = _jaar(request)
    jaar = jaar if jaar in jaren else (jaren[-1] if jaren else None)
    figuren: dict[tuple, object] = {}
    organisaties: dict[int, str] = {}
    for indicator_id, organisatie_id, naam, soort, waarde in waarden.filter(jaar=jaar).values_list(
        "indicator_id", "organisatie_id", "organisatie__naam", "soort", "waarde"
    ):
        figuren[(indicator_id, organisatie_id, soort)] = waarde
        if organisatie_id:
            organisaties[organisatie_id] = naam
    sommen = {
        (r["indicator_id"], r["soort"]): r["som"]
        for r in waarden.filter(jaar=jaar, organisatie__isnull=False)
        .values("indicator_id", "soort")
        .annotate(som=Sum("waarde"))
        .order_by()
    }
    volgorde = sorted(organisaties, key=organisaties.get)
    soorten = ("plan", "realisatie")
    rijen = []
    for item in items:
        totaal = [figuren.get((item.pk, None, soort)) for soort in soorten]
        som = [sommen.get((item.pk, soort)) for soort in soorten]
        rijen.append(
            {
                "item": item,
                # Per organisation: its plan and its realisation, side by side.
                "paren": [
                    tuple(figuren.get((item.pk, org, soort)) for soort in soorten)
                    for org in volgorde
                ],
                "totaal": totaal,
                "som": som,
                "verschil": any(
                    t is not None and s is not None and t != s
                    for t, s in zip(totaal, som, strict=True)
                ),
            }
        )
    context = {
        "dossier": dossier,
        "jaar": jaar,
        "jaren": jaren,
        "organisaties": [organisaties[pk] for pk in volgorde],
        "rijen": rijen,
    }
    return render(request, "dashboards/vergelijking.html", context)


def trend(request, slug: str, code: str):
    """One item over the years, with its parts: is the gap closing? With a term target, the
    cumulative realisation against the share of the target due each year."""
    dossier = get_object_or_404(Dossier.objects.visible_to(request.user), slug=slug)
    item = get_object_or_404(Indicator, dossier=dossier, code=code)
    context = bewaard(
        dossier, request.user, ("trend", code), lambda: _trend(dossier, item, request.user)
    )
    return render(request, "dashboards/trend.html", context)


def _trend(dossier: Dossier, item: Indicator, user) -> dict:
    alleen = {item.pk, *item.delen.values_list("pk", flat=True)}
    waarden = Waarde.objects.visible_to(user, [dossier.pk])
    tabel = bouw_cijfertabel(dossier, waarden, alleen=alleen)
    eigen = next((r for r in tabel.rijen if r.indicator.pk == item.pk and r.wie is None), None)

    def reeks(soort: str) -> list:
        return [waarde_van(eigen, jaar, soort) if eigen else None for jaar in tabel.jaren]

    grafiek = Staafdiagram(
        id="grafiek-trend",
        titel=f"{item.naam}: plan en realisatie per jaar",
        categorieen=[str(j) for j in tabel.jaren],
        reeksen=[Reeks("Plan", reeks("plan"), "plan"), Reeks("Realisatie", reeks("realisatie"))],
        eenheid=item.eenheid,
        breedte=max(560, 90 * len(tabel.jaren)),
    )
    return {
        "dossier": dossier,
        "item": item,
        "tabel": tabel,
        "grafiek": grafiek,
        "doelen": naar_het_doel(item, waarden),
        "andere": list(
            dossier.indicatoren.filter(deel_van__isnull=True, uitsplitsing_van__isnull=True)
        ),
    }


class CijfersView(SingleTableMixin, FilterView):
    """Every figure a user may see, plan beside realisation, filtered, sorted and paged."""

    table_class = CelTable
    filterset_class = CelFilter
    table_pagination = {"per_page": 50}  # the table pages; the view itself not
    template_name = "dashboards/cijfers.html"

    def get(self, request, *args, **kwargs):
        if CelFilter.bereik_van(request) is not None:
            return super().get(request, *args, **kwargs)
        with in_volgorde():  # the figures of all dossiers, read in the order shown
            return super().get(request, *args, **kwargs).render()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["alle_dossiers"] = CelFilter.bereik_van(self.request) is None
        return context

    def get_table_class(self):
        return AlleCelTable if CelFilter.bereik_van(self.request) is None else CelTable

    def get_table_pagination(self, table):
        paginering = super().get_table_pagination(table)
        if CelFilter.bereik_van(self.request) is None:
            # Counting every figure in the country takes seconds, and so does skipping to a
            # deep page; paging through the first pages does not.
            paginering["paginator_class"] = BegrensdePaginator
        return paginering

    def get_queryset(self):
        user, bereik = self.request.user, CelFilter.bereik_van(self.request)
        return (
            met_termijndoel(cellen(user, bereik), user, bereik)
            .select_related("indicator__dossier", "indicator__onderdeel", "organisatie", "locatie")
            .order_by(
                "indicator__dossier__titel", "indicator_id", "organisatie__naam", "jaar", "pk"
            )
        )
