"""Tend's feedback engine and risk screen: pure Python, no Django. See engine.py and risk.py.

    from tend.feedback import score, screen
    score("response", context="I feel like such a failure.", text="It makes sense that…")
    screen("this deadline is killing me")
"""

from tend.feedback.engine import Feedback, describe, score
from tend.feedback.risk import Screen, screen

__all__ = ["Feedback", "Screen", "describe", "score", "screen"]
