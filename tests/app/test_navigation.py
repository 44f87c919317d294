"""The frame's unknown-page notice: shown once on the map after the stand-in page sent the reader
there, and not on an ordinary visit. (The stand-in page itself needs a browser address: see
tests/e2e/test_unknown_pages.py.)"""
from __future__ import annotations

from components.unknown_page import NOTICE, NOTICE_FLAG


def test_the_notice_shows_once_when_the_stand_in_page_sent_the_reader(run_page):
    app = run_page("app_pages/map.py")
    assert not any(NOTICE in i.value for i in app.info)
    app.session_state[NOTICE_FLAG] = True
    app.run()
    assert not app.exception
    assert [i.value for i in app.info if NOTICE in i.value] == [NOTICE]
    app.run()
    assert not any(NOTICE in i.value for i in app.info)
