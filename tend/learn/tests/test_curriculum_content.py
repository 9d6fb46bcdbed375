"""The real curriculum under content/ keeps its minimums, so nobody can quietly drop below them."""

import re

import pytest
from django.conf import settings
from django.urls import Resolver404, resolve

from tend.learn import rendering
from tend.learn.content import read_curriculum

CURRICULUM = read_curriculum(settings.TEND_CONTENT_DIR)
MODULES = {module.slug: module for module in CURRICULUM.modules}
EXPERIENTIAL_PRACTICES = {"breathing", "imagery", "letter", "three-circles", "formulation", "diary"}
LINK = re.compile(r"\[[^\]]+\]\((/[^)\s]*)\)")


@pytest.mark.parametrize("slug", sorted(MODULES))
def test_every_module_meets_the_minimums(slug):
    module = MODULES[slug]
    words = sum(rendering.word_count(lesson.body_markdown) for lesson in module.lessons)
    assert len(module.lessons) >= 2, "at least two lessons"
    assert words >= 2000, f"{words} words of lesson text; at least 2,000 expected"
    assert len(module.learning_objectives) >= 3, "at least three learning objectives"
    assert len(module.questions) >= 6, "a knowledge check of at least six questions"
    assert all(option["explanation"] for q in module.questions for option in q.options)
    assert {q.kind for q in module.questions} <= {"single", "multiple"}
    assert len(module.reflections) >= 1, "at least one reflection prompt"
    assert {p["practice"] for p in module.practice_assignments} & EXPERIENTIAL_PRACTICES, "an experiential practice"
    assert len(module.references) >= 3 and all(r["citation"] for r in module.references), "at least three references"
    assert any(rendering.TERM.search(lesson.body_markdown) for lesson in module.lessons), "glossary terms for key concepts"
    assert any(rendering.CITATION.search(lesson.body_markdown) for lesson in module.lessons), "cited facts"


def test_every_reference_is_cited_and_every_glossary_term_is_used():
    used_terms = {slug for m in MODULES.values() for lesson in m.lessons for slug, _ in rendering.TERM.findall(lesson.body_markdown)}
    unused_terms = sorted({term["id"] for term in CURRICULUM.glossary} - used_terms)
    assert unused_terms == [], f"glossary terms no lesson uses: {unused_terms}"
    for module in MODULES.values():
        cited = {key for lesson in module.lessons for key in rendering.CITATION.findall(lesson.body_markdown)}
        uncited = sorted({ref["key"] for ref in module.references} - cited)
        assert uncited == [], f"{module.slug}: references never cited: {uncited}"


def test_every_internal_link_resolves():
    broken = []
    for module in MODULES.values():
        for lesson in module.lessons:
            for path in LINK.findall(lesson.body_markdown):
                try:
                    resolve(path.split("#")[0])
                except Resolver404:
                    broken.append(f"{lesson.file}: {path}")
    assert broken == []


def test_prerequisites_come_earlier_in_the_curriculum():
    numbers = {m.slug: m.number for m in MODULES.values()}
    for module in MODULES.values():
        for prerequisite in module.prerequisites:
            assert numbers[prerequisite] < module.number, f"{module.slug} requires the later module {prerequisite}"


def test_the_whole_curriculum_is_there_in_order():
    assert sorted(m.number for m in MODULES.values()) == list(range(1, 17))
    titles = [m.title for m in sorted(MODULES.values(), key=lambda m: m.number)]
    assert titles[0].startswith("What compassion is") and titles[2].startswith("The three emotion-regulation systems")
