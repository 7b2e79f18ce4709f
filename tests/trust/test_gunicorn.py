"""The app runs under gunicorn with several workers, configured from the environment.

Starts gunicorn.conf.py for real on a free loopback port (production settings, a migrated
SQLite file), asks the health endpoint and the login page, and stops it. Every wait has a
time limit and the server is killed in `finally`, so a broken start fails instead of hanging.
"""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from .project_files import ROOT

START_TIMEOUT = 15


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, headers=None):
    """(status, headers, body) without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=5) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def run(args, env):
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_gunicorn_serves_health_and_login_with_two_workers(tmp_path):
    port = free_port()
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DEBUG", "SECURE_", "GUNICORN_"))
    }
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        PROXY_SSL_HEADER="X-Forwarded-Proto",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="2",
        GUNICORN_TIMEOUT="20",
    )
    # Prepare the database and the hashed static files side by side (admin's are not needed).
    preparing = [
        run(["migrate", "--noinput"], env),
        run(["collectstatic", "--noinput", "-i", "admin"], env),
    ]
    for process in preparing:
        output, _ = process.communicate(timeout=180)  # a loaded CI machine
        assert process.returncode == 0, output

    log = tmp_path / "gunicorn.log"
    with log.open("w") as log_file:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn"],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        health = None
        while time.monotonic() < deadline:
            assert server.poll() is None, log.read_text()
            try:
                health = fetch(f"{base}/gezondheid/")
                break
            except OSError:
                time.sleep(0.2)
        assert health is not None, "gunicorn did not answer in time:\n" + log.read_text()

        status, _, body = health
        assert (status, body) == (200, '{"status": "ok"}')

        # Over plain HTTP the login page is redirected to HTTPS,
        status, headers, _ = fetch(f"{base}/inloggen/")
        assert status == 301
        assert headers["Location"] == f"https://127.0.0.1:{port}/inloggen/"
        # and behind the TLS-ending proxy it is served, with the security headers.
        status, headers, body = fetch(f"{base}/inloggen/", {"X-Forwarded-Proto": "https"})
        assert status == 200, body
        assert '<h1 class="utrecht-heading-1">Inloggen</h1>' in body
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
        assert "Secure" in headers["Set-Cookie"]  # the CSRF cookie of the login form

        # Two workers were started by one master.
        deadline = time.monotonic() + 5
        while log.read_text().count("Booting worker") < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert log.read_text().count("Booting worker") == 2, log.read_text()
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=5)
