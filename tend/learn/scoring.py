"""Knowledge-check scoring. A question counts as right only when exactly the correct options
are chosen (for choose-all-that-apply, missing one or adding a wrong one is not right)."""

from dataclasses import dataclass


@dataclass
class QuestionResult:
    key: str
    chosen: list[str]
    correct: bool
    answered: bool


@dataclass
class CheckResult:
    results: list[QuestionResult]
    score: int  # percentage, rounded down so 79.9 never passes an 80 mark
    passed: bool

    @property
    def wrong_keys(self) -> list[str]:
        return [r.key for r in self.results if not r.correct]


def score(questions: list[dict], answers: dict[str, list[str]], pass_mark: int) -> CheckResult:
    """questions: [{"key", "options": [{"id", "correct"}]}]; answers: key -> chosen option ids."""
    results = []
    for question in questions:
        valid = {o["id"] for o in question["options"]}
        chosen = [a for a in answers.get(question["key"], []) if a in valid]
        correct_ids = {o["id"] for o in question["options"] if o["correct"]}
        results.append(QuestionResult(question["key"], chosen, set(chosen) == correct_ids, bool(chosen)))
    total = len(results)
    percentage = (100 * sum(r.correct for r in results)) // total if total else 100
    return CheckResult(results, percentage, percentage >= pass_mark)
