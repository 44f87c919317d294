"""Audience view: a slide of a talk, no notes, the crisis line, ←/→ through the address."""
from __future__ import annotations

from components.content import content
from components.talks import ready_talk, talk_slides

PAGE = "app_pages/talk_slides.py"


def _views(talk_id="when-is-it-trd"):
    return talk_slides(content(), ready_talk(content(), talk_id))


def test_the_talk_and_slide_in_the_link_are_shown(run_page):
    app = run_page(PAGE, talk="when-is-it-trd", slide="3")
    assert not app.exception
    view = _views()[2]
    assert app.title[0].value == view.title
    shown = " ".join(m.value for m in app.markdown)
    assert view.lines[0] in shown
    assert "3 / 7" in shown
    assert content().frame.crisis_line.text in shown


def test_speaker_notes_are_never_shown(run_page):
    for number, view in enumerate(_views(), start=1):
        app = run_page(PAGE, talk="when-is-it-trd", slide=str(number))
        shown = " ".join(m.value for m in app.markdown) + " ".join(i.value for i in app.info)
        assert view.notes[:40] not in shown, number
        assert "Answer:" not in shown


def test_next_and_previous_move_through_the_address(run_page):
    app = run_page(PAGE, talk="when-is-it-trd", slide="1")
    app.button(key="audience_next").click().run()
    assert app.query_params["slide"] == "2"
    assert app.title[0].value == _views()[1].title
    app.button(key="audience_previous").click().run()
    app.button(key="audience_previous").click().run()
    assert app.query_params["slide"] == "1"


def test_no_frame_and_no_menu_banner_on_the_audience_view(run_page):
    app = run_page(PAGE, talk="when-is-it-trd", slide="1")
    # The frame's banner is bold; the footer's crisis line is the only one, in small print.
    crisis = [m.value for m in app.markdown if content().frame.crisis_line.text in m.value]
    assert len(crisis) == 1 and "**" not in crisis[0]


def test_a_chart_slide_keeps_its_table_for_screen_readers(run_page):
    number = next(n for n, v in enumerate(_views("next-line-options-primary-care"), 1)
                  if v.item_id == "onset-burden")
    app = run_page(PAGE, talk="next-line-options-primary-care", slide=str(number))
    assert not app.exception
    assert len(app.get("plotly_chart")) == 1
    assert len(app.table) == 1


def test_an_unusable_link_gives_a_notice_and_the_default_talk(run_page):
    app = run_page(PAGE, talk="z.nothing", slide="999")
    assert not app.exception
    notices = " ".join(i.value for i in app.info)
    assert "no talk was opened" in notices and "There is no slide 999" in notices
    assert app.query_params["slide"] == "1"
