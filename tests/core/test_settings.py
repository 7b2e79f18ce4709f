import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from core.services import create_demo_accounts

ROOT = Path(__file__).resolve().parents[2]


def _check(env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _check({"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY ontbreekt" in result.stderr


def test_production_starts_with_a_secret_key():
    assert _check({"DEBUG": "0", "SECRET_KEY": "x" * 50}).returncode == 0


def test_demo_accounts_are_refused_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(ImproperlyConfigured, match=r"alleen .* met DEBUG aan"):
        create_demo_accounts()
