from django.db.models import Sum
from django.views.generic import DetailView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from core.models import Waarde
from core.rules import is_beleidsmedewerker

from .filters import ProjectFilter
from .models import Project, Projectonderdeel
from .output import output_per
from .tables import ProjectTable
from .timeline import tijdlijn_svg


class ProjectListView(SingleTableMixin, FilterView):
    model = Project
    table_class = ProjectTable
    filterset_class = ProjectFilter
    table_pagination = {"per_page": 25}  # the table pages; the view itself not
    template_name = "projecten/project_list.html"

    def get_queryset(self):
        return Project.objects.visible_to(self.request.user).select_related("penvoerder")


class ProjectDetailView(DetailView):
    model = Project

    def get_queryset(self):
        return Project.objects.visible_to(self.request.user).select_related(
            "penvoerder", "voert_uit__dossier"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        project, user = self.object, self.request.user
        fasen = list(project.fasen.prefetch_related("acties"))
        waarden = Waarde.objects.visible_to(user, [project.pk])
        kernen = list(project.locaties.select_related("gemeente", "kern").order_by("volgorde"))
        indicatoren = list(project.indicatoren.all())
        gemeenten = sorted({k.gemeente.naam for k in kernen if k.gemeente})
        context.update(
            mag_beheren=user.has_perm("core.change_dossier", project),
            fasen=fasen,
            tijdlijn=tijdlijn_svg(fasen, id_prefix=f"tijdlijn-{project.pk}"),
            partijen=project.partijen.select_related("organisatie"),
            plan=sorted(
                project.onderdelen_plan.all(),
                key=lambda o: (list(Projectonderdeel.KOPJES).index(o.soort), o.volgorde),
            ),
            kernen=kernen,
            indicatoren=indicatoren,
            per_kern=output_per(waarden, "locatie__naam", [k.naam for k in kernen], indicatoren),
            per_gemeente=output_per(waarden, "locatie__gemeente__naam", gemeenten, indicatoren),
            rapportages=project.rapportages.all(),
            fte_totaal=project.locaties.aggregate(fte=Sum("kern__projectleider_fte"))["fte"],
            invoer=_invoer_links(project, user, kernen),
        )
        return context


def _invoer_links(project: Project, user, kernen) -> list[tuple[str, str, int]]:
    """(municipality name, slug, year) for every grid this user may open on this project."""
    if not (project.startjaar and project.eindjaar):
        return []
    gemeenten = {k.gemeente.slug: k.gemeente for k in kernen if k.gemeente}
    if not user.has_perm("core.change_dossier", project):
        gemeenten = {s: g for s, g in gemeenten.items() if g.pk == user.organisatie_id}
        if not is_beleidsmedewerker(user):
            gemeenten = {}
    jaren = range(project.startjaar, project.eindjaar + 1)
    return [(g.naam, slug, jaar) for slug, g in sorted(gemeenten.items()) for jaar in jaren]
