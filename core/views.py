from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.views.generic import DetailView, ListView, TemplateView

from .models import Dossier, Organisatie, Partij


class StartView(TemplateView):
    template_name = "core/start.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisatie = self.request.user.organisatie
        dossiers = Dossier.objects.visible_to(self.request.user)
        if organisatie:
            dossiers = dossiers.for_organisatie(organisatie)
        context["dossiers"] = dossiers.select_related("penvoerder").order_by("soort", "titel")
        return context


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
            .order_by("soort", "titel")
        )
        context["gebruikers_aantal"] = self.object.gebruikers.filter(is_active=True).count()
        return context
