"""Organisations and their users in the application, for a beheerder or a coördinator."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.models import Organisatie, Rol, User

from .forms import CollegaForm, OrganisatieForm
from .services import (
    beheerbare_organisaties,
    bewaar_organisatie,
    mag_gebruiker_beheren,
    mag_organisaties_beheren,
    stuur_wachtwoordlink,
    toekenbare_rollen,
    voeg_gebruiker_toe,
    zet_actief,
)


def _basis_url(request) -> str:
    return request.build_absolute_uri("/")


@require_http_methods(["GET", "POST"])
def organisaties(request):
    """The list with search, and the form for a new organisation."""
    if not mag_organisaties_beheren(request.user):
        raise PermissionDenied("Alleen een beheerder of coördinator beheert organisaties.")
    form = OrganisatieForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisatie = bewaar_organisatie(organisatie=form.save(commit=False))
        if beheerbare_organisaties(request.user).filter(pk=organisatie.pk).exists():
            messages.success(request, f"{organisatie.naam} is toegevoegd. Voeg nu collega’s toe.")
            return redirect("inrichting:organisatie", slug=organisatie.slug)
        messages.success(
            request,
            f"{organisatie.naam} is toegevoegd. Maak haar partij van uw dossier; daarna voegt u "
            "hier haar gebruikers toe.",
        )
        return redirect("inrichting:organisaties")
    zoek = request.GET.get("q", "").strip()
    lijst = Organisatie.objects.annotate(aantal_gebruikers=Count("gebruikers")).order_by("naam")
    if zoek:
        lijst = lijst.filter(Q(naam__icontains=zoek) | Q(afkorting__icontains=zoek))
    # Paged: a country holds thousands of organisations (docs/performance.md, issue 22).
    pagina = Paginator(lijst, 50).get_page(request.GET.get("page"))
    op_pagina = [organisatie.pk for organisatie in pagina]
    beheerbaar = beheerbare_organisaties(request.user).filter(pk__in=op_pagina)
    context = {
        "form": form,
        "zoek": zoek,
        "organisaties": pagina,
        "is_beheerder": request.user.heeft_rol(Rol.BEHEERDER),
        "beheerbaar": set(beheerbaar.values_list("pk", flat=True)),
    }
    return render(
        request,
        "inrichting/organisaties/organisatie_list.html",
        context,
        status=400 if form.errors else 200,
    )


def _beheerbare_of_403(request, slug: str) -> Organisatie:
    organisatie = get_object_or_404(Organisatie, slug=slug)
    if not beheerbare_organisaties(request.user).filter(pk=organisatie.pk).exists():
        raise PermissionDenied("U beheert deze organisatie niet.")
    return organisatie


@require_http_methods(["GET", "POST"])
def organisatie(request, slug: str):
    """Edit the organisation, its users with their roles, and 'Collega toevoegen'."""
    organisatie = _beheerbare_of_403(request, slug)
    actie = request.POST.get("actie") if request.method == "POST" else None
    form = OrganisatieForm(
        request.POST if actie == "organisatie" else None,
        instance=Organisatie.objects.get(pk=organisatie.pk),  # the heading keeps the old name
    )
    collega = CollegaForm(
        request.POST if actie == "collega" else None, rollen=toekenbare_rollen(request.user)
    )
    if actie == "organisatie" and form.is_valid():
        bewaar_organisatie(organisatie=form.save(commit=False))
        messages.success(request, "De organisatie is opgeslagen.")
        return redirect("inrichting:organisatie", slug=organisatie.slug)
    if actie == "collega" and collega.is_valid() and _voeg_toe(request, organisatie, collega):
        return redirect("inrichting:organisatie", slug=organisatie.slug)
    gebruikers = organisatie.gebruikers.prefetch_related("groups").order_by(
        "last_name", "first_name"
    )
    context = {
        "organisatie": organisatie,
        "form": form,
        "collega": collega,
        "gebruikers": gebruikers,
    }
    status = 400 if form.errors or collega.errors else 200
    return render(
        request, "inrichting/organisaties/organisatie_detail.html", context, status=status
    )


def _voeg_toe(request, organisatie: Organisatie, collega: CollegaForm) -> bool:
    data = collega.cleaned_data
    try:
        gebruiker = voeg_gebruiker_toe(
            organisatie=organisatie,
            voornaam=data["voornaam"],
            achternaam=data["achternaam"],
            email=data["email"],
            rollen=data["rollen"],
            door=request.user,
            basis_url=_basis_url(request),
        )
    except ValidationError as fout:
        collega.add_error(None, fout)
        return False
    messages.success(
        request,
        f"{gebruiker.get_full_name()} is toegevoegd en krijgt een e-mail met een link "
        "om een wachtwoord in te stellen.",
    )
    return True


def _gebruiker_of_403(request, slug: str, pk: int) -> User:
    gebruiker = get_object_or_404(User, pk=pk, organisatie__slug=slug)
    if not mag_gebruiker_beheren(request.user, gebruiker):
        raise PermissionDenied("U beheert deze gebruiker niet.")
    return gebruiker


@require_POST
def gebruiker_link(request, slug: str, pk: int):
    """'Nieuwe link sturen': a fresh one-time link for who lost theirs."""
    gebruiker = _gebruiker_of_403(request, slug, pk)
    stuur_wachtwoordlink(
        gebruiker=gebruiker, door=request.user, basis_url=_basis_url(request), nieuw=False
    )
    messages.success(request, f"Er is een nieuwe link gestuurd naar {gebruiker.email}.")
    return redirect("inrichting:organisatie", slug=slug)


@require_POST
def gebruiker_actief(request, slug: str, pk: int):
    """Deactivate a user (they can no longer log in; their work keeps their name), or
    activate them again."""
    gebruiker = _gebruiker_of_403(request, slug, pk)
    if gebruiker == request.user:
        raise PermissionDenied("U kunt uzelf niet deactiveren.")
    zet_actief(gebruiker=gebruiker, actief=request.POST.get("actief") == "1")
    staat = "weer actief" if gebruiker.is_active else "gedeactiveerd"
    messages.success(request, f"{gebruiker.get_full_name() or gebruiker.username} is {staat}.")
    return redirect("inrichting:organisatie", slug=slug)


class WachtwoordForm(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            veld.widget.attrs["class"] = "utrecht-textbox utrecht-textbox--html-input"


class WachtwoordInstellen(auth_views.PasswordResetConfirmView):
    """The one-time link of the mail: set a password, then log in."""

    form_class = WachtwoordForm
    template_name = "registration/wachtwoord_instellen.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, "Uw wachtwoord is ingesteld. U kunt nu inloggen.")
        return response
