"""Writes: wording imports, schedules, answers and scores, consent, the self-care plan, reminders."""

import csv
import io
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tend.measures.definitions import Definition
from tend.measures.scoring import ResponseError, score
from tend.questionnaires import care
from tend.questionnaires.models import (
    InstrumentWording,
    MeasureConsent,
    MeasureResponse,
    MeasureSchedule,
    Occasion,
    ScoreValue,
    SelfCarePlan,
)


# --- Wording --------------------------------------------------------------------------------


class WordingError(ValueError):
    """A problem in a wording CSV, naming the line and what is wrong."""


def parse_wording_csv(defn: Definition, text: str) -> dict[int, str]:
    """Reads `item number, text` rows; every item of the definition must be covered exactly once."""
    numbers = {item.number for item in defn.items}
    found: dict[int, str] = {}
    for line_number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or all(not cell.strip() for cell in row):
            continue
        if line_number == 1 and not row[0].strip().isdigit():
            continue  # a header row
        if len(row) < 2:
            raise WordingError(f"line {line_number}: expected two columns (item number, text), found {len(row)}")
        number_text, item_text = row[0].strip(), ",".join(row[1:]).strip()
        if not number_text.isdigit():
            raise WordingError(f"line {line_number}: item number {number_text!r} is not a whole number")
        number = int(number_text)
        if number not in numbers:
            raise WordingError(f"line {line_number}: {defn.id} has no item {number} (items {min(numbers)}–{max(numbers)})")
        if number in found:
            raise WordingError(f"line {line_number}: item {number} appears a second time")
        if not item_text:
            raise WordingError(f"line {line_number}: item {number} has no text")
        found[number] = item_text
    missing = sorted(numbers - set(found))
    if missing:
        raise WordingError(f"items missing from the file: {', '.join(map(str, missing))}")
    return found


@transaction.atomic
def import_wording(defn: Definition, texts: dict[int, str]) -> int:
    """Replaces this instrument version's wording; returns how many items were stored."""
    InstrumentWording.objects.filter(definition_id=defn.id, version=str(defn.version)).delete()
    InstrumentWording.objects.bulk_create(
        InstrumentWording(definition_id=defn.id, version=str(defn.version), item_number=n, text=t)
        for n, t in sorted(texts.items())
    )
    return len(texts)


# --- Schedules ------------------------------------------------------------------------------


def schedule_create(*, cohort, creator, **fields) -> MeasureSchedule:
    return MeasureSchedule.objects.create(cohort=cohort, created_by=creator, **fields)


# --- Answering ------------------------------------------------------------------------------


def start_response(*, owner, administrable: Definition, schedule: MeasureSchedule | None = None,
                   due_on: date | None = None) -> MeasureResponse:
    """The person's unfinished response to resume, or a new one."""
    if schedule is not None:
        response, _ = MeasureResponse.objects.get_or_create(
            owner=owner, schedule=schedule, due_on=due_on,
            defaults={"definition_id": administrable.id, "definition_version": str(administrable.version),
                      "cohort_id": schedule.cohort_id, "occasion": schedule.occasion},
        )
        return response
    unfinished = MeasureResponse.objects.filter(
        owner=owner, definition_id=administrable.id, schedule__isnull=True, completed_at__isnull=True
    ).first()
    return unfinished or MeasureResponse.objects.create(
        owner=owner, definition_id=administrable.id, definition_version=str(administrable.version)
    )


def clean_answers(defn: Definition, posted: dict) -> dict[str, int]:
    """Only known items with values on the scale; anything else is ignored."""
    allowed = {value for value, _label in defn.scale} or set(range(defn.scale_min, defn.scale_max + 1))
    numbers = {item.number for item in defn.items}
    cleaned = {}
    for key, raw in posted.items():
        number = key.removeprefix("item_")
        if not number.isdigit() or int(number) not in numbers:
            continue
        try:
            value = int(raw)
        except (TypeError, ValueError):
            continue
        if value in allowed:
            cleaned[str(int(number))] = value
    return cleaned


def save_answers(response: MeasureResponse, answers: dict[str, int]) -> MeasureResponse:
    if response.is_complete or not answers:
        return response
    with transaction.atomic():
        locked = MeasureResponse.objects.select_for_update().get(pk=response.pk)
        locked.answers = {**locked.answers, **answers}
        locked.save(update_fields=["answers", "updated_at"])
    response.answers = locked.answers
    return response


@dataclass(frozen=True)
class Completion:
    ok: bool
    message: str = ""


def unanswered_message(missing) -> str:
    """Names the questions still to answer, so the person can go straight to them."""
    if not missing:
        return _("Too many questions are unanswered to give a score. Please answer a few more.")
    numbers = ", ".join(str(n) for n in sorted(missing))
    if len(missing) == 1:
        return _("Please answer question %(numbers)s to finish; your other answers are saved.") % {"numbers": numbers}
    return _("Please answer questions %(numbers)s to finish; your other answers are saved.") % {"numbers": numbers}


@transaction.atomic
def complete(response: MeasureResponse, defn: Definition) -> Completion:
    """Scores the answers and closes the response; missing answers are scored as the definition allows."""
    if response.is_complete:
        return Completion(True)
    try:
        result = score(defn, {int(k): v for k, v in response.answers.items()})
    except ResponseError as error:
        return Completion(False, str(error))
    scores = {key: float(value) for key, value in result.scores.items() if value is not None}
    if not scores:
        return Completion(False, unanswered_message(result.missing))
    response.scores = scores
    response.care_flag = care.needs_care(defn, scores)
    response.completed_at = timezone.now()
    response.save(update_fields=["scores", "care_flag", "completed_at", "updated_at"])
    shared = MeasureConsent.objects.filter(user_id=response.owner_id, share_scores=True).exists()
    ScoreValue.objects.bulk_create(
        ScoreValue(response=response, owner_id=response.owner_id, schedule_id=response.schedule_id,
                   due_on=response.due_on, score_id=key, value=value, shared=shared)
        for key, value in scores.items()
    )
    _pair_with_baseline(response)
    return Completion(True)


def _same_measure_at(response: MeasureResponse, occasion: str):
    return ScoreValue.objects.filter(owner_id=response.owner_id, schedule__cohort_id=response.cohort_id,
                                     schedule__definition_id=response.definition_id, schedule__occasion=occasion)


def _pair_with_baseline(response: MeasureResponse) -> None:
    """Links an end score to the same person's baseline score (whichever was completed last)."""
    if response.schedule_id is None:
        return
    if response.occasion == Occasion.END:
        baseline = dict(_same_measure_at(response, Occasion.BASELINE).values_list("score_id", "value"))
        for score_id, value in baseline.items():
            ScoreValue.objects.filter(response=response, score_id=score_id).update(baseline_value=value)
    elif response.occasion == Occasion.BASELINE:
        for score_id, value in response.scores.items():
            _same_measure_at(response, Occasion.END).filter(score_id=score_id).update(baseline_value=value)


# --- Consent --------------------------------------------------------------------------------


def set_consent(user, *, share_scores: bool) -> MeasureConsent:
    with transaction.atomic():
        consent, _ = MeasureConsent.objects.update_or_create(user=user, defaults={"share_scores": share_scores})
        ScoreValue.objects.filter(owner=user).update(shared=share_scores)
    return consent


# --- Self-care plan -------------------------------------------------------------------------


def own_plan(user) -> SelfCarePlan:
    plan, _ = SelfCarePlan.objects.get_or_create(owner=user)
    return plan


# --- Reminders ------------------------------------------------------------------------------


def enqueue_reminders(day: date) -> int:
    """Queues one reminder per trainee per measure due on `day` (the task skips anyone already done)."""
    from tend.cohorts.models import CohortRole, Membership
    from tend.questionnaires.tasks import send_measure_reminder

    queued = 0
    for schedule in MeasureSchedule.objects.filter(send_reminders=True, opens_on__lte=day).select_related("cohort"):
        if day not in schedule.due_dates():
            continue
        done = set(MeasureResponse.objects.filter(schedule=schedule, due_on=day, completed_at__isnull=False)
                   .values_list("owner_id", flat=True))
        trainees = Membership.objects.filter(cohort_id=schedule.cohort_id, role=CohortRole.TRAINEE).values_list("user_id", flat=True)
        for user_id in trainees:
            if user_id not in done:
                send_measure_reminder.enqueue(schedule.pk, user_id, day.isoformat())
                queued += 1
    return queued
