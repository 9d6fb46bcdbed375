import pytest
from django.db import connection
from django.urls import reverse

from tend.core.audit import AuditEvent
from tend.core.models import ConflictCopy
from tend.formulation import drawing
from tend.formulation.example import worked_example
from tend.formulation.models import TEXT_FIELDS, Formulation, FormulationVersion

FEAR = "Being found lacking by colleagues"


def values(**extra):
    data = {"subject": "myself", "case_label": "", "visibility": "private", **{name: "" for name in TEXT_FIELDS}}
    data.update(extra)
    return data


def autosave(client, formulation, version, save_id, **extra):
    return client.post(reverse("formulation:autosave", args=[formulation.pk]),
                       {"base_version": version, "save_id": save_id, **values(**extra)})


@pytest.fixture
def formulation(trainee):
    return Formulation.objects.create(owner=trainee)


def test_create_for_myself_or_a_vignette(client, trainee):
    client.force_login(trainee)
    response = client.post(reverse("formulation:create"), {"subject": "vignette"})
    created = Formulation.objects.get(owner=trainee)
    assert response.url == reverse("formulation:edit", args=[created.pk])
    assert created.subject == "vignette" and created.visibility == "private"
    page = client.get(response.url)
    assert page.status_code == 200 and b"It makes sense that" in page.content and b"data-autosave-url" in page.content


def test_every_area_autosaves_encrypted(client, trainee, formulation):
    client.force_login(trainee)
    response = autosave(client, formulation, 1, "a", threats_external=FEAR, safety_internal="Going over it all night",
                        makes_sense="It makes sense that I work so hard.", subject="vignette", case_label="Invented case A")
    assert response.status_code == 200 and response.json()["version"] == 2 and response.json()["status"] == "saved"
    formulation.refresh_from_db()
    assert formulation.threats_external == FEAR and formulation.case_label == "Invented case A"
    assert formulation.display_title == "Case: Invented case A"
    with connection.cursor() as cursor:
        cursor.execute("SELECT threats_external, case_label, makes_sense FROM formulation_formulation WHERE id = %s", [formulation.pk])
        stored = " ".join(cursor.fetchone())
    assert "colleagues" not in stored and "Invented" not in stored and "makes sense" not in stored


def test_a_stale_tab_keeps_the_whole_formulation_and_can_restore_it(client, trainee, formulation):
    client.force_login(trainee)
    autosave(client, formulation, 1, "a", influences="first tab history", threats_internal="first tab fear")
    stale = autosave(client, formulation, 1, "b", influences="second tab history", threats_internal="second tab fear")
    assert stale.status_code == 409 and ConflictCopy.objects.count() == 1
    page = client.get(stale.json()["conflict_url"])
    assert page.status_code == 200
    for text in [b"first tab history", b"second tab history", b"first tab fear", b"second tab fear"]:
        assert text in page.content
    response = client.post(stale.json()["conflict_url"], {"keep": "mine"})
    assert response.url == reverse("formulation:edit", args=[formulation.pk])
    formulation.refresh_from_db()
    assert (formulation.influences, formulation.threats_internal) == ("second tab history", "second tab fear")
    assert ConflictCopy.objects.get().resolved_at is not None


def test_keeping_the_saved_version_changes_nothing(client, trainee, formulation):
    client.force_login(trainee)
    autosave(client, formulation, 1, "a", influences="kept")
    stale = autosave(client, formulation, 1, "b", influences="dropped")
    client.post(stale.json()["conflict_url"], {"keep": "saved"})
    formulation.refresh_from_db()
    assert formulation.influences == "kept" and formulation.version == 2
    assert not ConflictCopy.objects.filter(resolved_at__isnull=True).exists()


def test_versions_are_kept_on_saving(client, trainee, formulation):
    client.force_login(trainee)
    autosave(client, formulation, 1, "a", influences="draft one")
    response = client.post(reverse("formulation:edit", args=[formulation.pk]),
                           {"base_version": 2, "save_id": "b", **values(influences="draft two")})
    assert response.url == reverse("formulation:detail", args=[formulation.pk])
    assert list(FormulationVersion.objects.values_list("influences", flat=True)) == ["draft two", "draft one"]
    assert b"draft one" in client.get(reverse("formulation:versions", args=[formulation.pk])).content


def test_diagram_has_four_boxes_arrows_loop_and_escaped_text(client, trainee, formulation):
    formulation.threats_external = '<script>x</script> & fear'
    formulation.influences = "word " * 400
    formulation.save()
    svg = drawing.formulation_svg(formulation, title="T <b>", id_prefix="t")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&amp; fear" in svg and "T &lt;b&gt;" in svg
    assert svg.count("data-area=") == 5 and svg.count('data-arrow="') == 4 and 'data-arrow="4-2"' in svg
    assert '<title id="t-title">' in svg and '<desc id="t-desc">' in svg and 'aria-labelledby="t-title t-desc"' in svg
    assert "…" in svg  # a very long area is cut short in the picture
    import xml.dom.minidom
    xml.dom.minidom.parseString(svg)  # well-formed
    client.force_login(trainee)
    page = client.get(reverse("formulation:detail", args=[formulation.pk]))
    assert page.status_code == 200 and b"The formulation as text" in page.content
    assert page.content.count(b"word word") > 1  # the whole text is in the outline, not only the picture


def test_sharing_with_the_supervisor_and_nobody_else_and_the_read_is_audited(client, personas):
    formulation = Formulation.objects.create(owner=personas.trainee, influences="shared history", visibility="supervisor")
    for who, status in [("supervisor", 200), ("trainer", 404), ("cohort_peer", 404), ("admin", 404), ("other_trainee", 404)]:
        client.force_login(getattr(personas, who))
        assert client.get(reverse("formulation:detail", args=[formulation.pk])).status_code == status, who
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.SHARED_ENTRY_VIEWED, actor_id=personas.supervisor.pk).count() == 1
    client.force_login(personas.supervisor)
    for name in ["edit", "versions", "export_pdf"]:
        assert client.get(reverse(f"formulation:{name}", args=[formulation.pk])).status_code == 404, name
    assert client.post(reverse("formulation:autosave", args=[formulation.pk]), {"base_version": 1, **values()}).status_code == 404


def test_private_formulations_are_nobody_elses(client, personas):
    formulation = Formulation.objects.create(owner=personas.trainee, influences="private history")
    client.force_login(personas.supervisor)
    assert client.get(reverse("formulation:detail", args=[formulation.pk])).status_code == 404
    assert b"private history" not in client.get(reverse("formulation:list")).content


def test_pdf_export_has_the_text(client, trainee, formulation):
    formulation.influences = "Moved school twice"
    formulation.save()
    client.force_login(trainee)
    response = client.get(reverse("formulation:export_pdf", args=[formulation.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and len(response.content) > 5000
    assert response["Content-Disposition"].endswith('.pdf"')


def test_worked_example_is_read_only_and_fictional(client, trainee):
    client.force_login(trainee)
    page = client.get(reverse("formulation:example"))
    assert page.status_code == 200 and b"invented" in page.content and b"<textarea" not in page.content
    example = worked_example()
    assert all(getattr(example, name).strip() for name in TEXT_FIELDS)
    assert example.makes_sense.startswith("It makes sense that")


def test_risky_words_bring_support(client, trainee, formulation):
    client.force_login(trainee)
    assert autosave(client, formulation, 1, "a", consequences_internal="I have been saving my tablets.").json()["risk"] == "high"


def test_delete(client, trainee, formulation):
    client.force_login(trainee)
    client.post(reverse("formulation:delete", args=[formulation.pk]))
    assert not Formulation.objects.exists()
