"""Benchmark: a cohort's measure summaries over 10,000 respondents (target: under 200 ms on PostgreSQL).

Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/tend_bench_measures .venv/bin/python benchmarks/measures_aggregates.py
(create the scratch database first: createdb -h 127.0.0.1 -U postgres tend_bench_measures). It migrates
that database, builds one cohort with N respondents who each completed the weekly three-systems check-in
at baseline and at end (90 % consenting), then times selectors.cohort_summary, the read behind the
trainer's page: mean and SD per score and date, and the paired change from baseline to end with its 95% CI.
Without DATABASE_URL it uses a temporary SQLite file. It refuses the shared database named `test`.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CHECKIN = "three-systems-checkin"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--respondents", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL")
    if url and urlsplit(url).path.strip("/") == "test":
        sys.exit("Refusing to use the database `test`: give a scratch database of your own.")
    if not url:
        os.environ["SQLITE_PATH"] = str(Path(tempfile.mkdtemp(prefix="tend-bench-")) / "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tend.settings")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from tend.accounts.models import User
    from tend.cohorts.models import Cohort, CohortRole, Membership
    from tend.questionnaires import selectors
    from tend.questionnaires.models import MeasureConsent, MeasureResponse, MeasureSchedule, Occasion, ScoreValue

    call_command("migrate", verbosity=0)
    with transaction.atomic():
        Cohort.objects.filter(name="Measures benchmark").delete()
        User.objects.filter(email__endswith="@bench.example").delete()
        today = timezone.localdate()
        cohort = Cohort.objects.create(name="Measures benchmark", starts_on=today, ends_on=today)
        users = User.objects.bulk_create(
            User(email=f"r{n}@bench.example", display_name=f"R{n}", password="!") for n in range(args.respondents))
        Membership.objects.bulk_create(Membership(cohort=cohort, user=u, role=CohortRole.TRAINEE) for u in users)
        MeasureConsent.objects.bulk_create(MeasureConsent(user=u, share_scores=n % 10 != 0) for n, u in enumerate(users))
        schedules = {o: MeasureSchedule.objects.create(cohort=cohort, definition_id=CHECKIN, occasion=o, opens_on=today)
                     for o in (Occasion.BASELINE, Occasion.END)}
        now = timezone.now()
        consenting = {u.pk for n, u in enumerate(users) if n % 10 != 0}
        scores = ("threat", "drive", "soothing", "self_warmth")

        def value(owner_id: int, index: int, shift: int) -> float:
            return float((owner_id + index + shift) % 11)

        for occasion, schedule in schedules.items():
            responses = MeasureResponse.objects.bulk_create(
                MeasureResponse(owner=u, definition_id=CHECKIN, definition_version="1", schedule=schedule, cohort=cohort,
                                occasion=occasion, due_on=today, completed_at=now) for u in users)
            end = occasion == Occasion.END
            # As services.complete stores them: consent mirrored in `shared`, end rows paired with baseline.
            ScoreValue.objects.bulk_create(
                (ScoreValue(response=r, owner_id=r.owner_id, schedule=schedule, due_on=today, score_id=score,
                            value=value(r.owner_id, i, 1 if end else 0), shared=r.owner_id in consenting,
                            baseline_value=value(r.owner_id, i, 0) if end else None)
                 for r in responses for i, score in enumerate(scores)),
                batch_size=5000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # as autovacuum would: lets index-only scans skip the table

    def run() -> float:
        start = time.perf_counter()
        summary = selectors.cohort_summary(cohort)
        elapsed = time.perf_counter() - start
        assert summary.occasions[0].respondents == len(consenting) and len(summary.changes) == len(scores)
        assert all(c.change and c.pairs == len(consenting) for c in summary.changes)
        return elapsed

    run()  # warm-up: definitions read from files, connection opened
    timings = [run() for _ in range(args.repeats)]
    print(f"database: {connection.vendor}; respondents: {args.respondents:,} (90% consenting), 2 occasions x 4 scores")
    print(f"summaries + paired change: median {statistics.median(timings) * 1000:.0f} ms, "
          f"best {min(timings) * 1000:.0f} ms, worst {max(timings) * 1000:.0f} ms over {args.repeats} runs")


if __name__ == "__main__":
    main()
