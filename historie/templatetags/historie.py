from django import template

from historie.links import historie_url
from historie.views import mutaties_in_dossier
from historie.weergave import regels

register = template.Library()

LAATSTE = 5


@register.simple_tag
def historie_van(obj) -> str:
    return historie_url(obj)


@register.inclusion_tag("historie/partials/laatste.html", takes_context=True)
def laatste_wijzigingen(context, dossier):
    """The newest changes in a dossier, on its page, with a link to all of them."""
    # Figures have their own history, by the grid; here what changed in the dossier itself.
    mutaties = mutaties_in_dossier(dossier, context["request"].user).exclude(tabel="core.waarde")
    # Without the names of what they point to: a dossier page's queries stay fixed.
    return {"dossier": dossier, "regels": regels(list(mutaties[:LAATSTE]), met_namen=False)}
