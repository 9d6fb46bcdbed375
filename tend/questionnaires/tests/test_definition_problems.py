"""A broken definition file takes only itself out of service: people never notice it, trainers
and admins see exactly which file, line and field is wrong."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tend.questionnaires import catalogue
from tend.questionnaires.models import MeasureResponse
from tend.questionnaires.tests import sample_definitions
from tend.questionnaires.tests.helpers import completed

pytestmark = pytest.mark.django_db

BAD_ITEMS = sample_definitions.CHECKIN.replace("id: pulse-test", "id: broken-items").replace(
    "items: [1, 2, 3]", "items: [1, 2, 7]")
BAD_YAML = "id: broken-yaml\nname: [unclosed\n"


@pytest.fixture
def broken_content(measures_content):
    (measures_content / "broken-items.yaml").write_text(BAD_ITEMS)
    (measures_content / "broken-yaml.yaml").write_text(BAD_YAML)
    return measures_content


def test_broken_files_are_skipped_one_by_one_and_each_problem_is_located(broken_content):
    assert set(catalogue.definitions()) == {"fatigue-test", "pulse-test"}
    located = {(p.file, p.line, p.field) for p in catalogue.problems()}
    assert located == {("content/measures/broken-items.yaml", 16, "scores[0].items"),
                       ("content/measures/broken-yaml.yaml", 3, "(yaml)")}


def test_fixing_a_file_brings_it_back_without_a_restart(broken_content):
    assert catalogue.definition("broken-items") is None
    (broken_content / "broken-items.yaml").write_text(BAD_ITEMS.replace("items: [1, 2, 7]", "items: [1, 2, 3]"))
    assert catalogue.definition("broken-items") is not None
    assert [p.file for p in catalogue.problems()] == ["content/measures/broken-yaml.yaml"]
    (broken_content / "broken-yaml.yaml").unlink()
    assert catalogue.problems() == ()


def test_people_use_the_working_measures_and_never_see_the_problem(client, personas, broken_content):
    client.force_login(personas.trainee)
    home = client.get(reverse("questionnaires:home"))
    assert home.status_code == 200
    text = home.content.decode()
    assert "Pulse test check-in" in text and "broken-items" not in text and "there is no item" not in text
    assert client.post(reverse("questionnaires:start", args=["broken-items"])).status_code == 404
    assert client.post(reverse("questionnaires:start", args=["pulse-test"])).status_code == 302


def test_answers_given_before_a_file_broke_do_not_break_any_page(client, personas, measures_content):
    done = completed(personas.trainee, "pulse-test", {1: 1, 2: 1, 3: 1})
    unfinished = MeasureResponse.objects.create(owner=personas.trainee, definition_id="pulse-test",
                                                definition_version="1", answers={"1": 2})
    (measures_content / "pulse-test.yaml").write_text(sample_definitions.CHECKIN.replace("min: 0", "min: zero"))
    client.force_login(personas.trainee)
    assert client.get(reverse("questionnaires:results")).status_code == 200
    assert client.get(reverse("questionnaires:home")).status_code == 200
    page = client.get(reverse("questionnaires:answer", args=[unfinished.pk]))
    assert page.status_code == 200 and "there is no" not in page.content.decode()
    saved = client.post(reverse("questionnaires:save_answer", args=[unfinished.pk]), {"item_2": "1"})
    assert saved.status_code == 409 and saved.json() == {"status": "unavailable"}
    assert client.get(reverse("questionnaires:fhir", args=[done.pk])).status_code == 200


def test_trainers_and_admins_see_which_file_line_and_field_is_wrong(client, personas, broken_content):
    for persona in (personas.trainer, personas.admin):
        client.force_login(persona)
        page = client.get(reverse("questionnaires:instruments"))
        text = page.content.decode()
        assert page.status_code == 200 and "2 definition files cannot be used" in text
        assert ("<strong>content/measures/broken-items.yaml</strong>, line 16, field <code>scores[0].items</code>: "
                "there is no item 7") in text
        assert "<strong>content/measures/broken-yaml.yaml</strong>, line 3, field <code>(yaml)</code>: not valid YAML" in text
        assert "Pulse test check-in" in text  # the working ones are listed as usual
        cohort = client.get(reverse("questionnaires:cohort", args=[personas.cohort_a.pk]))
        assert cohort.status_code == 200
    client.force_login(personas.trainer)
    (broken_content / "broken-items.yaml").unlink()
    (broken_content / "broken-yaml.yaml").unlink()
    assert "cannot be used" not in client.get(reverse("questionnaires:instruments")).content.decode()


def test_importing_wording_for_a_broken_definition_says_what_is_wrong(broken_content, wording_csv):
    with pytest.raises(CommandError, match=r"'broken-items' cannot be loaded: content/measures/broken-items.yaml, "
                                           r"line 16, field scores\[0\].items: there is no item 7"):
        call_command("import_instrument_wording", "broken-items", str(wording_csv))
