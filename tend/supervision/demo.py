"""Demo data: a confirmed supervision log, a competency self-rating and a confirmed agreement
between the demo supervisor and the demo trainee. Idempotent."""

from datetime import timedelta

from django.utils import timezone

from tend.supervision import defaults
from tend.supervision.models import CompetencyEvent, Level, LogStatus, SessionFormat, SupervisionAgreement, SupervisionLog


def load(people, cohort):
    trainee, supervisor = people["trainee@example.com"], people["supervisor@example.com"]
    now = timezone.now()
    SupervisionLog.objects.get_or_create(
        supervisor=supervisor, supervisee=trainee, date=timezone.localdate() - timedelta(days=7),
        defaults={
            "duration_minutes": 60, "format": SessionFormat.INDIVIDUAL,
            "topics": "Introducing soothing rhythm breathing to a sceptical client; noticing my own pull to rush.",
            "agreed_actions": "Try a one-minute version first; bring a drill reply on pacing next time.",
            "status": LogStatus.CONFIRMED, "confirmed_at": now,
        },
    )
    if not CompetencyEvent.objects.filter(trainee=trainee, kind=CompetencyEvent.Kind.SELF_RATING).exists():
        CompetencyEvent.objects.create(trainee=trainee, author=trainee, competency_id="pacing",
                                       kind=CompetencyEvent.Kind.SELF_RATING, level=Level.DEVELOPING, note="I slow down well in role-plays, less so when a client is distressed.")
    SupervisionAgreement.objects.get_or_create(
        supervisor=supervisor, supervisee=trainee,
        defaults={**defaults.agreement_text(), "supervisor_confirmed_at": now, "supervisee_confirmed_at": now},
    )
