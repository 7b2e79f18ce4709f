from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView

from historie.gevolgd import sleutel_van
from historie.links import cijfer_historie_url
from historie.models import Mutatie

from .aanlevering import leverende_organisaties, levert_cijfers, ondertekent_alleen
from .forms import CijferForm, HeropenForm, InvoerRij, form_status
from .invoerdoelen import doelen_bij
from .invoertoets import bevindingen_bij
from .jaren import jaar_of_404
from .models import Dossier, Jaaropgave, Organisatie, Partij, Soort
from .services import (
    bestaande_waarden,
    dien_jaaropgave_in,
    heropen_jaaropgave,
    invoer_plekken,
    sla_jaaropgave_op,
    stel_jaaropgave_vast,
)


class OrganisatieListView(ListView):
    model = Organisatie
    paginate_by = 50

    def get_queryset(self):
        # A subquery per row keeps the paginator's count free of joins and grouping.
        aantal = (
            Partij.objects.filter(organisatie=OuterRef("pk"))
            .values("organisatie")
            .annotate(n=Count("dossier", distinct=True))
            .values("n")
        )
        return Organisatie.objects.annotate(aantal_dossiers=Coalesce(Subquery(aantal), 0))


class OrganisatieDetailView(DetailView):
    model = Organisatie

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["dossiers"] = (
            Dossier.objects.visible_to(self.request.user)
            .for_organisatie(self.object)
            .select_related("penvoerder")
            .order_by("soort", "titel")
        )
        context["gebruikers_aantal"] = self.object.gebruikers.filter(is_active=True).count()
        return context


# --- The entry grid of one organisation, one year, plan or realisatie -----------------


def _opgave_context(request, slug: str, jaar: int, soort: str):
    dossier = get_object_or_404(Dossier.objects.select_related("penvoerder"), slug=slug)
    jaar_of_404(dossier, jaar)  # before anything is looked up or stored for that year
    if soort not in Soort.values:
        raise Http404("Onbekende soort.")
    # Coordinators and beheerders pick the organisation; for anyone else it must be their own.
    gekozen = request.GET.get("organisatie") or request.POST.get("organisatie")
    organisatie = (
        get_object_or_404(Organisatie, slug=gekozen) if gekozen else request.user.organisatie
    )
    if organisatie is None:
        raise PermissionDenied("U hoort bij geen organisatie.")
    if soort == Soort.BOD and organisatie.soort != Organisatie.Soort.WONINGCORPORATIE:
        raise Http404("Alleen een woningcorporatie brengt een bod uit.")
    opgave = Jaaropgave.objects.filter(
        dossier=dossier, organisatie=organisatie, jaar=jaar, soort=soort
    ).select_related("gewijzigd_door").first() or Jaaropgave(
        dossier=dossier, organisatie=organisatie, jaar=jaar, soort=soort
    )
    if not request.user.has_perm("core.enter_jaaropgave", opgave):
        raise PermissionDenied("U mag de cijfers van deze organisatie niet invoeren.")
    if not levert_cijfers(dossier, organisatie) and request.method == "POST":
        raise PermissionDenied(_geen_aanlevering(dossier, organisatie))
    return dossier, organisatie, opgave


def _geen_aanlevering(dossier, organisatie) -> str:
    if ondertekent_alleen(dossier, organisatie):
        return (
            f"{organisatie} ondertekent {dossier}, maar levert geen cijfers aan: er is hier "
            "niets in te voeren of in te dienen."
        )
    return f"{organisatie} levert in {dossier} geen cijfers aan: er is hier niets in te voeren."


def _invoer_rijen(dossier, organisatie, jaar, soort, user):
    """The grid's rows, and the findings of the dossier's checks on what is saved."""
    plekken = invoer_plekken(dossier, organisatie, jaar)
    bestaand = bestaande_waarden(dossier, organisatie, jaar, soort)
    doelen = doelen_bij(dossier, organisatie, plekken, user=user, jaar=jaar, soort=soort)
    per_plek, bevindingen = bevindingen_bij(dossier, organisatie, plekken, jaar=jaar, soort=soort)
    rijen = [
        InvoerRij.voor_plek(
            plek,
            bestaand.get(plek.sleutel),
            plek.indicator.meetdefinitie_voor(organisatie.pk),
            historie_url=cijfer_historie_url(*plek.sleutel, jaar=jaar, soort=soort),
            doelen=doelen[plek.sleutel],
            bevindingen=per_plek[plek.sleutel],
        )
        for plek in plekken
    ]
    return rijen, bevindingen


def _lege_velden(dossier, organisatie, jaar, soort) -> list[str]:
    """The names of the grid's cells with no figure saved, in the grid's order."""
    bestaand = bestaande_waarden(dossier, organisatie, jaar, soort)
    return [
        plek.naam
        for plek in invoer_plekken(dossier, organisatie, jaar)
        if plek.sleutel not in bestaand
    ]


def _stappen(opgave) -> dict[str, tuple]:
    """Per status the year is in or past, (who, when) it last got there from the step before,
    from the history; the year's last change when the history does not tell (figures loaded
    from a source). One query, whatever the status."""
    stappen = {Jaaropgave.Status.INGEDIEND: Jaaropgave.Status.CONCEPT}
    stappen[Jaaropgave.Status.VASTGESTELD] = Jaaropgave.Status.INGEDIEND
    # By `sleutel`, which the history's index holds: by `object_id` the database read every
    # submission's history in the country.
    mutaties = Mutatie.objects.filter(
        tabel="core.jaaropgave",
        sleutel=sleutel_van({"id": opgave.pk or 0}),
        nieuw__status__in=list(stappen),
    ).select_related("gebruiker")
    gevonden = {}
    for mutatie in mutaties:  # newest first
        naar = mutatie.nieuw["status"]
        if (mutatie.oud or {}).get("status") == stappen[naar] and naar not in gevonden:
            gevonden[naar] = (mutatie.gebruiker, mutatie.tijdstip)
    bereikt = [Jaaropgave.Status.INGEDIEND] if opgave.status == Jaaropgave.Status.INGEDIEND else []
    if opgave.is_vergrendeld:
        bereikt = list(stappen)
    return {
        status: gevonden.get(status, (opgave.gewijzigd_door, opgave.gewijzigd_op))
        for status in bereikt
    }


def _alleen_lezen(request, opgave) -> bool:
    """A submitted year is shown as text; it can still be changed (until it is vastgesteld)
    by choosing "Cijfers wijzigen", a vastgesteld year only after it is reopened."""
    if opgave.is_vergrendeld:
        return True
    return opgave.status == Jaaropgave.Status.INGEDIEND and "wijzigen" not in request.GET


def _geen_invoer(request, dossier, organisatie, opgave, jaar, soort):
    """The grid of an organisation that delivers nothing here: a message, not an empty form."""
    context = {
        "dossier": dossier,
        "organisatie": organisatie,
        "opgave": opgave,
        "jaar": jaar,
        "soort": soort,
        "geen_invoer": _geen_aanlevering(dossier, organisatie),
        "organisaties": _keuze(request.user, dossier, soort),
    }
    return render(request, "core/jaaropgave_invoer.html", context)


def _keuze(user, dossier, soort):
    """The organisations a coordinator or beheerder may enter for: those that deliver (a bod:
    the corporations among them)."""
    if not user.has_perm("core.change_dossier", dossier):
        return []
    organisaties = leverende_organisaties(dossier)
    if soort == Soort.BOD:
        organisaties = organisaties.filter(soort=Organisatie.Soort.WONINGCORPORATIE)
    return list(organisaties)


def jaaropgave_invoer(request, slug: str, jaar: int, soort: str):
    dossier, organisatie, opgave = _opgave_context(request, slug, jaar, soort)
    if request.method != "POST" and not levert_cijfers(dossier, organisatie):
        return _geen_invoer(request, dossier, organisatie, opgave, jaar, soort)
    rijen, bevindingen = _invoer_rijen(dossier, organisatie, jaar, soort, request.user)
    form = CijferForm(request.POST or None, rijen=rijen)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.bewaar(
            lambda: sla_jaaropgave_op(
                dossier=dossier,
                organisatie=organisatie,
                jaar=jaar,
                soort=soort,
                cijfers=form.cijfers,
                door=request.user,
                gezien=form.versies,
            )
        )
    ):
        messages.success(request, f"De cijfers van {organisatie} zijn opgeslagen.")
        return redirect(request.get_full_path())
    context = {
        "dossier": dossier,
        "organisatie": organisatie,
        "opgave": opgave,
        "form": form,
        "jaar": jaar,
        "soort": soort,
        "caption": f"{soort.capitalize()} {jaar}: cijfers van {organisatie}",
        "heropen_form": HeropenForm(),
        "mag_vaststellen": request.user.has_perm("core.vaststellen_jaaropgave", opgave),
        "organisaties": _keuze(request.user, dossier, soort),
        "alleen_lezen": _alleen_lezen(request, opgave) and not form.errors,
        "stappen": _stappen(opgave),
        "bevindingen": bevindingen,
        "foutintro": _foutintro(form),
    }
    return render(request, "core/jaaropgave_invoer.html", context, status=form_status(form))


def _foutintro(form) -> str:
    """The error summary's first sentence: how many cells are wrong; none for an error of
    the grid as a whole (it says itself that nothing was saved)."""
    aantal = sum(1 for naam in form.errors if naam != "__all__")
    if not aantal:
        return ""
    vakken = "1 vak bevat" if aantal == 1 else f"{aantal} vakken bevatten"
    return f"Er is niets opgeslagen: {vakken} een fout. Verbeter de gemarkeerde vakken."


def _indienen(request, opgave):
    dien_jaaropgave_in(opgave=opgave, door=request.user)
    return "ingediend"


def _vaststellen(request, opgave):
    stel_jaaropgave_vast(opgave=opgave, door=request.user)
    return "vastgesteld"


def _heropenen(request, opgave):
    form = HeropenForm(request.POST)
    reden = form.cleaned_data["reden"] if form.is_valid() else ""
    heropen_jaaropgave(opgave=opgave, door=request.user, reden=reden)
    return "heropend"


ACTIES = {"indienen": _indienen, "vaststellen": _vaststellen, "heropenen": _heropenen}


@require_POST
def jaaropgave_actie(request, slug: str, jaar: int, soort: str, actie: str):
    if actie not in ACTIES:  # known before anything is stored
        raise Http404("Onbekende actie.")
    dossier, organisatie, opgave = _opgave_context(request, slug, jaar, soort)
    if actie == "indienen" and request.POST.get("bevestigd") != "ja" and opgave.status == "concept":
        # Nothing is submitted with empty cells until the user confirms, naming them.
        lege = _lege_velden(dossier, organisatie, jaar, soort)
        if lege:
            context = {
                "dossier": dossier,
                "organisatie": organisatie,
                "opgave": opgave,
                "jaar": jaar,
                "soort": soort,
                "lege": lege,
            }
            return render(request, "core/invoer_indienen.html", context)
    try:
        with transaction.atomic():  # a refused action leaves no new Jaaropgave behind
            if opgave.pk is None:
                opgave.save()
            gedaan = ACTIES[actie](request, opgave)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{soort.capitalize()} {jaar} is {gedaan}.")
    url = reverse("core:invoer", args=[dossier.slug, jaar, soort])
    return redirect(f"{url}?organisatie={organisatie.slug}")
