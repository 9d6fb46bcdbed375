"""The risk screen's wording: a phrase bank, categories of risk language built from word classes,
idioms, and the words that mark other people, professional frames and a resolved past. Data and
small matchers only; `risk.py` decides what they mean for a sentence."""

import re

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
FINAL_PHRASES = (r"(?:(?:when|after|once) i'm gone|by the time (?:you|anyone|they|someone|people) reads?|last (?:entry|post|message|note|"
          r"time (?:you|she|he|they|anyone)(?:'ll| will)?)|won't be (?:here|around|alive)|won't need (?:them|it|these|those|any)|"
          r"(?:out|gone) for good|none of (?:this|it) will matter|won't be a (?:problem|burden)|it(?:'ll| will) (?:all )?be over|"
          r"after tonight|this is goodbye|for the last time|nobody (?:will|has to) (?:have to )?worry about me|not be here (?:by|after|for))")
_BODY = r"(?:myself|my (?:arms?|wrists?|legs?|thighs?|skin|stomach|face|body|hands?|hips?|head))"
_HARM_ACT = (r"(?:cut|cutting|burn(?:ed|t|ing)?|hit|hitting|scratch(?:ed|ing)?|punch(?:ed|ing)?|hurt|hurting|harm(?:ed|ing)?|"
             r"bang(?:ed|ing)?|starv(?:ed|ing))")
RECENT = (r"(?:again|tonight|today|last night|yesterday|this (?:morning|evening|week|month|afternoon)|last (?:week|weekend|month)|"
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
        rf"{FINAL_PHRASES}",
    ]),
    "self-harm-now": ("high", [
        rf"\bi (?:\w+ ){{0,2}}?{_HARM_ACT} {_BODY}\b(?=.*\b{RECENT}\b)",
        rf"\b{RECENT}\b.*\bi (?:\w+ ){{0,2}}?{_HARM_ACT} {_BODY}\b",
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


def strongest_category(lower: str) -> tuple[str, str, re.Match] | None:
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

MORE_IDIOMS = [
    r"\bstick a fork in me\b|\bshoot me\b|\bput me out of my misery\b|\bswallow me (up|whole)\b|\bthe death of me\b|\bto death\b",
    r"\b(feet|back|head|legs|knees|neck|hands|eyes|ears|hips|shoulders|cold|flu|heat|suspense|wait|waiting|commute|noise) (are |is |was |has been )?killing me\b",
    r"\b(will|would|'ll|going to|gonna) (kill|murder|strangle) me\b|\b(nearly|almost) (died|killed me)\b|\bthought i was going to die\b",
    r"\b(absolutely|totally|completely|really) killed it\b|\bi'm (literally |actually )?dead\b(?! inside)|\bdying to\b|\b(could|would) kill for\b",
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
