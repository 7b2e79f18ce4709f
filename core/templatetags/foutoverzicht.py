"""The links of an error summary (templates/partials/formulierfout.html): one per field in
error, to the field's id, for a form or a formset."""

from django import template

register = template.Library()


@register.filter
def foutlinks(form) -> list[tuple[str, str, str]]:
    """(id of the field, its label, its first error) for each field in error."""
    formulieren = getattr(form, "forms", None)
    if formulieren is None:
        return _links(form, "")
    links = []
    for nummer, formulier in enumerate(formulieren, start=1):
        links += _links(formulier, f", rij {nummer}")
    return links


def _links(form, rij: str) -> list[tuple[str, str, str]]:
    links = []
    for veld in form:
        if veld.errors and not veld.is_hidden:
            label = veld.label or veld.name
            links.append((veld.id_for_label, f"{label}{rij}", veld.errors[0]))
    return links
