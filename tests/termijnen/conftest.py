"""The termijnen tests' mail server (a real SMTP server on the loopback, aiosmtpd) and a
cycle whose users have addresses."""

import email
import socket
from email import policy

import pytest
from aiosmtpd.controller import Controller


class Postbus:
    def __init__(self):
        self.berichten = []

    async def handle_DATA(self, server, session, envelope):
        bericht = email.message_from_bytes(envelope.content, policy=policy.default)
        self.berichten.append((envelope.rcpt_tos, bericht))
        return "250 OK"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(settings):
    postbus = Postbus()
    controller = Controller(postbus, hostname="127.0.0.1", port=vrije_poort())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = False
    settings.SITE_URL = "https://monitor.example"
    yield postbus
    controller.stop()


@pytest.fixture
def cyclus(termijnafspraak, user_factory):
    from core.models import Rol

    t = termijnafspraak
    for gebruiker in (t.coordinator, t.beleid_gemeente, t.beleid_corporatie, t.beleid_huurders):
        gebruiker.email = f"{gebruiker.username}@example.org"
        gebruiker.save()
    t.buiten = user_factory("elders-beleid", t.ander.penvoerder, Rol.BELEIDSMEDEWERKER)
    t.buiten.email = "elders@example.org"
    t.buiten.save()
    return t
