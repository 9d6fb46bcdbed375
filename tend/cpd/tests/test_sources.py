"""Hours from each of Tend's own CPD sources, the weekly caps, period boundaries and the hook."""

import sys
import types
import zoneinfo
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from tend.cpd import selectors, sources
from tend.cpd.activities import CpdActivity
from tend.cpd.cpd import cpd_activities
from tend.cpd.models import CpdCategory, ExternalActivity
from tend.diary.models import PracticeLog
from tend.drills.models import DrillAttempt
from tend.learn.models import Module, ModuleProgress

YEAR = selectors.Period(date(2026, 1, 1), date(2026, 12, 31))
LONDON = zoneinfo.ZoneInfo("Europe/London")


def at(day: date, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def make_module(slug: str, cpd_hours: str, number: int = 1) -> Module:
    return Module.objects.create(slug=slug, number=number, title=f"Module {slug}", summary="s",
                                 estimated_hours=Decimal("2"), cpd_hours=Decimal(cpd_hours), source_path=slug)


def complete(user, module: Module, when: datetime | None) -> ModuleProgress:
    return ModuleProgress.objects.create(user=user, module=module, completed_at=when)


def practice(user, when: datetime, minutes: int) -> PracticeLog:
    return PracticeLog.objects.create(owner=user, tool="breathing", started_at=when, duration_seconds=minutes * 60)


def drill(user, when: datetime, score: float | None = 3.0) -> DrillAttempt:
    attempt = DrillAttempt.objects.create(owner=user, skill_id="s", drill_id="d", level="beginner", score=score)
    DrillAttempt.objects.filter(pk=attempt.pk).update(created_at=when)  # created_at is auto_now_add
    return attempt


@pytest.fixture(autouse=True)
def london():
    with timezone.override(LONDON):
        yield


def by_ref(activities) -> dict[str, CpdActivity]:
    return {a.ref: a for a in activities}


def test_a_completed_module_counts_its_content_hours_on_the_day_it_was_completed(trainee, personas):
    module = make_module("three-systems", "4")
    complete(trainee, module, at(date(2026, 3, 2)))
    complete(personas.cohort_peer, module, at(date(2026, 3, 3)))  # someone else's completion
    complete(trainee, make_module("unfinished", "3", 2), None)
    found = sources.module_activities(trainee, YEAR.start, YEAR.end)
    assert [(a.ref, a.hours, a.date, a.category, a.source) for a in found] == [
        ("module:three-systems", Decimal("4.00"), date(2026, 3, 2), "formal_learning", "module")
    ]
    assert found[0].url == "/learn/three-systems/"


def test_a_module_without_cpd_hours_uses_the_configured_default(trainee, settings):
    complete(trainee, make_module("no-hours", "0"), at(date(2026, 3, 2)))
    assert sources.module_activities(trainee, YEAR.start, YEAR.end)[0].hours == Decimal("1.50")
    settings.TEND_CPD_MODULE_HOURS_DEFAULT = "2.25"
    assert sources.module_activities(trainee, YEAR.start, YEAR.end)[0].hours == Decimal("2.25")


def test_practice_minutes_become_hours_capped_each_week(trainee, settings):
    monday = date(2026, 3, 2)
    practice(trainee, at(monday), 90)
    practice(trainee, at(monday + timedelta(days=3)), 60)  # same week: 150 minutes, capped at 2 hours
    practice(trainee, at(monday + timedelta(days=7)), 30)  # the next week
    found = by_ref(sources.practice_activities(trainee, YEAR.start, YEAR.end))
    assert found["practice:2026-03-02"].hours == Decimal("2")
    assert found["practice:2026-03-09"].hours == Decimal("0.50")
    assert found["practice:2026-03-09"].category == "practice"
    settings.TEND_CPD_PRACTICE_WEEKLY_CAP_HOURS = 1
    found = by_ref(sources.practice_activities(trainee, YEAR.start, YEAR.end))
    assert found["practice:2026-03-02"].hours == Decimal("1")


def test_drills_with_feedback_count_ten_minutes_each_capped_each_week(trainee):
    monday = date(2026, 3, 2)
    for _ in range(3):
        drill(trainee, at(monday))
    drill(trainee, at(monday), score=None)  # no feedback asked for: not counted
    found = by_ref(sources.drill_activities(trainee, YEAR.start, YEAR.end))
    assert found["drills:2026-03-02"].hours == Decimal("0.50")
    assert found["drills:2026-03-02"].category == "self_directed"
    for _ in range(20):
        drill(trainee, at(monday + timedelta(days=8)))
    found = by_ref(sources.drill_activities(trainee, YEAR.start, YEAR.end))
    assert found["drills:2026-03-09"].hours == Decimal("2")  # 200 minutes, capped at 2 hours


def test_period_boundaries_use_the_persons_local_dates(trainee):
    period = selectors.Period(date(2026, 4, 6), date(2027, 4, 5))
    practice(trainee, at(date(2026, 4, 5), 23, 59), 30)  # the evening before: outside
    practice(trainee, at(date(2026, 4, 6), 0, 0), 20)  # first minute: inside
    practice(trainee, at(date(2027, 4, 5), 23, 59), 10)  # last minute: inside
    practice(trainee, at(date(2027, 4, 6), 0, 0), 40)  # the next year
    complete(trainee, make_module("edge", "3"), at(date(2027, 4, 6), 0, 30))
    found = sources.practice_activities(trainee, period.start, period.end)
    assert sum(a.hours for a in found) == Decimal("0.50")
    # The week of Monday 5 April 2027 is cut by the period's end; the week of 6 April 2026 starts it.
    assert {a.date for a in found} == {date(2026, 4, 6), date(2027, 4, 5)}
    assert sources.module_activities(trainee, period.start, period.end) == []


def test_dates_follow_the_time_zone_in_the_persons_profile(trainee):
    trainee.time_zone = "America/New_York"
    trainee.save()
    new_york = zoneinfo.ZoneInfo("America/New_York")
    practice(trainee, datetime(2026, 12, 31, 23, 30, tzinfo=new_york), 30)  # already 1 January in London
    assert sum(a.hours for a in sources.practice_activities(trainee, YEAR.start, YEAR.end)) == Decimal("0.50")
    assert sources.practice_activities(trainee, date(2027, 1, 1), date(2027, 12, 31)) == []


def test_a_week_cut_by_the_period_start_counts_only_the_days_inside(trainee):
    practice(trainee, at(date(2025, 12, 29)), 100)  # Monday, previous year
    practice(trainee, at(date(2026, 1, 2)), 45)  # Friday of the same week, this year
    found = sources.practice_activities(trainee, YEAR.start, YEAR.end)
    assert [(a.date, a.hours) for a in found] == [(date(2026, 1, 1), Decimal("0.75"))]


def test_external_activities_in_the_period(trainee, personas):
    category = CpdCategory.objects.get(key="formal_learning")
    mine = ExternalActivity.objects.create(owner=trainee, title="Workshop", date=date(2026, 5, 1),
                                           hours=Decimal("6"), category=category)
    ExternalActivity.objects.create(owner=trainee, title="Old", date=date(2025, 5, 1), hours=1, category=category)
    ExternalActivity.objects.create(owner=personas.cohort_peer, title="Theirs", date=date(2026, 5, 1), hours=1,
                                    category=category)
    found = sources.external_activities(trainee, YEAR.start, YEAR.end)
    assert [(a.ref, a.title, a.hours, a.url) for a in found] == [
        (f"external:{mine.pk}", "Workshop", Decimal("6.00"), f"/cpd/activities/{mine.pk}/")
    ]


def test_the_hook_joins_every_own_source(trainee):
    complete(trainee, make_module("m", "4"), at(date(2026, 3, 2)))
    practice(trainee, at(date(2026, 3, 2)), 30)
    drill(trainee, at(date(2026, 3, 2)))
    found = cpd_activities(trainee, YEAR.start, YEAR.end)
    assert sorted(a.source for a in found) == ["drills", "module", "practice"]


def test_the_ledger_gathers_other_apps_hooks_and_totals_them(trainee, monkeypatch):
    """Another app's cpd.py (a fake one here) shows up on the ledger with its own source and category."""

    def live_hours(user, start, end):
        return [
            CpdActivity(ref="live:1", source="live_session", title="Live session", date=date(2026, 2, 1),
                        hours=Decimal("1.5"), category="formal_learning"),
            CpdActivity(ref="live:2", source="live_session", title="Outside", date=date(2025, 2, 1),
                        hours=Decimal("9"), category="formal_learning"),
        ]

    monkeypatch.setitem(sys.modules, "tend.live.cpd", types.SimpleNamespace(cpd_activities=live_hours))
    complete(trainee, make_module("m", "4"), at(date(2026, 3, 2)))
    practice(trainee, at(date(2026, 3, 2)), 30)
    ledger = selectors.ledger(trainee, YEAR)
    assert [a.ref for a in ledger.activities] == ["practice:2026-03-02", "module:m", "live:1"]  # newest first
    assert ledger.total == Decimal("6.00")
    totals = {t.key: t.hours for t in ledger.by_category}
    assert totals == {"formal_learning": Decimal("5.50"), "self_directed": 0, "supervision": 0, "practice": Decimal("0.50")}
    assert [t.name for t in ledger.by_category] == ["Formal learning", "Self-directed learning", "Supervision", "Practice"]
    assert {t.name: t.hours for t in ledger.by_source} == {
        "Live sessions": Decimal("1.5"), "Modules": Decimal("4.00"), "Personal practice": Decimal("0.50")}


@pytest.mark.parametrize(("setting", "today", "expected"), [
    ("01-01", date(2026, 7, 1), (date(2026, 1, 1), date(2026, 12, 31))),
    ("04-06", date(2026, 4, 5), (date(2025, 4, 6), date(2026, 4, 5))),
    ("04-06", date(2026, 4, 6), (date(2026, 4, 6), date(2027, 4, 5))),
    ("02-29", date(2027, 3, 1), (date(2027, 2, 28), date(2028, 2, 28))),
    ("not-a-date", date(2026, 7, 1), (date(2026, 1, 1), date(2026, 12, 31))),
])
def test_the_registration_year_follows_the_setting(settings, setting, today, expected):
    settings.TEND_CPD_YEAR_START = setting
    period = selectors.registration_year(today)
    assert (period.start, period.end) == expected


def test_categories_are_seeded_in_order(db):
    assert list(CpdCategory.objects.values_list("key", flat=True)) == [
        "formal_learning", "self_directed", "supervision", "practice"]
