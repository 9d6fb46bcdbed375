"""The ledger for a period as CSV and as a printable PDF CPD record (no reflections in either:
they are private writing and stay in Tend)."""

import csv
import io

from django.template.loader import render_to_string
from django.utils import timezone

from tend.cpd.selectors import Ledger, source_name


def filename(ledger: Ledger, extension: str) -> str:
    return f"cpd-record-{ledger.period.start:%Y-%m-%d}-to-{ledger.period.end:%Y-%m-%d}.{extension}"


def _safe_cell(value: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; a leading apostrophe stops that."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def ledger_csv(ledger: Ledger) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["date", "title", "hours", "category", "source"])
    for activity in sorted(ledger.activities, key=lambda a: (a.date, a.ref)):
        writer.writerow([activity.date.isoformat(), _safe_cell(activity.title), f"{activity.hours:.2f}",
                         ledger.category_name(activity.category), source_name(activity.source)])
    writer.writerow([])
    writer.writerow(["total", "", f"{ledger.total:.2f}", "", ""])
    return out.getvalue()


def record_html(ledger: Ledger, user, organisation: str) -> str:
    activities = sorted(ledger.activities, key=lambda a: (a.date, a.ref))
    rows = [(a, ledger.category_name(a.category), source_name(a.source)) for a in activities]
    return render_to_string("cpd/record_pdf.html", {
        "ledger": ledger, "rows": rows, "person": user, "organisation": organisation,
        "generated": timezone.localdate(),
    })


def record_pdf(html: str) -> bytes:
    import weasyprint  # slow to import: only the PDF export needs it

    class NothingFetched(weasyprint.urls.URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError(f"the CPD record does not fetch {url}")

    return weasyprint.HTML(string=html, base_url="https://tend.invalid/", url_fetcher=NothingFetched()).write_pdf()
