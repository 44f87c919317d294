"""Talk builder page: load a ready talk, add, order and time items; the address is the talk's link."""
from __future__ import annotations

from components.content import content
from components.talks import talk_from_param

PAGE = "app_pages/talk_builder.py"


def _items(app):
    talk, notices = talk_from_param(content(), app.query_params["talk"])
    assert notices == []
    return [(item.kind, item.id, item.minutes) for item in talk.items]


def _total(app) -> str:
    return next(m.value for m in app.markdown if m.value.startswith("**Total"))


def test_a_ready_talk_link_lists_its_items_and_its_total(run_page):
    app = run_page(PAGE, talk="when-is-it-trd")
    assert not app.exception
    assert app.title[0].value == "Talk builder"
    rows = [m.value for m in app.markdown if m.value[:3] in {"1\\.", "2\\.", "3\\."}]
    assert rows[0] == "1\\. Presentation slide: TRD Map"
    assert _total(app) == "**Total: 20 min of 20 minutes** · 0 min to spare"
    assert [b.label for b in app.get("link_button")] == [
        "Open the slides for the audience", "Open the presenter view"]
    downloads = [b.proto.label for b in app.get("download_button")]
    assert "PowerPoint (.pptx)" in downloads and any(d.startswith("PDF") for d in downloads)


def test_adding_moving_timing_and_removing_items_changes_the_link(run_page):
    app = run_page(PAGE, talk="when-is-it-trd")
    app.selectbox(key="talks_kind").set_value("ladder-option").run()
    app.selectbox(key="talks_item_ladder-option").set_value("esketamine").run()
    app.button(key="talks_add").click().run()
    assert _items(app)[-1] == ("ladder-option", "esketamine", 3)
    assert ":red[3 min over the slot]" in _total(app)
    app.button(key="talks_up_7").click().run()
    assert _items(app)[6][1] == "esketamine"
    app.number_input(key="talks_minutes_0_slide_opening").set_value(2.5).run()
    assert _items(app)[0] == ("slide", "opening", 2.5)
    app.button(key="talks_remove_6").click().run()
    assert "esketamine" not in [i[1] for i in _items(app)]
    assert _total(app).startswith("**Total: 21.5 min of 20 minutes**")
    app.segmented_control(key="talks_slot").set_value("45 minutes").run()
    assert app.query_params["talk"].startswith("45~")
    assert "23.5 min to spare" in _total(app)


def test_loading_a_ready_talk_replaces_the_talk(run_page):
    app = run_page(PAGE)
    assert any("The talk is empty" in i.value for i in app.info)
    assert not app.get("download_button")  # nothing to export yet
    app.selectbox(key="talks_ready").set_value("next-line-options-primary-care").run()
    app.button(key="talks_load").click().run()
    assert app.query_params["talk"] == "next-line-options-primary-care"
    assert _total(app) == "**Total: 45 min of 45 minutes** · 0 min to spare"


def test_a_link_with_unknown_ids_names_them_and_keeps_the_rest(run_page):
    app = run_page(PAGE, talk="20~s.opening_1~n.no-such-card~q.adequacy-dose_2")
    assert not app.exception
    assert "There is no map card with the id no-such-card" in app.info[0].value
    assert [i[1] for i in _items(app)] == ["opening", "adequacy-dose"]
