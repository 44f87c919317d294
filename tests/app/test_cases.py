"""Case discussions: the story is revealed part by part, then prompts, teaching point and checker link;
facilitator notes stay closed until the trainer opens them."""
from __future__ import annotations

from components.content import content

PAGE = "app_pages/cases.py"


def _parts(app):
    return [m.value for m in app.markdown if m.value.startswith("**Part ")]


def test_the_story_is_revealed_one_part_at_a_time_then_the_prompts(run_page):
    case = content().cases.cases[0]
    app = run_page(PAGE)
    assert not app.exception
    assert app.header[0].value == case.title
    assert len(_parts(app)) == 1
    assert f"cases_point_{case.id}" not in {t.key for t in app.toggle}, \
        "the teaching point waits until the whole story is told"
    for shown in range(2, len(case.stages) + 1):
        app.button(key="cases_next").click().run()
        assert len(_parts(app)) == shown
    assert app.button(key="cases_next").disabled
    assert [s.value for s in app.subheader] == ["For discussion"]
    assert case.discussion_prompts[0].split("?")[0] in " ".join(m.value for m in app.markdown)
    app.toggle(key=f"cases_point_{case.id}").set_value(True).run()
    assert "Teaching point." in app.success[0].value
    assert "Expected answer" in app.success[0].value


def test_the_case_deep_link_opens_that_case_and_links_to_the_checker(run_page):
    case = content().cases.cases[2]
    app = run_page(PAGE, case=case.id)
    assert app.selectbox(key="cases_case").value == case.id
    assert app.header[0].value == case.title
    links = [el for el in app.main if el.type == "page_link"]
    assert links[-1].proto.label == "Work this case in the trial checker"
    assert links[-1].proto.query_string == f"case={case.id}"


def test_start_again_hides_the_later_parts(run_page):
    app = run_page(PAGE)
    app.button(key="cases_next").click().run()
    assert len(_parts(app)) == 2
    app.button(key="cases_restart").click().run()
    assert len(_parts(app)) == 1


def test_an_unknown_case_shows_a_notice_and_the_first_case(run_page):
    app = run_page(PAGE, case="[click me](http://example.org)")
    assert not app.exception
    assert "practice case that does not exist" in app.info[0].value
    assert all("example.org" not in m.value for m in [*app.info, *app.markdown])  # not echoed
    assert app.header[0].value == content().cases.cases[0].title


def _page_text(app) -> str:
    return " ".join(el.value for el in [*app.markdown, *app.caption, *app.success, *app.info])


def test_facilitator_notes_are_closed_by_default_and_give_no_answer_away(run_page):
    case = content().cases.cases[0]
    app = run_page(PAGE)
    notes = app.toggle(key=f"cases_facilitator_{case.id}")
    assert notes.label == "Facilitator notes" and notes.value is False
    text = _page_text(app)
    assert "Ask the room" not in text and "Expected answer" not in text
    assert case.facilitator.ask_the_room[0] not in text
    assert "Total session time" not in text
    assert case.discussion_prompts[0].split("?")[0] not in text, "prompts wait for the story"


def test_opening_the_notes_shows_questions_wrong_answers_and_time_per_part(run_page):
    c = content()
    case = next(k for k in c.cases.cases if k.id == "half-working-ssri")
    app = run_page(PAGE, case=case.id)
    app.toggle(key=f"cases_facilitator_{case.id}").set_value(True).run()
    assert not app.exception
    text = _page_text(app)
    assert "Ask the room" in text and "Common wrong answers" in text
    assert "Expected answer:** One adequate trial failed" in text
    assert case.facilitator.common_wrong_answers[0].learner_says.rstrip(".") in text
    minutes = case.facilitator.minutes_per_stage
    for number, value in enumerate(minutes, start=1):
        assert f"Part {number}: {value} min" in text
    assert f"Total session time: {sum(minutes)} minutes for {len(case.stages)} parts." in text
    # Opening the notes reveals neither the later parts of the story nor the teaching point.
    assert len(_parts(app)) == 1
    assert not app.success


def test_start_again_closes_the_facilitator_notes(run_page):
    case = content().cases.cases[0]
    app = run_page(PAGE)
    app.toggle(key=f"cases_facilitator_{case.id}").set_value(True).run()
    assert "Ask the room" in _page_text(app)
    app.button(key="cases_restart").click().run()
    assert app.toggle(key=f"cases_facilitator_{case.id}").value is False
    assert "Ask the room" not in _page_text(app)
