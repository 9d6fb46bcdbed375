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

# The older phrase bank, consulted only when no category below matches. Many entries are close to
# the training texts they were written from; the categories are what generalise.
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
    r"\bwhy keep going\b|\btired of (this life|living)\b|\b(i'm|im) (just )?done[.!]?$|\bdone with everything\b|\bnae point\b|\bit doesn't\. not for me\b",
    r"\bwould anyone (even )?notice\b|\bno one would care if i\b|\bout of existence\b|\brelieved if i\b|\b(easier|better) life if i\b",
    r"\bwould it matter if i\b|\bnobody would (care|notice)\b",
]

# --- Categories of risk language (rubric + research notes, C-SSRS ladder) ----------------------
# Each category is built from word classes rather than memorised sentences, so that new wordings of
# the same idea are caught: "I've been stockpiling paracetamol" and "I kept all my insulin aside"
# share a category (means: a method word + a keeping/getting verb). The category names the reason.

_GAP = r"[^\w.;:!?—–]+(?:[\w'-]+[^\w.;:!?—–]+){0,5}?"  # up to five words, within a clause
_METHOD = (r"(?:pills?|tablets?|meds|medications?|medicines?|paracetamol|acetaminophen|ibuprofen|painkillers?|co-codamol|codeine|"
           r"aspirin|insulin|lithium|antidepressants?|sleeping (?:pills|tablets)|sertraline|citalopram|diazepam|prescriptions?|"
           r"rope|cord|belt|ligature|noose|blades?|razors?|knife|knives|gun|bullets?|poison|antifreeze|bleach|💊)")
_KEEP = (r"(?:sav(?:e|ed|ing)|stockpil\w*|hoard\w*|collect\w*|stash\w*|hid(?:den|e|ing)?|bought|buy(?:ing)?|got hold of|"
         r"kept|keep(?:ing)?|put (?:\w+ )?aside|set aside|count(?:ed|ing)|lined up|enough|ready|stored|squirrel\w*|building up)")
_RESEARCH = (r"(?:look(?:ed|ing)? (?:up|into)|googl\w*|search\w*|research\w*|read(?:ing)? (?:up )?(?:on|about)?|checked|forums?|"
             r"checking|finding out|found out|worked out|working out)")
_LETHAL = (r"(?:how (?:many|much)\b.*\b(?:take|need|enough|kill|stop|die|would)|lethal|fatal|painless|quickest|easiest|"
           r"method\w*|ways? to (?:die|end(?! (?:my|the|a|our) (?!life\b)\w)|kill)|overdose|stop (?:your|my) heart|how (?:tall|high|deep|far down|long it takes)|"
           r"which bridge|which method|how to (?:die|end|kill|hang|overdose)|how (?:other )?(?:people|others) (?:did it|died|ended it))")
_FINAL = (r"(?:(?:when|after|once) i'm gone|by the time (?:you|anyone|they|someone|people) reads?|last (?:entry|post|message|note|"
          r"time (?:you|she|he|they|anyone)(?:'ll| will)?)|won't be (?:here|around|alive)|won't need (?:them|it|these|those|any)|"
          r"(?:out|gone) for good|none of (?:this|it) will matter|won't be a (?:problem|burden)|it(?:'ll| will) (?:all )?be over|"
          r"after tonight|this is goodbye|for the last time|nobody (?:will|has to) (?:have to )?worry about me|not be here (?:by|after|for))")
_BODY = r"(?:myself|my (?:arms?|wrists?|legs?|thighs?|skin|stomach|face|body|hands?|hips?|head))"
_HARM_ACT = (r"(?:cut|cutting|burn(?:ed|t|ing)?|hit|hitting|scratch(?:ed|ing)?|punch(?:ed|ing)?|hurt|hurting|harm(?:ed|ing)?|"
             r"bang(?:ed|ing)?|starv(?:ed|ing))")
_RECENT = (r"(?:again|tonight|today|last night|yesterday|this (?:morning|evening|week|month|afternoon)|last (?:week|weekend|month)|"
           r"just now|earlier|after (?:the|supervision|work|the call|the argument|that)|every (?:day|night)|most (?:days|nights)|"
           r"relapsed|started|now)")

CATEGORIES: dict[str, tuple[str, list[str]]] = {
    # high: intent, plan, means, research, preparation and goodbyes, self-harm or an attempt now
    "intent": ("high", [
        rf"\b(?:going to|gonna|will|i'll|plan(?:ning)? to|intend(?:ing)? to|mean to|decided to|ready to|about to|"
        rf"want(?:ed)? to|need to|have to){_GAP}(?:kill(?:ing)? myself|end (?:my (?:own )?life|it all)|take my (?:own )?life|"
        rf"commit suicide|die by suicide|overdose|hang myself|jump off|end things|end it\b)",
        rf"\b(?:going to|gonna|will|i'll|plan(?:ning)? to|intend(?:ing)? to|mean to|decided to|ready to|about to) "
        rf"(?:\w+ ){{0,2}}?(?:die|be dead|go through with it|do it this time|end it)\b",
        r"\bready to die\b|\bi will not be alive\b|\bi won't be alive\b|\bgoing to (?:jump|do it)\b",
        r"\bplan(?:ning|ned)? my (?:own )?(?:death|funeral|exit|suicide)\b",
        r"\bwant to die\b.*\b(?:do it|make it happen|going to|gonna|tonight|soon)\b",
    ]),
    "plan": ("high", [
        rf"\b(?:plan|date|day|time|method|spot|place|bridge|way){_GAP}(?:to (?:die|end|kill)|for (?:it|ending|dying))\b",
        rf"\b(?:i've|i have|i) (?:\w+ )?(?:picked|chosen|chose|settled on|worked out|decided|planned|arranged|sorted|fixed|set)\b"
        rf".*\b(?:how|when|where|the day|the date|a date|the time|the place|the bridge|the spot)\b.*\b(?:do it|die|end|over|gone|go|jump|around|home|notice)\b",
        r"\b(?:i know|i've worked out|i have worked out) (?:exactly )?(?:how|when|where) (?:i'd|i would|i'll|i will|i am going to|i'm going to) do it\b",
        r"\b(?:picked|chosen|chose|found|settled on) (?:the|a) (?:bridge|cliff|spot|building|tracks|method|way out)\b|"
        r"\b(?:picked|chosen|chose|set|settled on) (?:the|a) (?:day|date|time)\b(?! (?:for|of|to) )",
        r"\bplan (?:for|to) (?:how|when) (?:to|i)\b|\b(?:have|got|made) a plan\b.*\b(?:end|die|kill|it|suicide)\b",
        r"\bgoing (?:through|over) the (?:plan|steps)\b|\brehears\w* (?:it|the plan)\b",
        r"\bi know (?:exactly )?(?:where|how|when) i(?:'ll|'d| will| would| am going to|'m going to) (?:go|do it|jump)\b.*\b(?:how (?:high|tall|deep|far)|when|where)\b",
        r"\b(?:route|way|path|drive|walk) to the (?:cliffs?|bridge|tracks|railway|roof|edge|quarry|river|motorway bridge)\b",
    ]),
    "means": ("high", [
        rf"\b{_KEEP}{_GAP}{_METHOD}(?!\w)",
        rf"\b{_METHOD}\W+(?:[\w'-]+\W+){{0,6}}?(?:hidden|stashed|saved|lined up|ready|aside|put away|in (?:a|my|the) (?:drawer|bag|pocket|box|shed|car))\b",
        r"\btake (?:everything|all|the lot|the whole (?:box|bottle|packet))\b.*\b(?:medicine|cabinet|box|tablets|pills|bottle|meds)\b|"
        r"\b(?:popped|pushed) (?:all )?(?:my |the )?(?:tablets|pills|meds) (?:out|into)\b",
        r"\bkeeping (?:it|them) (?:aside|back)\b|\b(?:got|have|bought|found) the means\b|\beverything i need\b|\bbought (?:a |the )?(?:rope|blades?|stuff)\b",
    ]),
    "research": ("high", [
        rf"\b{_RESEARCH}\b.*\b{_LETHAL}",
    ]),
    "preparation": ("high", [
        r"\b(?:goodbye|farewell|suicide) (?:letters?|notes?|messages?|posts?|texts?)\b",
        r"\b(?:wr[io]te|written|writing|left|leaving) (?:a |some )?(?:notes?|letters?|messages?)\b.*\b(?:for|to) (?:my |the )?"
        r"(?:mum|mam|mom|dad|family|partner|husband|wife|kids|children|son|daughter|sister|brother|friends?|everyone|parents)\b"
        r".*\b(?:gone|afterwards|after|open|find|drawer|when|last|thank|sorry|goodbye)\b",
        r"\b(?:giv(?:en|ing|e)|gave) (?:away (?:all |most of |some of )?my|(?:away )?(?:all|most) of my|away my|all my) (?:\w+ ){0,2}?(?:things|stuff|belongings|possessions|clothes|"
        r"books|records|guitar|bike|jewellery|savings|games|art|plants|collection)\b(?!.*\b(?:charity|space|declutter\w*|tidy|moving|"
        r"clear out|make room)\b)",
        r"\b(?:giving|gave|given) (?:them|things|it all|everything|stuff) away\b(?!.*\b(?:charity|space|declutter\w*|moving)\b)",
        r"\b(?:rehom\w*|found a (?:new )?home for|gave away) (?:my |the |our )?(?:dog|cat|pets?|rabbit|fish|bird)\b(?!.*\b(?:allerg\w*|landlord|moving|new baby)\b)",
        r"\bsa(?:id|ying|y) (?:my )?goodbyes?\b.*\b(?:without|last|knowing|for good|forever|everyone)\b|\bsaid my goodbyes\b",
        r"\b(?:put|putting|got|sorted|sorting) (?:my )?(?:affairs|things|life) in order\b|\b(?:tied|tying|tie) up (?:the )?loose ends\b",
        r"\b(?:will|passwords?|bills?|accounts?|insurance|instructions)\b.*\b(?:afterwards|after i'm gone|when i'm gone|easy for them|"
        r"won't be here|so nobody|so no one|for my (?:brother|sister|family|partner))\b",
        r"\b(?:doesn't|don't|won't|doesnt|dont) know (?:it's|that it's|its) (?:for good|forever|the last)\b",
        # An apology or absolution for what is coming ("don't blame yourselves for what I'm about to do").
        r"\b(?:(?:please )?(?:don't|do not) )?(?:blame (?:yourself|yourselves|anyone|each other)|forgive me) for what i(?:'m| am) (?:about|going) to do\b",
        r"\b(?:wrote|written|writing|left|finished|hid) my (?:note|letter)\b(?! (?:for|to) (?:the )?(?:supervis\w+|session|plumber|landlord|"
        r"teacher|school|class|tutor|course|council|gp)\b)",
        r"\bcancel\w* (?:everything|all my)\b.*\bwon't\b|\bdeleted (?:all )?my accounts\b.*\b(?:goodbye|gone|last)\b",
        rf"{_FINAL}",
    ]),
    "self-harm-now": ("high", [
        rf"\bi (?:\w+ ){{0,2}}?{_HARM_ACT} {_BODY}\b(?=.*\b{_RECENT}\b)",
        rf"\b{_RECENT}\b.*\bi (?:\w+ ){{0,2}}?{_HARM_ACT} {_BODY}\b",
        r"\b(?:i've|i have|i'm|i am|been|started) (?:\w+ )?(?:cutting|burning|hurting|harming|hitting|scratching|self-harming|self harming)\b",
        r"\bi (?:self-harmed|self harmed|sh'd|relapsed)\b|\bcut (?:again|deeper)\b|\b(?:relapsed|slipped) and (?:cut|burned|hurt)\b",
        r"\b(?:tried|attempted|trying) to (?:kill myself|end my life|take my (?:own )?life|hang myself|overdose|drown myself)\b",
        r"\b(?:took|taken|had) an overdose\b|\bi overdosed\b|\bi attempted suicide\b|"
        r"\b(?:swallowed|downed) (?:everything|all of (?:them|it)|the lot|the whole (?:box|bottle|packet))\b|"
        r"\btook (?:all of them|the lot|the whole (?:box|bottle|packet))\b",
        r"\bwon't stop bleeding\b|\bhide the (?:bandages|marks|cuts|burns)\b",
    ]),
    # possible: a wish to be dead, thoughts of suicide, burden, hopelessness and entrapment, self-harm urges
    "passive-wish": ("possible", [
        r"\bwish(?:ed|ing)? (?:i|that i) (?:\w+ ){0,3}?(?:dead|die|died|gone|not here|wasn't here|weren't here|wasn't alive|"
        r"weren't alive|not (?:exist|be here|be alive|wake)|didn't exist|never been born|hadn't (?:woken|been born)|disappear|"
        r"fall asleep and|go to sleep and|could sleep forever|never wake|wouldn't wake)",
        r"\b(?:don't|do not|didn't|dont) (?:\w+ )?(?:want|wish) to (?:be alive|live|be here|exist|wake up|keep living|go on|carry on|keep going|be around)\b",
        r"\b(?:not|never|won't|wouldn't|don't) (?:to )?wak(?:e|ing) up\b(?! (?:in time|early|late|for|on time|till|until|before|at))|"
        r"\b(?:simpler|easier|better|nicer|peaceful|a relief|rather) (?:\w+ ){0,2}?not (?:to )?(?:be alive|exist|be here|be around|wake up)\b|\bsleep (?:forever|and never)\b|\bstay asleep (?:forever|for ever)\b",
        r"\bwouldn't (?:mind|care) if\b.*\b(?:die|died|dead|hit|killed|woke|wake|happened|crash\w*|gone)\b|\bi'd be fine if i never\b",
        r"\b(?:relief|peaceful|easier|better)\b.*\bif i (?:didn't|did not|don't|wasn't|weren't|died|never|stopped)\b|"
        r"\b(?:being dead|death|dying) (?:sounds|feels|seems|would be)\b",
        r"\b(?:thoughts?|thinking|think) (?:\w+ ){0,2}?(?:about|of) (?:death|dying|suicide|killing myself|ending (?:it|my life|things)|"
        r"not being (?:here|alive|around)|being dead|taking my (?:own )?life)\b",
        r"\b(?:i'm|i am|i feel|feeling|felt|i've been|been|getting|get|so|really|quite|very) (?!not |never |no )(?:\w+ )?suicidal\b|"
        r"\bsuicidal (?:thoughts?|feelings?|urges?|ideas?|again|thinking)\b|\bthoughts? of suicide\b",
        r"\bwant(?:s|ed)? to (?:die|disappear|vanish|not exist|stop existing|be dead|not be here)\b|"
        r"\bwant (?:it|everything|it all) to (?:stop|end)\b(?:.*\b(?:for good|forever|for ever|permanently)\b)",
        r"\b(?:disappear|vanish)\w* (?:and never|for good|forever|for ever)\b|\bnever come back\b",
        r"\b(?:tired|sick) of (?:being alive|being here|living|existing|life|it all|all of it)\b",
        r"\bwould(?:n't)? (?:anyone|anybody|people|they) (?:even )?(?:notice|care)\b",
        r"\bif i (?:just )?(?:died|was dead|were dead|didn't wake|never woke|wasn't here|weren't here|wasn't around|weren't around|"
        r"wasn't alive|disappeared|was gone|were gone)\b",
        r"\b(?:disappointed|sorry|annoyed|upset|gutted|angry) (?:that )?i (?:woke|wake|am still|'m still|was still)\b|\bi'm still (?:here|alive)\b.*\b(?:why|unfortunately|sadly)\b",
    ]),
    "burden": ("possible", [
        r"\bburden\w*\b|\b(?:a |the )?(?:drain|weight) on (?:everyone|everybody|my|the|them|people)\b",
        r"\bbetter off (?:without me|if i)\b|\b(?:everyone|everybody|they|they'd|they would|people|my \w+|the world)\b.*\bbetter off\b",
        r"\b(?:better|happier|easier|fine|relieved|lighter|freer|cope|calmer|simpler)\b.*\b(?:without me|if i (?:was|were|wasn't|weren't) "
        r"(?:gone|here|around|alive|in it)|not to have to deal with me|with me gone)\b",
        r"\b(?:nobody|no one|noone|no-one|wouldn't|won't|would not) (?:\w+ )?(?:would )?(?:even )?(?:miss me|notice (?:if|when|i'm gone))\b|"
        r"\bwould (?:even )?notice\b.*\bif i\b",
        r"\b(?:better|save\w*) (?:place|everyone|them)\b.*\b(?:without me|if i wasn't|if i weren't)\b",
        r"\b(?:just )?by (?:existing|being (?:here|alive|around|in it))\b|\bonly (?:cause|make) (?:problems|trouble|things worse) for\b",
    ]),
    "hopelessness": ("possible", [
        r"\bhopeless\w*\b|\bno (?:hope|future|way out|way forward|way back|reason to (?:live|go on|keep going|stay|carry on))\b",
        r"\b(?:what's|what is|whats|don't see|dont see|no|can't see|cannot see|there's no|see no) (?:\w+ ){0,2}?point\b",
        r"\b(?:can't|cannot|can not|cant) (?:\w+ )?(?:go on|carry on|keep going|keep doing this|do this any ?more|take (?:it|this) any ?more|"
        r"see (?:a|any) (?:future|way out|way forward|end)|imagine (?:things|it|life|ever|a future|feeling))\b",
        r"\bnothing (?:is |will |'s )?(?:ever )?(?:going to )?(?:get better|change|improve)\b|\bnever (?:going to|gonna|will) "
        r"(?:get better|feel (?:okay|ok|better|normal)|change|end)\b|\bnothing ever changes\b",
        r"\btrapped\b|\bstuck (?:for ever|forever|for good)\b|\bno escape\b|\bevery (?:option|door|way)\b.*\bclosed\b",
        r"\b(?:given up|giving up) (?:on )?(?:everything|life|things|hope|trying|on myself)\b|\bgiven up\b(?!.*\b(?:sugar|smoking|drinking|coffee|meat|chocolate)\b)",
        r"\b(?:run out of|no more|nothing left|no) (?:reasons?|strength|fight|energy) (?:left )?(?:to|for)? ?(?:keep going|go on|live|carry on|fight)?\b.*\b(?:left|going|living|on)\b|"
        r"\bnothing (?:left|to look forward to)\b",
        r"\bhow (?:much )?(?:longer|long) i can (?:keep going|go on|carry on|do this|survive)\b",
        r"\btired of fighting\b|\b(?:stopped|stop|given up) (?:asking|shouting|reaching out|calling|looking) for help\b",
        r"\b(?:don't|dont|can't|cant|do not|cannot) (?:think|see|believe|imagine) (?:there's|theres|there is|there'll be|there will be) "
        r"(?:a|any) (?:way (?:back|out|forward)|point|future|hope|end)\b",
        r"\b(?:stuck|trapped) in (?:a|this) (?:hole|pit|cage|box|prison|nightmare|life)\b",
    ]),
    "self-harm-urge": ("possible", [
        rf"\b(?:urges?|pull|temptation|tempted|want(?:ed|ing|s)?|need(?:ed|ing)?|thinking about|thoughts? (?:about|of)|fighting|"
        rf"struggling not to|harder not to|close to|itching to|craving){_GAP}(?:to )?(?:cut|cutting|self[- ]?harm\w*|"
        rf"(?:hurt|hurting|harm|harming|burn|burning|hit|hitting|punish|punishing|scratch|scratching)\w* (?:myself|yourself|my body|my skin))\b",
        r"\bself[- ]?harm\w*\b",
        r"\b(?:hid(?:e|den)?|put|locked|lock|gave|give) (?:away )?(?:the |my )?(?:scissors|blades|razors|knives|pills|tablets|lighter)\b.*\b(?:from myself|because|urges?|myself|safe|away from me|another room)\b",
        r"\b(?:use|using|used) (?:it|them|the \w+) on myself\b",
        r"\bwant to feel the pain\b|\b(?:feel|feeling) the pain of cutting\b",
    ]),
}
_COMPILED = {name: (level, [re.compile(p) for p in patterns]) for name, (level, patterns) in CATEGORIES.items()}


def _category(lower: str) -> tuple[str, str, re.Match] | None:
    """The strongest category a sentence shows: (level, category, match), high before possible."""
    found = None
    for name, (level, patterns) in _COMPILED.items():
        for pattern in patterns:
            match = pattern.search(lower)
            if match:
                if level == "high":
                    return level, name, match
                found = found or (level, name, match)
                break
    return found


# Words that, in a first-person sentence nothing else explains, still deserve a gentle check-in.
DEATH_WORDS = re.compile(
    r"\b(die|dying|dead|death|suicid\w*|kill|overdose|cut myself|hurt myself|harm myself|end it|"
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
    r"\bi will actually die if\b|\b(lmao|lmfao|😂|🤣|💪)|\brip\b|\bunalive my\b|\bwanna die,? why\b",
    r"\bwon't be around for a (few|couple)\b|\bmaternity leave\b|\bdisappear for a (week|weekend|bit) to\b",
    r"\bthought i (will|would|'d|was gonna) die\b|\bi'd kill for\b|"
    r"\b(phone|battery|laptop)\b.*\b(about to|going to) die\b|\bon \d+ ?%.*\bdie\b|"
    r"\bno point (in )?(arguing|asking|complaining|waiting|explaining|rushing|worrying)\b|"
    r"\b(way forward|way out) (with|on|for|of) (this|the|that) (?!life\b)\w+|"
    r"\bnothing ever changes (in|at|with) (this|the|my|our) (council|office|job|team|company|government|place|school|ward|department)\b|"
    r"\bend (it|things) with (my|the|him|her|them|a|our)\b|\bcut (our|my|your|their|his|her) losses\b|\bcut (corners|ties|it fine)\b",
]

OTHER_PERSON = re.compile(
    r"^\w\. (reports|said|says|disclosed|described)\b|"
    r"^(reports|reported|disclosed|describes|described|presents|presented|denies|denied|endorses|endorsed)\b|"
    r"\b(my |the |a |our |this |her |his |their )?(client|clients|patient|patients|service user|supervisee|"
    r"young person|trainee|colleague|case|vignette|drill|scenario|character)\b|"
    r"^(she|he|they)\b|\b(she|he|they) (said|says|told|mentioned|reported|disclosed|described|talked|spoke|wrote|has|had|is|was|feels|felt)\b"
)
PROFESSIONAL = re.compile(
    r"\b(risk assessment|safety plan\w*|assess(ed|ing)? (risk|her|him|them)|lesson|module|lecture|training|"
    r"supervision|supervisor|course|case study|formulation|session notes?|protocol|guidance|policy|referr\w*|warning signs?|"
    r"group discussion|how do we ask|how to ask|seminar|reading list|role-?play|standardised patient|framework|"
    r"asked (me )?(about|how i was coping)|asked about suicide|suicide prevention|is being studied|evidence is|charity run|peer support|"
    r"crisis team|gp|screening|the reading|article|paper|nice guidelines?|threshold|dose|dosage|toxicity|pharmacology|"
    r"c-ssrs|revision|ladder|asked (?:him|her|them) directly|asked (?:\w+ ){0,3}about (?:suicid\w*|self-harm|thoughts)|"
    r"denied (?:intent|a plan|any|suicidal|thoughts)|workshop|taught|we practised|practised (?:asking|telling))\b"
)
PAST = re.compile(
    r"\b(years? ago|used to|teenage|looking back|(?:most of )?my teens|(?:college|uni|university|school) days|(?:back )?(?:at|in) (?:uni|college|sixth form|secondary school|high school)|in the past|when i was (very |a |at )?(teen\w*|young\w*|little|small|child|kid|school|university|\w+teen|\d+)|"
    r"back then|long time ago|at (school|university)|as a (teenager|child|kid|student)|in my (early |late |mid-)?(teens|twenties|thirties)|"
    r"history of|from (my )?(school|teens|childhood)|after my divorce|once, when|memories (of|from)|there was a time|"
    r"old journals|survivor of|in (19|20)\d\d|at (\w+teen|\d+)|a very bad season|back home|from \d+ to \d+|between \d+ and \d+)\b"
)
RESOLVED = re.compile(
    r"\b(well now|haven't (since|for)|not (since|for years)|recovered|in recovery|stopped|no longer|these days i('m| am) (ok|okay|well|fine|good)|"
    r"been well|better now|years clean|don't any ?more|faded|never needed|doesn't affect me|settled and well|glad i never|memories|"
    r"i'm well now|that is over|carried me through|barely recognise|proud|now i set|well for over|free of (it|them)|"
    r"been gone (a long time|for years)|(twelve|ten|five|\d+) years (clean|free|well)|(in|into) (a )?(really |much )?good place|"
    r"came out of it|my recovery)\b"
)
BACK_NOW = re.compile(r"\b(again|(?:is|are|it's|they're|came|come|comes|coming|creeping|crept|been) back|back again|lately|recently|these days|now|tonight|today|this week|keeps?|returning|returned|came back|coming back|started)\b")


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
MORE_IDIOMS = [
    r"\bstick a fork in me\b|\bshoot me\b|\bput me out of my misery\b|\bswallow me (up|whole)\b|\bthe death of me\b|\bto death\b",
    r"\b(feet|back|head|legs|knees|neck|hands|eyes|ears|hips|shoulders|cold|flu|heat|suspense|wait|waiting|commute|noise) (are |is |was |has been )?killing me\b",
    r"\b(will|would|'ll|going to|gonna) (kill|murder|strangle) me\b|\b(nearly|almost) (died|killed me)\b|\bthought i was going to die\b",
    r"\b(absolutely|totally|completely|really) killed it\b|\bi'm (literally |actually )?dead\b(?! inside)|\bdying to\b|\b(could|would) kill for\b",
]
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
    found = _category(lower)
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


FINALITY = re.compile(_FINAL + r"|\bfor good\b|\bgone\b|\bafterwards\b|\bnobody (?:notices|will notice)\b|\bnormal way\b|"
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
        elif resolved and _PAST_TENSE.search(lower) and not BACK_NOW.search(lower) and not re.search(_RECENT, lower):
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
    high = [s.text for s, level, _ in decisions if level == "high"]
    possible = [s.text for s, level, _ in decisions if level == "possible"]
    reasons = {s.text: why for s, level, why in decisions if level != "none"}
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
