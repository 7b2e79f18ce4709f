from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from django.views.generic import DetailView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from core.figures import bouw_cijfertabel
from core.forms import CijferForm, InvoerRij, form_status
from core.jaren import jaar_of_404
from core.models import Onderdeel, Rol, Waarde
from core.voortgang import voortgang_van
from historie.links import kosten_historie_url

from .filters import RegiodealFilter
from .finance import financien_van
from .models import Bron, Kosten, Regiodeal, Tranche
from .services import kosten_sleutel, sla_kosten_op
from .tables import RegiodealTable
from .tranchetabel import tranchetabel


class RegiodealListView(SingleTableMixin, FilterView):
    model = Regiodeal
    table_class = RegiodealTable
    filterset_class = RegiodealFilter
    table_pagination = {"per_page": 25}  # the table pages; the view itself not
    template_name = "regiodeals/regiodeal_list.html"

    def get_queryset(self):
        naamgenoot = Regiodeal.objects.filter(titel=OuterRef("titel")).exclude(pk=OuterRef("pk"))
        return (
            Regiodeal.objects.visible_to(self.request.user)
            .select_related("tranche")
            .annotate(heeft_naamgenoot=Exists(naamgenoot))
        )


@require_safe
def tranches(request):
    """Every tranche with its deals counted and their maximum Rijksbijdrage summed: the
    deals this user sees (one in opbouw only for the beheerder and its coordinators)."""
    zichtbaar = Q(deals__in=Regiodeal.objects.visible_to(request.user).values("pk"))
    rijen = Tranche.objects.annotate(
        aantal_deals=Count("deals", filter=zichtbaar),
        som_rijksbijdrage=Sum("deals__maximale_rijksbijdrage", filter=zichtbaar),
    ).order_by("nummer")
    context = {"tranches": rijen, "mag_inrichten": request.user.heeft_rol(Rol.BEHEERDER)}
    return render(request, "regiodeals/tranche_list.html", context)


def tranche_detail(request, nummer: int):
    """The letter's table: deals per landsdeel with subtotals, the total and the checks."""
    tranche = get_object_or_404(Tranche, nummer=nummer)
    context = {
        "tranche": tranche,
        "tabel": tranchetabel(tranche, request.user),
        "mag_inrichten": request.user.heeft_rol(Rol.BEHEERDER),
        "rapport_url": reverse(
            "rapportages:rapport",
            args=[f"tranche-{tranche.nummer}", timezone.localdate().year - 1],
        ),
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
                queryset=Onderdeel.objects.prefetch_related(
                    "subonderdelen", "beoogde_resultaten", "projecten"
                ),
            ),
            "beoogde_resultaten",
        )
        context["partijen"] = deal.partijen.select_related("organisatie")
        context["locaties"] = deal.locaties.all()
        context["financien"] = financien_van(deal)
        waarden = Waarde.objects.visible_to(self.request.user, [deal.pk])
        context["tabel"] = bouw_cijfertabel(deal, waarden)
        voortgang = {v.doel.pk: v for v in voortgang_van(deal, self.request.user, None)}
        _zet_voortgang(context["lijnen"], voortgang)
        context["overleggen"] = deal.overleggen.all()
        context["wijzigingen"] = deal.wijzigingen.all()
        context["mutaties"] = deal.mutaties.select_related("organisatie")
        context["mag_beheren"] = self.request.user.has_perm("core.change_dossier", deal)
        if deal.startjaar and deal.eindjaar:
            context["jaren"] = range(deal.startjaar, deal.eindjaar + 1)
        elif deal.eindjaar:
            # Signed on a day that is not known: the years with figures, last year and this one.
            dit_jaar = timezone.localdate().year
            jaren = {*context["tabel"].jaren, dit_jaar - 1, dit_jaar}
            context["jaren"] = sorted(jaar for jaar in jaren if jaar <= deal.eindjaar)
        return context


def _zet_voortgang(lijnen, voortgang: dict[int, object]) -> None:
    """Hang each result's progress (core.voortgang, by its target) on the prefetched
    instances the template walks."""
    for lijn in lijnen:
        onderdelen = [lijn]
        for project in lijn.subonderdelen.all():
            onderdelen += [project, *project.subonderdelen.all()]
        for onderdeel in onderdelen:
            for resultaat in onderdeel.beoogde_resultaten.all():
                resultaat.voortgang = voortgang.get(resultaat.streefdoel_id)


def kosten_invoer(request, slug: str, jaar: int):
    """The coördinator's grid: a year's realised costs per post and per source."""
    deal = get_object_or_404(Regiodeal, slug=slug)
    jaar_of_404(deal, jaar)
    if not request.user.has_perm("core.change_dossier", deal):
        raise PermissionDenied("Alleen de coördinator van deze Regio Deal voert kosten in.")
    bestaand = {
        kosten_sleutel(k.post, k.bron): k
        for k in Kosten.objects.filter(post__regiodeal=deal, jaar=jaar).select_related("post")
    }
    rijen = []
    for post in deal.posten.all():
        for bron in Bron:
            oud = bestaand.get(kosten_sleutel(post, bron))
            rijen.append(
                InvoerRij(
                    sleutel=kosten_sleutel(post, bron),
                    naam=f"{post.naam} – {bron.label}",
                    eenheid="euro",
                    waarde=oud.bedrag if oud else None,
                    toelichting=oud.toelichting if oud else "",
                    versie=oud.versie if oud else 0,
                    historie_url=kosten_historie_url(post.pk, jaar, bron),
                )
            )
    form = CijferForm(request.POST or None, rijen=rijen)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.bewaar(
            lambda: sla_kosten_op(
                deal=deal, jaar=jaar, bedragen=form.cijfers, door=request.user, gezien=form.versies
            )
        )
    ):
        messages.success(request, f"De kosten over {jaar} zijn opgeslagen.")
        return redirect(deal)
    context = {
        "regiodeal": deal,
        "jaar": jaar,
        "form": form,
        "caption": f"Gerealiseerde kosten {jaar} per post en bron",
    }
    return render(request, "regiodeals/kosten_invoer.html", context, status=form_status(form))
