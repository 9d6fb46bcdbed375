"""TEST ONLY: a deliberately UNSAFE WSGI entry point, the crash harness's negative control.

Never deploy this. It weakens durability at the application level so that the crash harness
(tend.testing.crash_harness) can prove it is able to fail: an autosave POST is acknowledged at
once with the version it *would* get ("saved", base_version + 1), and the real request is handed
to the real Django application in a background thread a little later (write-behind). A SIGKILL
of the gunicorn process group in that window loses saves the client was told were saved.

Every other request goes straight to the real application (`tend.wsgi.application`).

Deferred writes keep their order across gunicorn workers: each waits (bounded) until the entry
has reached the version its save was based on. A write whose predecessor was lost (the version
stops moving) gives up waiting and goes through the real view anyway, which stores it as a
ConflictCopy. Without crashes every acknowledged save does reach the database, a little later.
"""

import io
import json
import os
import re
import threading
import time
from urllib.parse import parse_qs

from tend.wsgi import application as django_application

WRITE_DELAY_SECONDS = float(os.environ.get("TEND_WRITE_BEHIND_DELAY", "0.25"))
# Give up waiting for a predecessor once the version stops moving this long. Generous: on a busy
# CI machine a live predecessor can take over a second to land, and giving up early would turn
# an ordinary slow write into a conflict copy (a false "loss" in the no-crash control run).
STALL_SECONDS = float(os.environ.get("TEND_WRITE_BEHIND_STALL", "4.0"))
ORDER_WAIT_SECONDS = 30.0  # and never wait longer than this in all
AUTOSAVE_PATH = re.compile(r"^/journal/(\d+)/autosave/$")


def application(environ, start_response):
    match = AUTOSAVE_PATH.match(environ.get("PATH_INFO", ""))
    if environ.get("REQUEST_METHOD") != "POST" or not match:
        return django_application(environ, start_response)
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length)
    try:
        base_version = int(parse_qs(body.decode("utf-8"))["base_version"][0])
    except (KeyError, ValueError, UnicodeError):
        environ["wsgi.input"] = io.BytesIO(body)
        return django_application(environ, start_response)
    deferred = dict(environ)
    deferred["wsgi.input"] = io.BytesIO(body)
    thread = threading.Thread(target=_write_later, args=(deferred, int(match[1]), base_version), daemon=True)
    thread.start()
    payload = json.dumps({"status": "saved", "version": base_version + 1}).encode()
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))])
    return [payload]


def _write_later(environ, entry_id: int, base_version: int) -> None:
    from django.db import connections

    from tend.journal.models import JournalEntry

    try:
        time.sleep(WRITE_DELAY_SECONDS)
        deadline = time.monotonic() + ORDER_WAIT_SECONDS
        seen, moved_at = None, time.monotonic()
        while time.monotonic() < deadline:
            current = JournalEntry.objects.filter(pk=entry_id).values_list("version", flat=True).first()
            if current is None or current >= base_version:
                break
            if current != seen:
                seen, moved_at = current, time.monotonic()
            elif time.monotonic() - moved_at > STALL_SECONDS:
                break
            time.sleep(0.05)
        result = django_application(environ, lambda status, headers, exc_info=None: (lambda data: None))
        try:
            for _chunk in result:
                pass
        finally:
            close = getattr(result, "close", None)
            if close:
                close()
    finally:
        connections.close_all()
