import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tend.drills.content import LEVELS, read_drills
from tend.learn import rendering
from tend.learn.content import ContentErrors, read_curriculum


class Command(BaseCommand):
    help = "Print per-module counts of the curriculum content (read from the files)."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", dest="as_json", help="Print JSON.")
        parser.add_argument("--content-dir", default=str(settings.TEND_CONTENT_DIR))

    def handle(self, *args, as_json=False, content_dir=None, **options):
        try:
            curriculum = read_curriculum(Path(content_dir))
            skills = read_drills(Path(content_dir))
        except ContentErrors as problems:
            raise CommandError(f"The content has {len(problems.errors)} problem(s); run load_content --check.") from None
        modules = [
            {
                "id": m.slug, "number": m.number, "title": m.title, "lessons": len(m.lessons),
                "words": sum(rendering.word_count(lesson.body_markdown) for lesson in m.lessons),
                "questions": len(m.questions), "reflections": len(m.reflections),
                "practice_assignments": len(m.practice_assignments), "references": len(m.references),
            }
            for m in curriculum.modules
        ]
        drills = [{"id": s.id, "number": s.number, "title": s.title, **{level: s.count(level) for level in LEVELS},
                   "total": len(s.drills)} for s in skills]
        stats = {"modules": modules, "glossary_terms": len(curriculum.glossary), "drills": drills,
                 "drill_total": sum(d["total"] for d in drills)}
        if as_json:
            self.stdout.write(json.dumps(stats, indent=2))
            return
        for m in modules:
            self.stdout.write(f"{m['number']:02d} {m['title']}: {m['lessons']} lessons, {m['words']} words, {m['questions']} questions")
