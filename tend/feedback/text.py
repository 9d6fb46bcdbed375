"""Text handling shared by the feedback engine and the risk screen: sentences with their offsets,
quotation removal, and small predicates (negation windows, first-person voice)."""

import re
from dataclasses import dataclass

QUOTED = re.compile(r"\"[^\"\n]{3,}?\"|“[^”\n]{3,}?”|‘[^’\n]{12,}?’|(?<![A-Za-z])'[^'\n]{12,}?'(?![A-Za-z])|^\s*>.*$", re.MULTILINE)
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+|\n+")
WORD = re.compile(r"[a-z']+")
FIRST_PERSON = re.compile(r"\b(i|i'm|i've|i'd|i'll|me|my|myself|mine)\b")
NEGATORS = {"not", "no", "never", "don't", "dont", "doesn't", "didn't", "isn't", "wasn't", "aren't", "won't", "wouldn't",
            "can't", "cannot", "couldn't", "shouldn't", "nothing", "nobody", "without", "hardly", "n't", "none"}


@dataclass(frozen=True)
class Sentence:
    text: str
    lower: str
    start: int


def normalise(text: str) -> str:
    return (text or "").replace("\u2019", "'").replace("\u2018", "'").replace("\r\n", "\n")


def strip_quotations(text: str) -> str:
    """Quoted words are someone else's (a client, a drill, a vignette): blank them out, keeping offsets."""
    return QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def sentences(text: str) -> list[Sentence]:
    result, position = [], 0
    for piece in SENTENCE_END.split(text):
        if piece is None:
            continue
        start = text.find(piece, position)
        position = start + len(piece)
        stripped = piece.strip()
        if stripped:
            result.append(Sentence(stripped, stripped.lower(), start))
    return result


def words(lower: str) -> list[str]:
    return WORD.findall(lower.replace("n't", " n't"))


def negated_before(lower: str, match_start: int, window: int = 4) -> bool:
    """True when one of the few words before a match negates it ("not suicidal", "never hurt myself")."""
    before = words(lower[:match_start])[-window:]
    return any(word in NEGATORS for word in before)


def is_first_person(lower: str) -> bool:
    return bool(FIRST_PERSON.search(lower))
