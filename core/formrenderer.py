"""The form renderer (settings.FORM_RENDERER): Django's TemplatesSetting, with the two widgets
every list's filter form consists of, a select and a one-line input, written in Python.

Through templates a list's four filter widgets took about a millisecond, a tenth of the page
(docs/performance.md, "Where a list's time goes"); in Python a twentieth of that. The markup is
Django's own (widgets/select.html, input.html, attrs.html), character for character:
tests/core/test_formrenderer.py renders every kind both ways. Every other widget goes through
templates (templates/django/forms/ may override Django's).
"""

from django.forms.renderers import TemplatesSetting
from django.utils.formats import localize
from django.utils.html import conditional_escape

# Django's widgets whose template is only {% include "django/forms/widgets/input.html" %}.
_INVOER = {
    f"django/forms/widgets/{naam}.html"
    for naam in ("input", "text", "number", "email", "url", "password", "hidden", "search", "tel")
}
_SELECT = "django/forms/widgets/select.html"


def _s(waarde) -> str:
    """{{ waarde|stringformat:'s' }}"""
    return conditional_escape(str(waarde))


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html"""
    return "".join(
        f" {naam}" if waarde is True else f' {naam}="{_s(waarde)}"'
        for naam, waarde in attrs.items()
        if waarde is not False
    )


def invoer(widget: dict) -> str:
    waarde = "" if widget["value"] is None else f' value="{_s(widget["value"])}"'
    soort, naam = _s(widget["type"]), _s(widget["name"])
    return f'<input type="{soort}" name="{naam}"{waarde}{_attrs(widget["attrs"])}>'


def select(widget: dict) -> str:
    delen = [f'<select name="{_s(widget["name"])}"{_attrs(widget["attrs"])}>']
    for groep, opties, _ in widget["optgroups"]:
        if groep:
            delen.append(f'\n  <optgroup label="{conditional_escape(localize(groep))}">')
        delen.extend(
            f'\n  <option value="{_s(optie["value"])}"{_attrs(optie["attrs"])}>'
            f"{conditional_escape(localize(optie['label']))}</option>\n"
            for optie in opties
        )
        if groep:
            delen.append("\n  </optgroup>")
    delen.append("\n</select>")
    return "".join(delen)


class Renderer(TemplatesSetting):
    def render(self, template_name, context, request=None):
        if template_name in _INVOER:
            return invoer(context["widget"])
        if template_name == _SELECT:
            return select(context["widget"])
        return super().render(template_name, context, request)
