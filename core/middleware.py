"""Response headers for pages that belong to one logged-in user."""

from django.utils.cache import patch_cache_control


class PrivatePagesMiddleware:
    """`Cache-Control: private, no-store` on every response for a logged-in user.

    Only added: a stricter header a view set (e.g. `never_cache`) keeps its directives, and
    `public` gives way to `private`. Downloads (reports, exports) count as pages. A response
    that never read the session (the health check, static files) cannot be a user's own and
    is left alone, so a failing database is not asked for the user once more.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and session.accessed and user and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
