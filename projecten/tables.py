import django_tables2 as tables
from django.utils.html import format_html

from .models import Project


class ProjectTable(tables.Table):
    titel = tables.Column(verbose_name="Project", linkify=True)
    penvoerder = tables.Column(verbose_name="Aanvrager", order_by="penvoerder__naam")
    soort_financiering = tables.Column(verbose_name="Financiering")
    status = tables.Column(verbose_name="Status")
    periode = tables.Column(verbose_name="Periode", empty_values=(), order_by="startdatum")

    class Meta:
        model = Project
        fields = ["titel", "penvoerder", "soort_financiering", "status", "periode"]
        attrs = {"class": "utrecht-table"}
        empty_text = "Geen projecten gevonden."

    def render_periode(self, record):
        return format_html("{}–{}", record.startjaar or "?", record.eindjaar or "…")
