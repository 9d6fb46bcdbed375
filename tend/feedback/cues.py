"""Sentence-level cue detectors: each names what it found and in which sentence.

Cues are phrases, not single sentiment words: "It makes complete sense that you feel ashamed" is
validation, even though "ashamed" is a negative word. Each cue is checked for negation ("you are
not a failure" is not agreeing with the critic) and quotations are removed first, so reflecting
the client's own words back ("you said 'I'm useless'") is not judging them.
"""

import re
from dataclasses import dataclass

from tend.feedback import text as t


@dataclass(frozen=True)
class Cue:
    name: str
    pattern: re.Pattern
    negatable: bool = True  # a negation just before the match cancels it


def _cues(name: str, patterns: list[str], negatable: bool = True) -> list[Cue]:
    return [Cue(name, re.compile(p), negatable) for p in patterns]


# --- Response flags -----------------------------------------------------------------------------

JUDGMENTAL = _cues("judgmental", [
    r"\byour (own )?fault\b", r"\bbrought (this|it) on (yourself|your self)\b", r"\bpathetic\b", r"\bstop (whining|moaning|complaining|feeling sorry)\b",
    r"\b(that's|that is|this is|it's|being) (silly|ridiculous|stupid|childish|dramatic|irrational|an overreaction|self-indulgent|selfish|lazy)\b",
    r"\byou('re| are) (being )?(over ?reacting|too sensitive|dramatic|lazy|selfish|weak|attention[- ]seeking|making (a fuss|excuses)|a failure|useless|hopeless|pathetic)\b",
    r"\bwhat did you expect\b", r"\bgrow up\b", r"\bpull yourself together\b", r"\bman up\b", r"\bget a grip\b",
    r"\byou (should|shouldn't|should not) have (known|done|said|been|listened)\b", r"\bno wonder (he|she|they|people)\b",
    r"\b(your critic|the critic|that voice) (is|has a point|might be) right\b", r"\bhonestly,? (you|it)\b.*\b(fault|deserve|expect)\b",
    r"\byou deserved?\b", r"\b(sounds|seems) like an excuse\b", r"\bthat's on you\b", r"\bblame yourself\b.*\b(should|fair)\b",
    r"\b(come on|seriously),? (you|it|that)\b",
])
MINIMISING = _cues("minimising", [
    r"\b(it's|it is|that's|that is|this is) (only|just) (a|one|some)\b", r"\bit's not (that|so|such a) (bad|big|serious)\b", r"\bat least\b",
    r"\beveryone (forgets|feels|gets|goes through|has|does)\b", r"\bhappens to (everyone|all of us|everybody)\b", r"\bno big deal\b",
    r"\b(could|it could) (be|have been) (worse|a lot worse)\b", r"\b(it's|it is) nothing\b", r"\bdon't worry( about it)?\b",
    r"\bnot (really )?a big deal\b", r"\byou('ll| will) (get over|forget about) it\b", r"\bother people have it (worse|harder)\b",
    r"\b(only|just) a (little|small|minor) (thing|mistake|slip|setback)\b", r"\bit's not the end of the world\b",
], negatable=False)
PREMATURE_ADVICE = _cues("premature_advice", [
    r"\byou (should|need to|have to|must|ought to)\b", r"\b(have you tried|why don't you|why not (just )?try|you could (just )?try)\b",
    r"\b(i|i'd) (suggest|recommend|advise)\b", r"\bmake a (list|plan|schedule)\b", r"\b(the best thing|what you need) (is|to do)\b",
    r"\bhere's what\b", r"\bhomework\b", r"\bnext time,? (you|try|just)\b", r"^(try|go|start|write|practise|practice|remember|stop|do|just|focus|breathe|tell|make|set|take|put|get)\b",
    r"\bjust (try|do|go|tell|stop|focus|think|remember|breathe|say|ignore|get)\b", r"\b(a|one) (technique|strategy|tip|trick|exercise) (is|that|you)\b",
    r"\bif you (just|simply)\b", r"\b(simply|all you need to do)\b",
], negatable=False)
INVALIDATING = _cues("invalidating", [
    r"\b(don't|do not|shouldn't|should not|no need to|there's no need to|no reason to) (feel|be) (so |that )?(bad|sad|guilty|ashamed|upset|angry|worried|scared|anxious|like that|that way)\b",
    r"\b(calm down|cheer up|snap out of it|get over it|move on|let it go|stop thinking (about )?(that|it)|stop feeling)\b",
    r"\byou('re| are) (over ?thinking|making too much|reading too much)\b", r"\b(anyway|moving on|let's move on|let's get back to|back to (the|our) (agenda|plan))\b",
    r"\b(that's|that is|it's) not (true|how it is|really what happened|rational)\b", r"\byou don't really (mean|feel|think)\b",
    r"\b(there's|there is) no (reason|point) (to|in) (feel|feeling|getting)\b", r"\blet's not (dwell|focus) on\b", r"\bit's all in your head\b",
], negatable=False)
TOXIC_POSITIVITY = _cues("toxic_positivity", [
    r"\b(stay|be|just be|think|keep) positive\b", r"\b(look on|focus on) the bright side\b", r"\beverything happens for a reason\b", r"\bgood vibes\b",
    r"\bchoose (happiness|joy|to be happy)\b", r"\b(it'll|it will|everything will) (all )?(be fine|work out|be okay|be ok)\b", r"\bsilver lining\b",
    r"\bbe grateful\b", r"\b(just )?smile\b", r"\bpositive (mindset|thinking|attitude)\b", r"\bhappiness is a choice\b", r"\bno bad days\b",
    r"\bcount your blessings\b", r"\bchin up\b", r"\bthings could be so much worse\b",
], negatable=False)

# --- Letter flags -------------------------------------------------------------------------------

SELF_ATTACK = _cues("self_attack", [
    r"\bi (hate|despise|loathe|can't stand) (myself|me|you)\b", r"\b(disgusting|disgusted with (myself|you)|pathetic|loser|idiot|moron|worthless|repulsive)\b",
    r"\b(you|i) (stupid|useless|fat|ugly|lazy) (idiot|cow|mess|thing|failure|person)\b", r"\bwhat('s| is) wrong with (you|me)\b",
    r"\b(you|i) deserve (to suffer|it|this|nothing|pain|to feel bad|to be (alone|miserable|punished))\b", r"\bsick of (you|myself)\b",
    r"\b(shut up|get a grip),? (you|idiot)\b", r"\bno wonder (nobody|no one)\b", r"\b(you|i) (always|never) (ruin|mess|screw) (everything|it|things) up\b",
    r"\b(you're|you are|i'm|i am) (so |such an? )?(stupid|idiot|disgrace|joke|embarrassment)\b",
])
SELF_INADEQUACY = _cues("self_inadequacy", [
    r"\b(i'm|i am|you're|you are) (just |such )?(not good enough|a failure|useless|inadequate|hopeless|not enough|rubbish|a fraud|incompetent)\b",
    r"\b(i|you) (can't|cannot|never) (do|get) anything right\b", r"\bnever (good )?enough\b", r"\b(fall|fell|falling) short\b", r"\b(i|you) failed (again|at everything)\b",
    r"\beveryone (else )?(is|does) better than (me|you)\b", r"\bnot cut out for\b", r"\b(i|you) (always|keep) (fail|failing|letting (everyone|people) down)\b",
])
SHOULD_PRESSURE = _cues("should_pressure", [
    r"\b(you|i) (should|must|have to|need to|ought to|had better)\b(?! (be (gentle|kind)|rest|go easy))", r"\bno (more )?excuses\b", r"\bget it together\b",
    r"\b(do|try) better\b", r"\bshould have\b", r"\bshouldn't have\b", r"\bbetter (sort|pull) (yourself|myself)\b", r"\bmust not\b",
], negatable=False)

# --- Dimension cues (positive evidence) ----------------------------------------------------------

WARMTH = _cues("warmth", [
    r"\b(it|that) makes (complete |total |so much |a lot of )?sense\b", r"\b(completely |totally |very )?understandable\b", r"\bof course (you|it|that)\b",
    r"\b(that|this|it) (sounds|must be|must have been|feels|seems) (really |so |very |incredibly )?(hard|painful|difficult|heavy|exhausting|lonely|frightening|scary|tough|overwhelming|upsetting|awful|distressing|a lot)\b",
    r"\bi (can )?(hear|see|sense) (how|that|what|the|your)\b", r"\bi'm (so |really |very )?sorry\b", r"\bthank you for (telling|sharing|trusting|saying)\b",
    r"\b(no wonder|anyone would)\b", r"\bit took (real )?(courage|guts)\b", r"\b(that's|that is) a lot\b", r"\bi (really )?appreciate\b", r"\bmy heart\b",
    r"\b(dear|sweetheart|love)\b", r"\bi care\b", r"\bwith (warmth|kindness|care)\b", r"\bgo easy on\b", r"\bbe gentle with\b", r"\bit's (okay|ok|alright) (to|that)\b",
], negatable=True)
UNDERSTANDING = _cues("understanding", [
    r"\btricky brain\b", r"\bnot your fault\b", r"\bthreat (system|mode|response|brain)\b", r"\bmakes sense (given|because|when|that|if|after|with)\b",
    r"\b(trying|tries|try) to (protect|keep you safe|help|look after)\b", r"\b(a lot of|many|most) (people|of us)\b", r"\banyone (would|in your|who)\b",
    r"\b(your|the) (mind|brain|body|critic|inner critic|critical voice|self-critic)\b", r"\bpart of you\b", r"\bwhen you (were|grew up|was)\b", r"\bgiven (what|how|everything|your)\b",
    r"\b(designed|evolved|learned|learnt) to\b", r"\bcommon humanity\b", r"\b(you're|you are) not (alone|the only|a failure|weak|broken|bad|stupid|to blame)\b",
    r"\bnot (because|a sign) (you're|you are|of)\b", r"\bof course (it|you|the)\b", r"\bwhere (it|that|this) comes from\b", r"\bit's human\b", r"\bhuman\b",
], negatable=False)
STRENGTH = _cues("strength", [
    r"\bi('m| am) (here|with you|not going anywhere|alongside)\b", r"\bstay with\b", r"\bwe can (look|face|take|stay|sit|go|work|find|explore)\b", r"\btogether\b",
    r"\b(take|taking) (our|your) time\b", r"\bno rush\b", r"\b(at your|at our own) pace\b", r"\bwith you\b", r"\b(courage|brave|strong enough|strength)\b",
    r"\b(we|you) (don't|do not) have to (rush|fix|solve|do it all)\b", r"\b(steady|steadiness|hold (this|it))\b", r"\b(i can|we can) bear\b", r"\bbreathe\b.*\btogether\b",
], negatable=False)
HELPFUL_ACTION = _cues("helpful_action", [
    r"\b(what|how) (would|might|could|do|does|did|is|are|was|were)\b[^.?!]*\?", r"\bwould you (be willing|like|be open|want)\b", r"\bcould we\b", r"\blet's\b",
    r"\b(one|a) (small|gentle|kind|tiny) (step|thing|action)\b", r"\bwhat (might|would|could) help\b", r"\bi wonder\b", r"\bwhat would it be like\b",
    r"\b(next step|small step|step by step)\b", r"\bwhat do you need\b", r"\bwhat would (a|your) (compassionate|kind|caring|wise)\b", r"\bwhen you're ready\b",
    r"\b(can|could|shall) (we|i) (try|explore|look|notice|practise|practice)\b", r"\bperhaps (we|you) could\b", r"\b(tomorrow|this week|tonight) (i|you) (could|might|will)\b",
], negatable=False)
SAFETY_QUESTION = re.compile(
    r"\b(suicid\w*|kill (yourself|yourself)|end (your|your own) life|ending (your|your own) life|harm(ing)? yourself|hurt(ing)? yourself|"
    r"(are|feel|feeling|keep) (you )?safe|your safety|keep(ing)? (you|yourself) safe|thoughts of (dying|death|ending|not being here|not wanting to be here)|"
    r"not (wanting|want) to (be here|live|be alive)|plan to|wish you (were|was) dead|(take|taking) your (own )?life|"
    r"acting on (it|them|those thoughts|that)|ending (things|it)|killing yourself|kill yourself|done anything to prepare|"
    r"thoughts of (suicide|ending|killing|harming|hurting|dying)|thinking (of|about) (ending|suicide|killing|dying|not being here))\b"
)

RESPONSE_FLAGS = {"judgmental": JUDGMENTAL, "minimising": MINIMISING, "premature_advice": PREMATURE_ADVICE,
                  "invalidating": INVALIDATING, "toxic_positivity": TOXIC_POSITIVITY}
LETTER_FLAGS = {"self_attack": SELF_ATTACK, "self_inadequacy": SELF_INADEQUACY, "should_pressure": SHOULD_PRESSURE,
                "minimising": MINIMISING, "toxic_positivity": TOXIC_POSITIVITY}
DIMENSION_CUES = {"warmth": WARMTH, "understanding": UNDERSTANDING, "strength": STRENGTH, "helpful_action": HELPFUL_ACTION}


def find(cues: list[Cue], sentence: t.Sentence) -> bool:
    for cue in cues:
        for match in cue.pattern.finditer(sentence.lower):
            if cue.negatable and t.negated_before(sentence.lower, match.start(), window=3):
                continue
            return True
    return False


def hits(groups: dict[str, list[Cue]], sentences: list[t.Sentence]) -> dict[str, list[int]]:
    """For each cue group, the indexes of the sentences where it fires."""
    return {name: [i for i, s in enumerate(sentences) if find(cues, s)] for name, cues in groups.items()}
