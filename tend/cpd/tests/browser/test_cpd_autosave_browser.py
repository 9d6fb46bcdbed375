"""The reflection on an existing CPD activity autosaves as the person types; when a save fails,
the text stays on the page, the status says so, and the save goes through once it can."""

import pytest
from playwright.sync_api import expect

from tend.core.tests.browser.helpers import DEMO_TRAINEE, axe_violations, sign_in
from tend.cpd.demo import DEMO_TITLE
from tend.cpd.models import ExternalActivity

pytestmark = pytest.mark.browser


def test_the_reflection_autosaves_and_a_failed_save_keeps_the_text(page, watcher, demo_trainee, screenshot_dir):
    activity = ExternalActivity.objects.get(owner=demo_trainee, title=DEMO_TITLE)
    sign_in(page, *DEMO_TRAINEE)
    page.goto(f"/cpd/activities/{activity.pk}/")
    status = page.locator("#autosave-status")
    expect(status).to_have_text("All changes saved")

    reflection = page.get_by_label("Reflection")
    reflection.fill("Saying the kind words aloud helped more than reading them.")
    expect(status).to_contain_text("Saved at", timeout=10_000)
    activity.refresh_from_db()
    assert activity.reflection == "Saying the kind words aloud helped more than reading them."

    # The network drops: the save fails, the words stay, and the page says it will retry.
    page.route("**/autosave/", lambda route: route.abort())
    reflection.fill("Saying the kind words aloud helped. Next time I will try it in the group.")
    expect(status).to_contain_text("Not saved — retrying", timeout=10_000)
    expect(reflection).to_have_value("Saying the kind words aloud helped. Next time I will try it in the group.")
    problems = {"retrying": axe_violations(page)}
    page.screenshot(path=screenshot_dir / "cpd-autosave-retrying.png", full_page=True)

    page.unroute("**/autosave/")
    expect(status).to_contain_text("Saved at", timeout=15_000)
    activity.refresh_from_db()
    assert activity.reflection == "Saying the kind words aloud helped. Next time I will try it in the group."
    assert problems == {"retrying": []}
    watcher.assert_clean()
