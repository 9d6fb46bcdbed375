import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.urls import reverse

from tend.circles import drawing
from tend.circles.models import Snapshot

SVG = "{http://www.w3.org/2000/svg}"
NASTY = '<script>alert("x")</script> & \'quoted\' ]]> \x00\x07'


def form_data(**extra):
    data = {"threat_now": 7, "drive_now": 6, "soothing_now": 2, "threat_wish": 5, "drive_wish": 5, "soothing_wish": 7,
            "threat_activates": "Emails from my manager", "soothing_feels": "Warm and slow", "title": "A busy week"}
    data.update(extra)
    return data


@pytest.fixture
def snapshot(trainee):
    return Snapshot.objects.create(owner=trainee, title="Week one", threat_now=8, drive_now=6, soothing_now=2,
                                   threat_activates="Deadlines", soothing_do="Walk with my sister")


def circle_radii(svg: str) -> dict[str, float]:
    root = ET.fromstring(svg.split("?>", 1)[-1])
    return {c.get("data-circle"): float(c.get("r")) for c in root.iter(f"{SVG}circle") if c.get("data-circle")}


# --- Model -----------------------------------------------------------------------------------


def test_notes_are_encrypted_at_rest_and_private_by_default(snapshot):
    assert snapshot.visibility == "private"
    with connection.cursor() as cursor:
        cursor.execute("SELECT threat_activates, soothing_do, title FROM circles_snapshot WHERE id = %s", [snapshot.pk])
        row = cursor.fetchone()
    assert "Deadlines" not in row[0] and "sister" not in row[1] and "Week one" not in row[2]
    snapshot.refresh_from_db()
    assert snapshot.threat_activates == "Deadlines"
    assert [g["circle"] for g in snapshot.notes()] == ["threat", "soothing"]
    assert not snapshot.has_wish


# --- Drawing ---------------------------------------------------------------------------------


def test_radii_follow_the_sizes_and_area_grows_with_size():
    assert drawing.radius(0) == drawing.R_MIN and drawing.radius(10) == drawing.R_MAX
    assert drawing.radius(3) < drawing.radius(4) < drawing.radius(9)
    radii = circle_radii(drawing.snapshot_svg({"threat": 9, "drive": 4, "soothing": 1}))
    assert radii["threat"] > radii["drive"] > radii["soothing"]


def test_svg_has_title_desc_and_labels(snapshot):
    svg = drawing.snapshot_picture_svg(snapshot, id_prefix="x")
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "x-title x-desc"
    assert "Week one" in root.find(f"{SVG}title").text
    desc = root.find(f"{SVG}desc").text
    assert "Threat 8 of 10" in desc and "Soothing 2 of 10" in desc and "not a measurement" in desc
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert {"Threat", "Drive", "Soothing", "This week"} <= set(texts)
    assert "How I'd like it" not in texts


def test_svg_escapes_notes_and_titles():
    snap = Snapshot(title=NASTY, threat_now=5, drive_now=5, soothing_now=5, threat_activates=NASTY, drive_do=NASTY)
    from django.utils import timezone
    snap.created_at = timezone.now()
    svg = drawing.snapshot_picture_svg(snap, notes=True, standalone=True)
    assert "<script>" not in svg and "\x00" not in svg and "\x07" not in svg
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quoted&#x27;" in svg
    root = ET.fromstring(svg.split("?>", 1)[1])  # well-formed XML whatever the notes hold
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter("script"))
    assert any(NASTY.replace("\x00", "").replace("\x07", "").strip() in (t.text or "") for t in root.iter(f"{SVG}text"))
    assert '<script>alert("x")</script>' in root.find(f"{SVG}title").text  # the text survives, as text


def test_timeline_escapes_and_describes_the_change(trainee):
    Snapshot.objects.create(owner=trainee, threat_now=8, drive_now=7, soothing_now=2)
    Snapshot.objects.create(owner=trainee, threat_now=5, drive_now=6, soothing_now=6)
    root = ET.fromstring(drawing.timeline_svg(Snapshot.objects.all()))
    desc = root.find(f"{SVG}desc").text
    assert "2 snapshots" in desc and "Threat: from 8 to 5" in desc and "Soothing: from 2 to 6" in desc
    lines = {p.get("data-line"): p.get("points") for p in root.iter(f"{SVG}polyline")}
    assert set(lines) == {"threat", "drive", "soothing"}


def test_png_is_a_real_png(snapshot):
    from io import BytesIO

    from PIL import Image

    png = drawing.snapshot_png(snapshot)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert Image.open(BytesIO(png)).size == (drawing.PANEL_W * 2, (drawing.PANEL_H + 56) * 2)


# --- Views -----------------------------------------------------------------------------------


def test_creating_a_snapshot_keeps_every_one(client, trainee):
    client.force_login(trainee)
    assert client.get(reverse("circles:create")).status_code == 200
    first = client.post(reverse("circles:create"), form_data(with_wish="on"))
    assert first.status_code == 302
    client.post(reverse("circles:create"), form_data(threat_now=4, soothing_now=5))
    snaps = list(Snapshot.objects.filter(owner=trainee).order_by("created_at", "pk"))
    assert [(s.threat_now, s.soothing_now) for s in snaps] == [(7, 2), (4, 5)]
    assert snaps[0].has_wish and snaps[0].soothing_wish == 7
    assert not snaps[1].has_wish and snaps[1].soothing_wish is None  # unticked: the wish sliders are not kept
    history = client.get(reverse("circles:list")).content.decode()
    assert "How your three circles have changed" in history and 'id="history-table"' in history
    assert "not a measurement" in history


def test_sizes_outside_0_to_10_are_refused(client, trainee):
    client.force_login(trainee)
    response = client.post(reverse("circles:create"), form_data(threat_now=11))
    assert response.status_code == 400 and not Snapshot.objects.exists()


def test_detail_shows_picture_table_and_notes(client, trainee, snapshot):
    client.force_login(trainee)
    page = client.get(reverse("circles:detail", args=[snapshot.pk])).content.decode()
    assert "<svg" in page and 'id="sizes-table"' in page and "Deadlines" in page and "Walk with my sister" in page


def test_notes_are_escaped_on_the_page(client, trainee):
    Snapshot.objects.create(owner=trainee, title=NASTY, threat_now=1, drive_now=1, soothing_now=1, threat_feels=NASTY)
    client.force_login(trainee)
    snap = Snapshot.objects.get()
    for name in ("circles:detail", "circles:list"):
        page = client.get(reverse(name, args=[snap.pk] if name.endswith("detail") else [])).content.decode()
        assert '<script>alert("x")' not in page


def test_the_live_preview_draws_on_the_server(client, trainee):
    client.force_login(trainee)
    response = client.post(reverse("circles:preview"), {"threat_now": 10, "drive_now": 0, "soothing_now": 3})
    radii = circle_radii(response.content.decode())
    assert radii["threat"] == drawing.R_MAX and radii["drive"] == drawing.R_MIN
    assert not Snapshot.objects.exists()
    assert client.get(reverse("circles:preview")).status_code == 405


def test_exports(client, trainee, snapshot):
    client.force_login(trainee)
    svg = client.get(reverse("circles:export_svg", args=[snapshot.pk]))
    assert svg["Content-Type"].startswith("image/svg+xml") and "attachment" in svg["Content-Disposition"]
    assert svg.content.startswith(b"<?xml") and b"Deadlines" in svg.content
    png = client.get(reverse("circles:export_png", args=[snapshot.pk]))
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")
    pdf = client.get(reverse("circles:export_pdf", args=[snapshot.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert pdf["Content-Disposition"].endswith('.pdf"')


@pytest.mark.parametrize("who", ["cohort_peer", "other_trainee", "supervisor", "trainer", "admin"])
def test_nobody_else_sees_a_snapshot(client, personas, who):
    snap = Snapshot.objects.create(owner=personas.trainee, threat_now=3, drive_now=3, soothing_now=3, threat_do="zqcirclesecret")
    client.force_login(getattr(personas, who))
    for name in ("circles:detail", "circles:export_svg", "circles:export_png", "circles:export_pdf"):
        assert client.get(reverse(name, args=[snap.pk])).status_code == 404, name
    assert client.post(reverse("circles:delete", args=[snap.pk])).status_code == 404
    listing = client.get(reverse("circles:list"))
    assert listing.status_code == 200 and b"zqcirclesecret" not in listing.content and f"/{snap.pk}/".encode() not in listing.content
    assert Snapshot.objects.filter(pk=snap.pk).exists()


def test_anonymous_visitors_sign_in_first(client, snapshot):
    response = client.get(reverse("circles:detail", args=[snapshot.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_delete(client, trainee, snapshot):
    client.force_login(trainee)
    assert client.post(reverse("circles:delete", args=[snapshot.pk])).status_code == 302
    assert not Snapshot.objects.exists()


def test_risky_notes_bring_support(client, trainee):
    client.force_login(trainee)
    client.post(reverse("circles:create"), form_data(threat_feels="I have been saving my tablets."))
    from tend.safety.models import ScreenEvent
    assert ScreenEvent.objects.filter(source="circles", level="high").exists()


def test_the_downloaded_svg_can_never_run_anything(client, trainee, snapshot):
    client.force_login(trainee)
    response = client.get(reverse("circles:export_svg", args=[snapshot.pk]))
    assert "sandbox" in response["Content-Security-Policy"] and response["X-Content-Type-Options"] == "nosniff"
