"""Presentation page: ?slide=N opens slide N, the controls move and keep the address in step."""
from __future__ import annotations

from components.content import content

PAGE = "app_pages/presentation.py"


def _titles():
    return [slide.title for slide in content().presentation.slides]


def test_the_slide_parameter_opens_that_slide(run_page):
    app = run_page(PAGE, slide="3")
    assert not app.exception
    assert app.title[0].value == _titles()[2]
    assert "Slide **3** of" in " ".join(m.value for m in app.markdown)


def test_next_and_previous_move_one_slide_and_update_the_address(run_page):
    app = run_page(PAGE, slide="2")
    app.button(key="presentation_next").click().run()
    assert app.title[0].value == _titles()[2]
    assert app.query_params["slide"] == "3"
    app.button(key="presentation_previous").click().run()
    app.button(key="presentation_previous").click().run()
    assert app.title[0].value == _titles()[0]
    assert app.query_params["slide"] == "1"
    app.button(key="presentation_previous").click().run()  # stays on slide 1
    assert app.title[0].value == _titles()[0]
    assert not app.button(key="presentation_previous").disabled  # keeps keyboard focus


def test_the_last_slide_cannot_go_further(run_page):
    app = run_page(PAGE, slide=str(len(_titles())))
    app.button(key="presentation_next").click().run()
    assert app.title[0].value == _titles()[-1]
    assert app.query_params["slide"] == str(len(_titles()))


def test_an_unusable_slide_number_shows_a_notice_and_slide_one(run_page):
    app = run_page(PAGE, slide="99")
    assert not app.exception
    assert "There is no slide 99" in app.info[0].value
    assert app.title[0].value == _titles()[0]


def test_speaker_notes_show_only_when_asked(run_page):
    app = run_page(PAGE, slide="2")
    notes = content().presentation.slides[1].speaker_notes
    assert not any("Speaker notes." in i.value for i in app.info)
    app.button(key="presentation_notes").click().run()
    assert any(notes[:40] in i.value for i in app.info)
    assert app.button(key="presentation_notes").label == "Hide speaker notes"
    app.button(key="presentation_notes").click().run()
    assert not any("Speaker notes." in i.value for i in app.info)


def test_every_slide_renders_without_error(run_page):
    app = run_page(PAGE, slide="1")
    for number, title in enumerate(_titles(), start=1):
        assert not app.exception, (number, [e.value for e in app.exception])
        assert app.title[0].value == title
        if number < len(_titles()):
            app.button(key="presentation_next").click().run()


def test_coming_back_through_the_menu_resumes_on_the_same_slide(run_page):
    app = run_page(PAGE, slide="5")
    app.switch_page("app_pages/about.py").run()
    app.query_params.pop("slide", None)  # the menu link carries no slide
    app.switch_page(PAGE).run()
    assert app.title[0].value == _titles()[4]


def test_the_page_opens_the_audience_and_presenter_windows_on_the_same_slide(run_page):
    app = run_page(PAGE, slide="4")
    links = {b.label: b.proto.url for b in app.get("link_button")}
    assert links["Open the slides for the audience"] == "slides?talk=the-whole-map&slide=4"
    assert links["Open the presenter view"] == "presenter?talk=the-whole-map&slide=4"
