"""Care for the carer: does a score cross a compassion-fatigue threshold? Only the person ever
learns the answer. Thresholds come from the definitions themselves (ProQOL's published high
band for burnout or secondary traumatic stress, where the definition carries it, and our pulse
check-in's alert level); nothing is invented here."""

from tend.measures.definitions import Definition

FATIGUE_SCORES = ("burnout", "secondary", "sts", "fatigue")


def crosses(cutoff, value: float | None) -> bool:
    return value is not None and cutoff.contains(value)


def _is_fatigue_score(score_id: str) -> bool:
    lowered = score_id.lower()
    return any(word in lowered for word in FATIGUE_SCORES)


def care_cutoffs(defn: Definition) -> list:
    """The cut-offs that, once crossed, offer the person care."""
    found = []
    for cutoff in defn.cutoffs:
        label = str(cutoff.label).lower()
        if defn.kind == "checkin":
            if "alert" in f"{cutoff.score} {cutoff.system} {label}".lower():
                found.append(cutoff)
        elif _is_fatigue_score(cutoff.score) and "high" in label:
            found.append(cutoff)
    return found


def needs_care(defn: Definition, scores: dict) -> bool:
    return any(crosses(cutoff, scores.get(cutoff.score)) for cutoff in care_cutoffs(defn))
