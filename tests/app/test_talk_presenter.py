"""Presenter view: opens a channel, shows notes and the next slide, and moves the channel."""
from __future__ import annotations

import pytest

from components.content import content
from components.room.service import channel_position, get_store
from components.talks import ready_talk, talk_slides

PAGE = "app_pages/talk_presenter.py"


@pytest.fixture(autouse=True)
def _own_store(monkeypatch, tmp_path):
    monkeypatch.setenv("TRD_MAP_DATA_HOME", str(tmp_path))
    monkeypatch.delenv("TRD_MAP_DATABASE_URL", raising=False)


def test_the_presenter_sees_notes_and_next_and_moves_the_channel(run_page):
    app = run_page(PAGE, talk="when-is-it-trd")
    assert not app.exception
    views = talk_slides(content(), ready_talk(content(), "when-is-it-trd"))
    code, token = app.query_params["channel"], app.query_params["token"]
    assert channel_position(get_store(), code) == ("when-is-it-trd", 0)
    assert app.title[0].value == "Presenting: When is it TRD? (20 minutes)"
    assert views[0].notes[:40] in " ".join(i.value for i in app.info)
    assert f"**Next:** {views[1].title}" in [m.value for m in app.markdown]
    audience = next(b for b in app.get("link_button") if b.label == "Open the audience window")
    assert audience.proto.url == f"slides?follow={code}" and token not in audience.proto.url
    app.button(key="presenter_next").click().run()
    assert channel_position(get_store(), code) == ("when-is-it-trd", 1)
    assert views[1].notes[:40] in " ".join(i.value for i in app.info)


def test_the_clock_compares_elapsed_time_with_the_plan(run_page):
    app = run_page(PAGE, talk="when-is-it-trd")
    clock = next(m.value for m in app.markdown if "elapsed" in m.value)
    assert "left of 20 min" in clock and "the plan reaches this slide at 0 min" in clock


def test_a_presenter_link_with_a_slide_starts_the_audience_there(run_page):
    app = run_page(PAGE, talk="when-is-it-trd", slide="3")
    assert not app.exception
    assert channel_position(get_store(), app.query_params["channel"]) == ("when-is-it-trd", 2)
    assert "Now: slide 3 of 7" in [c.value for c in app.caption]


def test_with_the_store_down_the_presenter_still_shows_the_talk(run_page, monkeypatch):
    monkeypatch.setenv("TRD_MAP_DATABASE_URL", "postgresql://nobody@127.0.0.1:9/nothing")
    app = run_page(PAGE, talk="when-is-it-trd", timeout=60)
    assert not app.exception
    assert "no other window follows them" in app.error[0].value
    assert app.title[0].value == "Presenting: When is it TRD? (20 minutes)"
    assert "channel" not in app.query_params
    app.button(key="presenter_next").click().run()
    assert "Now: slide 2 of 7" in [c.value for c in app.caption]
