"""The risk screen: does a person's OWN writing show suicide or self-harm risk?

Levels (see shared/spec/feedback-rubric.md): `high` (current intent, plan, means, preparation,
self-harm now, including indirect phrasing), `possible` (passive ideation, hopelessness, feeling a
burden, recurring self-harm urges), `none`. Every decision names the sentences that caused it, and
`Screen.reasons` names the category of risk language behind each one.

Design choices, each a rule below:
- quoted text is removed first (a client's words, a drill, a vignette);
- categories of risk language (CATEGORIES) are built from word classes (a method word + a keeping
  verb is `means`, whatever the wording), so new phrasings of the same idea are caught;
- whose experience: the writer's when the phrase names the writer; otherwise the nearest person
  before it decides ("my client said she…" is not the writer's risk);
- idioms, jokes and games ("this deadline is killing me", "I died on level 3") are not risk;
- clear negation of a risk word ("I'm not suicidal") is not risk, but phrases whose meaning
  contains a negation ("I don't want to be here any more") are;
- resolved past history is not current risk unless the sentence says it is back;
- when a first-person sentence talks of death or self-harm and no rule explains it away,
  the screen says `possible`: it prefers a gentle check-in to missing someone;
- writing addressed to oneself ("Note to self: you…") is read in the first person;
- learned models over word classes and, when installed, over sentence embeddings may raise the
  writer's own sentence that no rule explained away (see README.md for their thresholds).
"""

import re
from dataclasses import dataclass, field

from tend.feedback import embeddings, learned, riskwords
from tend.feedback import text as t
from tend.feedback.riskpatterns import (
    BACK_NOW, CATEGORIES, DEATH_WORDS, FINAL_PHRASES, HIGH, IDIOMS, MORE_IDIOMS, OTHER_PERSON, PAST, POSSIBLE,
    PROFESSIONAL, RECENT, RESOLVED, strongest_category,
)


@dataclass
class Screen:
    risk: str  # "high" | "possible" | "none"
    evidence: list[str] = field(default_factory=list)
    # Why each evidence sentence counts: its category of risk language (e.g. "means", "burden").
    reasons: dict[str, str] = field(default_factory=dict)
    # Whether sentence embeddings took part (False when they are switched off or not installed).
    embeddings: bool = False


def _matches(patterns: list[str], lower: str):
    for pattern in patterns:
        match = re.search(pattern, lower)
        if match:
            return match
    return None


_FIRST = re.compile(r"\b(i|i'm|im|i've|ive|i'd|i'll|me|my|myself|mine)\b")
_SECOND = re.compile(r"\b(you|you're|you've|you'd|you'll|your|yourself)\b")
_PERSON = re.compile(r"\b(i|i'm|im|i've|ive|i'd|i'll|me|myself|she|he|they|she's|he's|they're|she'd|he'd|they'd|her|him|his|"
                     r"their|them|herself|himself|themselves|client|clients|patient|patients|supervisee|colleague|young person|"
                     r"service user|character|man|woman|boy|girl|person|mrs|mr|ms)\b")
_THIRD = {"she", "he", "they", "she's", "he's", "they're", "she'd", "he'd", "they'd", "her", "him", "his", "their", "them", "herself",
          "himself", "themselves", "client", "clients", "patient", "patients", "supervisee", "colleague", "young person",
          "service user", "character", "man", "woman", "boy", "girl", "person", "mrs", "mr", "ms"}
# Laughter and emoji that mark a sentence as a joke ("I'm dead 😂").
LAUGHTER = re.compile(r"\b(lol|lmao|lmfao|haha\w*|hehe|jk|rofl)\b|😂|🤣|😅|💀|🙃")
_MORE_IDIOMS = [re.compile(p) for p in MORE_IDIOMS]
_STRONG_SELF = re.compile(r"\b(won't be (alive|here)|not be alive|kill(ing)? myself|end(ing)? my life|take my (own )?life|suicid\w*|better off without me|hurt(ing)? myself|cut(ting)? myself)\b")


def _is_idiom(lower: str) -> bool:
    if _STRONG_SELF.search(lower):
        return False
    return bool(_matches(IDIOMS, lower)) or any(p.search(lower) for p in _MORE_IDIOMS)


def _about_someone_else(lower: str, match: re.Match, letter_to_self: bool) -> bool:
    """Whose experience is the matched phrase? The writer's when the phrase itself says so ("kill
    myself", "without me"); otherwise the nearest person named before it decides ("my client said
    she…" / "I'm going to…"); with nobody named before it, a professional or case context means it
    is not the writer's risk, and plain writing is the writer's own."""
    phrase = match.group(0) + _CLAUSE.split(lower[match.end():])[0]
    if _FIRST.search(phrase) or (letter_to_self and _SECOND.search(phrase)):
        return False
    if not letter_to_self and lower.rstrip().endswith("?") and _SECOND.search(phrase):
        return True  # "Are you having thoughts of ending your life?": a question put to someone else
    if ADDRESSING_OTHERS.search(lower) and not _FIRST.search(lower):
        return True  # "If you're thinking of ending your life, please call a helpline."
    if REPORTED.search(lower[:match.start()]):
        return True  # "A teenager I support told me about…", "a veteran who talked about…"
    before = [m.group(0) for m in _PERSON.finditer(lower[:match.start()])]
    if before:
        return before[-1] in _THIRD
    return bool(OTHER_PERSON.search(lower) or PROFESSIONAL.search(lower))


# Someone else's words reported by the writer, or people in general: what follows is theirs.
REPORTED = re.compile(r"\b(?:told|tells|telling|asked|showed|reminded|warned|texted|messaged) (?:me|us)\b|"
                      r"\b(?:i|we) (?:support|supported|work with|worked with|saw|see|met|supervise|am supporting|visited)\b|"
                      r"\bwho (?:talked|talks|spoke|speaks|said|says|told|mentioned|described|disclosed|reported|admitted)\b|"
                      r"\b(?:anyone|someone|people|those|a person|whoever|everyone) who\b")


_NOT_NEGATION = re.compile(r"\b(don't|do not|dont) (know|think|care|see why)\b|\bnot sure\b|\bno idea\b|\bno one\b|\bnobody\b")


_NEGATORS = {"not", "never", "no", "don't", "dont", "didn't", "didnt", "isn't", "aren't", "wasn't", "won't", "wouldn't",
             "haven't", "hasn't", "nowhere", "without"}
_CLAUSE = re.compile(r"[,;:—–]|\b(?:and|but|so|because|though|although)\b")
_DENIED_AFTER = re.compile(r"\b(and|but) i (honestly |really |genuinely |truly )?(haven't|have not|don't|do not|didn't|did not|am not|'m not|"
                           r"wasn't|won't|never)(?: (?:since|in years|at all|any ?more|now))?[.!]*$")


def _negated(lower: str, start: int, end: int | None = None) -> bool:
    """A negator among the three words before the phrase, in the same clause ("I'm not suicidal",
    "no thoughts of self-harm"), or a denial after it ("…harming myself and I honestly haven't")."""
    if end is not None and _DENIED_AFTER.search(lower[end:]):
        return True
    clause = _CLAUSE.split(_NOT_NEGATION.sub(" ", lower[:start]))[-1] if start else ""
    return any(word in _NEGATORS for word in re.findall(r"[a-z']+", clause)[-3:])


TEXT_SPEAK = {"w/o": "without", "wud": "would", "wld": "would", "b": "be", "evry1": "everyone", "every1": "everyone", "ppl": "people",
              "u": "you", "ur": "your", "im": "i'm", "ive": "i've", "dont": "don't", "cant": "can't", "wont": "won't", "wanna": "want to",
              "gonna": "going to", "kms": "kill myself", "idk": "i don't know", "tbh": "honestly", "2": "to",
              "rly": "really", "cos": "because", "coz": "because", "no1": "no one", "any1": "anyone", "some1": "someone"}
_SPEAK = re.compile(r"(?<![\w/])(" + "|".join(re.escape(w) for w in TEXT_SPEAK) + r")(?![\w/])")


def _plain(lower: str) -> str:
    """Common text-speak spelled out ("evry1 wud b better off w/o me")."""
    return _SPEAK.sub(lambda m: TEXT_SPEAK[m.group(0)], lower)


TOPIC_ONLY = re.compile(r"self[- ]?harm\w*|burden\w*|hopeless\w*|trapped|suicidal (?:thoughts?|feelings?|urges?|ideas?|thinking)|thoughts? of suicide")


def classify_sentence(sentence: t.Sentence, letter_to_self: bool = False) -> tuple[str, str]:
    """(level, why). why is a category of risk language (see CATEGORIES), "phrase" (a phrase bank
    entry), "death-word", or the reason it is not risk: "idiom", "joke", "someone-else", "negated",
    "past", "unmatched"."""
    lower = _plain(sentence.lower)
    if _is_idiom(lower):
        return "none", "idiom"
    found = strongest_category(lower)
    if found is None:
        legacy = _matches(HIGH, lower)
        found = ("high", "phrase", legacy) if legacy else None
        legacy = None if found else _matches(POSSIBLE, lower)
        found = found or (("possible", "phrase", legacy) if legacy else None)
    if found is None:
        death = DEATH_WORDS.search(lower)
        if death and re.search(r"\b(i|i'm|i've|i'd|me|myself)\b(?:\W+[\w']+){0,3}?\W+$", lower[:death.start()]) and not _negated(lower, death.start(), death.end()) \
                and not (OTHER_PERSON.search(lower) or PROFESSIONAL.search(lower)) \
                and not _about_someone_else(lower, death, letter_to_self):
            if PAST.search(lower) and (RESOLVED.search(lower) or not BACK_NOW.search(lower)):
                return "none", "past"
            return "possible", "death-word"
        return "none", "unmatched"
    level, why, hit = found
    if TOPIC_ONLY.fullmatch(hit.group(0)) and not (_FIRST.search(lower) or (letter_to_self and _SECOND.search(lower))):
        return "none", "topic"  # "Essay plan: shame in self-harm": a topic, not the writer's experience
    if _about_someone_else(lower, hit, letter_to_self):
        return "none", "someone-else"
    if LAUGHTER.search(lower):
        # A joke marker: only an unmistakable statement about the self stays (gently) flagged.
        return ("possible", why) if _STRONG_SELF.search(lower) else ("none", "joke")
    # A negated risk word ("I'm not suicidal", "I would never kill myself") is not risk; phrases
    # whose meaning contains the negation ("I don't want to be alive") are matched as a whole.
    # "I would never hurt myself": a negator inside a phrase of intent or harm (not "I won't be here").
    inner = why in {"intent", "plan", "means", "self-harm-now"} and re.search(r"\b(never|don't|didn't|wouldn't|would not)\b", hit.group(0))
    if _negated(lower, hit.start(), hit.end()) or inner:
        return "none", "negated"
    if PAST.search(lower) and (RESOLVED.search(lower) or not BACK_NOW.search(_clause_of(lower, hit).replace("ago now", "ago"))):
        return "none", "past"
    return level, why


def _clause_of(lower: str, hit: re.Match) -> str:
    left = max(lower.rfind(mark, 0, hit.start()) for mark in (";", " but ", ":", "—"))
    rights = [i for i in (lower.find(mark, hit.end()) for mark in (";", " but ", ":", "—")) if i != -1]
    return lower[left + 1 if left != -1 else 0:min(rights) if rights else len(lower)]


# The learned fallback may raise a sentence to `high` only when it talks about the kinds of things
# risk is about; on ordinary sentences ("I've got anger issues") it must not open the support panel.
RISK_VOCABULARY = re.compile(
    r"\b(die|dying|dead|death|alive|exist\w*|suicid\w*|kill\w*|unalive|kms|hurt (myself|me)|harm\w*|cut(ting)?|"
    r"pills?|tablets?|meds|medication|prescriptions?|overdose|burden|without me|better off|hopeless\w*|wake up|goodbye|"
    r"forever|for good|end it|end (my|things)|ending|gone|way out|trapped|tired of|not (be )?here|miss me|notice if|"
    r"punish\w*|blood|bleed\w*|disappear\w*)\b"
)


LETTER_TO_SELF = re.compile(r"\bdear (me|self|myself|(little|younger|older|future|past|present) (me|self))\b|\bletter to (myself|me)\b")
# Sentences that are only risk in the company of risk ("Friday is the day. Everything is arranged.")
IN_CONTEXT_HIGH = re.compile(
    r"\b(is the day|the day|the date|tonight|tomorrow|this weekend|everything is (arranged|ready|sorted|set)|it's (arranged|ready|sorted|set)|"
    r"all (arranged|ready|sorted|set)|i'm ready|made up my mind|my mind is made up|decided|it's time|no going back|won't need|"
    r"goodbye|last time|for good)\b")


SINGLE_QUOTED = re.compile(r"(?<![a-z])'(?:[^'\n]|'(?=[a-z]))+'(?![a-z])", re.IGNORECASE)


def _strip_quotes(text: str) -> str:
    """Also blank single-quoted words that contain apostrophes ('I'm a burden'), keeping offsets."""
    return SINGLE_QUOTED.sub(lambda m: " " * len(m.group(0)), text)


# Classes that let the learned model open the interrupting `high` panel: the sentence must talk
# about a method, a place, harm, death, a plan, a note, giving away, affairs or finality.
HIGH_CLASSES = {"METHOD", "PLACE", "HARM", "DEATH", "PLAN", "NOTE", "GIVE", "AFFAIRS", "FINAL"}
# A sentence with no person in it ("Went back to the blade last night") is, in a person's own
# journal, the writer's; one that names someone else or a professional frame is not.
_ANY_PERSON = re.compile(r"\b(i|i'm|im|i've|ive|i'd|i'll|me|my|myself|you|you're|your|yourself|we|we're|our|us|she|he|they|"
                         r"her|him|his|their|them|it's|this|that|there|everyone|someone|people|nobody)\b")


@dataclass
class _Reading:
    sentence: t.Sentence
    level: str
    why: str
    writer: bool  # the writer's own voice: first person, "you" in a letter to oneself, or nobody named
    first_person: bool
    classes: list[str]
    p_any: float = 0.0
    p_high: float = 0.0
    e_any: float = 0.0  # from sentence embeddings, when they are in use
    e_high: float = 0.0


def _featurise(model: dict):
    return riskwords.features if model.get("features") == "classes" else learned.ngrams


# Writing addressed to oneself: "Note to self: you've got…", "To me, from me", or a text in the
# second person that names no one else and no "I" ("You tell everyone you're fine but…").
SELF_ADDRESS = re.compile(r"\bnote to (?:self|myself)\b|\bto me,? from me\b|\bself[- ]talk\b")
# "If you ever feel…", "reach out", "you're not alone": second person that speaks to others.
ADDRESSING_OTHERS = re.compile(r"^if you\b|\b(?:reach out|helpline|samaritans|crisis (?:line|team|text)|support line|"
                               r"talk to someone|not alone|please|anyone else|hi all|hey all|hi everyone|everyone else|folks|guys|y'all|you all)\b")
_YOU_AS_OBJECT = re.compile(r"\b(to|at|for|with|without|about|of|from|tell|told|miss|missed|notice|noticed|love|loves|need|needs|"
                            r"help|ask|asked|see|saw|let|make|makes|made|want|wants|hate|hates|blame|forgive|leave|left|"
                            r"stop|trust|hurt|hurts) you\b")
_YOU_FORMS = [(r"\byou're\b", "i'm"), (r"\byou've\b", "i've"), (r"\byou'll\b", "i'll"), (r"\byou'd\b", "i'd"),
              (r"\byou are\b", "i am"), (r"\byou were\b", "i was"), (r"\byourself\b", "myself"), (r"\byour\b", "my")]


def _addressed_to_self(lower: str) -> bool:
    if LETTER_TO_SELF.search(lower) or SELF_ADDRESS.search(lower):
        return True
    return bool(_SECOND.search(lower)) and not _FIRST.search(lower) and not OTHER_PERSON.search(lower) \
        and not ADDRESSING_OTHERS.search(lower)


def as_first_person(lower: str) -> str:
    """A sentence someone writes to themselves, in the first person ("you have the tablets" reads
    "i have the tablets"), so that every rule about the writer applies to it."""
    if ADDRESSING_OTHERS.search(lower):
        return lower
    for pattern, first in _YOU_FORMS:
        lower = re.sub(pattern, first, lower)
    lower = _YOU_AS_OBJECT.sub(lambda m: f"{m.group(1)} me", lower)
    return re.sub(r"\byou\b", "i", lower)


_MY_OTHER = re.compile(r"\bmy (?:\w+ )?(?:client|patient|supervisee|trainee|colleague|student|mum|mam|mom|dad|brother|sister|"
                       r"friend|son|daughter|partner|husband|wife|gran|nan|grandad|neighbour|flatmate)s?\b")


def read(text: str, model: dict | None) -> list[_Reading]:
    """Each sentence with the rules' verdict, whose voice it is, its word classes and the learned
    model's probabilities (the raw material `decide` turns into a level)."""
    cleaned = _strip_quotes(t.strip_quotations(t.normalise(text)))
    letter_to_self = _addressed_to_self(_plain(cleaned.lower()))
    featurise = _featurise(model) if model else None
    readings = []
    for sentence in t.sentences(cleaned):
        if letter_to_self:
            # Read in the first person; the evidence still quotes the sentence as written.
            sentence = t.Sentence(sentence.text, as_first_person(_plain(sentence.lower)), sentence.start)
        level, why = classify_sentence(sentence, letter_to_self)
        lower = _plain(sentence.lower)
        own = _MY_OTHER.sub(" ", lower)  # "my client pictures…" is not the writer speaking of themselves
        writer = bool(t.is_first_person(own) or (letter_to_self and _SECOND.search(lower))
                      or (not _ANY_PERSON.search(lower) and not _PERSON.search(lower) and not PROFESSIONAL.search(lower)))
        if why in {"someone-else", "topic"} or OTHER_PERSON.search(lower) and not t.is_first_person(own):
            writer = False
        first_person = bool(t.is_first_person(_MY_OTHER.sub(" ", sentence.lower)) or (letter_to_self and _SECOND.search(sentence.lower)))
        reading = _Reading(sentence, level, why, writer, first_person, riskwords.classes(lower))
        if model and (writer or first_person) and why not in {"idiom", "joke", "negated", "past"}:
            wording = sentence.lower if letter_to_self else sentence.text
            reading.p_any = learned.probability(model["any"], wording, featurise)
            reading.p_high = learned.probability(model["high"], wording, featurise)
        readings.append(reading)
    _embed(readings, model)
    return readings


_POSSIBLE_CATEGORIES = {name for name, (level, _) in CATEGORIES.items() if level == "possible"}
# Sentences the embedding model may raise: the writer's own, not explained away by a rule.
_NOT_RAISED = {"idiom", "joke", "negated", "past", "someone-else", "topic"}


def _embed(readings: list[_Reading], model: dict | None) -> None:
    """Embedding-model probabilities for the sentences it may raise (one batch per text)."""
    trained = (model or {}).get("embedding")
    embedder = embeddings.load() if trained else None
    if embedder is None:
        return
    chosen = [r for r in readings if (r.writer or r.first_person) and r.why not in _NOT_RAISED]
    for reading, vector in zip(chosen, embedder.embed([r.sentence.text for r in chosen])):
        reading.e_any = embeddings.probability(trained["any"], vector)
        reading.e_high = embeddings.probability(trained["high"], vector)


# Frames in which risk-adjacent words are ordinary: a conditional on an everyday annoyance ("if I
# have to sit through one more meeting I will…"), looking after medication ("so I don't forget"),
# and good news around a goodbye or a giveaway ("before the move", "he's thrilled").
HYPERBOLE_FRAME = re.compile(r"\bif (?:i|it|they|this|the|he|she|my|we)\b.*\b(?:one more|again|don't get|doesn't)\b|"
                             r"\b(?:one more|another) (?:\w+ ){0,3}(?:and|then) i(?:'ll|'m| will| am)\b")
CARE_FRAME = re.compile(r"\b(?:so (?:i|she|he|they) (?:don't|doesn't|won't) (?:forget|miss|double)|as prescribed|dosette|organiser|"
                        r"reminders?|alarm|for my (?:back|head|knee|period|cold|migraine)|for (?:gran|nan|grandma|grandad)|"
                        r"repeat prescription|her (?:dosette|tablets|meds)|taking (?:it|them) every)\b")
GOOD_FRAME = re.compile(r"\b(?:onwards|qualified|married|engaged|going-away|the right (?:move|time to go)|heading to|head to|"
                        r"quit(?:ting)? smoking|sabbatical|dissertation|hand in|surgery|surgeon|notebook|it's full|climbing|camping|sailing|kitchen|garden|swing|diy|allotment|fishing|cooking|recipe|knife set|"
                        r"thrilled|brilliant|love it|amazing|excited|can't wait|cake|leaving do|leaving drinks|new job|"
                        r"move|moving|travelling|holiday|wedding|baby|promotion|lessons|learning|lighter already|felt great|"
                        r"felt amazing|graduat\w+|retir\w+)\b")


FINALITY = re.compile(FINAL_PHRASES + r"|\bfor good\b|\bgone\b|\bafterwards\b|\bnobody (?:notices|will notice)\b|\bnormal way\b|"
                      r"\bend (?:it|things|my life)\b|\blast (?:christmas|birthday|summer|week|time)\b")


def _frame(lower: str) -> str | None:
    """The ordinary frame a sentence is in, if any; never where it also speaks of finality."""
    if FINALITY.search(lower):
        return None
    if HYPERBOLE_FRAME.search(lower) and not _STRONG_SELF.search(lower):
        return "hyperbole"
    if CARE_FRAME.search(lower) and not re.search(r"\b(?:enough|stockpil\w*|sav(?:e|ing) (?:them|up)|hid\w*|instead of)\b", lower):
        return "care"
    if GOOD_FRAME.search(lower) and not _STRONG_SELF.search(lower):
        return "good-news"
    if PAST.search(lower) and (RESOLVED.search(lower) or not BACK_NOW.search(lower)):
        return "past"
    return None


# Words that keep a sentence about risk whatever the rest of the text says.
_RISK_CORE = re.compile(r"\b(?:die|dying|dead|death|suicid\w*|kill\w*|overdose|pills|tablets|meds|rope|blades?|razors?|"
                        r"cut(?:ting)? myself|hurt(?:ing)? myself|harm(?:ing)? myself|end (?:it|my life|things)|"
                        r"won't be (?:here|around|alive)|not be here|when i'm gone|afterwards)\b")
# A whole text that says the past is resolved (stricter than RESOLVED, which reads one sentence).
RESOLVED_TEXT = re.compile(r"\b(?:(?:in|into) (?:a )?(?:really |much )?good place|recovered|in recovery|came out of (?:it|that)|"
                           r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty) years (?:clean|free|well)|"
                           r"i'm (?:well|okay|ok|fine|safe) now|my recovery|free of (?:it|them) for)\b")
_PAST_TENSE = re.compile(r"\b(?:had|was|were|did|used to|\w+ed)\b")


def _whole_text_frames(decisions: list[list]) -> None:
    """Frames that one sentence sets for the whole text: good news ("Onwards to Manchester!")
    around goodbyes and giveaways, and a resolved past ("I'm in a good place now") around a
    sentence in the past tense. Only sentences without the core words of risk are let go."""
    lowers = [_plain(sentence.lower) for sentence, _, _ in decisions]
    good = any(GOOD_FRAME.search(x) for x in lowers) and not any(_STRONG_SELF.search(x) for x in lowers)
    resolved = any(RESOLVED_TEXT.search(x) for x in lowers)
    for decision, lower in zip(decisions, lowers):
        sentence, level, why = decision
        if level == "none" or _RISK_CORE.search(lower):
            continue
        # Only verdicts of the wording rules: what the learned models raise ("I won't need it where
        # I'm going") stays, whatever good news sits beside it.
        if good and why in {"preparation", "plan", "plan-in-context", "phrase"}:
            decision[1], decision[2] = "none", "good-news"
        elif resolved and _PAST_TENSE.search(lower) and not BACK_NOW.search(lower) and not re.search(RECENT, lower):
            decision[1], decision[2] = "none", "past"


def decide(readings: list[_Reading], model: dict | None) -> Screen:
    t_any = model.get("t_any", 1.1) if model else 1.1
    t_high = model.get("t_high", 1.1) if model else 1.1
    t_veto = model.get("t_veto", -1.0) if model else -1.0
    embedded = bool(model and model.get("embedding") and any(r.e_any or r.e_high for r in readings))
    e_any = model.get("embedding", {}).get("t_any", 1.1) if model else 1.1
    e_high = model.get("embedding", {}).get("t_high", 1.1) if model else 1.1
    decisions = []
    for r in readings:
        level, why = r.level, r.why
        if not (model and model.get("features") == "classes"):
            # The previous screen's decision, kept for a model without word classes (the feedback
            # engine screens client statements with it, so that its scores do not change).
            if model and why in {"unmatched", "death-word", "phrase"} | set(CATEGORIES) and r.first_person:
                if level == "none" and r.p_any >= t_any:
                    level, why = "possible", "learned"
                if level == "possible" and why not in CATEGORIES and RISK_VOCABULARY.search(r.sentence.lower) \
                        and r.p_high >= t_high:
                    level, why = "high", "learned"
            decisions.append([r.sentence, level, why])
            continue
        lower = _plain(r.sentence.lower)
        frame = _frame(lower) if level != "none" or r.p_any >= t_any or r.e_any >= e_any else None
        if frame and why in {"means", "preparation", "plan", "phrase", "death-word", "hopelessness", "passive-wish"} \
                and not (frame == "past" and why not in {"phrase", "death-word"}):
            level, why = "none", frame  # e.g. "Keeping my tablets in a dosette box so I don't forget doses"
        elif r.writer and why not in {"idiom", "joke", "negated", "past", "someone-else", "topic"} and not frame:
            # The older phrase bank was written from our training texts; where the learned model,
            # which reads word classes, finds nothing of risk in the sentence, its verdict is dropped.
            if why in {"phrase", "death-word"} and r.p_any < t_veto:
                level, why = "none", "learned-veto"
            # When unsure, a gentle check-in (possible) is preferred to silence ...
            elif level == "none" and r.p_any >= t_any:
                level, why = "possible", "learned"
            # ... but the interrupting support panel (high) needs the sentence to talk about risk.
            schema = riskwords.high_schema(r.classes)
            if level == "possible" and why not in {"passive-wish", "hopelessness"} and schema and r.p_high >= t_high:
                level, why = "high", f"learned:{schema}"
        if embedded and not frame and r.e_any >= e_any:
            # Sentence embeddings read meaning rather than words ("a long sleep I don't come back
            # from"); they may raise the writer's own sentence that no rule explained away.
            # As for word classes, a sentence a rule reads as a passive wish or hopelessness stays `possible`.
            if r.e_high >= e_high and level != "high" and why not in _POSSIBLE_CATEGORIES:
                level, why = "high", "embedding"
            elif level == "none":
                level, why = "possible", "embedding"
        decisions.append([r.sentence, level, why])
    if any(level != "none" for _, level, _ in decisions):
        # Beside risk, a sentence about timing, readiness or finality is a plan or a goodbye.
        for decision in decisions:
            sentence, level, why = decision
            if level != "high" and why in {"unmatched", "death-word", "phrase", "learned"} | set(CATEGORIES) \
                    and not (model and model.get("features") == "classes" and _frame(_plain(sentence.lower))) \
                    and IN_CONTEXT_HIGH.search(sentence.lower) and not _negated(sentence.lower, IN_CONTEXT_HIGH.search(sentence.lower).start()):
                decision[1], decision[2] = "high", "plan-in-context"
    if model and model.get("features") == "classes":
        _whole_text_frames(decisions)
    high = [s.text for s, level, _ in decisions if level == "high"]
    possible = [s.text for s, level, _ in decisions if level == "possible"]
    reasons = {s.text: why for s, level, why in decisions if level != "none"}
    used = bool(model and model.get("embedding") and embeddings.load())
    if high:
        return Screen("high", high + possible, reasons, used)
    if possible:
        return Screen("possible", possible, reasons, used)
    return Screen("none", [], {}, used)


def screen(text: str, model: dict | None = None, for_context: bool = False) -> Screen:
    """Rules first; a small learned model over words and word classes, trained on our labelled
    texts, may raise a sentence in the writer's own voice to `possible` (or `high`), or drop a
    verdict of the older phrase bank that it finds no risk in. `for_context`: the feedback engine
    screening a client statement uses the previous screen's model and decision (`risk_context`
    in model.json), so that feedback scores stay as they were."""
    model = model if model is not None else _learned_model("risk_context" if for_context else "risk")
    return decide(read(text, model), model)


def _learned_model(key: str = "risk") -> dict | None:
    from tend.feedback.engine import MODEL_PATH, load_model

    try:
        model = load_model(str(MODEL_PATH))
        return model.get(key, model.get("risk"))
    except FileNotFoundError:
        return None
