"""A dossier's targets: everyone reads the list; who maintains the dossier (its coördinator,
a beheerder) adds and edits them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.generic import CreateView, UpdateView

from .doelen_forms import StreefdoelForm
from .doeltekst import context_tekst, datum, doel_tekst, uit_gegevens
from .doelwijziging import wijzig_streefdoel
from .models import Dossier, Streefdoel
from .streefdoel import WOORDEN_IN


@require_safe
def streefdoelen(request, slug: str):
    dossier = get_object_or_404(Dossier.objects.visible_to(request.user), slug=slug)
    doelen = (
        Streefdoel.objects.filter(dossier=dossier)
        .select_related("dossier", "indicator", "organisatie", *WOORDEN_IN)
        .prefetch_related("wijzigingen")
    )
    context = {
        "dossier": dossier,
        "doelen": [(doel, _in_woorden(doel), _wijzigingen(doel)) for doel in doelen],
        "mag_beheren": request.user.has_perm("core.change_dossier", dossier),
    }
    return render(request, "core/streefdoel_list.html", context)


def _in_woorden(doel: Streefdoel) -> str:
    """The target, when a milestone was reached, and what surrounds it (reference, baseline)."""
    delen = [doel_tekst(doel)]
    if doel.bereikt_op:
        delen.append(f"bereikt op {datum(doel.bereikt_op)}")
    return "; ".join(delen + context_tekst(doel))


def _wijzigingen(doel: Streefdoel) -> list[tuple]:
    """Each amendment of the target: (amendment, old in words, new in words)."""
    return [
        (
            wijziging,
            doel_tekst(uit_gegevens(wijziging.oud, doel)),
            doel_tekst(uit_gegevens(wijziging.nieuw, doel)),
        )
        for wijziging in doel.wijzigingen.all()
    ]


class StreefdoelBeheer:
    """Add or edit a target of the dossier in the URL: only for who maintains it."""

    model = Streefdoel
    form_class = StreefdoelForm
    http_method_names = ["get", "post"]
    template_name = "core/streefdoel_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.dossier = get_object_or_404(Dossier, slug=kwargs["slug"])
        if not request.user.has_perm("core.change_dossier", self.dossier):
            raise PermissionDenied("Alleen de coördinator of een beheerder beheert streefdoelen.")
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return Streefdoel.objects.filter(dossier=self.dossier).select_related("dossier")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "dossier": self.dossier}

    def get_context_data(self, **kwargs):
        return super().get_context_data(dossier=self.dossier, **kwargs)

    @transaction.atomic
    def form_valid(self, form):
        if form.is_wijziging:
            self.object = wijzig_streefdoel(
                doel=form.instance,
                oud=form.oud,
                datum=form.cleaned_data["wijzigingsdatum"],
                reden=form.cleaned_data["reden"],
                door=self.request.user,
            ).streefdoel
        else:
            self.object = form.save()
        form.bewaar_woorden(self.object)
        messages.success(
            self.request, f"Het streefdoel ‘{_in_woorden(self.object)}’ is opgeslagen."
        )
        return redirect(self.get_success_url())

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def get_success_url(self) -> str:
        return reverse("core:streefdoelen", args=[self.dossier.slug])


class StreefdoelToevoegen(StreefdoelBeheer, CreateView):
    pass


class StreefdoelWijzigen(StreefdoelBeheer, UpdateView):
    pass
