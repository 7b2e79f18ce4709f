"""Cursor pagination by primary key, with `next` and `prev` links (NL API Design Rules).

A page is the rows after (`na`) or before (`voor`) a key, one more than asked to know whether
another page follows: no count, no OFFSET, so the hundredth page costs what the first does,
whatever the number of rows a BI tool pages through."""

from django.http import QueryDict

# A BI tool that pages through everything asks the maximum: each request pays a fixed cost
# (the request, building the cells' query), spread over more rows (docs/performance.md).
STANDAARD, MAXIMUM = 100, 1000


def pagina(request, rijen, *, per_pagina: int, na: int | None, voor: int | None) -> dict:
    """`rijen`: a queryset (of models or `values()` with `pk`). Returns `_links` and the
    page's rows, in the order of their keys."""
    if voor is not None:
        stuk = list(rijen.filter(pk__lt=voor).order_by("-pk")[: per_pagina + 1])
        vorige = len(stuk) > per_pagina
        stuk = stuk[:per_pagina][::-1]
        volgende = True
    else:
        gefilterd = rijen.filter(pk__gt=na) if na is not None else rijen
        stuk = list(gefilterd.order_by("pk")[: per_pagina + 1])
        volgende = len(stuk) > per_pagina
        stuk = stuk[:per_pagina]
        vorige = na is not None
    sleutels = [_pk(rij) for rij in stuk]
    links = {
        "self": {"href": request.build_absolute_uri()},
        "next": _link(request, na=sleutels[-1]) if volgende and sleutels else None,
        "prev": _link(request, voor=sleutels[0]) if vorige and sleutels else None,
    }
    return {"_links": links, "resultaten": stuk}


def _pk(rij) -> int:
    return rij["pk"] if isinstance(rij, dict) else rij.pk


def _link(request, **cursor) -> dict:
    query: QueryDict = request.GET.copy()
    query.pop("na", None)
    query.pop("voor", None)
    query.update(cursor)
    return {"href": request.build_absolute_uri(f"{request.path}?{query.urlencode()}")}
