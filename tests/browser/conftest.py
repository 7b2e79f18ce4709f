"""Browser tests: Debian's chromium, driven by Playwright, against the app that `live_server`
serves from the test database. See docs/testing.md.

One browser for the whole package; a fresh context (cookies, downloads) per test. Chromium
comes from the system (`apt-get install chromium`, as .ci/run does), never from a download.
"""

import os
import shutil

import pytest
from django.db import connection, connections
from playwright.sync_api import expect

from .person import Person

CHROMIUM = shutil.which("chromium")
OPTIONAL = os.environ.get("PM_BROWSER_OPTIONAL") == "1"


@pytest.fixture(scope="package")
def chromium(django_db_setup, live_server):
    # The test database and the server come first: once Playwright runs, this thread has an
    # event loop (see below).
    if CHROMIUM is None:
        if OPTIONAL:
            pytest.skip("chromium ontbreekt en PM_BROWSER_OPTIONAL=1: browsertests overgeslagen")
        pytest.fail(
            "chromium ontbreekt: installeer het (apt-get install chromium), of zet "
            "PM_BROWSER_OPTIONAL=1 om de browsertests over te slaan",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread. Django then (1)
    # refuses database calls here, though the test's own calls are plain synchronous code,
    # and (2) keeps its connections per async context instead of per thread: the test gets
    # new connection objects to the same test database, which need the migrations' data
    # (the roles) that the serialized rollback restores after each test's flush.
    serialized = {
        c.alias: c._test_serialized_contents
        for c in connections.all()
        if hasattr(c, "_test_serialized_contents")
    }
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()
        connections.close_all()


@pytest.fixture
def page(chromium, live_server, django_db_serialized_rollback, brondata):
    """A page in a fresh browser context on the served app, with the source data loaded.

    The server needs committed data, so each test ends by emptying the database; what the
    migrations made is put back after it (tests/conftest.py, `pytest_runtest_teardown`).
    """
    if connection.vendor == "postgresql":
        # The planner's statistics are those of whatever earlier tests left (an empty database,
        # or ten times the data, rolled back): with them, some pages take seconds to plan badly.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    context = chromium.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        viewport={"width": 1280, "height": 900},
        accept_downloads=True,
    )
    # Generous: CI machines can be slow, and each PDF version is rendered in the request.
    context.set_default_timeout(30_000)
    expect.set_options(timeout=10_000)
    yield context.new_page()
    context.close()


@pytest.fixture(params=["muis", "toetsenbord"])
def person(request, page) -> Person:
    """Each journey twice: with the mouse, and with the keyboard alone."""
    return Person(page, keyboard_only=request.param == "toetsenbord")
