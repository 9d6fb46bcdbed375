"""iCalendar files: one session as a download, or a person's whole feed. Titles, times and links
only; never descriptions, notes or anything a person wrote."""

from django.utils import timezone
from icalendar import Calendar, Event

from tend.live.models import LiveSession

PRODID = "-//Tend//Live sessions//EN"


def _event(session: LiveSession, page_url: str) -> Event:
    event = Event()
    event.add("uid", session.uid)
    event.add("sequence", session.sequence)
    event.add("dtstamp", session.updated_at or timezone.now())
    event.add("dtstart", session.starts_at.astimezone(timezone.UTC))
    event.add("dtend", session.ends_at.astimezone(timezone.UTC))
    event.add("summary", session.title)
    event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
    if session.meeting_url and not session.is_cancelled:
        event.add("location", session.meeting_url)
    event.add("url", page_url)
    return event


def build_calendar(sessions, page_url, name: str = "Tend live sessions") -> bytes:
    """`page_url(session)` gives the absolute address of the session's page in Tend."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for session in sessions:
        calendar.add_component(_event(session, page_url(session)))
    return calendar.to_ical()
