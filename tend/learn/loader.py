"""Writes a validated curriculum into the database, all or nothing, keyed on the files' stable ids."""

from decimal import Decimal

from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from tend.learn import rendering, search
from tend.learn.content import Curriculum, ModuleData
from tend.learn.models import Figure, GlossaryTerm, Lesson, Module, Question, ReflectionPrompt


def _sync_rows(queryset, wanted: dict, key_field: str, make_fields) -> None:
    """Upsert rows named in `wanted` (key -> data) and archive the rest of `queryset`."""
    now = timezone.now()
    existing = {getattr(row, key_field): row for row in queryset}
    for key, data in wanted.items():
        fields = make_fields(data) | {"archived_at": None}
        row = existing.pop(key, None)
        if row is None:
            queryset.model.objects.create(**{key_field: key}, **fields)
        else:
            for name, value in fields.items():
                setattr(row, name, value)
            row.save()
    for row in existing.values():
        if row.archived_at is None:
            row.archived_at = now
            row.save(update_fields=["archived_at"])


@transaction.atomic
def load(curriculum: Curriculum) -> dict:
    glossary = {term["id"]: term for term in curriculum.glossary}
    _sync_rows(
        GlossaryTerm.objects.all(), glossary, "slug",
        lambda t: {"term": t["term"], "definition": t["definition"], "aliases": t["aliases"]},
    )
    _sync_rows(Module.objects.all(), {m.slug: m for m in curriculum.modules}, "slug", _module_fields)
    for data in curriculum.modules:
        module = Module.objects.get(slug=data.slug)
        _load_module_parts(module, data, glossary)
    # Lessons of modules that were removed entirely are archived with their module.
    Lesson.objects.filter(module__archived_at__isnull=False, archived_at__isnull=True).update(archived_at=timezone.now())
    search.rebuild_index(connection)
    return {
        "modules": len(curriculum.modules),
        "lessons": sum(len(m.lessons) for m in curriculum.modules),
        "questions": sum(len(m.questions) for m in curriculum.modules),
        "glossary_terms": len(glossary),
    }


def _module_fields(m: ModuleData) -> dict:
    return {
        "number": m.number, "title": m.title, "summary": m.summary, "learning_objectives": m.learning_objectives,
        "estimated_hours": Decimal(str(m.estimated_hours)), "cpd_hours": Decimal(str(m.cpd_hours)),
        "prerequisite_slugs": m.prerequisites, "references": m.references,
        "practice_assignments": m.practice_assignments, "pass_mark": m.pass_mark, "source_path": m.folder,
    }


def _load_module_parts(module: Module, data: ModuleData, glossary: dict) -> None:
    Figure.objects.filter(module=module).exclude(name__in=data.figures).delete()
    for name, svg in data.figures.items():
        Figure.objects.update_or_create(module=module, name=name, defaults={"svg": svg})

    def figure_url(name: str) -> str:
        return reverse("learn:figure", args=[module.slug, name])

    def lesson_fields(lesson) -> dict:
        ctx = rendering.RenderContext(references=data.references, glossary=glossary, figure_url=figure_url)
        return {
            "module": module, "position": lesson.position, "title": lesson.title,
            "estimated_minutes": lesson.estimated_minutes, "objectives": lesson.objectives,
            "body_markdown": lesson.body_markdown, "body_html": rendering.render(lesson.body_markdown, ctx),
            "body_text": rendering.plain_text(lesson.body_markdown), "word_count": rendering.word_count(lesson.body_markdown),
        }

    # Lesson ids are unique across the curriculum, so a lesson may move between modules.
    _sync_rows(
        Lesson.objects.filter(module=module) | Lesson.objects.filter(slug__in=[l.slug for l in data.lessons]),
        {lesson.slug: lesson for lesson in data.lessons}, "slug", lesson_fields,
    )
    _sync_rows(
        Question.objects.filter(module=module), {q.key: q for q in data.questions}, "key",
        lambda q: {"module": module, "position": q.position, "kind": q.kind, "prompt": q.prompt,
                   "revisit_lesson_slug": q.revisit, "options": q.options},
    )
    _sync_rows(
        ReflectionPrompt.objects.filter(module=module), {r.key: r for r in data.reflections}, "key",
        lambda r: {"module": module, "position": r.position, "title": r.title, "prompt": r.prompt},
    )
