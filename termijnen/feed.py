"""A user's due dates as an iCalendar feed (RFC 5545), made with the `icalendar` library:
one all-day event per due date they act on (a dossier's termijn, a project's report), with a
link to where to act."""

import datetime

from django.conf import settings
from icalendar import Calendar, Event

from .openstaand import rapportage_omschrijving, rapportages_van, termijnen_van, url_van


def kalender(user, nu: datetime.datetime) -> bytes:
    agenda = Calendar()
    agenda.add("prodid", "-//Prestatiemonitor//termijnen//NL")
    agenda.add("version", "2.0")
    agenda.add("x-wr-calname", "Prestatiemonitor: termijnen")
    basis = settings.SITE_URL.rstrip("/")
    for termijn in termijnen_van(user):
        afgerond = " (afgerond)" if termijn.afgerond_op else ""
        link = basis + url_van(termijn, user.organisatie)
        uid = f"termijn-{termijn.pk}-{user.pk}"
        wat = termijn.omschrijving
        agenda.add_component(_dag(uid, nu, termijn.datum, wat, afgerond, termijn.dossier, link))
    for rapportage in rapportages_van(user):
        ontvangen = " (ontvangen)" if rapportage.ontvangen_op else ""
        project = rapportage.project
        link = basis + project.get_absolute_url()
        uid = f"rapportage-{rapportage.pk}-{user.pk}"
        wat = rapportage_omschrijving(rapportage)
        agenda.add_component(_dag(uid, nu, rapportage.venster_eind, wat, ontvangen, project, link))
    return agenda.to_ical()


def _dag(uid, nu, datum, wat, klaar, dossier, link) -> Event:
    """One all-day event: `wat` to do by `datum`; `klaar`: " (afgerond)" when done."""
    event = Event()
    event.add("uid", f"{uid}@prestatiemonitor")
    event.add("dtstamp", nu)
    event.add("dtstart", datum)
    event.add("dtend", datum + datetime.timedelta(days=1))
    event.add("summary", f"{wat}{klaar} – {dossier.naam}")
    event.add("description", f"Uiterlijk op deze dag: {wat}. {link}")
    event.add("url", link)
    return event
