from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from openpyxl import Workbook

from core.aanlevering import leverende_organisaties, levert_cijfers
from core.gegevens import write_gegevens
from core.jaren import jaar_of_404
from core.models import Dossier, Jaaropgave, Organisatie, Soort, Waarde
from core.rules import is_beheerder

from .bestand import Geweigerd
from .forms import UploadForm
from .models import Cijferimport
from .services import ImportFouten, confirm_import, preview_import, upload_import
from .sjabloon import maak_sjabloon

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_SHOWN = 1000  # rows of changes and of errors on a page; the counts are always complete


def _xlsx_response(inhoud: bytes, bestandsnaam: str) -> HttpResponse:
    response = HttpResponse(inhoud, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response


def _jaren(dossier: Dossier) -> list[int]:
    if dossier.startjaar and dossier.eindjaar:
        return list(range(dossier.startjaar, dossier.eindjaar + 1))
    return [dossier.startjaar or dossier.eindjaar or timezone.localdate().year]


def _organisatie(request) -> Organisatie:
    """As the entry grid: a coordinator or beheerder picks one; anyone else enters their own."""
    gekozen = request.GET.get("organisatie")
    organisatie = (
        get_object_or_404(Organisatie, slug=gekozen) if gekozen else request.user.organisatie
    )
    if organisatie is None:
        raise PermissionDenied("U hoort bij geen organisatie; kies er een.")
    return organisatie


@require_GET
def sjabloon(request, slug: str, jaar: int):
    """The template of one organisation's figures of one year: the grid, in Excel."""
    dossier = get_object_or_404(Dossier, slug=slug)
    jaar_of_404(dossier, jaar)
    organisatie = _organisatie(request)
    opgave = Jaaropgave(dossier=dossier, organisatie=organisatie, jaar=jaar, soort=Soort.PLAN)
    if not request.user.has_perm("core.enter_jaaropgave", opgave):
        raise PermissionDenied("U mag de cijfers van deze organisatie niet invoeren.")
    if not levert_cijfers(dossier, organisatie):
        raise PermissionDenied(f"{organisatie} levert in {dossier} geen cijfers aan.")
    inhoud = maak_sjabloon(dossier=dossier, organisatie=organisatie, jaar=jaar)
    return _xlsx_response(inhoud, f"sjabloon-{dossier.slug}-{organisatie.slug}-{jaar}.xlsx")


@require_GET
def gegevens(request, slug: str):
    """Every figure of the dossier the user may change, in the flat format (`Gegevens`)."""
    dossier = get_object_or_404(Dossier, slug=slug)
    if not request.user.has_perm("importeren.upload_to_dossier", dossier):
        raise PermissionDenied("U mag in dit dossier geen cijfers importeren.")
    workbook = Workbook(write_only=True)
    waarden = Waarde.objects.for_dossier(dossier).editable_by(request.user)
    write_gegevens(workbook, waarden, dossier=dossier)
    response = HttpResponse(content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="gegevens-{dossier.slug}.xlsx"'
    workbook.save(response)
    return response


@require_http_methods(["GET", "POST"])
def upload(request, slug: str):
    dossier = get_object_or_404(Dossier.objects.select_related("penvoerder"), slug=slug)
    if not request.user.has_perm("importeren.upload_to_dossier", dossier):
        raise PermissionDenied("U mag in dit dossier geen cijfers importeren.")
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            cijferimport, _ = upload_import(
                dossier=dossier, door=request.user, naam=bestand.name, inhoud=bestand.read()
            )
        except Geweigerd as error:
            form.add_error("bestand", str(error))
        else:
            return redirect(cijferimport)
    gekozen = request.GET.get("organisatie")
    organisatie = (
        Organisatie.objects.filter(slug=gekozen).first() if gekozen else request.user.organisatie
    )
    context = {
        "dossier": dossier,
        "form": form,
        "organisatie": organisatie,
        "levert": organisatie is not None and levert_cijfers(dossier, organisatie),
        # A coordinator or beheerder picks among the organisations that deliver figures.
        "organisaties": list(leverende_organisaties(dossier))
        if request.user.has_perm("core.change_dossier", dossier)
        else [],
        "jaren": _jaren(dossier),
        "gekozen_jaar": request.GET.get("jaar", ""),
        "imports": Cijferimport.objects.filter(dossier=dossier, door=request.user)[:10],
    }
    return render(request, "importeren/upload.html", context, status=400 if form.errors else 200)


@require_GET
def cijferimport_detail(request, pk: int):
    """Before confirmation the preview (judged again on every view), after it the history."""
    cijferimport = get_object_or_404(Cijferimport.objects.select_related("dossier", "door"), pk=pk)
    if not request.user.has_perm("importeren.see_cijferimport", cijferimport):
        raise PermissionDenied("Deze import is niet van u.")
    context = {"cijferimport": cijferimport, "dossier": cijferimport.dossier}
    if cijferimport.is_bevestigd:
        context["wijzigingen"] = cijferimport.wijzigingen.select_related("waarde")
        return render(request, "importeren/cijferimport_detail.html", context)
    try:
        # What would happen for the uploader; a coordinator or beheerder may look along.
        voorbeeld = preview_import(cijferimport, cijferimport.door)
    except Geweigerd as error:
        context["geweigerd"] = str(error)
        return render(request, "importeren/cijferimport_detail.html", context, status=400)
    context.update(
        voorbeeld=voorbeeld,
        regels=voorbeeld.regels[:MAX_SHOWN],
        fouten=voorbeeld.fouten[:MAX_SHOWN],
        mag_bevestigen=cijferimport.door_id == request.user.pk,
    )
    status = 400 if voorbeeld.fouten else 200
    return render(request, "importeren/cijferimport_detail.html", context, status=status)


@require_POST
def bevestig(request, pk: int):
    cijferimport = get_object_or_404(Cijferimport, pk=pk)
    try:
        cijferimport = confirm_import(
            cijferimport=cijferimport,
            door=request.user,
            verwacht=request.POST.get("vingerafdruk", ""),
        )
    except ImportFouten as error:
        messages.error(
            request,
            f"Er is niets opgeslagen: het bestand bevat {len(error.voorbeeld.fouten)} "
            "fout(en). Verbeter ze en upload het bestand opnieuw.",
        )
    except (ValidationError, Geweigerd) as error:
        tekst = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        messages.error(request, tekst)
    else:
        messages.success(
            request, f"Opgeslagen: {cijferimport.aantal_gewijzigd} cijfer(s) gewijzigd."
        )
    return redirect(cijferimport)


@require_GET
def cijferimport_list(request):
    imports = Cijferimport.objects.select_related("dossier", "door")
    if not is_beheerder(request.user):
        imports = imports.filter(door=request.user)
    pagina = Paginator(imports, 50).get_page(request.GET.get("page"))
    context = {
        "page_obj": pagina,
        "paginator": pagina.paginator,
    }
    return render(request, "importeren/cijferimport_list.html", context)
