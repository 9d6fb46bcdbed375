"""The list, player and text pages, and trainers' recordings (upload permission, type and size checks, serving)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tend.imagery.models import ScriptRecording

MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\x00" * 200
WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 200


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(client, name="safe-place.mp3", content=MP3, script="safe-place"):
    return client.post(reverse("imagery:upload", args=[script]), {"file": SimpleUploadedFile(name, content)})


def test_the_list_shows_every_script_in_the_suggested_order(client, trainee):
    client.force_login(trainee)
    page = client.get(reverse("imagery:list")).content.decode()
    titles = ["A safe place", "A compassionate colour", "Your ideal compassionate other", "Becoming your compassionate self",
              "Compassion flowing out", "Compassion flowing in", "Compassion to oneself", "The compassionate self meets the inner critic"]
    positions = [page.index(title) for title in titles]
    assert positions == sorted(positions)
    assert reverse("imagery:text", args=["safe-place"]) in page


def test_the_player_has_every_step_the_safety_note_the_progress_bar_and_its_script(client, trainee):
    client.force_login(trainee)
    response = client.get(reverse("imagery:player", args=["safe-place"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('class="imagery-step"') == 6 and 'data-pause="30"' in page
    assert "Before you begin" in page and "felt sense" in page
    assert '<label for="imagery-progress">' in page and '<progress id="imagery-progress"' in page
    assert "imagery/player.js" in page and "<script>" not in page and "style=" not in page
    assert 'data-speed="1"' in page and "times faster" not in page
    assert "Upload your own recording" not in page  # trainees do not upload


@pytest.mark.parametrize(("given", "shown"), [("20", "20"), ("0.5", "1"), ("1000", "100"), ("nan", "1"), ("fast", "1")])
def test_the_speed_factor_is_clamped_and_announced(client, trainee, given, shown):
    client.force_login(trainee)
    page = client.get(reverse("imagery:player", args=["safe-place"]), {"speed": given}).content.decode()
    assert f'data-speed="{shown}"' in page
    assert ("times faster" in page) == (shown != "1")


def test_text_mode_shows_all_steps_on_one_page_without_the_player(client, trainee):
    client.force_login(trainee)
    page = client.get(reverse("imagery:text", args=["compassionate-self"])).content.decode()
    for title in ("Settling into your body", "Wisdom", "Strength", "Caring commitment", "Coming back"):
        assert title in page
    assert "Pause for about 45 seconds." in page
    assert "imagery-player" not in page and "player.js" not in page


def test_unknown_scripts_answer_404(client, trainee, trainer):
    client.force_login(trainee)
    assert client.get(reverse("imagery:player", args=["no-such-script"])).status_code == 404
    assert client.get(reverse("imagery:text", args=["no-such-script"])).status_code == 404
    client.force_login(trainer)
    assert upload(client, script="no-such-script").status_code == 404


def test_anonymous_visitors_sign_in_first(client):
    response = client.get(reverse("imagery:list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.fixture
def trainer(personas):
    return personas.trainer


def test_trainees_and_supervisors_cannot_upload(client, trainee, personas):
    for person in (trainee, personas.supervisor):
        client.force_login(person)
        assert upload(client).status_code == 403
    assert not ScriptRecording.objects.exists()


def test_a_trainer_uploads_a_recording_that_signed_in_users_can_play(client, trainer, trainee, media):
    client.force_login(trainer)
    response = upload(client, name="My Safe Place.MP3")
    assert response.status_code == 302 and response["Location"] == reverse("imagery:player", args=["safe-place"])
    recording = ScriptRecording.objects.get()
    assert (recording.script_id, recording.uploaded_by, recording.content_type, recording.size) == ("safe-place", trainer, "audio/mpeg", len(MP3))
    assert recording.file.name.startswith("imagery/recordings/") and "Safe" not in recording.file.name
    assert (media / recording.file.name).exists()

    client.force_login(trainee)
    page = client.get(reverse("imagery:player", args=["safe-place"])).content.decode()
    assert reverse("imagery:recording", args=[recording.pk]) in page and "Recorded by" in page
    served = client.get(reverse("imagery:recording", args=[recording.pk]))
    assert served.status_code == 200 and served["Content-Type"] == "audio/mpeg"
    assert b"".join(served.streaming_content) == MP3
    client.logout()
    assert client.get(reverse("imagery:recording", args=[recording.pk])).status_code == 302


def test_an_admin_may_upload_too(client, personas):
    client.force_login(personas.admin)
    assert upload(client, name="take.wav", content=WAV).status_code == 302
    assert ScriptRecording.objects.get().content_type == "audio/wav"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"hello", "is not a supported audio file"),
        ("script.pdf", b"%PDF-1.7", "is not a supported audio file"),
        ("noextension", MP3, "is not a supported audio file"),
        ("fake.mp3", b"<html>not audio</html>", "does not look like a MP3 audio file"),
        ("fake.ogg", MP3, "does not look like a OGG audio file"),
    ],
)
def test_files_that_are_not_audio_are_refused_with_a_clear_error(client, trainer, name, content, message):
    client.force_login(trainer)
    response = upload(client, name=name, content=content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ScriptRecording.objects.exists()


def test_files_over_the_size_limit_are_refused(client, trainer, settings):
    settings.TEND_IMAGERY_MAX_UPLOAD_BYTES = 100
    client.force_login(trainer)
    response = upload(client, content=MP3)
    assert response.status_code == 400
    assert "recordings can be at most 100" in response.content.decode()
    assert not ScriptRecording.objects.exists()


def test_the_default_limit_is_30_mb(client, trainer):
    client.force_login(trainer)
    big = io.BytesIO(MP3 + b"\x00" * (30 * 1024 * 1024))
    response = client.post(reverse("imagery:upload", args=["safe-place"]), {"file": SimpleUploadedFile("big.mp3", big.getvalue())})
    assert response.status_code == 400 and "30.0" in response.content.decode()


def test_a_missing_upload_is_a_400_and_get_is_not_allowed(client, trainer):
    client.force_login(trainer)
    assert client.post(reverse("imagery:upload", args=["safe-place"])).status_code == 400
    assert client.get(reverse("imagery:upload", args=["safe-place"])).status_code == 405
