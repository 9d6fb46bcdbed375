"""The content loader: valid content loads idempotently; each kind of mistake names its file,
line and field, and nothing is written."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tend.learn.content import ContentErrors, read_curriculum
from tend.learn.models import GlossaryTerm, Lesson, LessonProgress, Module, QuizAttempt
from tend.learn.tests.sample_content import write_curriculum


@pytest.fixture
def content(tmp_path):
    return write_curriculum(tmp_path / "content")


def load(content, *extra) -> str:
    out = StringIO()
    call_command("load_content", "--content-dir", str(content), *extra, stdout=out, stderr=out)
    return out.getvalue()


def errors_for(content) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        read_curriculum(content)
    return [str(e) for e in caught.value.errors]


def test_valid_content_loads_and_renders(db, content):
    assert "Loaded 2 modules, 4 lessons, 4 questions, 2 glossary terms" in load(content)
    lesson = Lesson.objects.get(slug="module-1-first")
    html = lesson.body_html
    assert '<aside class="callout callout--note" aria-label="A gentle note">' in html
    assert 'href="#ref-gilbert2014">[1]</a>' in html
    assert 'role="tooltip"' in html and "notices danger" in html
    assert "<table>" in html and "<figure><img" in html and "/learn/module-1/figures/circles.svg" in html
    assert lesson.word_count > 20 and Module.objects.get(slug="module-1").pass_mark == 50


def test_loading_twice_changes_nothing_and_keeps_progress(db, content, trainee):
    load(content)
    lesson = Lesson.objects.get(slug="module-1-first")
    LessonProgress.objects.create(user=trainee, lesson=lesson, completed_at="2026-11-01T10:00Z")
    QuizAttempt.objects.create(user=trainee, module=lesson.module, answers={}, score=50, passed=True)
    ids = (set(Module.objects.values_list("pk", flat=True)), set(Lesson.objects.values_list("pk", flat=True)))
    load(content)
    assert ids == (set(Module.objects.values_list("pk", flat=True)), set(Lesson.objects.values_list("pk", flat=True)))
    assert LessonProgress.objects.get().lesson_id == lesson.pk and QuizAttempt.objects.count() == 1


def test_changed_content_updates_in_place_and_removed_lessons_are_archived(db, content, trainee):
    load(content)
    lesson = Lesson.objects.get(slug="module-1-second")
    LessonProgress.objects.create(user=trainee, lesson=lesson)
    module_yaml = content / "curriculum/01-module-1/module.yaml"
    module_yaml.write_text(module_yaml.read_text().replace("  - 02-second.md\n", "").replace("title: Module 1", "title: Module One"))
    check = content / "curriculum/01-module-1/knowledge_check.yaml"
    check.write_text(check.read_text().replace("revisit: module-1-second", "revisit: module-1-first"))
    load(content)
    lesson.refresh_from_db()
    assert lesson.archived_at is not None and LessonProgress.objects.filter(lesson=lesson).exists()
    assert Module.objects.get(slug="module-1").title == "Module One"
    assert list(Lesson.objects.live().filter(module__slug="module-1").values_list("slug", flat=True)) == ["module-1-first"]


def test_check_mode_validates_without_writing(db, content):
    assert "Content is valid: 2 modules, 4 lessons" in load(content, "--check")
    assert not Module.objects.exists()


def test_errors_write_nothing_and_exit_non_zero(db, content):
    (content / "curriculum/02-module-2/module.yaml").write_text("id: Module Two\n")
    with pytest.raises(CommandError, match="nothing was loaded"):
        load(content)
    assert not Module.objects.exists() and not GlossaryTerm.objects.exists()


# One test per kind of mistake, each naming file, line and field.


def test_missing_field(content):
    path = content / "curriculum/01-module-1/module.yaml"
    path.write_text(path.read_text().replace("summary: A short summary of Module 1.\n", ""))
    assert "content/curriculum/01-module-1/module.yaml:1: summary: is missing (expected text)" in errors_for(content)


def test_wrong_type(content):
    path = content / "curriculum/01-module-1/module.yaml"
    path.write_text(path.read_text().replace("estimated_hours: 2", "estimated_hours: two"))
    assert "content/curriculum/01-module-1/module.yaml:4: estimated_hours: expected a number, found str" in errors_for(content)


def test_yaml_syntax_error_names_the_line(content):
    path = content / "curriculum/01-module-1/reflections.yaml"
    path.write_text("prompts:\n  - id: x\n   title: [unclosed\n")
    assert any(e.startswith("content/curriculum/01-module-1/reflections.yaml:3: (syntax): not valid YAML") for e in errors_for(content))


def test_bad_id(content):
    path = content / "curriculum/01-module-1/module.yaml"
    path.write_text(path.read_text().replace("id: module-1", "id: Module_1"))
    assert "content/curriculum/01-module-1/module.yaml:1: id: expected lowercase words joined by hyphens, found 'Module_1'" in errors_for(content)


def test_missing_lesson_file(content):
    path = content / "curriculum/01-module-1/module.yaml"
    path.write_text(path.read_text().replace("02-second.md", "02-missing.md"))
    assert "content/curriculum/01-module-1/module.yaml:10: lessons[1]: file '02-missing.md' does not exist in 01-module-1/" in errors_for(content)


def test_missing_front_matter(content):
    (content / "curriculum/01-module-1/01-first.md").write_text("## No front matter\n")
    assert any("01-first.md:1: (front matter)" in e for e in errors_for(content))


def test_unknown_citation_key_names_the_body_line(content):
    path = content / "curriculum/01-module-1/01-first.md"
    path.write_text(path.read_text().replace("[^gilbert2014]", "[^nobody2020]"))
    assert "content/curriculum/01-module-1/01-first.md:10: [^nobody2020]: cites a reference key that module.yaml does not list" in errors_for(content)


def test_unknown_glossary_term(content):
    path = content / "curriculum/01-module-1/01-first.md"
    path.write_text(path.read_text().replace("[[threat-system|", "[[drive-system|"))
    assert "content/curriculum/01-module-1/01-first.md:10: [[drive-system]]: names a term that content/glossary.yaml does not define" in errors_for(content)


def test_missing_or_unsafe_figure(content):
    (content / "curriculum/01-module-1/figures/circles.svg").write_text('<svg onload="alert(1)"></svg>')
    problems = errors_for(content)
    assert any("circles.svg: (svg): expected a plain SVG" in e for e in problems)
    assert any("01-first.md:24: figures/circles.svg: figure file does not exist" in e for e in problems)


def test_figure_without_alt_text(content):
    path = content / "curriculum/01-module-1/01-first.md"
    path.write_text(path.read_text().replace("![Three overlapping circles]", "![]"))
    assert "content/curriculum/01-module-1/01-first.md:24: (figure): a figure needs alt text describing it" in errors_for(content)


def test_unclosed_callout(content):
    path = content / "curriculum/01-module-1/01-first.md"
    path.write_text(path.read_text().replace("Compassion is **not** softness.\n:::", "Compassion is **not** softness."))
    assert any("01-first.md" in e and "(callout)" in e for e in errors_for(content))


def test_single_answer_question_with_two_correct_options(content):
    path = content / "curriculum/01-module-1/knowledge_check.yaml"
    path.write_text(path.read_text().replace("text: Drive\n        correct: false", "text: Drive\n        correct: true"))
    assert any("knowledge_check.yaml:8: questions[0].options: a single-answer question needs 3–5 options with exactly one correct (found 3 options, 2 correct)" in e for e in errors_for(content))


def test_option_without_explanation(content):
    path = content / "curriculum/01-module-1/knowledge_check.yaml"
    path.write_text(path.read_text().replace("        explanation: Drive is about pursuit and reward.\n", ""))
    assert "content/curriculum/01-module-1/knowledge_check.yaml:13: questions[0].options[1].explanation: is missing (expected text)" in errors_for(content)


def test_revisit_names_an_unknown_lesson(content):
    path = content / "curriculum/01-module-1/knowledge_check.yaml"
    path.write_text(path.read_text().replace("revisit: module-1-first", "revisit: nowhere"))
    assert "content/curriculum/01-module-1/knowledge_check.yaml:7: questions[0].revisit: expected the id of a lesson in this module, found 'nowhere'" in errors_for(content)


def test_duplicate_lesson_id_across_modules(content):
    path = content / "curriculum/02-module-2/01-first.md"
    path.write_text(path.read_text().replace("id: module-2-first", "id: module-1-first"))
    assert any("02-module-2/01-first.md:2: id: lesson id 'module-1-first' is also used by" in e for e in errors_for(content))


def test_unknown_prerequisite_and_practice(content):
    path = content / "curriculum/02-module-2/module.yaml"
    path.write_text(path.read_text().replace("prerequisites: []", "prerequisites: [no-such-module]").replace("practice: diary", "practice: juggling"))
    problems = errors_for(content)
    assert "content/curriculum/02-module-2/module.yaml: prerequisites: names an unknown module 'no-such-module'" in problems
    assert any("practice_assignments[0].practice: expected one of" in e and "'juggling'" in e for e in problems)


def test_reserved_module_id(content):
    path = content / "curriculum/02-module-2/module.yaml"
    path.write_text(path.read_text().replace("id: module-2", "id: glossary"))
    assert any("id: 'glossary' is reserved" in e for e in errors_for(content))


def test_badly_named_folder(content):
    (content / "curriculum/module-three").mkdir()
    assert "content/curriculum/module-three: (folder): expected a name like 03-module-slug" in errors_for(content)


def test_content_stats_json(db, content):
    import json

    out = StringIO()
    call_command("content_stats", "--json", "--content-dir", str(content), stdout=out)
    stats = json.loads(out.getvalue())
    first = stats["modules"][0]
    assert (first["id"], first["lessons"], first["questions"], first["reflections"], first["practice_assignments"], first["references"]) == ("module-1", 2, 2, 1, 1, 1)
    assert first["words"] > 40


def test_modules_bring_their_own_glossary_terms_without_duplicates(db, content):
    (content / "curriculum/02-module-2/glossary.yaml").write_text(
        "terms:\n  - id: drive-system\n    term: Drive system\n    definition: The system of wanting and achieving.\n"
    )
    assert "3 glossary terms" in load(content)
    (content / "curriculum/01-module-1/glossary.yaml").write_text(
        "terms:\n  - id: drive-system\n    term: Drive\n    definition: Again.\n"
    )
    assert any("02-module-2/glossary.yaml:2: terms[0].id: glossary id 'drive-system' is already defined in content/curriculum/01-module-1/glossary.yaml" in e for e in errors_for(content))
