"""The request every page pays, as a floor (benchmarks/scale.py, docs/performance.md).

A list's raw SQL takes half a millisecond; the same request through Django takes several, most
of it for what any page pays: the session and the user, the middleware (CSRF, CSP, axes, the
history context), and for a page the base template with its menu. Two empty answers, for the
reader of the page measured, through the same middleware:

- `kaal`: an empty response, the request cycle alone (added to a dashboard's floor, whose
  template, base included, is timed with it already);
- `leeg`: the base template with an empty content block (added to a list's raw SQL).

Used as the URLconf of the benchmark's process only (`ROOT_URLCONF`), in front of the site's
own URLs, so that nothing of it is reachable in the product.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path


@login_required
def kaal(request):
    return HttpResponse(b"")


@login_required
def leeg(request):
    return render(request, "base.html")


KAAL, LEEG = "/_vloer/kaal/", "/_vloer/leeg/"

urlpatterns = [
    path(KAAL.strip("/") + "/", kaal),
    path(LEEG.strip("/") + "/", leeg),
    path("", include("config.urls")),
]
