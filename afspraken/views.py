import copy
import datetime
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from django.views.generic import DetailView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from core.doeltekst import doel_tekst
from core.figures import bouw_cijfertabel
from core.models import Jaaropgave, Onderdeel, Streefdoel, Waarde
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
        context["wijzigingen"] = wijzigingen = list(
            afspraak.wijzigingen.prefetch_related(
                Prefetch(
                    "regels",
                    queryset=Wijzigingsregel.objects.select_related(
                        "afspraakpunt__afspraak", "afspraakpunt__streefdoel"
                    ),
                )
            )
        )
        for wijziging in wijzigingen:
            for regel in wijziging.regels.all():
                _doelwijziging(regel, afspraak, wijziging.is_toegepast)
        context["mag_beheren"] = user.has_perm("core.change_dossier", afspraak)
        # Entry links only for who may enter the organisation's figures: not for a bestuurder.
        context["mag_invoeren"] = user.organisatie is not None and user.has_perm(
            "core.enter_jaaropgave", Jaaropgave(dossier=afspraak, organisatie=user.organisatie)
        )
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
        doel = context["voortgang"].doel if context["voortgang"] else None
        regels = list(
            punt.wijzigingsregels.select_related("wijziging").order_by("wijziging__datum", "pk")
        )
        punt.streefdoel = doel
        for regel in regels:
            regel.afspraakpunt = punt
            _doelwijziging(regel, punt.afspraak, regel.wijziging.is_toegepast)
        context["regels"] = regels
        return context


def _oud_doel(basis: Streefdoel, velden: dict) -> Streefdoel:
    """The target as an amendment found it, from its record (afspraken.services)."""
    doel = copy.copy(basis)
    omzetten = {
        "waarde": Decimal,
        "minimum": Decimal,
        "maximum": Decimal,
        "tot_en_met_jaar": int,
        "deadline": datetime.date.fromisoformat,
    }
    for veld, waarde in velden.items():
        zet_om = omzetten.get(veld, str)
        setattr(doel, veld, None if waarde is None else zet_om(waarde))
    return doel


def _doelwijziging(regel: Wijzigingsregel, afspraak: Afspraak, toegepast: bool) -> None:
    """Words for a change of a target: `regel.van_doel` (what it was) and `regel.naar_doel`
    (what it becomes), from the old target's record and the new values."""
    if regel.soort != Wijzigingsregel.Soort.STREEFWAARDE:
        return
    huidig = regel.afspraakpunt.streefdoel if regel.afspraakpunt_id else None
    basis = copy.copy(huidig) if huidig else Streefdoel(soort=Streefdoel.Soort.EFFECT)
    basis.dossier = afspraak
    oud = None
    if regel.oud_streefdoel:
        oud = _oud_doel(basis, regel.oud_streefdoel)
    elif huidig and not toegepast:
        oud = basis
    nieuw = copy.copy(oud or basis)
    for veld, waarde in (
        ("waarde", regel.nieuwe_streefwaarde),
        ("tot_en_met_jaar", regel.nieuw_streefjaar),
        ("minimum", regel.nieuw_minimum),
        ("maximum", regel.nieuw_maximum),
        ("deadline", regel.nieuwe_deadline),
    ):
        if waarde is not None:
            setattr(nieuw, veld, waarde)
    regel.van_doel = doel_tekst(oud) if oud else "geen doel"
    regel.naar_doel = doel_tekst(nieuw)


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
