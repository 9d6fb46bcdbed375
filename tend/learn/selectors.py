"""Reads for the learning pages, each in a fixed number of queries however much data exists."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from datetime import date, timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tend.cohorts.models import CohortRole, Membership
from tend.learn.models import CohortCurriculum, Lesson, LessonProgress, Module, ModuleProgress, ModuleRelease


@dataclass
class ModuleState:
    module: Module
    progress: ModuleProgress | None
    unlocked: bool
    locked_reason: str = ""
    due_on: date | None = None

    @property
    def completed(self) -> bool:
        return bool(self.progress and self.progress.completed_at)

    @property
    def lessons_completed(self) -> int:
        return self.progress.lessons_completed if self.progress else 0


@dataclass
class _CohortRule:
    mode: str
    releases: dict[int, ModuleRelease]  # module id -> release (dated mode only)


def _rules_for(user, module: Module | None = None) -> list[_CohortRule]:
    """The opening rule of each cohort the person is a trainee in (none: everything is open)."""
    pairs = list(
        Membership.objects.filter(user=user, role=CohortRole.TRAINEE).values_list("cohort_id", "cohort__curriculum__mode")
    )
    rules = {cohort_id: _CohortRule(mode or CohortCurriculum.Mode.OPEN, {}) for cohort_id, mode in pairs}
    dated = [cid for cid, rule in rules.items() if rule.mode == CohortCurriculum.Mode.DATED]
    releases = ModuleRelease.objects.filter(cohort_id__in=dated)
    if dated:
        for release in releases.filter(module=module) if module else releases:
            rules[release.cohort_id].releases[release.module_id] = release
    return list(rules.values())


def _apply_rules(state: ModuleState, rules: list[_CohortRule], previous_complete: bool, today: date) -> ModuleState:
    if not rules:
        return state
    reasons = []
    for rule in rules:
        release = rule.releases.get(state.module.pk)
        if release and release.due_on:
            state.due_on = min(filter(None, [state.due_on, release.due_on]))
        if rule.mode == CohortCurriculum.Mode.OPEN:
            state.unlocked = True
        elif rule.mode == CohortCurriculum.Mode.SEQUENTIAL:
            if previous_complete:
                state.unlocked = True
            else:
                reasons.append(_("Opens when you complete the module before it."))
        elif release and release.opens_on <= today:
            state.unlocked = True
        else:
            reasons.append(
                _("Opens on %(date)s.") % {"date": date_format(release.opens_on, "j F Y")} if release
                else _("Your trainer has not scheduled this module yet.")
            )
    if not state.unlocked:
        state.locked_reason = reasons[0] if reasons else ""
    return state


def module_states(user) -> list[ModuleState]:
    modules = list(Module.objects.live().annotate_lesson_count())
    progress = {p.module_id: p for p in ModuleProgress.objects.filter(user=user)}
    rules, today = _rules_for(user), timezone.localdate()
    states, previous_complete = [], True
    for module in modules:
        state = _apply_rules(ModuleState(module, progress.get(module.pk), unlocked=not rules), rules, previous_complete, today)
        previous_complete = state.completed
        states.append(state)
    return states


def state_of(user, module: Module) -> ModuleState:
    """The state of one module, in at most three queries."""
    rules = _rules_for(user, module)
    previous_complete = True
    if any(rule.mode == CohortCurriculum.Mode.SEQUENTIAL for rule in rules):
        done = Exists(ModuleProgress.objects.filter(user=user, module=OuterRef("pk"), completed_at__isnull=False))
        previous = Module.objects.live().filter(number__lt=module.number).order_by("-number").annotate(done=done)
        previous_complete = previous.values_list("done", flat=True).first() in (None, True)
    progress = getattr(module, "my_progress", None)
    return _apply_rules(ModuleState(module, progress, unlocked=not rules), rules, previous_complete, timezone.localdate())


def lesson_context(user, lesson: Lesson) -> dict:
    siblings = list(Lesson.objects.live().filter(module_id=lesson.module_id).only("slug", "title", "position", "module_id"))
    index = next(i for i, s in enumerate(siblings) if s.pk == lesson.pk)
    progress_rows = {p.lesson_id: p for p in LessonProgress.objects.filter(user=user, lesson__in=siblings)}
    return {
        "lessons": siblings,
        "previous": siblings[index - 1] if index > 0 else None,
        "next": siblings[index + 1] if index + 1 < len(siblings) else None,
        "progress": progress_rows.get(lesson.pk),
        "completed_ids": {lesson_id for lesson_id, p in progress_rows.items() if p.completed_at},
        "position": index + 1,
        "references": [r for r in lesson.module.references if f"#ref-{r['key']}\"" in lesson.body_html],
    }


def continue_learning(user) -> ModuleProgress | None:
    return (
        ModuleProgress.objects.filter(user=user, completed_at__isnull=True, last_lesson__isnull=False, module__archived_at__isnull=True)
        .select_related("module", "last_lesson").order_by("-updated_at").first()
    )


def due_this_week(user) -> list[ModuleState]:
    horizon = timezone.localdate() + timedelta(days=7)
    return [s for s in module_states(user) if s.due_on and s.due_on <= horizon and not s.completed]


def cohort_grid(cohort) -> dict:
    """Trainees × modules with completion and best check score; no reflections, ever."""
    trainees = [m.user for m in Membership.objects.filter(cohort=cohort, role=CohortRole.TRAINEE).select_related("user").order_by("user__display_name")]
    modules = list(Module.objects.live().annotate_lesson_count())
    cells = {
        (p.user_id, p.module_id): p
        for p in ModuleProgress.objects.filter(user__in=trainees, module__in=modules)
    }
    rows = [{"trainee": t, "cells": [cells.get((t.pk, m.pk)) for m in modules]} for t in trainees]
    return {"modules": modules, "rows": rows}
