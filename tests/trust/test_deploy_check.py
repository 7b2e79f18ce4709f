"""The production configuration passes Django's deployment checklist without a warning."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Settings a developer's shell may carry that would weaken or change production defaults.
_CLEARED = (
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
)


def production_env(**overrides) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _CLEARED}
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="monitor.example.nl",
    )
    env.update(overrides)
    return env


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_settings_pass_check_deploy_at_warning_level():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_weakening_a_secure_default_fails_the_check():
    """The check above has teeth: switching HTTPS-only cookies off is reported."""
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=production_env(SESSION_COOKIE_SECURE="0", SECURE_HSTS_SECONDS="0"),
    )

    assert result.returncode != 0
    assert "security.W012" in result.stderr
    assert "security.W004" in result.stderr


def test_production_security_settings_have_their_secure_values():
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.X_FRAME_OPTIONS, s.SECURE_CONTENT_TYPE_NOSNIFF, s.SECURE_REFERRER_POLICY, "
        "s.SESSION_ENGINE, getattr(s, 'SECURE_PROXY_SSL_HEADER', None))"
    )
    plain = manage("shell", "-v", "0", "-c", code, env=production_env())
    proxied = manage(
        "shell", "-v", "0", "-c", code, env=production_env(PROXY_SSL_HEADER="X-Forwarded-Proto")
    )

    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.split() == [
        "True",
        "31536000",
        "True",
        "True",
        "True",
        "True",
        "DENY",
        "True",
        "same-origin",
        "django.contrib.sessions.backends.db",
        "None",
    ]
    assert proxied.stdout.strip().endswith("('HTTP_X_FORWARDED_PROTO', 'https')")
