"""Demo data: one exercise for the demo cohort, with a shared answer from trainee2. Idempotent."""

from datetime import timedelta

from django.utils import timezone

from tend.core.models import Visibility
from tend.exercises.models import Answer, Exercise
from tend.exercises.prompts import ready_prompt

PROMPT_ID = "blocks-to-compassion-at-work"
FALLBACK_TITLE = "What blocks compassion for you at work?"
SHARED_ANSWER = (
    "Mostly time. When the waiting list is long I tell myself that slowing down for a kind word to myself is "
    "a luxury, and I keep going until I'm running on empty.\n\n"
    "I think it protects me from feeling that I'm letting people down. This week I'm trying one slow breath "
    "between sessions, and noticing what happens."
)


def load(people, cohort) -> None:
    trainer, trainee2 = people["trainer@example.com"], people["trainee2@example.com"]
    prompt = ready_prompt(PROMPT_ID)
    exercise, _created = Exercise.objects.get_or_create(
        cohort=cohort, ready_prompt_id=PROMPT_ID,
        defaults={
            "title": prompt.title if prompt else FALLBACK_TITLE,
            "prompt": prompt.text if prompt else FALLBACK_TITLE,
            "due_on": timezone.localdate() + timedelta(days=7),
            "created_by": trainer,
        },
    )
    Answer.objects.get_or_create(
        exercise=exercise, owner=trainee2,
        defaults={"body": SHARED_ANSWER, "has_text": True, "visibility": Visibility.COHORT, "shared_cohort": cohort},
    )
