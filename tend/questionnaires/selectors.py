"""Reads: what a person may answer now, their own history with charts, and cohort summaries
that include only consenting people and only groups of at least five."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Q, Sum
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


LOCAL_SD_MIN = 20  # consenting baseline scores needed before a cohort's own SD stands in for a published one


@dataclass(frozen=True)
class LocalSpread:
    """The SD of a cohort's consenting baseline scores for one score, and how many contributed."""

    sd: float
    n: int


def reliability_without_sd(defn: Definition, score_id: str) -> float | None:
    """A published reliability for a score that has no norm with an SD (None otherwise)."""
    norms = [norm for norm in defn.norms if norm.score == score_id]
    if any(norm.sd is not None and norm.reliability is not None for norm in norms):
        return None  # a published norm already gives both
    return next((norm.reliability for norm in norms if norm.reliability is not None), None)


def cohort_baseline_spreads(wanted: set[tuple[int, str]]) -> dict[tuple[int, str, str], LocalSpread]:
    """SDs of consenting baseline scores per (cohort, measure, score), where at least
    LOCAL_SD_MIN people contribute; one aggregate query for every pair asked for."""
    if not wanted:
        return {}
    which = Q()
    for cohort_id, definition_id in wanted:
        which |= Q(schedule__cohort_id=cohort_id, schedule__definition_id=definition_id)
    rows = (ScoreValue.objects.filter(which, shared=True, schedule__occasion=Occasion.BASELINE)
            .values("schedule__cohort_id", "schedule__definition_id", "score_id")
            .annotate(n=Count("id"), total=Sum("value"), squares=Sum(F("value") * F("value")))
            .order_by())
    spreads = {}
    for row in rows:
        _mean, sd = stats.mean_sd_from_sums(row["n"], row["total"], row["squares"])
        if row["n"] >= LOCAL_SD_MIN and sd:
            spreads[(row["schedule__cohort_id"], row["schedule__definition_id"], row["score_id"])] = LocalSpread(sd, row["n"])
    return spreads


def change_between(defn: Definition, score_id: str, before: float, after: float,
                   spread: LocalSpread | None = None) -> ChangeResult | None:
    """Jacobson–Truax reliable change from the first score to the latest: from a published norm,
    or from a published reliability with the cohort's own baseline SD."""
    try:
        reliability = reliability_without_sd(defn, score_id) if spread else None
        if reliability is not None:
            return reliable_change(defn, score_id, before, after, sd=spread.sd, reliability=reliability)
        return reliable_change(defn, score_id, before, after)
    except (KeyError, ValueError, LookupError):
        return None  # no usable SD and reliability for this score: the band cannot be drawn


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
    sd_note: str = ""  # where the band's SD came from, when it is not a published norm

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


def _series(defn: Definition, rule, responses: list[MeasureResponse], index: int,
            spread: LocalSpread | None = None) -> ScoreSeries | None:
    points = [(timezone.localdate(r.completed_at), r.scores[rule.id]) for r in responses if rule.id in r.scores]
    if not points:
        return None
    values = [v for _, v in points]
    low, high = score_range(defn, rule, values + [c.value for c in defn.cutoffs if c.score == rule.id])
    change = change_between(defn, rule.id, values[0], values[-1], spread)
    band = None
    if change is not None:
        band = (values[0] - change.minimum_reliable_change, values[0] + change.minimum_reliable_change)
    lines = [ChartLine(c.value, str(c.label)) for c in defn.cutoffs if c.score == rule.id]
    chart = Chart(title=f"{defn.name}: {rule.label}", points=points, low=low, high=high, band=band, lines=lines,
                  chart_id=f"chart-{defn.id}-{index}")
    words = _cutoff_words(defn, rule.id, values[-1])
    if len(values) > 1 and change is None and reliability_without_sd(defn, rule.id) is not None:
        words.insert(0, _("This score has a published reliability but no published spread (SD), and fewer than "
                          "%(n)s people in your cohort have shared a baseline score to stand in for one, so we do "
                          "not judge whether it has changed.") % {"n": LOCAL_SD_MIN})
    elif len(values) > 1:
        words.insert(0, change_words(change, rule.higher_is_better))
    sd_note = ""
    if change is not None and change.norm_id is None:
        sd_note = _("SD from your cohort's baseline, n = %(n)s; reliability %(r)s from the published norm.") % {
            "n": spread.n, "r": f"{change.reliability:g}"}
    return ScoreSeries(rule.id, str(rule.label), points, chart, change if len(values) > 1 else None, words, sd_note)


def _home_cohort(responses: list[MeasureResponse]) -> int | None:
    """The cohort whose baseline stands in for a missing SD: the earliest baseline's, else the earliest cohort's."""
    with_cohort = [r for r in responses if r.cohort_id is not None]
    baseline = next((r for r in with_cohort if r.occasion == Occasion.BASELINE), None)
    chosen = baseline or (with_cohort[0] if with_cohort else None)
    return chosen.cohort_id if chosen else None


def my_history(user) -> list[History]:
    """Every measure the person completed, oldest response first, with a chart per score (one query)."""
    by_definition: dict[str, list[MeasureResponse]] = defaultdict(list)
    for response in MeasureResponse.objects.filter(owner=user, completed_at__isnull=False).order_by("completed_at"):
        by_definition[response.definition_id].append(response)
    found = {d: (defn, responses) for d, responses in by_definition.items() if (defn := catalogue.definition(d))}
    home = {d: _home_cohort(responses) for d, (_defn, responses) in found.items()}
    wanted = {(home[d], d) for d, (defn, _r) in found.items()
              if home[d] is not None and any(reliability_without_sd(defn, rule.id) is not None for rule in defn.scores)}
    spreads = cohort_baseline_spreads(wanted)
    histories = []
    for definition_id, (defn, responses) in found.items():
        series = [s for i, rule in enumerate(defn.scores)
                  if (s := _series(defn, rule, responses, i, spreads.get((home[definition_id], definition_id, rule.id))))]
        histories.append(History(defn, responses, series))
    return sorted(histories, key=lambda h: h.definition.name)


# --- Cohort summaries -----------------------------------------------------------------------


@dataclass
class Cell:
    label: str
    n: int
    mean: float | None
    sd: float | None
    score_id: str = ""


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
class Trend:
    """One score of a weekly check-in: the consenting people's mean each week so far. A week
    with fewer than five contributors has no value (a gap), so nobody can be singled out."""

    schedule: MeasureSchedule
    definition: Definition
    label: str
    weeks: list[tuple[date, float | None]]
    chart: Chart

    @property
    def gaps(self) -> list[date]:
        return [week for week, mean in self.weeks if mean is None]

    @property
    def gap_list(self) -> str:
        return ", ".join(f"{week.day} {week:%B %Y}" for week in self.gaps)


@dataclass
class CohortSummary:
    occasions: list[OccasionSummary]
    changes: list[ChangeSummary]
    trends: list[Trend] = field(default_factory=list)


def weekly_trends(schedules: list[MeasureSchedule], occasions: list[OccasionSummary], today: date) -> list[Trend]:
    """Trend charts for the weekly check-ins, from the summary's rows (no further queries)."""
    means = {(o.schedule.pk, o.due_on, cell.score_id): cell.mean for o in occasions for cell in o.cells}
    trends = []
    for schedule in schedules:
        defn = catalogue.definition(schedule.definition_id)
        weeks = [day for day in schedule.due_dates() if day <= today] if schedule.is_weekly else []
        if defn is None or not weeks:
            continue
        for index, rule in enumerate(defn.scores):
            points = [(week, means.get((schedule.pk, week, rule.id))) for week in weeks]
            values = [value for _, value in points if value is not None]
            low, high = score_range(defn, rule, values or [0.0])
            chart = Chart(title=_("%(measure)s: %(score)s, weekly cohort mean") % {"measure": defn.name, "score": rule.label},
                          points=points, low=low, high=high, chart_id=f"trend-{schedule.pk}-{index}",
                          gap_text=_("fewer than %(n)s people, not shown") % {"n": stats.MIN_GROUP})
            trends.append(Trend(schedule, defn, str(rule.label), points, chart))
    return trends


def cohort_summary(cohort) -> CohortSummary:
    """Consenting people's mean and SD per score and due date, and the paired change from
    baseline to end, in one aggregate query. A date or a change with fewer than five
    contributors shows nothing. Each person answers a due date once (a unique constraint), so
    the contributors to a date are its best-answered score's count."""
    schedules = {s.pk: s for s in MeasureSchedule.objects.filter(cohort=cohort).select_related("cohort")}
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
        cells[(row["schedule_id"], row["due_on"])].append(Cell(label, row["n"], mean if enough else None, sd if enough else None,
                                                                   row["score_id"]))
        if schedule.occasion == Occasion.END and defn is not None:
            change_mean, change_sd = stats.mean_sd_from_sums(row["pairs"], row["change_total"], row["change_squares"])
            change = stats.change_from_summary(row["pairs"], change_mean, change_sd) if change_mean is not None else None
            changes.append(ChangeSummary(defn, label, change, row["pairs"]))
    occasions = [OccasionSummary(schedules[key[0]], key[1], max(c.n for c in found), found) for key, found in cells.items()]
    occasions = sorted(occasions, key=lambda s: (s.due_on, s.schedule.pk))
    return CohortSummary(occasions, changes, weekly_trends(list(schedules.values()), occasions, timezone.localdate()))
