"""Writing exercises and answers. Every save of an answer is screened like journal text: the
writer alone is offered support."""

from tend.exercises.models import Answer, Exercise
from tend.safety.services import screen_own_writing

SCREEN_SOURCE = "exercise"


def exercise_create(*, cohort, created_by, ready_prompt_id: str = "", **fields) -> Exercise:
    return Exercise.objects.create(cohort=cohort, created_by=created_by, ready_prompt_id=ready_prompt_id, **fields)


def answer_for(exercise: Exercise, owner) -> Answer:
    """The person's answer, made (empty and private) at their first save."""
    answer, _created = Answer.objects.get_or_create(exercise=exercise, owner=owner)
    return answer


def screen_answer(request, answer: Answer, values: dict, *, next_page: bool = True) -> str:
    return screen_own_writing(request, text=values.get("body", ""), source=SCREEN_SOURCE, item_key=str(answer.pk), next_page=next_page)
