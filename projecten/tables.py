import django_tables2 as tables

from .models import Project


class ProjectTable(tables.Table):
    caption = "Projecten"

    titel = tables.Column(verbose_name="Project", linkify=True)
    penvoerder = tables.Column(verbose_name="Aanvrager", order_by="penvoerder__naam")
    soort_financiering = tables.Column(verbose_name="Financiering")
    status = tables.Column(verbose_name="Status")
    periode = tables.Column(verbose_name="Periode", orderable=True, order_by="startdatum")

    class Meta:
        model = Project
        fields = ["titel", "penvoerder", "soort_financiering", "status", "periode"]
        attrs = {"class": "utrecht-table"}
        empty_text = "Geen projecten gevonden."
        template_name = "projecten/project_tabel.html"
