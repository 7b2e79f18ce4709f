"""Every page names its icon, so browsers do not ask for a /favicon.ico that is not there."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.urls import reverse


def test_every_page_names_an_icon_that_exists(client, db):  # the login page reads its Site
    html = client.get(reverse("login")).content.decode()

    icoon = re.search(r'<link rel="icon" href="/static/([^"]+)" type="image/svg\+xml">', html)
    assert icoon, "the login page (and so base.html) names no icon"
    bestand = finders.find(icoon.group(1))
    assert bestand and Path(bestand).read_text().startswith("<svg")
