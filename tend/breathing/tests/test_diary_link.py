from django.urls import reverse

from tend.diary.models import PracticeLog


def test_a_pacer_session_logs_to_the_diary_once(client, trainee):
    client.force_login(trainee)
    data = {"started_at": "2026-11-20T10:00:00+00:00", "duration_seconds": "300", "completed": "on", "mode": "paced",
            "inhale": "4", "hold_in": "1", "exhale": "5", "hold_out": "1", "client_id": "abc"}
    assert client.post(reverse("breathing:record"), data).status_code == 201
    assert client.post(reverse("breathing:record"), data).status_code == 200  # a retry is not logged twice
    log = PracticeLog.objects.get(owner=trainee)
    assert (log.tool, log.duration_seconds, log.automatic) == ("breathing", 300, True)
