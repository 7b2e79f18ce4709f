from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from core.models import Dossier, Indicator, Waarde

from .filters import MutatieFilter
from .gevolgd import Gevolgd, gevolgd, labels_van
from .models import Mutatie
from .weergave import regels

PER_PAGINA = 25
# Rows whose history only some users may read: figures (concept figures are not public)
# and reports (a concept only for the parties).
AFGESCHERMD = ("core.waarde",)


def ding(request, label: str, sleutel: str):
    """The history of one object, or of one figure by its place in the grid."""
    tabel = gevolgd(label)
    if tabel is None:
        raise Http404("Deze gegevens hebben geen wijzigingshistorie.")
    labels = labels_van(tabel.model) if not tabel.sleutel else [label]
    mutaties = Mutatie.objects.filter(tabel__in=labels, sleutel=sleutel).select_related(
        "gebruiker__organisatie"
    )
    _mag_zien(request.user, tabel, sleutel, mutaties)
    pagina = Paginator(mutaties, PER_PAGINA).get_page(request.GET.get("page"))
    rijen = regels(list(pagina))
    titel = rijen[0].wat if rijen else f"{tabel.model._meta.verbose_name} {sleutel}"
    return render(
        request,
        "historie/ding.html",
        {
            "titel": titel,
            "regels": rijen,
            "pagina": pagina,
            "huidig": _huidig(tabel, sleutel) or _dossier_van(mutaties),
        },
    )


def dossier(request, slug: str):
    """Everything that changed in a dossier: its agreement, deal or project and their parts,
    for a year, an organisation or an item, a page at a time."""
    gekozen = get_object_or_404(Dossier.objects.visible_to(request.user), slug=slug)
    filterset = MutatieFilter(
        request.GET, mutaties_in_dossier(gekozen, request.user), dossier=gekozen
    )
    mutaties = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    pagina = Paginator(mutaties, PER_PAGINA).get_page(request.GET.get("page"))
    return render(
        request,
        "historie/dossier.html",
        {
            "dossier": gekozen,
            "filter": filterset,
            "gefilterd": not filterset.is_valid() or any(filterset.form.cleaned_data.values()),
            "regels": regels(list(pagina), bekend=frozenset({"dossier_id"})),
            "pagina": pagina,
        },
    )


def mutaties_in_dossier(dossier: Dossier, user):
    """A dossier's history as `user` may read it: the figures and reports only for those who
    maintain the dossier (a concept figure or report is not public)."""
    mutaties = Mutatie.objects.filter(dossier=dossier).select_related("gebruiker__organisatie")
    if not user.has_perm("core.change_dossier", dossier):
        mutaties = mutaties.exclude(tabel__in=AFGESCHERMD).exclude(tabel__startswith="rapportages.")
    return mutaties


def _mag_zien(user, tabel: Gevolgd, sleutel: str, mutaties) -> None:
    if tabel.is_cijfer:
        if not user.has_perm("core.view_waarde", _cijfer(sleutel)):
            raise PermissionDenied("U mag dit cijfer niet inzien.")
    elif tabel.label.startswith("rapportages."):
        rapport = _rapport(tabel, mutaties)
        if rapport is None or not user.has_perm("rapportages.view_rapport", rapport):
            raise PermissionDenied("U mag deze rapportage niet inzien.")


def _cijfer(sleutel: str) -> Waarde:
    """An unsaved figure at the place a key names, to ask the figure's rules about it."""
    try:
        indicator, jaar, soort, organisatie, locatie = [
            None if deel == "-" else deel for deel in sleutel.split("/")
        ]
        waarde = Waarde(
            indicator_id=int(indicator),
            jaar=int(jaar),
            soort=soort,
            organisatie_id=int(organisatie) if organisatie else None,
            locatie_id=int(locatie) if locatie else None,
        )
        waarde.indicator  # noqa: B018 - the rules read the dossier through it
    except (ValueError, TypeError, Indicator.DoesNotExist) as fout:
        raise Http404("Onbekend cijfer.") from fout
    return waarde


def _rapport(tabel: Gevolgd, mutaties):
    Rapport = apps.get_model("rapportages.Rapport")
    laatste = mutaties.first()
    if laatste is None:
        return None
    rij = laatste.nieuw or laatste.oud or {}
    pk = rij.get("id") if tabel.label == "rapportages.rapport" else rij.get("rapport_id")
    return Rapport.objects.filter(pk=pk).select_related("dossier").first()


def _dossier_van(mutaties):
    laatste = mutaties.first()
    if laatste is None or laatste.dossier_id is None:
        return None
    return Dossier.objects.filter(pk=laatste.dossier_id).first()


def _huidig(tabel: Gevolgd, sleutel: str):
    """The object as it is now, for a link back to it (None when it no longer exists)."""
    if tabel.sleutel or not sleutel.isdigit():
        return None
    gevonden = tabel.model._default_manager.filter(pk=int(sleutel)).first()
    return gevonden if gevonden is not None and hasattr(gevonden, "get_absolute_url") else None
