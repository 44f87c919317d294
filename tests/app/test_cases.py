"""Case discussions: the story is revealed part by part, then prompts, teaching point and checker link."""
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
    assert not app.toggle, "the teaching point waits until the whole story is told"
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
