from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tend.drills.content import read_drills
from tend.learn import loader
from tend.learn.content import ContentErrors, read_curriculum


class Command(BaseCommand):
    help = "Validate and load the curriculum from content/ (idempotent; all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Validate only; write nothing; exit non-zero on errors.")
        parser.add_argument("--content-dir", default=str(settings.TEND_CONTENT_DIR))

    def handle(self, *args, check=False, content_dir=None, **options):
        try:
            curriculum = read_curriculum(Path(content_dir))
            skills = read_drills(Path(content_dir))
        except ContentErrors as problems:
            for error in problems.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(problems.errors)} problem(s) in the content; nothing was loaded.") from None
        if check:
            lessons = sum(len(m.lessons) for m in curriculum.modules)
            drills = sum(len(skill.drills) for skill in skills)
            self.stdout.write(self.style.SUCCESS(
                f"Content is valid: {len(curriculum.modules)} modules, {lessons} lessons, {len(skills)} drill skills, {drills} drills."
            ))
            return
        counts = loader.load(curriculum)
        self.stdout.write(self.style.SUCCESS(
            "Loaded {modules} modules, {lessons} lessons, {questions} questions, {glossary_terms} glossary terms.".format(**counts)
        ))
