"""The form renderer writes selects and inputs in Python: the same markup as Django's templates."""

import pytest
from django import forms
from django.forms.renderers import TemplatesSetting

from afspraken.filters import AfspraakFilter
from core.formrenderer import Renderer
from core.models import Waarde
from dashboards.filters import CelFilter
from projecten.filters import ProjectFilter
from regiodeals.filters import RegiodealFilter

KEUZES = [("", "Alle"), ("a&b", "A & <b>"), (2026, 2026), ("groep", [("x", "X"), ("y", "Y")])]


class Formulier(forms.Form):
    tekst = forms.CharField(help_text="uitleg", max_length=20)
    getal = forms.IntegerField(required=False, min_value=1)
    email = forms.EmailField(required=False, widget=forms.EmailInput(attrs={"autofocus": True}))
    geheim = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    verborgen = forms.CharField(required=False, widget=forms.HiddenInput)
    zoek = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "search"}))
    keuze = forms.ChoiceField(choices=KEUZES, required=False)
    uit = forms.ChoiceField(choices=KEUZES, widget=forms.Select(attrs={"disabled": False}))


def beide(form: forms.Form) -> tuple[list[str], list[str]]:
    """Every field of the form rendered by ours and by Django's template renderer."""
    velden = list(form)
    ons = [str(veld) for veld in velden]
    form.renderer = TemplatesSetting()
    return ons, [veld.as_widget() for veld in velden]


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"tekst": 'een "quote" & <tag>', "getal": "0", "keuze": "a&b", "uit": "2026"},
        {"keuze": "y", "geheim": "s3cret", "verborgen": "1 < 2", "email": "geen", "zoek": "woon"},
    ],
    ids=["leeg", "fouten", "optiegroep"],
)
def test_the_python_widgets_write_what_djangos_templates_write(data):
    form = Formulier(data, renderer=Renderer())
    if data:
        form.is_valid()  # errors make aria-invalid
    ons, django = beide(form)
    assert ons == django
    assert any("<option" in html for html in ons) and any("<input" in html for html in ons)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "filterset, data",
    [
        (AfspraakFilter, {"soort_afspraak": "bestuursakkoord", "partij": "Woon & Co"}),
        (RegiodealFilter, {}),
        (ProjectFilter, {"status": "onzin"}),
        (CelFilter, {"jaar": "2024", "status": "achter"}),
    ],
)
def test_every_lists_filter_form_renders_as_through_the_templates(filterset, data):
    form = filterset(data, queryset=Waarde.objects.none()).form
    form.renderer = Renderer()
    form.is_valid()
    ons, django = beide(form)
    assert ons == django
    assert all(html.startswith(("<select", "<input")) for html in ons)
