"""The weekly deliberate-practice diary: what was practised in a week (from the attempts) and what
the trainee says they learned, exportable as a PDF to take to supervision."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from tend.drills import services
from tend.drills.models import DrillAttempt, PracticeWeek


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def parse_week(value: str | None, today: date) -> date:
    """The Monday of the week asked for (?week=YYYY-MM-DD), never in the future; this week otherwise."""
    try:
        asked = date.fromisoformat(value) if value else today
    except ValueError:
        asked = today
    return week_start(min(asked, today))


@dataclass(frozen=True)
class DiaryRow:
    attempt: DrillAttempt
    skill_title: str
    statement: str


@dataclass(frozen=True)
class Week:
    start: date
    end: date
    rows: list[DiaryRow]
    entry: PracticeWeek | None
    skills: list[str]

    @property
    def previous(self) -> date:
        return self.start - timedelta(days=7)


def week_for(owner, start: date, *, create_entry: bool = False) -> Week:
    tz = timezone.get_current_timezone()
    since = datetime.combine(start, time.min, tzinfo=tz)
    attempts = DrillAttempt.objects.filter(owner=owner, created_at__gte=since, created_at__lt=since + timedelta(days=7))
    titles = {s.id: s for s in services.skills()}
    rows = []
    for attempt in attempts.order_by("created_at", "pk"):
        skill = titles.get(attempt.skill_id)
        drill = services.drill_in(skill, attempt.drill_id) if skill else None
        rows.append(DiaryRow(attempt, skill.title if skill else attempt.skill_id, drill.statement if drill else ""))
    if create_entry:
        entry, _ = PracticeWeek.objects.get_or_create(owner=owner, week_start=start)
    else:
        entry = PracticeWeek.objects.filter(owner=owner, week_start=start).first()
    skills = sorted({row.skill_title for row in rows})
    return Week(start, start + timedelta(days=6), rows, entry, skills)


def render_html(week: Week, owner, *, include_replies: bool) -> str:
    from django.conf import settings
    from django.template.loader import render_to_string

    context = {"week": week, "name": owner.display_name or owner.email, "include_replies": include_replies,
               "organisation": getattr(settings, "TEND_ORGANISATION_NAME", "Tend")}
    return render_to_string("drills/diary_pdf.html", context)


def render_pdf(week: Week, owner, *, include_replies: bool = False) -> bytes:
    import weasyprint  # slow to import: only the PDF needs it

    class NothingRemote(weasyprint.urls.URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError(f"practice diary PDFs fetch nothing ({url})")

    html = render_html(week, owner, include_replies=include_replies)
    return weasyprint.HTML(string=html, base_url="https://tend.invalid/", url_fetcher=NothingRemote()).write_pdf()
