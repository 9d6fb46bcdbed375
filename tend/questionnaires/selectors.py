"""Reads: what a person may answer now, their own history with charts, and cohort summaries
that include only consenting people and only groups of at least five."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tend.cohorts.models import CohortRole, Membership
from tend.measures.change import ChangeResult, reliable_change
from tend.measures.definitions import Definition
from tend.questionnaires import catalogue, stats
from tend.questionnaires.care import crosses
from tend.questionnaires.charts import Chart, ChartLine
from tend.questionnaires.models import MeasureConsent, MeasureResponse, MeasureSchedule, Occasion, ScoreValue

def has_consented(user) -> bool:
    return MeasureConsent.objects.filter(user=user, share_scores=True).exists()


# --- What to answer now ---------------------------------------------------------------------


@dataclass(frozen=True)
class Due:
    schedule: MeasureSchedule
    due_on: date
    offer: catalogue.Offer
    response: MeasureResponse | None

    @property
    def is_done(self) -> bool:
        return self.response is not None and self.response.is_complete


def due_for(user, offers: dict[str, catalogue.Offer], today: date | None = None) -> list[Due]:
    """Scheduled measures open now in the person's cohorts (as a trainee), with any response started."""
    today = today or timezone.localdate()
    cohort_ids = Membership.objects.filter(user=user, role=CohortRole.TRAINEE).values("cohort_id")
    schedules = MeasureSchedule.objects.filter(cohort_id__in=cohort_ids, opens_on__lte=today).select_related("cohort")
    responses = {(r.schedule_id, r.due_on): r for r in MeasureResponse.objects.filter(owner=user, schedule__isnull=False)}
    found = []
    for schedule in schedules:
        due_on = schedule.occasion_for(today)
        offer = offers.get(schedule.definition_id)
        if due_on is None or offer is None:
            continue
        found.append(Due(schedule, due_on, offer, responses.get((schedule.pk, due_on))))
    return found


def unfinished(user) -> list[MeasureResponse]:
    return list(MeasureResponse.objects.filter(owner=user, completed_at__isnull=True).order_by("-updated_at"))


# --- A person's own results -----------------------------------------------------------------


def score_range(defn: Definition, rule, values: list[float]) -> tuple[float, float]:
    count = len(rule.items or ())
    if rule.rule == "sum" and count:
        return count * defn.scale_min, count * defn.scale_max
    if rule.rule in ("mean", "mean_of_scores"):
        return defn.scale_min, defn.scale_max
    low, high = min(values), max(values)
    return (low - 1, high + 1) if low == high else (low, high)


def change_between(defn: Definition, score_id: str, before: float, after: float) -> ChangeResult | None:
    """Jacobson–Truax reliable change from the first score to the latest, where the definition has a norm."""
    try:
        return reliable_change(defn, score_id, before, after)
    except (KeyError, ValueError, LookupError):
        return None  # no norm with a reliability for this score: the band cannot be drawn


def change_words(change: ChangeResult | None, higher_is_better: bool | None) -> str:
    if change is None:
        return _("There is no published reliability figure for this score here, so we do not judge whether it has changed.")
    category = str(change.category).lower()
    if "improv" in category:
        return _("Your latest score has moved further than measurement error alone would explain, in the direction "
                 "this measure counts as easier or better.")
    if "deterior" in category or "worse" in category:
        return _("Your latest score has moved further than measurement error alone would explain, in the direction "
                 "this measure counts as harder. That is worth noticing kindly, and perhaps talking over with someone you trust.")
    return _("The difference from your first score is within what measurement error alone could produce, so it is "
             "best read as no clear change yet.")


@dataclass
class ScoreSeries:
    score_id: str
    label: str
    points: list[tuple[date, float]]
    chart: Chart
    change: ChangeResult | None
    interpretation: list[str] = field(default_factory=list)

    @property
    def latest(self) -> float:
        return self.points[-1][1]


@dataclass
class History:
    definition: Definition
    responses: list[MeasureResponse]
    series: list[ScoreSeries]

    @property
    def is_checkin(self) -> bool:
        return self.definition.kind == "checkin"

    @property
    def needs_care(self) -> bool:
        return self.responses[-1].care_flag


def _cutoff_words(defn: Definition, score_id: str, latest: float) -> list[str]:
    words = []
    for cutoff in defn.cutoffs:
        if cutoff.score != score_id or not crosses(cutoff, latest):
            continue
        if defn.kind == "checkin":
            words.append(_("%(label)s This is our own gentle rule, not a clinical cut-off.") % {"label": cutoff.label})
        else:
            words.append(_("Your latest score is in the range the measure's authors call “%(label)s” (%(value)s). "
                           "Ranges like this describe groups of people, not you; they are a prompt for reflection, "
                           "not a diagnosis.") % {"label": cutoff.label, "value": f"{cutoff.value:g}"})
    return words


def _series(defn: Definition, rule, responses: list[MeasureResponse], index: int) -> ScoreSeries | None:
    points = [(timezone.localdate(r.completed_at), r.scores[rule.id]) for r in responses if rule.id in r.scores]
    if not points:
        return None
    values = [v for _, v in points]
    low, high = score_range(defn, rule, values + [c.value for c in defn.cutoffs if c.score == rule.id])
    change = change_between(defn, rule.id, values[0], values[-1])
    band = None
    if change is not None:
        band = (values[0] - change.minimum_reliable_change, values[0] + change.minimum_reliable_change)
    lines = [ChartLine(c.value, str(c.label)) for c in defn.cutoffs if c.score == rule.id]
    chart = Chart(title=f"{defn.name}: {rule.label}", points=points, low=low, high=high, band=band, lines=lines,
                  chart_id=f"chart-{defn.id}-{index}")
    words = _cutoff_words(defn, rule.id, values[-1])
    if len(values) > 1:
        words.insert(0, change_words(change, rule.higher_is_better))
    return ScoreSeries(rule.id, str(rule.label), points, chart, change if len(values) > 1 else None, words)


def my_history(user) -> list[History]:
    """Every measure the person completed, oldest response first, with a chart per score (one query)."""
    by_definition: dict[str, list[MeasureResponse]] = defaultdict(list)
    for response in MeasureResponse.objects.filter(owner=user, completed_at__isnull=False).order_by("completed_at"):
        by_definition[response.definition_id].append(response)
    histories = []
    for definition_id, responses in by_definition.items():
        defn = catalogue.definition(definition_id)
        if defn is None:
            continue
        series = [s for i, rule in enumerate(defn.scores) if (s := _series(defn, rule, responses, i))]
        histories.append(History(defn, responses, series))
    return sorted(histories, key=lambda h: h.definition.name)


# --- Cohort summaries -----------------------------------------------------------------------


@dataclass
class Cell:
    label: str
    n: int
    mean: float | None
    sd: float | None


@dataclass
class OccasionSummary:
    schedule: MeasureSchedule
    due_on: date
    respondents: int
    cells: list[Cell]

    @property
    def enough(self) -> bool:
        return self.respondents >= stats.MIN_GROUP


@dataclass
class ChangeSummary:
    definition: Definition
    label: str
    change: stats.PairedChange | None
    pairs: int


def _labels(defn: Definition | None) -> dict[str, str]:
    return {rule.id: str(rule.label) for rule in defn.scores} if defn else {}


@dataclass
class CohortSummary:
    occasions: list[OccasionSummary]
    changes: list[ChangeSummary]


def cohort_summary(cohort) -> CohortSummary:
    """Consenting people's mean and SD per score and due date, and the paired change from
    baseline to end, in one aggregate query. A date or a change with fewer than five
    contributors shows nothing. Each person answers a due date once (a unique constraint), so
    the contributors to a date are its best-answered score's count."""
    schedules = {s.pk: s for s in MeasureSchedule.objects.filter(cohort=cohort)}
    difference = F("value") - F("baseline_value")
    rows = (ScoreValue.objects.filter(schedule_id__in=list(schedules), shared=True)
            .values("schedule_id", "due_on", "score_id")
            .annotate(n=Count("id"), total=Sum("value"), squares=Sum(F("value") * F("value")),
                      pairs=Count("baseline_value"), change_total=Sum(difference), change_squares=Sum(difference * difference))
            .order_by("schedule_id", "due_on", "score_id"))
    cells: dict[tuple, list[Cell]] = defaultdict(list)
    changes = []
    for row in rows:
        schedule = schedules[row["schedule_id"]]
        defn = catalogue.definition(schedule.definition_id)
        label = _labels(defn).get(row["score_id"], row["score_id"])
        mean, sd = stats.mean_sd_from_sums(row["n"], row["total"], row["squares"])
        enough = row["n"] >= stats.MIN_GROUP
        cells[(row["schedule_id"], row["due_on"])].append(Cell(label, row["n"], mean if enough else None, sd if enough else None))
        if schedule.occasion == Occasion.END and defn is not None:
            change_mean, change_sd = stats.mean_sd_from_sums(row["pairs"], row["change_total"], row["change_squares"])
            change = stats.change_from_summary(row["pairs"], change_mean, change_sd) if change_mean is not None else None
            changes.append(ChangeSummary(defn, label, change, row["pairs"]))
    occasions = [OccasionSummary(schedules[key[0]], key[1], max(c.n for c in found), found) for key, found in cells.items()]
    return CohortSummary(sorted(occasions, key=lambda s: (s.due_on, s.schedule.pk)), changes)
