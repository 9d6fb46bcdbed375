"""Demo data: the demo trainee's certificates of attendance for what the other apps' demo data
shows them attending (the live app's past session, and any module the demo marks completed).
Issued through the same rules as in the app, so nothing is certified that was not done.
Idempotent: issuing again returns the certificate already issued."""

from django.conf import settings

from tend.certificates import selectors, services

DEMO_PERSON = "trainee@example.com"


def load(people, cohort) -> None:
    trainee = people[DEMO_PERSON]
    site_url = settings.TEND_SITE_URL.rstrip("/") + "/"
    for item in selectors.attended_modules(trainee) + selectors.attended_live_sessions(trainee):
        services.issue(trainee, item.ref, site_url=site_url)
