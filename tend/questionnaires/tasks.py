"""Background reminders (Django's task framework). Tasks take ids only; an email carries a
link and never any answers or scores."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

DEFAULT_SITE_URL = "http://127.0.0.1:8000"


def site_url() -> str:
    return getattr(settings, "TEND_SITE_URL", DEFAULT_SITE_URL).rstrip("/")


@task
def send_measure_reminder(schedule_id: int, user_id: int, due_on: str) -> bool:
    """Emails one person a reminder for one due measure, unless they have already completed it."""
    from tend.accounts.models import User
    from tend.questionnaires import catalogue
    from tend.questionnaires.models import MeasureResponse, MeasureSchedule

    schedule = MeasureSchedule.objects.select_related("cohort").filter(pk=schedule_id).first()
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if schedule is None or user is None:
        return False
    if MeasureResponse.objects.filter(owner=user, schedule=schedule, due_on=due_on, completed_at__isnull=False).exists():
        return False
    defn = catalogue.definition(schedule.definition_id)
    context = {
        "name": defn.name if defn else schedule.definition_id,
        "cohort": schedule.cohort.name,
        "link": site_url() + reverse("questionnaires:home"),
        "organisation": settings.TEND_ORGANISATION_NAME,
    }
    send_mail(
        subject=render_to_string("questionnaires/email/reminder_subject.txt", context).strip(),
        message=render_to_string("questionnaires/email/reminder_body.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )
    return True
