"""Presentation in Chromium: walk slides with the buttons and the keyboard, the address follows, and
the handout downloads as a self-contained page."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from components.content import DEFAULT_DATA_DIR, read_content
from tests.e2e.conftest import open_page, wait_until_drawn

pytestmark = pytest.mark.e2e

TITLES = [slide.title for slide in read_content(DEFAULT_DATA_DIR).presentation.slides]


def _expect_slide(page: Page, number: int) -> None:
    """The slide's title is shown and the address names the slide, so a presenter can resume."""
    wait_until_drawn(page)
    expect(page.locator('[data-testid="stMain"] h1').first).to_have_text(TITLES[number - 1])
    expect(page).to_have_url(re.compile(rf"[?&]slide={number}(&|$)"))


def test_walk_three_slides_with_the_controls_and_the_keyboard(page: Page, app_url: str):
    open_page(page, app_url, "presentation?slide=1")
    _expect_slide(page, 1)
    page.locator(".st-key-presentation_next button").click()
    _expect_slide(page, 2)
    page.locator('[data-testid="stMain"] h1').first.click()  # focus the page, not a widget
    page.keyboard.press("ArrowRight")
    _expect_slide(page, 3)
    page.locator(".st-key-presentation_next button").click()
    _expect_slide(page, 4)
    page.locator(".st-key-presentation_previous button").click()
    _expect_slide(page, 3)


def test_a_slide_link_resumes_on_that_slide(page: Page, app_url: str):
    open_page(page, app_url, "presentation?slide=7")
    _expect_slide(page, 7)
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible()


def test_the_handout_downloads_as_a_self_contained_page(page: Page, app_url: str):
    open_page(page, app_url, "presentation?slide=2")
    with page.expect_download() as download_info:
        page.locator(".st-key-presentation_handout").get_by_role("button", name="Download the handout").click()
    download = download_info.value
    assert download.suggested_filename == "trd-map-handout.html"
    html = download.path().read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "Content last reviewed" in html and "<script" not in html and "src=" not in html
