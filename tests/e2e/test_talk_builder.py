"""The talk builder by keyboard alone in Chromium: add an item, move it up, and the link follows."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import open_page, wait_until_drawn
from tests.e2e.test_keyboard import focused, tab_to

pytestmark = pytest.mark.e2e

WAIT_MS = 30_000  # reruns lag on a loaded machine


def test_build_a_talk_by_keyboard(page: Page, app_url: str):
    page.set_default_timeout(60_000)
    open_page(page, app_url, "talks?talk=20~s.opening_1~s.close_2")
    page.locator('[data-testid="stMain"] h1').first.click()
    tab_to(page, lambda f: "talks_add" in f["keys"] and f["tag"] == "BUTTON", "Add to the talk")
    page.keyboard.press("Enter")  # adds the list's first slide (the opening again), 3 minutes
    wait_until_drawn(page)
    expect(page).to_have_url(re.compile(r"talk=20~s\.opening_1~s\.close_2~s\.opening_3$"),
                             timeout=WAIT_MS)
    assert "talks_add" in focused(page)["keys"]  # focus stays where the trainer was
    tab_to(page, lambda f: "talks_up_2" in f["keys"] and f["tag"] == "BUTTON", "Move item 3 up")
    page.keyboard.press("Enter")
    wait_until_drawn(page)
    expect(page).to_have_url(re.compile(r"talk=20~s\.opening_1~s\.opening_3~s\.close_2$"),
                             timeout=WAIT_MS)
    expect(page.locator(".st-key-talks_minutes_2_slide_close input")).to_have_value(
        "2.0", timeout=WAIT_MS)  # the rows are redrawn in their new order
    minutes = tab_to(page, lambda f: f["name"] and f["name"].startswith("Minutes for item 3"),
                     "the minutes of item 3", key="Shift+Tab")
    assert minutes["value"] == "2.0"
    page.keyboard.press("ArrowUp")  # one step of half a minute
    page.keyboard.press("Enter")
    wait_until_drawn(page)
    expect(page).to_have_url(re.compile(r"~s\.close_2\.5$"), timeout=WAIT_MS)
