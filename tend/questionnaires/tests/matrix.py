"""The measures app's URLs in the permission matrix (tend/core/tests/test_permission_matrix.py)."""

from django.utils import timezone

from tend.core.models import Visibility
from tend.core.tests.policy_table import (
    LOGIN,
    NOT_FOUND,
    OK,
    Case,
    cohort_manager,
    expect,
    owner_only,
    require_post,
    signed_in,
    trainer_or_admin,
)
from tend.questionnaires.models import MeasureResponse, MeasureSchedule, Occasion, SelfCarePlan

CHECKIN = "three-systems-checkin"  # one of our own check-ins in content/measures/, always administrable


def samples(p) -> dict:
    today = timezone.localdate()
    return {
        "questionnaires_response": MeasureResponse.objects.create(
            owner=p.trainee, definition_id=CHECKIN, definition_version="1", answers={"1": 2}),
        "questionnaires_schedule": MeasureSchedule.objects.create(
            cohort=p.cohort_a, definition_id=CHECKIN, occasion=Occasion.BASELINE, opens_on=today),
        "questionnaires_schedule_b": MeasureSchedule.objects.create(
            cohort=p.cohort_b, definition_id=CHECKIN, occasion=Occasion.BASELINE, opens_on=today),
        "questionnaires_plan": SelfCarePlan.objects.create(owner=p.trainee, routines="Private zqquestionnairesplan"),
        # Another person's plan shared with their own supervisor (cohort B): nobody from cohort A reads it.
        "questionnaires_shared_plan": SelfCarePlan.objects.create(
            owner=p.other_trainee, routines="Walks", visibility=Visibility.SUPERVISOR),
    }


def plan_form(plan) -> dict:
    return {"base_version": plan.version, "save_id": "matrix-plan", "routines": "Edited", "boundaries": "", "supports": "",
            "warning_signs": "", "who_to_talk_to": "", "visibility": "private"}


# Answering a cohort's scheduled measure: its trainees only; supervisors, trainers and admins are not asked.
cohort_a_trainees = expect(
    anonymous=LOGIN, trainee=OK, cohort_peer=OK, other_trainee=NOT_FOUND, supervisor=NOT_FOUND,
    other_supervisor=NOT_FOUND, trainer=NOT_FOUND, admin=NOT_FOUND,
)
# Cohort B's trainee's plan, shared with cohort B's supervisor.
other_shared_plan = expect(
    anonymous=LOGIN, trainee=NOT_FOUND, cohort_peer=NOT_FOUND, other_trainee=OK, supervisor=NOT_FOUND,
    other_supervisor=OK, trainer=NOT_FOUND, admin=NOT_FOUND,
)

response_kwargs = lambda s: {"pk": s.questionnaires_response.pk}  # noqa: E731

POLICY = {
    "questionnaires:home": signed_in(),
    "questionnaires:consent": Case(signed_in(), data=lambda s: {"share_scores": "yes"}),
    "questionnaires:start": Case(require_post(signed_in()), kwargs=lambda s: {"definition_id": CHECKIN}),
    "questionnaires:start_scheduled": Case(require_post(cohort_a_trainees), kwargs=lambda s: {"pk": s.questionnaires_schedule.pk}),
    "questionnaires:answer": Case(owner_only(), kwargs=response_kwargs, data=lambda s: {"item_1": "3"}),
    "questionnaires:save_answer": Case(require_post(owner_only()), kwargs=response_kwargs, data=lambda s: {"item_2": "1"}),
    "questionnaires:fhir": Case(owner_only(), kwargs=response_kwargs),
    "questionnaires:results": signed_in(),
    # Everyone has their own plan (made on first visit); a POST saves the visitor's own.
    "questionnaires:plan": Case(signed_in(), data=lambda s: plan_form(SelfCarePlan(version=1))),
    "questionnaires:plan_detail": [
        Case(owner_only(), "private plan", kwargs=lambda s: {"pk": s.questionnaires_plan.pk}),
        Case(other_shared_plan, "cohort B's supervisor-shared plan", kwargs=lambda s: {"pk": s.questionnaires_shared_plan.pk}),
    ],
    "questionnaires:plan_autosave": Case(require_post(owner_only()), kwargs=lambda s: {"pk": s.questionnaires_plan.pk},
                                         data=lambda s: plan_form(s.questionnaires_plan)),
    "questionnaires:instruments": trainer_or_admin(),
    "questionnaires:cohort": Case(
        cohort_manager(), kwargs=lambda s: {"pk": s.cohort_a.pk},
        data=lambda s: {"definition_id": CHECKIN, "occasion": "end", "opens_on": "2030-01-01", "send_reminders": "on"},
    ),
    "questionnaires:schedule_delete": [
        Case(require_post(cohort_manager()), "cohort A's schedule",
             kwargs=lambda s: {"pk": s.cohort_a.pk, "schedule_pk": s.questionnaires_schedule.pk}),
        Case(require_post(cohort_manager(post=NOT_FOUND)), "cohort B's schedule under cohort A",
             kwargs=lambda s: {"pk": s.cohort_a.pk, "schedule_pk": s.questionnaires_schedule_b.pk}),
    ],
    "questionnaires:export_csv": Case(cohort_manager(), kwargs=lambda s: {"pk": s.cohort_a.pk}),
    "questionnaires:export_key": Case(cohort_manager(), kwargs=lambda s: {"pk": s.cohort_a.pk},
                                      data=lambda s: {"understood": "on"}),
}

PRIVATE_TEXT = ("zqquestionnairesplan",)

OWNED_OBJECT_URLS = {
    "questionnaires:start_scheduled", "questionnaires:answer", "questionnaires:save_answer", "questionnaires:fhir",
    "questionnaires:plan_detail", "questionnaires:plan_autosave", "questionnaires:cohort",
    "questionnaires:schedule_delete", "questionnaires:export_csv", "questionnaires:export_key",
}
