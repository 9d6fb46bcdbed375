"""Search across lessons and the glossary: SQLite FTS5 locally, PostgreSQL full-text search in
production. Results carry a snippet with the matched words marked."""

import html
import re
from dataclasses import dataclass

from django.db import connection

from tend.learn.models import GlossaryTerm, Lesson

MARK_OPEN, MARK_CLOSE = "\x02", "\x03"  # sentinels turned into <mark> after escaping


@dataclass
class SearchResult:
    kind: str  # "lesson" | "term"
    title: str
    url: str
    snippet_html: str
    module_title: str = ""


def rebuild_index(conn) -> None:
    if conn.vendor != "sqlite":
        return  # PostgreSQL searches the tables directly
    with conn.cursor() as cursor:
        cursor.execute("DELETE FROM learn_search")
        for lesson in Lesson.objects.live().filter(module__archived_at__isnull=True).select_related("module"):
            cursor.execute(
                "INSERT INTO learn_search (kind, ref, title, body) VALUES (%s, %s, %s, %s)",
                ["lesson", lesson.pk, lesson.title, lesson.body_text],
            )
        for term in GlossaryTerm.objects.live():
            cursor.execute(
                "INSERT INTO learn_search (kind, ref, title, body) VALUES (%s, %s, %s, %s)",
                ["term", term.pk, term.term, f"{term.definition} {' '.join(term.aliases)}"],
            )


def _fts_query(text: str) -> str:
    words = re.findall(r"\w+", text.lower())
    return " ".join(f'"{word}"*' for word in words)


def _marked(snippet: str) -> str:
    return html.escape(snippet).replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>")


def search(text: str, limit: int = 30) -> list[SearchResult]:
    if not re.search(r"\w", text or ""):
        return []
    rows = _search_sqlite(text, limit) if connection.vendor == "sqlite" else _search_postgres(text, limit)
    lessons = Lesson.objects.select_related("module").in_bulk([ref for kind, ref, _ in rows if kind == "lesson"])
    terms = GlossaryTerm.objects.in_bulk([ref for kind, ref, _ in rows if kind == "term"])
    results = []
    for kind, ref, snippet in rows:
        if kind == "lesson" and ref in lessons:
            lesson = lessons[ref]
            results.append(SearchResult("lesson", lesson.title, lesson.get_absolute_url(), _marked(snippet), lesson.module.title))
        elif kind == "term" and ref in terms:
            term = terms[ref]
            results.append(SearchResult("term", term.term, f"/learn/glossary/#term-{term.slug}", _marked(snippet)))
    return results


def _search_sqlite(text: str, limit: int):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT kind, ref, snippet(learn_search, 3, %s, %s, '…', 24) FROM learn_search "
            "WHERE learn_search MATCH %s ORDER BY bm25(learn_search, 0, 0, 5.0, 1.0) LIMIT %s",
            [MARK_OPEN, MARK_CLOSE, _fts_query(text), limit],
        )
        return [(kind, int(ref), snippet) for kind, ref, snippet in cursor.fetchall()]


def _search_postgres(text: str, limit: int):
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector

    query = SearchQuery(text, search_type="websearch", config="english")
    options = {"start_sel": MARK_OPEN, "stop_sel": MARK_CLOSE, "max_words": 30, "min_words": 12, "config": "english"}
    lessons = (
        Lesson.objects.live().filter(module__archived_at__isnull=True)
        .annotate(rank=SearchRank(SearchVector("title", weight="A", config="english") + SearchVector("body_text", weight="B", config="english"), query))
        .filter(rank__gt=0).annotate(snippet=SearchHeadline("body_text", query, **options))
        .order_by("-rank").values_list("pk", "snippet", "rank")[:limit]
    )
    terms = (
        GlossaryTerm.objects.live()
        .annotate(rank=SearchRank(SearchVector("term", weight="A", config="english") + SearchVector("definition", weight="B", config="english"), query))
        .filter(rank__gt=0).annotate(snippet=SearchHeadline("definition", query, **options))
        .order_by("-rank").values_list("pk", "snippet", "rank")[:limit]
    )
    rows = [("lesson", pk, snippet, rank) for pk, snippet, rank in lessons] + [("term", pk, snippet, rank) for pk, snippet, rank in terms]
    rows.sort(key=lambda row: -row[3])
    return [(kind, pk, snippet) for kind, pk, snippet, _ in rows[:limit]]
