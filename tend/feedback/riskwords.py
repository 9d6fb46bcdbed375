"""Word classes for the risk screen's learned component.

A sentence is described by its words AND by the classes its words belong to (a method, a keeping
verb, finality, near time, giving away, belongings, affairs, burden, vanishing, ...), and by which
classes occur together in it. The classes come from the rubric's risk levels and the C-SSRS ladder
in the research notes, not from our texts, so "forty sleeping tablets in a shoebox" and "a month's
worth of lithium" share features (SELF + METHOD + AMOUNT) although they share no words. Each class
a sentence shows is named in the explanation of a decision.
"""

import re

from tend.feedback import text as t

CLASSES: dict[str, str] = {
    "SELF": r"i|i'm|im|i've|ive|i'd|i'll|me|my|myself|mine",
    "YOU": r"you|you're|you've|you'll|you'd|your|yourself|u|ur",
    "OTHER": r"she|he|they|her|him|his|their|them|she's|he's|they're|herself|himself|themselves|client\w*|patient\w*|"
             r"brother|sister|friend|son|daughter|mum|dad|mother|father|grandad|gran|nan|partner|colleague\w*|someone|man|woman",
    "PROF": r"session|supervis\w+|lesson|module|lecture|seminar|webinar|cpd|role-?play\w*|role-?played|vignette|drill|case|"
            r"assessment|referral|safety|crisis|gp|nurse|placement|essay|dissertation|reading|theory|exam|flashcards?|"
            r"c-ssrs|notes?|reports?|denied|disclosed|practised|practice|character|warning|signs",
    "METHOD": r"pills?|tablets?|meds|medication|paracetamol|ibuprofen|painkillers?|insulin|lithium|morphine|patches|codeine|"
              r"amitriptyline|sertraline|overdose|rope|noose|ligature|blades?|razors?|knife|knives|gun|poison|bleach|vodka|"
              r"insulin pens|the stuff|the means|swallowed|blister packs?|cabinet|medicine box|the lot",
    "PLACE": r"bridge|viaduct|roof|cliffs?|tracks|train|railway|multi-storey|ledge|edge|sea|river|quarry|motorway|car park|lake",
    "KEEP": r"sav\w+|stockpil\w+|hoard\w*|collect\w*|stash\w*|hid|hidden|hiding|holding|aside|counted|counting|jar|shoebox|"
            r"buying|bought|got|keeping|kept|lined|ready|enough|worth|plenty",
    "AMOUNT": r"enough|forty|thirty|twenty|fifty|hundred|month's|weeks'|plenty|all|every|everything|box|boxes|jar|stash|"
              r"worth|dozens?|lots",
    "FINAL": r"last|final|goodbye\w*|farewell|forever|permanently|afterwards|gone|finished|"
             r"ready|decision|for good|for ever|whoever|made my peace|at peace|permanently|checking out|made sure|who gets what|"
             r"fault|blame|about to|it's done|it'll be done|that's it|find me|last thing|thank you for everything|any longer",
    "SOON": r"tonight|tonite|tomorrow|weekend|friday|saturday|sunday|monday|tuesday|wednesday|thursday|soon|by spring|"
            r"birthday|christmas|next week|a date|the date|this time|last night|today|an hour ago|this morning|right now|tonights",
    "GIVE": r"gave|give|given|giving|handed|signed|rehom\w+|labelled|donated",
    "THINGS": r"guitar|dog|cat|pets?|plants?|car|things|stuff|belongings|clothes|coat|books|records|jewellery|savings|"
              r"collection|everything i own",
    "AFFAIRS": r"my will|a will|the will|passwords?|password|bank|accounts?|bills?|insurance|rent|handed in my notice|debts?|paid off|socials|"
               r"in order|folder|instructions|signed over",
    "NOTE": r"note|notes|letter|letters|cards|emails?|message\w*|texts?|wrote|writing|written|scheduled",
    "KIN": r"mum|mam|mom|dad|wife|husband|kids|children|sister|brother|family|niece|nephew|gran|nan|parents|partner|"
           r"friends|son|daughter",
    "DEATH": r"die|died|dies|dead|death|dying|funeral|grave|scatter|buried|alive|kill\w*|suicid\w*|unalive|life|living|live",
    "SLEEP": r"sleep|asleep|wake|waking|woke|dark|rest|close|eyes",
    "VANISH": r"disappear\w*|vanish\w*|fade\w*|faded|fading|ghost|invisible|exist\w*|gone|away|found|around|here|being|"
              r"stay there|come back|coming back|not be",
    "BURDEN": r"burden\w*|weight|waste|space|cost|drag\w*|carry|carrying|lighter|easier|better|happier|relieved|relief|"
              r"ruin\w*|deserve\w*|without|too|much",
    "HOPELESS": r"pointless|point|hopeless\w*|nothing|never|trapped|stuck|well|tunnel|drowning|doors|rope|use|worth|"
                r"reasons?|ahead|future|lifting|fighting|better|same|tired|anymore|left",
    "HARM": r"cut|cuts|cutting|blade|burn\w*|bleed\w*|blood|scratch\w*|pick|punish\w*|sh|hurt\w*|harm\w*|scars?|deeper|"
            r"sleeves|sharp|skin|arm|arms|wrists?|thighs?|compass|scissors|razor|starv\w+|bruis\w+",
    "URGE": r"urges?|crav\w+|pull|itch\w*|tempt\w*|screaming|wanting|again|the old|clean for|relapse\w*|wagon",
    "PLAN": r"plan|planned|planning|decided|picked|chosen|chose|booked|worked out|know how|know where|know which|know when|counted|steps|route|"
            r"arranged|sorted|made|sure|intention|intend\w*",
    "SECRET": r"nobody knows|no one knows|nobody will|nobody would|won't notice|search history|secret|didn't say why|haven't told anyone",
    "JOKE": r"lol|haha\w*|kidding|joking|jk|lmao|😂|🤣|literally|honestly",
    "CARE": r"prescribed|prescription|dose|doses|dosette|pharmacist|repeat|forget|gp|chemist|vet|allerg\w*|hospice|"
            r"surgery|operation|anaesthetist",
    "MEDIA": r"film|episode|series|song|chorus|lyrics|game|boss|level|character|podcast|poem|documentary|book|novel|show|play\w*",
    "FUTURE": r"looking|forward|excited|new|wedding|holiday|moving|move|travelling|marathon|job|bike|proud|progress|"
              r"grateful|brilliant|amazing|lovely|joy",
}
_CLASS_OF: dict[str, list[str]] = {}
_MULTI: list[tuple[re.Pattern, str]] = []
for _name, _words in CLASSES.items():
    for _word in _words.split("|"):
        if re.fullmatch(r"[a-z0-9'\-]+", _word):
            _CLASS_OF.setdefault(_word, []).append(_name)
        else:
            _MULTI.append((re.compile(rf"(?<![\w'])(?:{_word})(?![\w'])"), _name))

TOKEN = re.compile(r"[a-z0-9'\-]+|[?!]|😂|🤣|💊")
NEGATORS = t.NEGATORS | {"no", "nobody", "never"}
# Classes whose co-occurrence within a sentence is a feature (the schemas: SELF+KEEP+METHOD is
# means, SELF+GIVE+THINGS is giving things away, FINAL+SOON is timing, ...).
PAIRED = ("SELF", "YOU", "OTHER", "PROF", "METHOD", "PLACE", "KEEP", "AMOUNT", "FINAL", "SOON", "GIVE", "THINGS",
          "AFFAIRS", "NOTE", "KIN", "DEATH", "SLEEP", "VANISH", "BURDEN", "HOPELESS", "HARM", "URGE", "PLAN", "SECRET",
          "JOKE", "CARE", "MEDIA", "FUTURE", "NEG")


def classes(lower: str) -> list[str]:
    """The classes a (lower-cased) sentence shows, in order of first appearance."""
    found: list[str] = []
    for token in TOKEN.findall(lower):
        for name in _CLASS_OF.get(token, ()):
            if name not in found:
                found.append(name)
        if token in NEGATORS and "NEG" not in found:
            found.append("NEG")
    for pattern, name in _MULTI:
        if name not in found and pattern.search(lower):
            found.append(name)
    return found


def features(text: str) -> list[str]:
    """Words, word pairs, classes and pairs of classes that occur together. Words and classes in
    the scope of a negator (the three words after it, within the clause) are marked NOT_, so that
    "I'm not suicidal" does not look like "I'm suicidal"."""
    lower = t.strip_quotations(t.normalise(text)).lower()
    tokens = TOKEN.findall(lower.replace("n't", " n't"))
    marked, scoped, left = [], set(), 0
    for token in tokens:
        if token in NEGATORS or token == "n't":
            marked.append(token)
            left = 3
        elif left and token not in {"?", "!", "but", "just", "and"}:
            marked.append(f"NOT_{token}")
            scoped.add(token)
            left -= 1
        else:
            marked.append(token)
            left = 0
    found = classes(" ".join(w for w in tokens if w not in scoped))
    negated = [c for c in classes(" ".join(scoped)) if c not in found] if scoped else []
    present = sorted(c for c in found if c in PAIRED)
    pairs = [f"{a}&{b}" for i, a in enumerate(present) for b in present[i + 1:]]
    return (marked + [f"{a} {b}" for a, b in zip(marked, marked[1:])] + [f"C:{c}" for c in found]
            + [f"NOT_C:{c}" for c in negated] + pairs)


def high_schema(found: list[str]) -> str | None:
    """The schema of a high-risk sentence that its classes show, if any: means (a method with
    keeping, an amount or a time), a place with a plan or a time, harm now, giving things away or
    arranging affairs with finality, a note to the people left, death with a plan or a time, or
    finality with a time. The learned model may open the `high` panel only with one of these."""
    c = set(found)
    if "METHOD" in c and c & {"KEEP", "AMOUNT", "SOON", "FINAL", "SECRET"}:
        return "means"
    if "PLACE" in c and c & {"PLAN", "SOON", "FINAL"}:
        return "plan"
    if "HARM" in c and c & {"SOON", "URGE", "FINAL", "SECRET"}:
        return "self-harm-now"
    if ("GIVE" in c and "THINGS" in c or "AFFAIRS" in c) and c & {"FINAL", "KIN", "SECRET"}:
        return "preparation"
    if "NOTE" in c and c & {"FINAL", "SECRET"} and c & {"KIN", "FINAL"}:
        return "preparation"
    if "DEATH" in c and c & {"PLAN", "SOON", "FINAL"}:
        return "intent"
    if "FINAL" in c and "SOON" in c and "SELF" in c:
        return "timing"
    return None
