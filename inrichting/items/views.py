"""A dossier's items and norms, kept by its coördinator or a beheerder; everyone else gets 403.
Targets stay on the targets pages (core.doelen_views)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.generic import CreateView, UpdateView

from core.models import Dossier, Indicator, Norm

from .forms import ItemForm, NormForm
from .services import bewaar_item, verwijder_item, waarom_niet_verwijderen


def _beheerd_dossier(request, slug: str) -> Dossier:
    dossier = get_object_or_404(Dossier, slug=slug)
    if not request.user.has_perm("core.change_dossier", dossier):
        raise PermissionDenied("Alleen de coördinator of een beheerder richt dit dossier in.")
    return dossier


@require_safe
def items(request, slug: str):
    dossier = _beheerd_dossier(request, slug)
    lijst = (
        Indicator.objects.filter(dossier=dossier)
        .select_related("onderdeel", "deel_van")
        .annotate(aantal_doelen=Count("streefdoelen"))
        .order_by("volgorde", "pk")
    )
    return render(request, "inrichting/items/items.html", {"dossier": dossier, "items": lijst})


class ItemBeheer:
    """Add or edit an item of the dossier in the URL."""

    model = Indicator
    form_class = ItemForm
    http_method_names = ["get", "post"]
    template_name = "inrichting/items/item_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.dossier = _beheerd_dossier(request, kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return Indicator.objects.filter(dossier=self.dossier)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "dossier": self.dossier}

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "waarom_niet", waarom_niet_verwijderen(self.object) if self.object else ""
        )
        return super().get_context_data(dossier=self.dossier, **kwargs)

    def form_valid(self, form):
        try:
            self.object = bewaar_item(
                item=form.instance, streefdoel=form.streefdoel(), door=self.request.user
            )
        except ValidationError as fout:
            form.fouten_van_doel(fout)
            return self.form_invalid(form)
        messages.success(self.request, f"Het item ‘{self.object.naam}’ is opgeslagen.")
        if "volgende" in self.request.POST:
            return redirect(volgend_item_url(self.object))
        return redirect("inrichting:items", self.dossier.slug)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class ItemToevoegen(ItemBeheer, CreateView):
    def get_initial(self):
        """After "Opslaan en volgend item": the theme, unit and split of the item before."""
        return {veld: self.request.GET[veld] for veld in VOLGEND_ITEM if veld in self.request.GET}


VOLGEND_ITEM = ["onderdeel", "eenheid", "richting", "uitsplitsing"]


def volgend_item_url(item: Indicator) -> str:
    vorige = {
        veld: getattr(item, f"{veld}_id" if veld == "onderdeel" else veld) or ""
        for veld in VOLGEND_ITEM
    }
    return f"{reverse('inrichting:item_nieuw', args=[item.dossier.slug])}?{urlencode(vorige)}"


class ItemWijzigen(ItemBeheer, UpdateView):
    pass


@require_POST
def item_verwijderen(request, slug: str, pk: int):
    dossier = _beheerd_dossier(request, slug)
    item = get_object_or_404(Indicator, dossier=dossier, pk=pk)
    try:
        verwijder_item(item=item, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
        return redirect("inrichting:item", dossier.slug, item.pk)
    messages.success(request, f"Het item ‘{item.naam}’ is verwijderd.")
    return redirect("inrichting:items", dossier.slug)


@require_http_methods(["GET", "HEAD", "POST"])
def normen(request, slug: str):
    dossier = _beheerd_dossier(request, slug)
    form = NormForm(request.POST or None, dossier=dossier)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"De norm op ‘{form.instance.indicator}’ is opgeslagen.")
        return redirect("inrichting:normen", dossier.slug)
    lijst = Norm.objects.filter(indicator__dossier=dossier).select_related(
        "indicator", "ten_opzichte_van"
    )
    context = {"dossier": dossier, "normen": lijst, "form": form}
    return render(
        request, "inrichting/items/normen.html", context, status=400 if form.errors else 200
    )


@require_POST
def norm_verwijderen(request, slug: str, pk: int):
    dossier = _beheerd_dossier(request, slug)
    norm = get_object_or_404(Norm, indicator__dossier=dossier, pk=pk)
    norm.delete()
    messages.success(request, "De norm is verwijderd.")
    return redirect("inrichting:normen", dossier.slug)
