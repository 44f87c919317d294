"""On a phone (390×844, touch, 2× pixels) the pages a learner uses scroll only up and down: the
map, the map with a card open, a ladder option's details, the quiz, the checker, When to refer.
The map figure stays visible with none of its labels cut at the plot's edges."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import open_page

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
PAGES = ["", "?node=tms", "ladder?option=esketamine", "quiz", "quiz?topic=referral", "checker",
         "refer"]

# Sideways scroll in three places: the document, Streamlit's main scroll container, and any
# element of the main area whose right edge passes the viewport's. Elements inside a container
# that scrolls sideways by design are left out: Streamlit's dataframe (stDataFrame, a canvas grid
# in its own overflow-x scroller, like a table on a phone) and any element whose ancestor below
# stMain has overflow-x auto/scroll, because the reader scrolls that box, not the page.
# Elements hidden from view (zero size, visibility hidden) are left out as well.
OVERFLOW = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const viewport = document.documentElement.clientWidth;
    const scrollers = [document.scrollingElement, main]
        .filter(box => box.scrollWidth > box.clientWidth + 1)
        .map(box => `${box.tagName}[data-testid=${box.dataset.testid}] scrollWidth ` +
                    `${box.scrollWidth} > clientWidth ${box.clientWidth}`);
    const scrollsSideways = el => {
        for (let box = el.parentElement; box && box !== main; box = box.parentElement) {
            if (box.dataset.testid === 'stDataFrame') return true;
            const overflow = getComputedStyle(box).overflowX;
            if ((overflow === 'auto' || overflow === 'scroll') && box.scrollWidth > box.clientWidth)
                return true;
        }
        return false;
    };
    const sticking = [];
    for (const el of main.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if (getComputedStyle(el).visibility === 'hidden') continue;
        if (box.right <= viewport + 1 || scrollsSideways(el)) continue;
        const name = el.dataset.testid || el.className.baseVal || el.className || '';
        sticking.push(`${el.tagName}.${String(name).slice(0, 40)} right ${Math.round(box.right)}: ` +
                      `${(el.innerText || el.textContent || '').trim().slice(0, 50)}`);
    }
    return [...scrollers, ...sticking.slice(0, 10)];
}"""

# Every tag and legend entry of the map lies inside the drawn chart.
CLIPPED_MAP_TEXT = """() => {
    const chart = document.querySelector('[data-testid="stPlotlyChart"] .main-svg');
    const frame = chart.getBoundingClientRect();
    const texts = [...document.querySelectorAll(
        '[data-testid="stPlotlyChart"] .annotation-text-g, [data-testid="stPlotlyChart"] .legendtext, ' +
        '[data-testid="stPlotlyChart"] .textpoint text')];
    return {count: texts.length, clipped: texts.map(text => [text, text.getBoundingClientRect()])
        .filter(([, box]) => box.left < frame.left - 1 || box.right > frame.right + 1 ||
                             box.top < frame.top - 1 || box.bottom > frame.bottom + 1)
        .map(([text, box]) => `${text.textContent}: ${Math.round(box.left)}–${Math.round(box.right)}` +
                              ` × ${Math.round(box.top)}–${Math.round(box.bottom)}`)};
}"""


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    yield tab
    context.close()


@pytest.mark.parametrize("path", PAGES, ids=[path or "map" for path in PAGES])
def test_a_phone_scrolls_only_up_and_down(phone: Page, app_url: str, path: str):
    open_page(phone, app_url, path)
    assert phone.evaluate(OVERFLOW) == []


def test_a_phone_scrolls_only_up_and_down_after_a_quiz_is_scored(phone: Page, app_url: str):
    open_page(phone, app_url, "quiz?topic=referral")
    phone.locator(".st-key-quiz_check button").click()
    expect(phone.locator('[data-testid="stMain"] h2', has_text="You scored")).to_be_visible()
    expect(phone.locator('[data-testid="stDataFrame"]')).to_be_visible()
    assert phone.evaluate(OVERFLOW) == []


def test_the_sideways_check_finds_a_planted_wide_element(phone: Page, app_url: str):
    open_page(phone, app_url, "refer")
    phone.evaluate("""() => {
        const wide = document.createElement('div');
        wide.textContent = 'planted';
        wide.style.width = '600px';
        document.querySelector('[data-testid="stMainBlockContainer"]').append(wide);
    }""")
    found = phone.evaluate(OVERFLOW)
    assert any("planted" in line for line in found)


@pytest.mark.parametrize("path", ["", "?node=tms"], ids=["map", "card-open"])
def test_the_map_on_a_phone_is_drawn_whole(phone: Page, app_url: str, path: str):
    open_page(phone, app_url, path)
    chart = phone.locator('[data-testid="stPlotlyChart"]')
    chart.scroll_into_view_if_needed()
    expect(chart.locator(".main-svg").first).to_be_visible()
    texts = phone.evaluate(CLIPPED_MAP_TEXT)
    assert texts["count"] > 10  # the tags and the legend were drawn
    assert texts["clipped"] == []
