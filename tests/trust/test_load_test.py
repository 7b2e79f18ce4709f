"""The load test script runs end to end: gunicorn in production settings on PostgreSQL,
users reading and saving, and every confirmed save found back in the database. A short run
here (the real one, 20 users for 60 s, is in docs/performance.md)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_a_short_load_run_serves_without_errors_and_loses_no_save():
    if connection.vendor != "postgresql":
        pytest.skip("the load test runs against PostgreSQL (DATABASE_URL=postgres://…)")
    db = connection.settings_dict
    server = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/postgres"

    run = subprocess.run(
        [
            sys.executable,
            "benchmarks/load_test.py",
            "--users",
            "4",
            "--seconds",
            "3",
            "--workers",
            "2",
            "--port",
            "8766",
        ],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": server},
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "Server errors (5xx): **0**" in run.stdout
    confirmed = run.stdout.split("found in the database afterwards with the value sent: **")[1]
    found, _, total = confirmed.split("**")[0].partition(" of ")
    assert found == total and int(total) > 0
