from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from django.views.generic import DetailView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from core.aanlevering import levert_cijfers
from core.checks import toetsblokken
from core.figures import bouw_cijfertabel
from core.jaren import invoerjaren
from core.models import Jaaropgave, Norm, Onderdeel, Waarde
from core.voortgang import voortgang_van

from .filters import AfspraakFilter
from .models import Afspraak, Afspraakpunt, Wijziging, Wijzigingsregel
from .services import pas_wijziging_toe
from .tables import AfspraakTable


class AfspraakListView(SingleTableMixin, FilterView):
    model = Afspraak
    table_class = AfspraakTable
    filterset_class = AfspraakFilter
    table_pagination = {"per_page": 25}  # the table pages; the view itself not
    template_name = "afspraken/afspraak_list.html"

    def get_queryset(self):
        punten = (
            Afspraakpunt.objects.filter(afspraak=OuterRef("pk"))
            .order_by()  # without it the ordering's joins stay in the subquery
            .values("afspraak")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            Afspraak.objects.visible_to(self.request.user)
            .select_related("penvoerder")
            .annotate(aantal_punten=Coalesce(Subquery(punten), 0))
            .order_by("titel")
        )


class AfspraakDetailView(DetailView):
    model = Afspraak

    def get_queryset(self):
        return Afspraak.objects.visible_to(self.request.user).select_related("penvoerder")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        afspraak, user = self.object, self.request.user
        punten = Afspraakpunt.objects.select_related("afspraak", "toegevoegd_bij")
        onderdelen = list(
            Onderdeel.objects.filter(dossier=afspraak).prefetch_related(
                Prefetch("afspraakpunten", queryset=punten)
            )
        )
        voortgang = {v.doel.pk: v for v in voortgang_van(afspraak, user, None)}
        for onderdeel in onderdelen:
            for punt in onderdeel.afspraakpunten.all():
                punt.voortgang = voortgang.get(punt.streefdoel_id)
        context["onderdelen"] = onderdelen
        context["partijen"] = afspraak.partijen.select_related("organisatie")
        waarden = Waarde.objects.visible_to(user, [afspraak.pk])
        context["tabel"] = bouw_cijfertabel(afspraak, waarden)
        heeft_normen = Norm.objects.filter(indicator__dossier=afspraak).exists()
        context["toetsblokken"] = toetsblokken(context["tabel"].toetsing, heeft_normen)
        context["wijzigingen"] = list(
            afspraak.wijzigingen.prefetch_related(
                Prefetch(
                    "regels",
                    queryset=Wijzigingsregel.objects.select_related(
                        "wijziging",
                        "afspraakpunt__afspraak",
                        "afspraakpunt__streefdoel__indicator",
                        "afspraakpunt__streefdoel__dossier",
                    ),
                )
            )
        )
        context["mag_beheren"] = user.has_perm("core.change_dossier", afspraak)
        # Entry links only for who may enter the organisation's figures: not for a bestuurder.
        # Entry links only for who may enter the organisation's figures (not a bestuurder) and
        # only when the organisation delivers figures here (not a party that only signs).
        context["mag_invoeren"] = (
            user.organisatie is not None
            and user.has_perm(
                "core.enter_jaaropgave", Jaaropgave(dossier=afspraak, organisatie=user.organisatie)
            )
            and levert_cijfers(afspraak, user.organisatie)
        )
        context["invoerjaren"] = invoerjaren(afspraak, context["tabel"].jaren)
        return context


class AfspraakpuntDetailView(DetailView):
    model = Afspraakpunt
    context_object_name = "punt"

    def get_queryset(self):
        return Afspraakpunt.objects.filter(
            afspraak__in=Afspraak.objects.visible_to(self.request.user),
            afspraak__slug=self.kwargs["slug"],
        ).select_related("afspraak", "onderdeel", "toegevoegd_bij")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        punt = self.object
        context["voortgang"] = next(
            (
                v
                for v in voortgang_van(punt.afspraak, self.request.user, None)
                if v.doel.pk == punt.streefdoel_id
            ),
            None,
        )
        context["regels"] = punt.wijzigingsregels.select_related(
            "wijziging", "afspraakpunt__streefdoel__indicator", "afspraakpunt__streefdoel__dossier"
        ).order_by("wijziging__datum", "pk")
        return context


@require_POST
def wijziging_verwerken(request, slug: str, pk: int):
    wijziging = get_object_or_404(Wijziging, pk=pk, afspraak__slug=slug)
    if not request.user.has_perm("core.change_dossier", wijziging.afspraak):
        raise PermissionDenied("Alleen de coördinator of een beheerder verwerkt een wijziging.")
    try:
        pas_wijziging_toe(wijziging=wijziging, door=request.user)
    except ValidationError as error:
        messages.error(request, "Niets verwerkt: " + " ".join(error.messages))
    else:
        messages.success(request, f"‘{wijziging.titel}’ is verwerkt.")
    return redirect(wijziging.afspraak)
