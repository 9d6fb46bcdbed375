from django.urls import reverse

from tend.diary.models import PracticeLog


def test_a_finished_script_is_logged_once_to_the_diary(client, trainee):
    client.force_login(trainee)
    url = reverse("imagery:log", args=["safe-place"])
    assert client.post(url, {"client_id": "play-1", "duration_seconds": "420"}).status_code == 201
    assert client.post(url, {"client_id": "play-1", "duration_seconds": "420"}).json()["status"] == "already-saved"
    log = PracticeLog.objects.get(owner=trainee)
    assert (log.tool, log.duration_seconds, log.automatic, log.details["script"]) == ("imagery", 420, True, "safe-place")
    assert client.post(url, {"client_id": "", "duration_seconds": "1"}).status_code == 400
    assert client.post(url, {"client_id": "x", "duration_seconds": "ten"}).status_code == 400
    assert client.post(reverse("imagery:log", args=["no-such-script"]), {"client_id": "y", "duration_seconds": "1"}).status_code == 404
