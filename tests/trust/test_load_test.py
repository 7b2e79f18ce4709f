"""The load test script runs end to end: gunicorn in production settings on PostgreSQL,
users reading and saving, and every confirmed save found back in the database. A short run
here (the real one, 20 users for 60 s, is in docs/performance.md)."""

import importlib.util
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("load_test", ROOT / "benchmarks" / "load_test.py")
load_test = importlib.util.module_from_spec(spec)
spec.loader.exec_module(load_test)


def a_run(**kwargs):
    run = load_test.Run(port=1, seconds=1, budget=10)
    for name, value in kwargs.items():
        setattr(run, name, value)
    return run


def test_a_run_that_served_requests_without_errors_passes():
    assert load_test.verdict(a_run(statuses={200: 40, 302: 10}), missing=[]) == []


def test_a_run_that_served_nothing_fails():
    assert load_test.verdict(a_run(), missing=[]) == ["no request was served"]


def test_a_run_that_left_a_stored_status_wrong_fails():
    run = a_run(statuses={200: 40, 302: 10})

    assert load_test.verdict(run, missing=[], stale=[17]) == [
        "stored statuses that differ from those computed now: figures [17]"
    ]


def test_a_run_in_which_a_user_crashed_fails():
    run = a_run(statuses={200: 40}, crashed=["lezer00: RuntimeError('login answered 403')"])

    assert load_test.verdict(run, missing=[]) == [
        "1 simulated users crashed: lezer00: RuntimeError('login answered 403')"
    ]


def test_a_crashed_user_is_recorded_and_releases_the_others_from_the_start():
    run = a_run()
    run.start = threading.Barrier(2)

    def crash(username):
        raise RuntimeError(f"login of {username} answered 403")

    waiting = threading.Thread(target=run.user, args=(lambda _: run.start.wait(), "lezer01"))
    waiting.start()
    run.user(crash, "lezer00")
    waiting.join(timeout=5)

    assert not waiting.is_alive()
    assert run.crashed[0] == "lezer00: RuntimeError('login of lezer00 answered 403')"
    assert len(run.crashed) == 2 and run.crashed[1].startswith("lezer01: BrokenBarrierError")


def test_the_port_is_free_and_the_database_name_unique():
    port = load_test.free_port()
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", port))  # nobody holds it
    names = {load_test.database_name() for _ in range(20)}

    assert len(names) == 20
    assert all(name.startswith(f"pm_load_test_{os.getpid()}_") for name in names)
    assert all(name.replace("_", "").isalnum() and name.islower() for name in names)


class HealthyStranger(BaseHTTPRequestHandler):
    """Another server on the port: healthy, but it knows none of the run's users."""

    def do_GET(self):
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def test_a_health_answer_from_another_server_is_not_trusted():
    stranger = HTTPServer(("127.0.0.1", 0), HealthyStranger)
    threading.Thread(target=stranger.serve_forever, daemon=True).start()
    our_server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        with pytest.raises(load_test.ServerDidNotStart, match="is not this run's"):
            load_test.wait_for_own_server(our_server, stranger.server_port, "lezer00")
    finally:
        our_server.kill()
        our_server.wait()
        stranger.shutdown()


def test_a_server_that_exited_did_not_start():
    exited = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    exited.wait()

    with pytest.raises(load_test.ServerDidNotStart, match="exited with status 3"):
        load_test.wait_for_own_server(exited, load_test.free_port(), "lezer00")


def test_nothing_answering_is_a_server_that_did_not_start():
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        with pytest.raises(load_test.ServerDidNotStart, match="nothing answered"):
            load_test.wait_for_own_server(alive, load_test.free_port(), "lezer00", tries=3)
    finally:
        alive.kill()
        alive.wait()


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
        ],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": server},
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "Server errors (5xx): **0**" in run.stdout
    assert "Stored statuses that differ from those computed afterwards: **0**." in run.stdout
    confirmed = run.stdout.split("found in the database afterwards with the value sent: **")[1]
    found, _, total = confirmed.split("**")[0].partition(" of ")
    assert found == total and int(total) > 0
    database = run.stdout.split("Load test database: ")[1].split(";")[0]
    assert database.startswith("pm_load_test_")
    with connection.cursor() as cursor:  # the run dropped its database
        cursor.execute("SELECT count(*) FROM pg_database WHERE datname = %s", [database])
        assert cursor.fetchone()[0] == 0
