"""The completion rules: each met or not met, the hooks other apps fill in, issuing when met."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from tend.certificates import selectors, services
from tend.certificates.models import Certificate, CompletionRule
from tend.cpd.activities import CpdActivity
from tend.diary.models import PracticeLog

from .conftest import complete, make_module


def statuses(user) -> dict:
    return {s.key: s for s in selectors.rule_progress(user)}


@pytest.fixture
def rule(db) -> CompletionRule:
    rule = CompletionRule.load()
    rule.practice_hours = Decimal("2")
    rule.save()
    return rule


def test_modules_default_to_every_live_module_and_practice_counts_diary_hours(trainee, rule):
    first, second = make_module("a", 1), make_module("b", 2)
    complete(trainee, first)
    PracticeLog.objects.create(owner=trainee, tool="breathing", duration_seconds=3600)
    found = statuses(trainee)
    assert (found["modules"].achieved, found["modules"].required, found["modules"].met) == (1, 2, False)
    assert (found["practice"].achieved, found["practice"].met) == (Decimal("1.00"), False)
    assert "supervision" not in found and "competencies" not in found  # not required: not shown
    complete(trainee, second)
    PracticeLog.objects.create(owner=trainee, tool="imagery", duration_seconds=3600)
    assert selectors.all_met(selectors.rule_progress(trainee))


def test_a_set_number_of_modules(trainee, rule):
    rule.modules_required = 1
    rule.save()
    make_module("a", 1), complete(trainee, make_module("b", 2))
    assert statuses(trainee)["modules"].met


def test_supervision_hours_come_from_the_supervision_apps_cpd_hook(trainee, rule, fake_hook):
    rule.supervision_hours = Decimal("3")
    rule.save()
    assert statuses(trainee)["supervision"].achieved == 0

    def supervision(user, start, end):
        return [CpdActivity(ref=f"supervision:{n}", source="supervision", title="Supervision (individual)",
                            date=date(2026, 1, 5), hours=Decimal("1.5"), category="supervision") for n in range(2)]

    fake_hook("tend.supervision.cpd", cpd_activities=supervision)
    found = statuses(trainee)["supervision"]
    assert (found.achieved, found.met) == (Decimal("3.0"), True)


def test_competencies_signed_off_count_through_the_supervision_hook(trainee, rule, fake_hook, client):
    rule.competencies_signed_off = 2
    rule.save()
    found = statuses(trainee)["competencies"]
    assert (found.available, found.achieved, found.met) == (True, 0, False)  # supervision counts; none signed off yet
    fake_hook("tend.supervision.certificates", signed_off_competencies=lambda user: ["compassionate-stance", "formulation"])
    found = statuses(trainee)["competencies"]
    assert (found.available, found.achieved, found.met) == (True, 2, True)


def test_the_progress_page_shows_each_rule_and_offers_the_certificate_only_when_met(trainee, rule, client):
    client.force_login(trainee)
    complete(trainee, make_module("a", 1))
    text = client.get(reverse("certificates:progress")).content.decode()
    assert "Modules completed" in text and "Hours of personal practice" in text
    assert "Not met yet" in text and "Issue my certificate of completion" not in text
    response = client.post(reverse("certificates:issue"), {"ref": "programme"})
    assert response.status_code == 302 and not Certificate.objects.exists()
    PracticeLog.objects.create(owner=trainee, tool="breathing", duration_seconds=7200)
    assert "Issue my certificate of completion" in client.get(reverse("certificates:progress")).content.decode()
    response = client.post(reverse("certificates:issue"), {"ref": "programme"})
    certificate = Certificate.objects.get(owner=trainee)
    assert response["Location"] == certificate.get_absolute_url()
    assert (certificate.kind, certificate.title, certificate.recipient_name) == (
        "completion", rule.certificate_title, "Tara Trainee")


def test_issuing_twice_returns_the_same_certificate(trainee, rule):
    complete(trainee, make_module("a", 1))
    first = services.issue(trainee, "module:a", site_url="https://tend.example/")
    again = services.issue(trainee, "module:a", site_url="https://tend.example/")
    assert first.pk == again.pk and Certificate.objects.count() == 1


def test_nobody_certifies_what_they_have_not_done(trainee, personas, rule):
    complete(personas.cohort_peer, make_module("a", 1))
    with pytest.raises(services.NotEligible):
        services.issue(trainee, "module:a", site_url="https://tend.example/")
    with pytest.raises(services.NotEligible):
        services.issue(trainee, "live:1", site_url="https://tend.example/")
