"""The competency profile at a glance: signed-off counts per area, and the latest self-rating beside
the supervisor's."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tend.supervision import selectors, services


def profile_url(personas):
    return reverse("supervision:profile", args=[personas.trainee.pk])


def glance_row(page: str, area) -> str:
    section = page.split('id="glance-title"', 1)[1].split("</table>", 1)[0]
    row = re.search(rf'<tr>\s*<th scope="row"><a href="#area-{area.id}">.*?</tr>', section, re.S).group(0)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip()


def test_each_area_counts_sign_offs_and_ratings(personas):
    first, second = selectors.framework().areas[:2]
    a, b = first.competencies[0], first.competencies[1]
    services.rate_self(personas.trainee, a.id, level="developing")
    services.rate_as_supervisor(personas.supervisor, personas.trainee, a.id, level="competent", note="Seen twice", sign_off=True)
    services.rate_self(personas.trainee, b.id, level="competent")
    services.rate_as_supervisor(personas.supervisor, personas.trainee, b.id, level="competent")

    areas = {progress.area.id: progress for progress in selectors.profile(personas.trainee)}
    progress = areas[first.id]
    assert (progress.signed_off, progress.self_rated, progress.supervisor_rated, progress.differing) == (1, 2, 2, 1)
    assert progress.total == len(first.competencies)
    assert (areas[second.id].signed_off, areas[second.id].self_rated) == (0, 0)


def test_latest_ratings_are_shown_side_by_side_and_a_later_rating_replaces_the_earlier(client, personas):
    area = selectors.framework().areas[0]
    competency = area.competencies[0]
    services.rate_self(personas.trainee, competency.id, level="not_yet")
    services.rate_self(personas.trainee, competency.id, level="developing")
    services.rate_as_supervisor(personas.supervisor, personas.trainee, competency.id, level="proficient", note="Clear", sign_off=True)
    total = len(area.competencies)
    for who in (personas.trainee, personas.supervisor):
        client.force_login(who)
        page = client.get(profile_url(personas)).content.decode()
        assert glance_row(page, area) == f"{area.title} 1 of {total} 1 of {total} 1 of {total} 1"
        row = re.search(rf'<tr>\s*<th scope="row"><a href="[^"]*/{competency.id}/">.*?</tr>', page, re.S).group(0)
        cells = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", c)).strip() for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
        assert cells[0].startswith("Developing") and cells[1].startswith("Proficient") and "Different views" in cells[1]
        assert cells[2].startswith("Signed off")
        assert "Not yet" not in cells[0]


def test_an_area_with_nothing_rated_reads_zero_and_none(client, personas):
    area = selectors.framework().areas[-1]
    client.force_login(personas.trainee)
    page = client.get(profile_url(personas)).content.decode()
    total = len(area.competencies)
    assert glance_row(page, area) == f"{area.title} 0 of {total} 0 of {total} 0 of {total} None"


def test_profile_queries_stay_constant_as_ratings_grow(client, personas):
    competencies = selectors.framework().competencies
    client.force_login(personas.supervisor)

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(profile_url(personas)).status_code == 200
        return len(ctx)

    services.rate_self(personas.trainee, competencies[0].id, level="developing")
    queries()  # warm-up
    few = queries()
    for competency in competencies:
        services.rate_self(personas.trainee, competency.id, level="competent")
        services.rate_as_supervisor(personas.supervisor, personas.trainee, competency.id, level="competent", note="n", sign_off=True)
    assert queries() == few
