"""Talks in Chromium: every slide of every ready talk fits a laptop and a full-HD projector without
scrolling; ←/→ move from anywhere; the presenter's window moves the audience's; a built talk's link
opens fresh."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from components.content import DEFAULT_DATA_DIR, read_content
from components.talks import ready_talks, talk_slides
from tests.e2e.conftest import open_page, wait_until_drawn

pytestmark = pytest.mark.e2e

CONTENT = read_content(DEFAULT_DATA_DIR)
TALKS = {talk.id: talk_slides(CONTENT, talk) for talk in ready_talks(CONTENT)}
SCREENS = [{"width": 1366, "height": 768}, {"width": 1920, "height": 1080}]
SLIDE_TITLE = '[data-testid="stMain"] h1'
WAIT_MS = 30_000  # the machine running these is shared and slow; a poll or a rerun may lag

# Scrolling would show as a scroll height above the visible height, on the page or on the main
# area; and no word of the slide may sit under the fixed footer.
FITS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const footer = document.querySelector('.st-key-audience_footer').getBoundingClientRect();
  const slide = '[class*="st-key-audience_slide_"] [data-testid="stElementContainer"]';
  const parts = [...document.querySelectorAll(slide)].filter(
      part => !part.closest('.st-key-audience_chart_text'));
  return {page: document.documentElement.scrollHeight - document.documentElement.clientHeight,
          main: main.scrollHeight - main.clientHeight,
          under_footer: Math.max(...parts.map(p => p.getBoundingClientRect().bottom)) - footer.top,
          parts: parts.length};
}"""


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s['width']}x{s['height']}")
def test_every_slide_of_every_ready_talk_fits_the_screen(browser: Browser, app_url: str, screen):
    context = browser.new_context(viewport=screen)
    page = context.new_page()
    page.set_default_timeout(60_000)
    misfits = []
    for talk_id, views in TALKS.items():
        for number, view in enumerate(views, start=1):
            open_page(page, app_url, f"slides?talk={talk_id}&slide={number}")
            expect(page.locator(SLIDE_TITLE).first).to_have_text(view.title, timeout=WAIT_MS)
            measured = page.evaluate(FITS)
            assert measured["parts"] > 1
            if measured["page"] > 0 or measured["main"] > 0 or measured["under_footer"] > 0:
                misfits.append((talk_id, number, view.item_id, measured))
    context.close()
    assert not misfits


def test_the_fit_check_catches_a_slide_that_scrolls(page: Page, app_url: str):
    """The probe can fail: a planted tall block makes the page scroll."""
    open_page(page, app_url, "slides?talk=when-is-it-trd&slide=1")
    page.evaluate("""() => { const tall = document.createElement('div'); tall.style.height = '2000px';
        document.querySelector('[class*="st-key-audience_slide_"]').appendChild(tall); }""")
    measured = page.evaluate(FITS)
    assert measured["main"] > 0 or measured["page"] > 0


def test_arrow_keys_move_slides_wherever_focus_is(page: Page, app_url: str):
    views = TALKS["when-is-it-trd"]
    open_page(page, app_url, "slides?talk=when-is-it-trd&slide=1")
    page.locator(SLIDE_TITLE).first.click()  # focus on the slide, not a control
    page.keyboard.press("ArrowRight")
    wait_until_drawn(page)
    expect(page.locator(SLIDE_TITLE).first).to_have_text(views[1].title, timeout=WAIT_MS)
    expect(page).to_have_url(re.compile(r"[?&]slide=2(&|$)"), timeout=WAIT_MS)
    page.locator(".st-key-audience_footer").click()  # focus in the footer
    page.keyboard.press("ArrowRight")
    expect(page.locator(SLIDE_TITLE).first).to_have_text(views[2].title, timeout=WAIT_MS)
    page.keyboard.press("ArrowLeft")
    expect(page.locator(SLIDE_TITLE).first).to_have_text(views[1].title, timeout=WAIT_MS)
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    expect(page.locator('[data-testid="stHeader"]')).to_be_hidden()


def test_the_presenter_moves_the_audience_window(browser: Browser, app_url: str):
    views = TALKS["when-is-it-trd"]
    context = browser.new_context(viewport=SCREENS[0])
    presenter = context.new_page()
    presenter.set_default_timeout(60_000)
    open_page(presenter, app_url, "presenter?talk=when-is-it-trd")
    expect(presenter).to_have_url(re.compile(r"[?&]token="), timeout=WAIT_MS)
    link = presenter.get_by_role("link", name="Open the audience window").first
    href = link.get_attribute("href")
    assert href.startswith("slides?follow=") and "token" not in href
    audience = context.new_page()
    audience.set_default_timeout(60_000)
    open_page(audience, app_url, href)
    expect(audience.locator(SLIDE_TITLE).first).to_have_text(views[0].title, timeout=WAIT_MS)
    assert "token" not in audience.url
    presenter.bring_to_front()
    presenter.locator(".st-key-presenter_next button").click()
    expect(presenter.get_by_text("Now: slide 2 of 7")).to_be_visible(timeout=WAIT_MS)
    presenter.locator(".st-key-presenter_next button").click()
    expect(presenter.get_by_text("Now: slide 3 of 7")).to_be_visible(timeout=WAIT_MS)
    # The audience window polls once a second; allow for a slow shared machine.
    expect(audience.locator(SLIDE_TITLE).first).to_have_text(views[2].title, timeout=WAIT_MS)
    presenter.locator(".st-key-presenter_previous button").click()
    expect(audience.locator(SLIDE_TITLE).first).to_have_text(views[1].title, timeout=WAIT_MS)
    context.close()


def test_a_built_talk_opens_fresh_from_its_link(browser: Browser, app_url: str):
    builder = browser.new_context(viewport=SCREENS[0]).new_page()
    builder.set_default_timeout(60_000)
    open_page(builder, app_url, "talks?talk=when-is-it-trd")
    builder.get_by_label("Kind of item").click()
    builder.get_by_role("option", name="Map card").click()
    wait_until_drawn(builder)
    builder.get_by_label("Item to add").click()
    builder.get_by_role("option", name="TMS", exact=True).click()
    wait_until_drawn(builder)
    builder.locator(".st-key-talks_add button").click()
    expect(builder).to_have_url(re.compile(r"talk=20~s\.opening_1~.*~n\.tms_2$"), timeout=WAIT_MS)
    link = builder.url.split("/talks", 1)[1]
    builder.context.close()

    fresh = browser.new_context(viewport=SCREENS[0]).new_page()
    fresh.set_default_timeout(60_000)
    open_page(fresh, app_url, f"talks{link}")
    expect(fresh.get_by_text("8. Map card: TMS")).to_be_visible(timeout=WAIT_MS)
    for button, suffix, magic in (("PowerPoint (.pptx)", ".pptx", b"PK"), ("PDF, A4", "-a4.pdf", b"%PDF")):
        with fresh.expect_download(timeout=120_000) as download:
            fresh.get_by_role("button", name=button).click()
        assert download.value.suggested_filename.endswith(suffix)
        assert download.value.path().read_bytes()[:len(magic)] == magic
    slides = fresh.get_by_role("link", name="Open the slides for the audience").first
    open_page(fresh, app_url, slides.get_attribute("href").replace("slide=1", "slide=8"))
    expect(fresh.locator(SLIDE_TITLE).first).to_have_text("TMS", timeout=WAIT_MS)
    fresh.context.close()


NAME_GAPS = """() => {
  const boxes = [...document.querySelectorAll('[data-testid="stPlotlyChart"] g.annotation')]
      .map(g => g.querySelector('text').getBoundingClientRect())
      .filter(b => b.width > 0);
  let smallest = Infinity;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const gap = Math.max(b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom);
      smallest = Math.min(smallest, gap);
    }
  }
  return {names: boxes.length, smallest};
}"""


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s['width']}x{s['height']}")
def test_the_burden_slides_names_stay_apart(browser: Browser, app_url: str, screen):
    number = next(n for n, v in enumerate(TALKS["the-whole-map"], 1) if v.item_id == "onset-burden")
    page = browser.new_context(viewport=screen).new_page()
    page.set_default_timeout(60_000)
    open_page(page, app_url, f"slides?talk=the-whole-map&slide={number}")
    page.wait_for_selector('[data-testid="stPlotlyChart"] g.annotation text')
    measured = page.evaluate(NAME_GAPS)
    page.context.close()
    assert measured["names"] >= 10
    # px between any two names' text boxes: the names enlarged for slides before came within 5
    assert measured["smallest"] >= 10, measured
