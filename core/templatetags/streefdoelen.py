"""A target in words in a template: `{{ voortgang.doel|doeltekst }}`, `{{ voortgang|stand }}`,
`{{ voortgang.doel|doelcontext }}` (see core.doeltekst)."""

from django import template

from core.doeltekst import context_tekst, doel_tekst, stand_tekst

register = template.Library()


@register.filter
def doeltekst(doel) -> str:
    return doel_tekst(doel) if doel else ""


@register.filter
def stand(voortgang) -> str:
    return "; ".join(stand_tekst(voortgang)) if voortgang else ""


@register.filter
def doelcontext(doel) -> str:
    return "; ".join(context_tekst(doel)) if doel else ""
