"""The demo trainee's certificates come only from what the demo data shows them attending."""

from datetime import date
from decimal import Decimal

from tend.certificates import credentials, demo
from tend.certificates.models import Certificate

from .conftest import complete, make_module


def test_demo_certifies_what_the_trainee_attended_once(personas, fake_hook, settings):
    trainee, other_trainee = personas.trainee, personas.other_trainee
    from tend.cpd.activities import CpdActivity

    settings.TEND_SITE_URL = "https://tend.example.org"
    complete(trainee, make_module("three-systems"))
    make_module("not-started", 2)

    def live_cpd(user, start, end):
        if user != trainee:
            return []
        return [CpdActivity(ref="live:9", source="live_session", title="Welcome session", date=date(2026, 2, 2),
                            hours=Decimal("1"), category="formal_learning")]

    fake_hook("tend.live.cpd", cpd_activities=live_cpd)
    people = {"trainee@example.com": trainee, "trainee2@example.com": other_trainee}
    demo.load(people, cohort=None)
    demo.load(people, cohort=None)  # idempotent

    issued = Certificate.objects.filter(owner=trainee)
    assert sorted(issued.values_list("subject_ref", flat=True)) == ["live:9", "module:three-systems"]
    assert not Certificate.objects.filter(owner=other_trainee).exists()
    for certificate in issued:
        assert certificate.site_url == "https://tend.example.org/"
        assert credentials.verify(certificate.credential_jwt).status == "valid"


def test_demo_issues_nothing_for_a_trainee_who_attended_nothing(trainee):
    make_module("not-started")
    demo.load({"trainee@example.com": trainee}, cohort=None)
    assert not Certificate.objects.exists()
