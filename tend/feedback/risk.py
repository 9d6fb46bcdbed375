"""The risk screen: does a person's OWN writing show suicide or self-harm risk?

Levels (see shared/spec/feedback-rubric.md): `high` (current intent, plan, means, preparation,
self-harm now, including indirect phrasing), `possible` (passive ideation, hopelessness, feeling a
burden, recurring self-harm urges), `none`. Every decision names the sentences that caused it.

Design choices, each a rule below:
- quoted text is removed first (a client's words, a drill, a vignette);
- sentences about someone else in a professional voice ("my client said…") are not the writer's risk;
- idioms and games ("this deadline is killing me", "I died on level 3") are not risk;
- clear negation of a risk word ("I'm not suicidal") is not risk, but phrases whose meaning
  contains a negation ("I don't want to be here any more") are;
- resolved past history is not current risk unless the sentence says it is back;
- when a first-person sentence talks of death or self-harm and no rule explains it away,
  the screen says `possible`: it prefers a gentle check-in to missing someone.
"""

import re
from dataclasses import dataclass, field

from tend.feedback import learned
from tend.feedback import text as t

HIGH = [
    r"\b(kill|killing|hang|hanging|drown|drowning) myself\b",
    r"\b(end|ending|take|taking) my (own )?life\b",
    r"\bend(ing)? it all\b",
    r"\bcommit(ting)? suicide\b",
    r"\b(going to|gonna|want to|plan to|planning to|decided to|will) (die|end it|kill myself|hurt myself|cut myself)\b",
    r"\bi('ve| have) (got )?a plan\b.*\b(die|end|suicide|kill|life|it)\b",
    r"\b(have|made|make|making) (a )?plans? to (die|end|kill)\b",
    r"\b(saving|saved|stockpil\w*|hoard\w*|collecting|kept) (up )?(all )?(my |the )?(pills|tablets|meds|medication|painkillers)\b",
    r"\bhow many (pills|tablets|of them)\b.*\b(take|need|kill|enough)\b",
    r"\b(looked|looking|searched|searching|researched|researching|googled|googling|read up) (up )?(on )?(how to|ways to|methods|how many|the best way)\b",
    r"\b(know|knew|worked out|figured out|decided) (exactly )?how i('d| would| will| am going to) do it\b",
    r"\b(goodbye|farewell|suicide) (letter|note|message)s?\b",
    r"\b(written|wrote|writing) (letters|notes|goodbye\w*) to (everyone|my family|them all|my kids)\b",
    r"\b(given|giving|gave) (away )?(all )?my (things|stuff|belongings|guitar|books|cat|dog|records|savings)\b.*\b(away|to)\b",
    r"\bgiving (all )?(my )?(things|stuff|belongings) away\b",
    r"\b(won't|will not|wont) be (here|around) (tomorrow|next week|much longer|for long|by)\b",
    r"\btonight('s| is) the night\b",
    r"\bi (cut|burned|burnt|hurt|harmed) myself (today|tonight|last night|again|this (morning|week|evening)|yesterday)\b",
    r"\bi('ve| have) been (cutting|burning|hurting|harming) myself\b",
    r"\b(bought|got|have) (a )?(rope|razor blades?|blades)\b.*\b(for|to)\b",
    r"\b(wrote|written|updated|made) (my|a) will\b.*\b(just in case|before|so)\b",
    r"\b(it'll|it will|this will|it'?s going to) (all )?be over (soon|by|tonight|this)\b|\bby the time (anyone|you|they|someone) reads? this\b",
    r"\b(i'm|i am) ending it\b|\bend it (tonight|this weekend|soon|on)\b",
    r"\b(last|final) (post|message|time you'll hear|one (she|he|they)'ll get)\b",
    r"\bwon't be (alive|needing|at the next|around (much|for|by))\b|\bnot (going to|gonna) be (alive|around) (much longer|for long|by)\b",
    r"\b(don't|do not) intend to be alive\b|\bchoosing (that|to die|death)\b",
    r"\b(decided|know|picked|chosen|timed|planned) (exactly )?(how|when|where|the day|the date|a date|it for)\b.*\b(do it|die|end|gone|going to|i'm|flat|weekend|sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b",
    r"\b(made|making) my decision to (die|end)\b|\bi('ve| have) decided\.?$",
    r"\b(rehearsing|rehearse|practising) it\b.*\b(head|step)\b|\bknow exactly when i'll\b",
    r"\b(note|letter)s? (for|to) (my )?(mum|mam|dad|family|partner|husband|wife|kids|children|sister|brother|friends?)\b.*\b(afterwards|find it|after i'm gone|when i'm gone)\b",
    r"\b(when|after|once) i'm gone\b|\bwhile i still can\b|\bso nobody (will look|notices|finds)\b|\bnobody will look for me\b",
    r"\b(rehomed|gave away|given away|found a home for) my (dog|cat|pets?)\b",
    r"\b(enough|a box of|box of|stash of|collected|hiding|hidden|buying extra|bought extra|counted) (my |the |old )?(tablets|pills|painkillers|prescriptions|medication|meds)\b|\b(tablets|pills|painkillers|prescriptions|medication) (hidden|stashed)\b|\bcounted them\b",
    r"\b(doing the same|stockpiling|hoarding|saving|collecting) with my own (prescriptions|pills|tablets|medication|meds)\b",
    r"\b(keeping|kept|keep|putting|put) (hold of |aside )?(my |the )?(tablets|pills|meds|medication|prescription)\b.*\b(instead|just in case|aside|for when|not taking)\b",
    r"\b(quickest|easiest|best|painless) way to (die|end it|kill myself)\b|\beverything i need to end it\b",
    r"\bfound (my|a) way out\b.*\b(taking|take|use) it\b",
    r"\b(cut|burned|burnt|self-harmed|self harmed|harmed myself|hurt myself) (again|this morning|today|tonight|last night|yesterday)\b|\bfresh dressing\b|\b(punched|hit|scratched|burned) .*\bon purpose\b",
    r"\bwon't be a (problem|burden) (any ?more|for much longer|for anyone much longer)\b|\bwon't be needing (it|them|anything)\b",
    r"\b(kms|kys|unalive)\b(?! my (alarm|phone|plant))",
    r"\b(i've|i have|i) got (enough|everything i need|what i need|the means)\b|\bbought the stuff\b|\bhave the means\b|\bgot the means\b",
    r"\bkept back (some of )?my (meds|medication|tablets|pills)\b|\bnot (planning|going) to take them the normal way\b|\bwhere .* keeps the key\b",
    r"\b(gone|done|rest|check out|go|leave|away) for good\b|\bit's for good\b|\b(bye|goodbye) forever\b",
    r"\blast (christmas|birthday|thing i'll ever|time you'll|post i'll|entry i'll)\b",
    r"\b(be free of me|have to deal with me ever again|none of this will (be my problem|matter)|at peace and everyone)\b",
    r"\bwon't be here when you wake\b|\b(not going to|won't) see (next year|the end of the (month|week|year))\b|\bdon't think i'll see the end\b",
    r"\btime to go and be with\b|\b(made my mind up|made up my mind|my mind's made up|it's decided|picked the day)\b",
    r"\b(the )?plan('s| is) (sorted|ready|set)\b|\bhad my plan ready\b|\bgot it all (figured|worked) out\b|\bthe how and the when\b|\bknow how and (i know )?when\b",
    r"\bworked out (the )?(timing|when|details|how)\b|\bworking out the details\b|\bgoing over the steps\b|\brehearsed it\b|\bthat's when\b",
    r"\b(started|been|i'm|am) hurting (myself|my arms|my legs|my body)\b|\bhurting myself (most|every) (nights?|days?)\b",
    r"\b(self-harmed|self harmed|hurt myself|cut myself|sh'd) (twice|again|after|today|since|this|last)\b|\bjust hurt myself\b|\bhurt myself\.?$",
    r"\b(scratched|punched|hit|bang(ed)?|burned) (my skin|the wall|myself|my head)\b.*\b(raw|till|until|hurt|split|bled|purpose)\b",
    r"\bloose ends\b.*\bbefore i go\b|\bbefore i go\b.*\bwon't be long\b|\bto send afterwards\b|\bsaid my goodbyes\b|\bsaying goodbye to people\b.*\b(realising|knowing)\b",
    r"\bgoing to (end things|end it|do it|go through with it)\b|\bgo through with it\b|\bend things tonight\b",
]

POSSIBLE = [
    r"\b(be |are |is |would be )?better off without me\b",
    r"\b(wish|wished|wishing) i (could|would|was|were|had)n?'?t? ?(not )?(wake up|dead|gone|disappear|never been born|not here|go to sleep and not)",
    r"\bgo to sleep and (not|never) wake up\b",
    r"\b(don't|do not|didn't) want to (be here|live|exist|wake up|carry on|go on|be alive)( any ?more)?\b",
    r"\bno (point|reason) (in )?(living|being alive|going on|carrying on|to live|to go on|in anything)\b",
    r"\b(can't|cannot|can not) (go on|carry on|keep going|do this any ?more|take (it|this) any ?more)\b",
    r"\bi('m| am) (such )?a burden\b",
    r"\b(burden|drain) (to|on) (everyone|my family|them|you all|people)\b",
    r"\b(want|wanted|wanting) to (disappear|vanish|not exist|stop existing)\b",
    r"\blife (isn't|is not|doesn't feel|is no longer) worth( living)?\b",
    r"\b(thoughts|thinking) (of|about) (ending|death|dying|not being here|suicide|killing)\b",
    r"\bsuicidal (thoughts|feelings|ideas?)\b",
    r"\bi('ve| have)? ?(been )?feel(ing)? suicidal\b|\bi('m| am) suicidal\b",
    r"\b(urge|urges|pull|temptation) to (cut|self-harm|self harm|hurt myself|harm myself|burn myself)\b",
    r"\b(want|wanting|wanted) to (cut|hurt|harm|burn) myself\b",
    r"\b(hopeless|no hope|nothing (will|is going to) (ever )?(get|change)|never (going to|gonna) get better)\b",
    r"\b(wish|wished) (i was|i were|to be) dead\b",
    r"\b(everyone|they|people|my family) would(n't)? (be happier|be fine|cope|not miss me|even notice)( if i (was|were) gone| without me)?\b.*\b(gone|without me|if i)\b",
    r"\b(what's|whats) the point (of|in) (anything|living|me|going on|trying)\b",
    r"\bdisappear(ed)? for good\b",
    r"\bself[- ]harm(ing)?\b",
    r"\bwish i (wasn't|weren't|was not|were not) (alive|here|around|born)\b|\bwish i'?d never been born\b",
    r"\b(tired|sick) of (being alive|living|existing|life)\b|\b(don't|do not) want to (exist|be alive|keep waking up|wake up)\b",
    r"\bstop(ped)? existing\b|\bstop existing\b|\bpress a button\b.*\b(exist|disappear|gone)\b",
    r"\bwouldn't (care|mind) if (a bus|i (died|didn't wake|never woke)|something (happened|hit))\b|\bif i didn't wake up\b",
    r"\bnot have to come back\b|\b(dying|death|being dead) (feels like|would be) (a )?relief\b|\bkeep waking up\b|\bwanted tomorrow to come\b",
    r"\b(freer|better off|happier|breathe easier|relieved|cope fine|better life|fine|easier) (without me|if i (was|were|wasn't|weren't) (gone|around|here)|than with me)\b",
    r"\b(wouldn't|would not|won't|will not|nobody would|no one would) (really )?(miss me|notice (if|when) i)\b|\bno one would (really )?miss me\b",
    r"\b(weight|drain|problem|burden) (around|on|for) everyone\b|\bextra work for (the people|everyone)\b|\bruining .* by existing\b|\bjust by existing\b|\btake up space\b",
    r"\b(stopped|stop) believing .* (okay|better|good)\b|\bcan't see (a|any) (way out|future)\b|\bno way (out|it will ever change)\b|\btrapped\b",
    r"\bnothing (is ever|will ever|is going to|'s going to|ever) (get|change|going to)\b|\bnever going to (change|get better|end)\b",
    r"\b(given up|nothing left( to try)?|tired of fighting|don't have anything left)\b|\bi won't matter\b|\bnothing matters\b",
    r"\bwhat's the point (of|in) (me|being alive|anything|living|it all)\b",
    r"\b(the )?urges? (has|have) been (strong|bad|back)|\burges? won't (leave|stop|go)\b",
    r"\bwhat's the point\b|\bwhat is the point\b|\bstopped making plans\b|\bno (future|way forward)\b",
    r"\b(want|wanted|wanting|urges? to|thinking about|think about|thoughts about|struggling not to) (to )?(hurt|hurting|harm|harming|cut|cutting|hit|hitting|punish|scratch|bang)\b.*\b(myself|my body|yourself|my head|my skin)\b",
    r"\b(urges?|sh thoughts|the old thing|old sh)\b.*\b(back|keep|won't|creeping|every|loud|there|more)\b|\bthinking about cutting\b|\bsee marks on my skin\b",
    r"\bwaiting for my life to be over\b|\bnot sure i want to keep living\b|\b(easier|simpler|better|fine|okay|so bad) if i (just )?(wasn't|weren't|was not|were not|died|never woke|something)\b",
    r"\bif i (wasn't|weren't) (around|alive|here|in it)\b|\bwith me gone\b|\bif i (was|were) gone\b|\bif something (just )?happened to me\b|\bnever came back\b",
    r"\bfade out\b|\bjust not be\b|\bpress pause on life\b|\bcheck out of life\b|\bnot being (around|here)\b|\bnever woke up\b|\bnot (to )?exist\b",
    r"\bdon't see myself (still )?being here\b|\bcan't picture (tomorrow|still being here)\b|\bcan't imagine (ever )?feeling (okay|ok|better)\b",
    r"\b(beyond help|lost cause|no way back|never going to stop hurting|nothing to look forward to|stopped shouting for help|no refill|no strength left)\b",
    r"\bwhy keep going\b|\btired of (this life|living)\b|\b(i'm|im) (just )?done\b|\bdone with everything\b|\bnae point\b|\bit doesn't\. not for me\b",
    r"\bwould anyone (even )?notice\b|\bno one would care if i\b|\bout of existence\b|\brelieved if i\b|\b(easier|better) life if i\b",
    r"\bwould it matter if i\b|\bnobody would (care|notice)\b",
]

# Words that, in a first-person sentence nothing else explains, still deserve a gentle check-in.
DEATH_WORDS = re.compile(
    r"\b(die|dying|dead|death|suicid\w*|kill|overdose|cut myself|hurt myself|harm myself|end it|alive|exist|existing|"
    r"not wake|without me|better off|burden|no future|pointless|disappear)\b"
)

IDIOMS = [
    r"\b(is|are|was|were|it's|its) killing me\b",
    r"\bkilling (me|it) (with|at|in)\b|\bkilled it\b",
    r"\b(could|would) (murder|kill for)\b|\bkill for a\b",
    r"\bdying (to|for|of (laughter|embarrassment|boredom|curiosity))\b|\b(die|died) (of|from) (embarrassment|laughing|laughter|boredom|shame)\b",
    r"\bto die for\b|\bdead (tired|on my feet|easy|serious|right|boring|on time)\b|\bdeadline\b|\bdeadlift\b",
    r"\b(died|dead|killed|respawn\w*|lives left|game over|extra life|boss fight|level \d+)\b.*\b(level|game|boss|respawn|checkpoint|round|match|play\w*)\b",
    r"\b(level|game|boss|match|round)\b.*\b(died|dead|killed|kill)\b",
    r"\bmy (phone|laptop|battery|car|plant|plants|printer|knees?|feet) (is |are |has |have )?(dead|died|dying|killing)\b",
    r"\bbored to death\b|\bscared to death\b|\bworked to death\b|\bover my dead body\b",
    r"\bkill (two birds|time|the lights|the mood)\b",
    r"\b(film|movie|song|book|novel|series|episode|show|lyrics|album|character|play)\b",
    r"\b(so|too) \w+ (that )?i could (die|kill)\b|\bi could die\b.*\b(hungry|tired|embarrass|laugh|cringe)\b|\bdead to the world\b|\bsick to death\b",
    r"\bcould kill (my|him|her|them|you|whoever)\b.*\bfor\b|\bkill me(,| now)\b.*\b(it's|another|the|this)\b|\b(honestly|just|please) kill me\b",
    r"\bi'm dying here\b|\boverdosed on (chocolate|coffee|sugar|caffeine|netflix|tv)\b|\bliterally (want to )?die\b.*\blol\b|\blol\b",
    r"\b(be|is going to be) the death of\b|\bdie laughing\b|\brather die than\b|\bwants me dead\b|\b(trying|going) to kill (me|my|this|it)\b|\b(mum|mom|dad|she|he)'?s? (is )?going to kill me\b",
    r"\bi will actually die if\b|\b(lmao|lmfao|😂|🤣|💪|fr\b)|\brip\b|\bunalive my\b|\bwanna die,? why\b",
    r"\bwon't be around for a (few|couple)\b|\bmaternity leave\b|\bdisappear for a (week|weekend|bit) to\b",
]

OTHER_PERSON = re.compile(
    r"^\w\. (reports|said|says|disclosed|described)\b|"
    r"\b(my |the |a |our |this |her |his |their )?(client|clients|patient|patients|service user|supervisee|"
    r"young person|trainee|colleague|case|vignette|drill|scenario|character)\b|"
    r"^(she|he|they)\b|\b(she|he|they) (said|says|told|mentioned|reported|disclosed|described|talked|spoke|wrote|has|had|is|was|feels|felt)\b"
)
PROFESSIONAL = re.compile(
    r"\b(risk assessment|safety plan\w*|assess(ed|ing)? (risk|her|him|them)|lesson|module|lecture|training|"
    r"supervision|supervisor|course|case study|formulation|session notes?|protocol|guidance|policy|referr\w*|warning signs?|"
    r"group discussion|how do we ask|how to ask|seminar|reading list|role-?play|standardised patient|framework|"
    r"asked (me )?(about|how i was coping)|asked about suicide|suicide prevention|is being studied|evidence is|charity run|peer support|"
    r"crisis team|gp|screening|the reading|article|paper|nice guidelines?|threshold|dose|dosage|toxicity|pharmacology)\b"
)
PAST = re.compile(
    r"\b(years? ago|used to|in the past|when i was (very |a |at )?(teen\w*|young\w*|little|small|child|kid|school|university|\w+teen|\d+)|"
    r"back then|long time ago|at (school|university)|as a (teenager|child|kid|student)|in my (early |late |mid-)?(teens|twenties|thirties)|"
    r"history of|from (my )?(school|teens|childhood)|after my divorce|once, when|memories (of|from)|there was a time|"
    r"old journals|survivor of|in (19|20)\d\d|at (\w+teen|\d+)|a very bad season|back home)\b"
)
RESOLVED = re.compile(
    r"\b(well now|haven't (since|for)|not (since|for years)|recovered|in recovery|stopped|no longer|these days i('m| am) (ok|okay|well|fine|good)|"
    r"been well|better now|years clean|don't any ?more|faded|never needed|doesn't affect me|settled and well|glad i never|memories|"
    r"i'm well now|that is over|carried me through|barely recognise|proud|now i set|well for over)\b"
)
BACK_NOW = re.compile(r"\b(again|back|lately|recently|these days|now|tonight|today|this week|keeps?|returning|returned|came back|coming back|started)\b")


@dataclass
class Screen:
    risk: str  # "high" | "possible" | "none"
    evidence: list[str] = field(default_factory=list)


def _matches(patterns: list[str], lower: str):
    for pattern in patterns:
        match = re.search(pattern, lower)
        if match:
            return match
    return None


def _about_someone_else(lower: str) -> bool:
    """A sentence about a client, a case or a lesson, with no first-person risk in it."""
    mentions_other = bool(OTHER_PERSON.search(lower)) or bool(PROFESSIONAL.search(lower))
    own_voice = re.search(r"\bi\b(?!'?m? (told|asked|said|assessed|explored|checked|made|wrote|noted|felt for|asked her|asked him))", lower)
    self_object = re.search(r"\b(myself|kill me|without me|i want|i wish|i can't|i don't want|i('m| am) (a burden|suicidal))\b", lower)
    return mentions_other and not self_object and not (own_voice and not OTHER_PERSON.search(lower))


def classify_sentence(sentence: t.Sentence) -> tuple[str, str]:
    """(level, why): why is "idiom", "someone-else", "negated", "past", "phrase", "death-word" or "unmatched"."""
    lower = sentence.lower
    if _matches(IDIOMS, lower) and not re.search(r"\b(myself|my life|end it|suicid|better off without me)\b", lower):
        return "none", "idiom"
    if _about_someone_else(lower):
        return "none", "someone-else"
    high = _matches(HIGH, lower)
    possible = _matches(POSSIBLE, lower)
    hit = high or possible
    if hit is None:
        death = DEATH_WORDS.search(lower)
        if death and t.is_first_person(lower) and not t.negated_before(lower, death.start()):
            if PAST.search(lower) and (RESOLVED.search(lower) or not BACK_NOW.search(lower)):
                return "none", "past"
            return "possible", "death-word"
        return "none", "unmatched"
    level = "high" if high else "possible"
    # A negated risk word ("I'm not suicidal", "I would never kill myself") is not risk, unless
    # the sentence also says something risky that is not negated.
    if t.negated_before(lower, hit.start()) and not re.search(r"\b(don't|do not|can't|cannot|no) (want|go on|point|reason)", lower[hit.start():hit.end()]):
        return "none", "negated"
    if PAST.search(lower) and (RESOLVED.search(lower) or not BACK_NOW.search(lower.replace("ago now", "ago"))):
        return "none", "past"
    return level, "phrase"


# The learned fallback may raise a sentence to `high` only when it talks about the kinds of things
# risk is about; on ordinary sentences ("I've got anger issues") it must not open the support panel.
RISK_VOCABULARY = re.compile(
    r"\b(die|dying|dead|death|alive|exist\w*|suicid\w*|kill\w*|unalive|kms|hurt (myself|me)|harm\w*|cut(ting)?|"
    r"pills?|tablets?|meds|medication|prescriptions?|overdose|burden|without me|better off|hopeless\w*|wake up|goodbye|"
    r"forever|for good|end it|end (my|things)|ending|gone|way out|trapped|tired of|not (be )?here|miss me|notice if|"
    r"punish\w*|blood|bleed\w*|disappear\w*)\b"
)


def screen(text: str, model: dict | None = None) -> Screen:
    """Rules first; where no rule explains a first-person sentence, a small learned model trained
    on our labelled texts may raise it to `possible` (or a `possible` to `high`)."""
    model = model if model is not None else _learned_model()
    cleaned = t.strip_quotations(t.normalise(text))
    high, possible = [], []
    for sentence in t.sentences(cleaned):
        level, why = classify_sentence(sentence)
        if model and why in {"unmatched", "death-word", "phrase"} and t.is_first_person(sentence.lower):
            # When unsure, a gentle check-in (possible) is preferred to silence ...
            if level == "none" and learned.probability(model["any"], sentence.text) >= model["t_any"]:
                level = "possible"
            # ... but the interrupting support panel (high) needs the sentence to talk about risk.
            if level == "possible" and RISK_VOCABULARY.search(sentence.lower) \
                    and learned.probability(model["high"], sentence.text) >= model["t_high"]:
                level = "high"
        if level == "high":
            high.append(sentence.text)
        elif level == "possible":
            possible.append(sentence.text)
    if high:
        return Screen("high", high + possible)
    if possible:
        return Screen("possible", possible)
    return Screen("none", [])


def _learned_model() -> dict | None:
    from tend.feedback.engine import MODEL_PATH, load_model

    try:
        return load_model(str(MODEL_PATH)).get("risk")
    except FileNotFoundError:
        return None
