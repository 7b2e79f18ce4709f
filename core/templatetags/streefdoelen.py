"""`{{ doel|beschrijf }}`: a target in words, the same on every page (core.doeltekst)."""

from django import template

from core.doeltekst import beschrijf as _beschrijf
from core.streefdoel import Streefdoel

register = template.Library()


@register.filter
def beschrijf(doel) -> str:
    return _beschrijf(doel) if isinstance(doel, Streefdoel) else ""
