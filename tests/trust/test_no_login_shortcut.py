"""No shortcut past the login page can reach a running site: not in code, not in settings."""

import ast
import os
import re
import subprocess
import sys

from django.conf import settings

from .project_files import ROOT, project_python_files

KNOWN_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "core.backends.ModelBackend",  # django.contrib.auth's, with a select_related
    # only for a provider's callback with a verified ID token (tests/aanmelden)
    "aanmelden.backends.OrganisatieBackend",
]

# Test-client helpers, bypass switches, header-trusting backends, "am I under test?" checks.
SHORTCUTS = re.compile(
    r"force_login|LOGIN_BYPASS|BYPASS_LOGIN|AUTH_BYPASS|BYPASS_AUTH|TEST_LOGIN|SKIP_LOGIN|"
    r"AUTO_LOGIN|DEMO_LOGIN|AllowAllUsersModelBackend|RemoteUser|login_not_required|"
    r"PYTEST_CURRENT_TEST|['\"]pytest['\"]\s+in\s+sys\.modules",
    re.IGNORECASE,
)
# The views that may be reached without a login, and why.
PUBLIC_VIEWS = {
    "core/health.py": "the load balancer's health endpoint",
    "paginas/views.py": "the footer's toegankelijkheidsverklaring, privacy and contact pages",
    "aanmelden/views.py": "signing in through the organisation's provider: start and callback",
    "api/urls.py": "the read API: answers 401 itself without a key or session (api/auth.py)",
    "api/views.py": "the API's documentation page, read from its public OpenAPI document",
    "termijnen/openbaar.py": "a user's calendar feed, behind the secret token in its URL",
}


def test_no_login_shortcut_in_the_project_code():
    found = []
    for path in project_python_files():
        relative = str(path.relative_to(ROOT))
        for number, line in enumerate(path.read_text().splitlines(), 1):
            match = SHORTCUTS.search(line)
            if not match:
                continue
            if match.group(0) == "login_not_required" and relative in PUBLIC_VIEWS:
                continue
            found.append(f"{relative}:{number}: {line.strip()}")
    assert found == []


def test_only_the_login_view_logs_anyone_in():
    """No code calls django.contrib.auth.login itself: that would skip authenticate()."""
    found = []
    for path in project_python_files():
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module == "django.contrib.auth"
                and any(alias.name in {"login", "alogin"} for alias in node.names)
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"login", "alogin"}
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "auth"
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_the_authentication_backends_are_the_known_ones():
    assert settings.AUTHENTICATION_BACKENDS == KNOWN_BACKENDS
    assert not any("RemoteUser" in middleware for middleware in settings.MIDDLEWARE)
    assert "django.contrib.auth.middleware.LoginRequiredMiddleware" in settings.MIDDLEWARE
    suspicious = [name for name in dir(settings) if re.search(r"BYPASS|TEST_LOGIN|SKIP_", name)]
    assert suspicious == []


def test_production_has_the_same_backends_and_middleware():
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY")}
    env.update(DEBUG="0", SECRET_KEY="x" * 60, ALLOWED_HOSTS="monitor.example.nl")
    code = (
        "from django.conf import settings as s; "
        "print(repr(s.AUTHENTICATION_BACKENDS)); print(repr(s.MIDDLEWARE))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    backends, middleware = (ast.literal_eval(line) for line in result.stdout.splitlines())
    assert backends == KNOWN_BACKENDS
    assert middleware == settings.MIDDLEWARE
