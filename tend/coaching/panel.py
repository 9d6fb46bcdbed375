"""Builds what the feedback panel shows from the engine's result: scores in words a trainee can
use, each flag with its sentences highlighted in the person's own text, and one suggestion."""

import html
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from tend.feedback import Feedback, describe, score

FLAG_LABELS = {
    "judgmental": _("Sounds judgemental"),
    "minimising": _("Makes the difficulty smaller"),
    "premature_advice": _("Moves to advice before meeting the feeling"),
    "invalidating": _("Argues with or passes over the feeling"),
    "toxic_positivity": _("Pushes positivity over the pain"),
    "risk_not_addressed": _("Does not ask about safety"),
    "self_attack": _("Harsh self-attack"),
    "self_inadequacy": _("'Not good enough' voice"),
    "should_pressure": _("'Should' pressure"),
}
OVERALL_WORDS = [
    (3.5, _("Excellent: warm, understanding and steady, with a gentle next step.")),
    (2.5, _("Good: compassionate, with one element to add.")),
    (1.5, _("Mixed: some warmth, alongside something that works against it.")),
    (0.5, _("Mostly not yet compassionate: see the suggestion below.")),
    (-1, _("Harsh: this could hurt more than help. See the suggestion below.")),
]


@dataclass
class Panel:
    feedback: Feedback
    overall_words: str
    dimension_words: list[str]
    flags: list[tuple[str, list[str]]]  # (label, sentences)
    highlighted: SafeString


def _highlight(text: str, sentences: list[str]) -> SafeString:
    """The person's text, escaped, with the flagged sentences wrapped in <mark>."""
    escaped = html.escape(text)
    for sentence in sorted(set(sentences), key=len, reverse=True):
        target = html.escape(sentence)
        if target and target in escaped:
            escaped = escaped.replace(target, f"<mark>{target}</mark>", 1)
    return mark_safe(escaped.replace("\n", "<br>"))  # noqa: S308  (escaped above)


def build(kind: str, context: str, text: str, *, context_risk: bool | None = None) -> Panel:
    feedback = score(kind, context, text, context_risk=context_risk)
    words = next(label for threshold, label in OVERALL_WORDS if feedback.overall >= threshold)
    flagged = [(str(FLAG_LABELS[name]), feedback.evidence.get(name, [])) for name in feedback.flags]
    evidence = [sentence for _, sentences in flagged for sentence in sentences if sentence in text]
    return Panel(feedback, str(words), describe(feedback), flagged, _highlight(text, evidence))
