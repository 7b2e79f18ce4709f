"""The health endpoint a load balancer polls: is this app server able to reach its database?"""

import logging

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@login_not_required
@never_cache
@require_safe
def gezondheid(request):
    """200 {"status": "ok"} after a `SELECT 1`; 503 with a Dutch message when that fails."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Gezondheidscontrole: de database is niet bereikbaar.")
        return JsonResponse(
            {"status": "fout", "melding": "De database is niet bereikbaar."}, status=503
        )
    return JsonResponse({"status": "ok"})
