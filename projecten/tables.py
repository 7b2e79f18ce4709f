import django_tables2 as tables

from core.tabellen import RijenInPython, link

from .models import Project


class ProjectTable(RijenInPython, tables.Table):
    caption = "Projecten"

    titel = tables.Column(verbose_name="Project")
    penvoerder = tables.Column(verbose_name="Aanvrager", order_by="penvoerder__naam")
    soort_financiering = tables.Column(verbose_name="Financiering")
    status = tables.Column(verbose_name="Status")
    periode = tables.Column(verbose_name="Periode", orderable=True, order_by="startdatum")

    class Meta:
        model = Project
        fields = ["titel", "penvoerder", "soort_financiering", "status", "periode"]
        attrs = {"class": "utrecht-table"}
        empty_text = "Geen projecten gevonden."

    def cellen(self, project):
        return (
            link(self.pad("projecten:detail", slug=project.slug), project.naam),
            project.penvoerder or "—",
            project.get_soort_financiering_display() or "—",
            project.get_status_display(),
            project.periode,
        )
