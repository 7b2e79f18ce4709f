"""A user's due dates as an iCalendar feed (RFC 5545), made with the `icalendar` library:
one all-day event per due date they act on, with a link to where to act."""

import datetime

from django.conf import settings
from icalendar import Calendar, Event

from .openstaand import termijnen_van, url_van


def kalender(user, nu: datetime.datetime) -> bytes:
    agenda = Calendar()
    agenda.add("prodid", "-//Prestatiemonitor//termijnen//NL")
    agenda.add("version", "2.0")
    agenda.add("x-wr-calname", "Prestatiemonitor: termijnen")
    basis = settings.SITE_URL.rstrip("/")
    for termijn in termijnen_van(user):
        event = Event()
        event.add("uid", f"termijn-{termijn.pk}-{user.pk}@prestatiemonitor")
        event.add("dtstamp", nu)
        event.add("dtstart", termijn.datum)
        event.add("dtend", termijn.datum + datetime.timedelta(days=1))
        afgerond = " (afgerond)" if termijn.afgerond_op else ""
        event.add("summary", f"{termijn.omschrijving}{afgerond} – {termijn.dossier.naam}")
        link = basis + url_van(termijn, user.organisatie)
        event.add("description", f"Uiterlijk op deze dag: {termijn.omschrijving}. {link}")
        event.add("url", link)
        agenda.add_component(event)
    return agenda.to_ical()
