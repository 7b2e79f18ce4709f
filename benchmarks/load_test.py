"""A bounded load test on loopback: gunicorn and PostgreSQL, 20 users for 60 seconds.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python benchmarks/load_test.py [--users 20] [--seconds 60] [--write-docs]

It makes a fresh database on that server (`pm_load_test_<pid>_<random>`, dropped at the end,
also when the run fails) and picks a free port, so two runs never share either. It loads the
source documents,
adds a test agreement of ten corporations, and serves the app with gunicorn in production
settings (DEBUG off, behind a "proxy" that says https, as a load balancer would). Half the
simulated users are bestuurders reading dashboards and lists; the other half are
beleidsmedewerkers who each save their own corporation's grid over and over, the way the
page does it (CSRF token, versions). The run stops after the time or the request budget.

Afterwards it checks, in the database, that every save the server confirmed (302) holds the
value it sent and left a history row. With --write-docs the result goes into
docs/performance.md. Exit status 1 on any server error, any confirmed save not found, no
request served, any simulated user that crashed, or a server that did not start: the health
check trusts only the server it started (still running, and letting one of this run's users,
whose password exists only in this run's database, log in).
"""

import argparse
import http.client
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = secrets.token_urlsafe(12)
YEARS = range(2020, 2031)
READ_PAGES = [
    "/",
    "/dashboards/maastricht-2015/",
    "/dashboards/regio-deal-groningen-noord-ii/",
    "/dashboards/sociaal-vitaal-in-kleine-kernen/",
    "/dashboards/maastricht-2015/vergelijking/",
    "/cijfers/",
    "/afspraken/",
    "/regiodeals/",
    "/regiodeals/tranches/6/",
    "/projecten/",
]
MARKERS = ("<!-- load-test:begin -->", "<!-- load-test:end -->")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--write-docs", action="store_true")
    args = parser.parse_args()

    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not server.startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL server: the load test runs on PostgreSQL.")
    args.port = args.port or free_port()
    database = database_name()
    database_url = server.rsplit("/", 1)[0] + f"/{database}"
    create_database(server, database)
    print(f"Load test database: {database}; port: {args.port}", flush=True)
    try:
        return load_run(args, database_url)
    except ServerDidNotStart as error:
        print(f"FAILED: {error}", file=sys.stderr)
        return 1
    finally:
        drop_database(server, database)


def load_run(args, database_url: str) -> int:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "config.settings"}
    prepare(env, args.users)
    writers, readers = users(args.users)

    gunicorn = start_gunicorn(env, args.port, args.workers, readers[0])
    try:
        run = Run(port=args.port, seconds=args.seconds, budget=args.max_requests)
        run.start = threading.Barrier(len(writers) + len(readers), action=run.start_clock)
        threads = [threading.Thread(target=run.user, args=(run.writer, n)) for n in writers]
        threads += [threading.Thread(target=run.user, args=(run.reader, n)) for n in readers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - (run.started or time.monotonic())
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)

    missing, history, stale = verify(env, run.confirmed)
    report = run.report(max(elapsed, 0.001), args, missing, history, stale)
    print(report)
    reasons = verdict(run, missing, stale)
    for reason in reasons:
        print(f"FAILED: {reason}", file=sys.stderr)
    if args.write_docs and not reasons:
        write_docs(report)
    return 1 if reasons else 0


def verdict(run: "Run", missing: list[str], stale: list[int] = ()) -> list[str]:
    """Why the run failed; empty when it passed. A run that served nothing never passes."""
    reasons = []
    if not sum(run.statuses.values()):
        reasons.append("no request was served")
    if run.crashed:
        reasons.append(f"{len(run.crashed)} simulated users crashed: {run.crashed[0]}")
    if run.server_errors:
        reasons.append(f"{run.server_errors} server errors (5xx)")
    if run.failures:
        reasons.append(f"{len(run.failures)} failed or unexpected answers")
    if missing:
        reasons.append(f"{len(missing)} confirmed saves not found in the database")
    if stale:
        reasons.append(f"stored statuses that differ from those computed now: figures {stale}")
    return reasons


def free_port() -> int:
    """A port nobody listens on now: the system picks it when binding port 0."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_name() -> str:
    """A name no other run uses: this process's id and a random suffix."""
    return f"pm_load_test_{os.getpid()}_{secrets.token_hex(4)}"


def create_database(server: str, database: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {database}")


def drop_database(server: str, database: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env: dict, users: int) -> None:
    """Migrate, load the sources and add the test agreement and its users."""
    setup_env = {**env, "DEBUG": "1"}
    manage(setup_env, "migrate", "--noinput", "-v0")
    manage(setup_env, "laad_brondata", "-v0")
    code = SETUP.format(password=PASSWORD, years=(YEARS.start, YEARS.stop - 1), users=users)
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=setup_env, check=True
    )


SETUP = """
from datetime import date
from afspraken.models import Afspraak
from core.models import Indicator, Organisatie, Rol, User
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

maastricht = Organisatie.objects.get(slug="gemeente-maastricht")
afspraak = Afspraak.objects.create(
    titel="Belastingtest", slug="belastingtest", penvoerder=maastricht,
    soort_afspraak="prestatieafspraken",
    startdatum=date({years[0]}, 1, 1), einddatum=date({years[1]}, 12, 31),
)
for i in range(10):
    Indicator.objects.create(
        dossier=afspraak, code=f"item-{{i}}", naam=f"Item {{i}}", eenheid="aantal",
        uitsplitsing=Indicator.Uitsplitsing.ORGANISATIE,
    )
wachtwoord = make_password("{password}")  # hashed once for all users
groepen = {{rol: Group.objects.get(name=rol.value) for rol in Rol}}
for i in range({users}):
    corporatie = Organisatie.objects.create(
        naam=f"Belastingcorporatie {{i:02}}", slug=f"belasting-{{i:02}}",
        soort=Organisatie.Soort.WONINGCORPORATIE,
    )
    afspraak.partijen.create(organisatie=corporatie, rol="partij")
    for naam, organisatie, rol in [(f"schrijver{{i:02}}", corporatie, Rol.BELEIDSMEDEWERKER),
                                   (f"lezer{{i:02}}", maastricht, Rol.BESTUURDER)]:
        gebruiker = User.objects.create(username=naam, password=wachtwoord,
                                        organisatie=organisatie)
        gebruiker.groups.add(groepen[rol])
"""


def users(count: int) -> tuple[list[str], list[str]]:
    writers = count // 2
    return [f"schrijver{i:02}" for i in range(writers)], [
        f"lezer{i:02}" for i in range(count - writers)
    ]


class ServerDidNotStart(Exception):
    """The server this run started did not answer, or another server answered in its place."""


def start_gunicorn(env: dict, port: int, workers: int, username: str) -> subprocess.Popen:
    server_env = {
        **env,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_ACCESSLOG": "",
        "GUNICORN_FORWARDED_ALLOW_IPS": "127.0.0.1",
        "PROXY_SSL_HEADER": "X-Forwarded-Proto",
        "STATIC_ROOT": str(ROOT / "staticfiles"),
    }
    manage(server_env, "collectstatic", "--noinput", "-v0")
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn")], cwd=ROOT, env=server_env
    )
    try:
        wait_for_own_server(process, port, username)
    except ServerDidNotStart:
        process.terminate()
        process.wait(timeout=30)
        raise
    return process


def wait_for_own_server(process, port: int, username: str, tries: int = 100) -> None:
    """Wait until the server answers, and make sure it is the one this run started.

    Another server on the port could answer the health check; it cannot be our process
    (still running) that lets one of this run's users log in with this run's password.
    """
    for _ in range(tries):
        if process.poll() is not None:
            raise ServerDidNotStart(f"gunicorn exited with status {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/gezondheid/")
            healthy = connection.getresponse().status == 200
        except OSError:
            healthy = False
        if healthy:
            break
        time.sleep(0.2)
    else:
        raise ServerDidNotStart(f"nothing answered /gezondheid/ on port {port}")
    try:
        Browser(port).login(username)
    except (RuntimeError, AttributeError, http.client.HTTPException, OSError) as error:
        raise ServerDidNotStart(
            f"the server on port {port} is not this run's: logging in as {username} "
            f"failed ({error})"
        ) from error
    if process.poll() is not None:
        raise ServerDidNotStart(f"gunicorn exited with status {process.returncode}")


class Browser:
    """One user's connection: cookies kept by hand (they are Secure: the proxy says https)."""

    def __init__(self, port: int):
        self.port = port
        self.host = f"127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str, data: dict | None = None):
        headers = {
            "Host": self.host,
            "X-Forwarded-Proto": "https",
            "Referer": f"https://{self.host}{path}",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (http.client.HTTPException, OSError):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            raise
        content = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, content, response.getheader("Location", "")

    def login(self, username: str) -> None:
        _, page, _ = self.request("GET", "/inloggen/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, _, _ = self.request(
            "POST",
            "/inloggen/",
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
        if status != 302:
            raise RuntimeError(f"login of {username} answered {status}")


@dataclass
class Run:
    """The simulated users, who log in first; the clock starts when all of them have."""

    port: int
    seconds: float
    budget: int
    started: float = 0.0
    deadline: float = 0.0
    start: threading.Barrier | None = None
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"read": [], "write": []})
    statuses: dict[int, int] = field(default_factory=dict)
    server_errors: int = 0
    failures: list[str] = field(default_factory=list)
    crashed: list[str] = field(default_factory=list)
    conflicts: int = 0
    confirmed: dict[tuple[str, int, str], int] = field(default_factory=dict)
    confirmed_saves: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def start_clock(self) -> None:
        self.started = time.monotonic()
        self.deadline = self.started + self.seconds

    def go_on(self) -> bool:
        with self.lock:
            return time.monotonic() < self.deadline and sum(self.statuses.values()) < self.budget

    def timed(self, kind: str, browser: Browser, method: str, path: str, data=None):
        started = time.perf_counter()
        try:
            result = browser.request(method, path, data)
        except (http.client.HTTPException, OSError) as error:
            with self.lock:
                self.failures.append(f"{method} {path}: {error!r}")
            return None
        with self.lock:
            self.latencies[kind].append(time.perf_counter() - started)
            self.statuses[result[0]] = self.statuses.get(result[0], 0) + 1
            if result[0] >= 500:
                self.server_errors += 1
        return result

    def user(self, behaviour, username: str) -> None:
        """One simulated user; a crash is recorded and releases the others from the start."""
        try:
            behaviour(username)
        except Exception as error:  # every crash counts against the run
            with self.lock:
                self.crashed.append(f"{username}: {error!r}")
            if self.start is not None:
                self.start.abort()

    def reader(self, username: str) -> None:
        browser = Browser(self.port)
        browser.login(username)
        self.start.wait()
        rng = random.Random(username)
        while self.go_on():
            path = rng.choice(READ_PAGES)
            result = self.timed("read", browser, "GET", path)
            if result and result[0] != 200:
                with self.lock:
                    self.failures.append(f"{username} GET {path}: {result[0]}")

    def writer(self, username: str) -> None:
        browser = Browser(self.port)
        browser.login(username)
        self.start.wait()
        rng = random.Random(username)
        while self.go_on():
            year = rng.choice(YEARS)
            path = f"/dossiers/belastingtest/invoer/{year}/realisatie/"
            result = self.timed("read", browser, "GET", path)
            if not result or result[0] != 200:
                continue
            page = result[1]
            form = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
            fields = re.findall(r'name="(waarde_[^"]+)"', page)
            values = {name: rng.randint(0, 10_000) for name in fields}
            form |= {name: str(value) for name, value in values.items()}
            form |= {name.replace("waarde_", "toelichting_"): "" for name in fields}
            saved = self.timed("write", browser, "POST", path, form)
            if saved is None:
                continue
            with self.lock:
                if saved[0] == 302:
                    self.confirmed_saves += 1
                    for name, value in values.items():
                        self.confirmed[(username, year, name)] = value
                elif saved[0] == 409:
                    self.conflicts += 1
                else:
                    self.failures.append(f"{username} POST {path}: {saved[0]}")

    def report(self, elapsed: float, args, missing: list[str], history: int, stale=()) -> str:
        rows = []
        for kind in ("read", "write"):
            times = sorted(self.latencies[kind])
            if times:
                rows.append(
                    f"| {'reads (GET)' if kind == 'read' else 'saves (POST)'} | {len(times)} | "
                    + " | ".join(f"{percentile(times, p) * 1000:.0f} ms" for p in (50, 90, 95, 99))
                    + f" | {max(times) * 1000:.0f} ms |"
                )
        total = sum(self.statuses.values())
        statuses = ", ".join(
            f"{status}: {count}" for status, count in sorted(self.statuses.items())
        )
        return "\n".join(
            [
                f"Run of {date.today():%d-%m-%Y}: {args.users} users ({args.users // 2} writing, "
                f"{args.users - args.users // 2} reading) for {elapsed:.0f} s against gunicorn "
                f"with {args.workers} workers and PostgreSQL, all on one machine (loopback).",
                "",
                "| requests | count | p50 | p90 | p95 | p99 | max |",
                "|---|---|---|---|---|---|---|",
                *rows,
                "",
                f"- Requests served: **{total}** ({total / elapsed:.1f} per second); "
                f"status codes: {statuses}.",
                f"- Server errors (5xx): **{self.server_errors}**; failed or unexpected "
                f"answers: **{len(self.failures)}**; conflicts (409): {self.conflicts}; "
                f"simulated users crashed: **{len(self.crashed)}**.",
                f"- Confirmed saves: **{self.confirmed_saves}**, covering "
                f"{len(self.confirmed)} figures; found in the database afterwards with the "
                f"value sent: **{len(self.confirmed) - len(missing)} of {len(self.confirmed)}**; "
                f"history rows written by the saves: {history}.",
                f"- Stored statuses that differ from those computed afterwards: **{len(stale)}**"
                + (" (of the first five looked at)." if stale else "."),
            ]
            + [f"  - not found: {m}" for m in missing[:10]]
            + [f"  - failure: {f}" for f in self.failures[:10]]
            + [f"  - crashed: {c}" for c in self.crashed[:10]]
        )


def percentile(sorted_times: list[float], p: int) -> float:
    if len(sorted_times) == 1:
        return sorted_times[0]
    return statistics.quantiles(sorted_times, n=100, method="inclusive")[p - 1]


def verify(env: dict, confirmed: dict) -> tuple[list[str], int, list[int]]:
    """Every confirmed figure, read back from the database; the history of the saves; the
    figures whose stored status the concurrent saves left wrong (`core.opgeslagen_status`)."""
    os.environ.update(DATABASE_URL=env["DATABASE_URL"], DJANGO_SETTINGS_MODULE="config.settings")
    os.environ.setdefault("DEBUG", "1")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from core.models import Waarde
    from core.opgeslagen_status import eerste_afwijkingen
    from historie.models import Mutatie

    stored = {
        (f"schrijver{org[-2:]}", jaar, f"waarde_{indicator}_{organisatie}"): int(waarde)
        for indicator, organisatie, org, jaar, waarde in Waarde.objects.filter(
            indicator__dossier__slug="belastingtest", soort="realisatie"
        ).values_list("indicator_id", "organisatie_id", "organisatie__slug", "jaar", "waarde")
    }
    missing = [
        f"{key}: sent {value}, stored {stored.get(key)}"
        for key, value in confirmed.items()
        if stored.get(key) != value
    ]
    history = Mutatie.objects.filter(
        tabel="core.waarde", bron="scherm", gebruiker__username__startswith="schrijver"
    ).count()
    return missing, history, eerste_afwijkingen()


def write_docs(report: str) -> None:
    path = ROOT / "docs" / "performance.md"
    text = path.read_text()
    begin, end = MARKERS
    block = f"{begin}\n{report}\n{end}"
    if begin in text:
        text = re.sub(f"{re.escape(begin)}.*?{re.escape(end)}", lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n## Load test\n\n" + block + "\n"
    path.write_text(text)


if __name__ == "__main__":
    sys.exit(main())
