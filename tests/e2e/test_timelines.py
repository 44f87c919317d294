"""Timelines and Onset pages in Chromium: deep links, the sequence builder, and PNG downloads of charts."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from components.content import read_content
from components.sequencing import plan_sequence
from tests.conftest import DATA_DIR
from tests.e2e.conftest import open_page, wait_until_drawn


def total_length(steps: list[str]) -> str:
    """The total the page should show for these steps, worked out from the content it serves."""
    timelines = read_content(DATA_DIR).timelines
    plan = plan_sequence(steps, timelines.sequence_steps,
                         timelines.sequencing_rules.referral_due_after_trials)
    return plan.total_weeks.length_label()


def test_deep_link_opens_the_fast_ect_path_with_its_chart_drawn(page: Page, app_url: str):
    open_page(page, app_url, "timelines?path=severe-fast-to-ect")
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible()
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(1)
    expect(page.locator(".st-key-timelines_path").get_by_role("combobox")).to_have_value(
        "Severe or life-threatening depression, fast to ECT")
    path = next(p for p in read_content(DATA_DIR).timelines.sequencing_paths
                if p.id == "severe-fast-to-ect")
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(total_length(path.steps))


def test_builder_redraws_and_flags_a_sequence_typed_in_by_the_user(page: Page, app_url: str):
    open_page(page, app_url, "timelines?timelines_view=Build+a+sequence")
    builder = page.locator(".st-key-timelines_builder_steps")
    builder.get_by_role("button", name="Clear all").click()
    wait_until_drawn(page)
    expect(page.get_by_text("Pick at least one step", exact=False)).to_be_visible()
    builder.get_by_role("combobox").fill("Esketamine")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    wait_until_drawn(page)
    alerts = page.locator('[data-testid="stAlertContentWarning"]')
    expect(alerts.filter(has_text="Esketamine induction · Skips an adequacy check")).to_be_visible()
    expect(page.get_by_test_id("stMetricValue").last).to_have_text(
        total_length(["esketamine-course"]))
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(1)


def test_camera_button_saves_the_onset_chart_as_a_named_png(page: Page, app_url: str):
    open_page(page, app_url, "onset")
    expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(1)
    chart = page.locator(".st-key-onset_onset_chart")
    chart.hover()
    with page.expect_download() as download_info:
        chart.locator('[data-title="Download plot as a PNG"]').click()
    assert download_info.value.suggested_filename == "trd-map-onset-by-option.png"


def test_the_chart_choice_is_in_the_address_so_a_presenter_can_link_to_it(page: Page, app_url: str):
    open_page(page, app_url, "onset?onset_view=Onset+against+burden")
    expect(page.locator(".st-key-onset_burden_chart .main-svg").first).to_be_visible()
    page.locator(".st-key-onset_view").get_by_role("radio", name="What does it ask of the patient?").click()
    wait_until_drawn(page)
    expect(page.locator(".st-key-onset_commitment_chart")).to_be_visible()
    expect(page).to_have_url(re.compile(r"onset_view=What\+does\+it\+ask"))


# Every chart view of the two pages, as a presenter would link to it.
CHART_VIEWS = {
    "onset": "onset",
    "commitment": "onset?onset_view=What+does+it+ask+of+the+patient%3F",
    "burden": "onset?onset_view=Onset+against+burden",
    "star-d": "timelines",
    "typical-path": "timelines?path=typical-path",
    "flagged-path": "timelines?path=six-months-half-working",
}
TEXT_SELECTOR = (".xtick text, .ytick text, .annotation-text, .textpoint text, .bartext, "
                 ".legendtext, .g-xtitle text, .g-ytitle text, .legendtitletext")
DRAWN_TEXT_JS = """selector => {
  const chart = document.querySelector('[data-testid="stPlotlyChart"]');
  return [...chart.querySelectorAll(selector)]
    .filter(el => (el.textContent || '').trim())
    .map(el => { const r = el.getBoundingClientRect();
                 return {text: el.textContent.trim(), tick: !!el.closest('.xtick, .ytick'),
                         left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                         size: parseFloat(getComputedStyle(el).fontSize),
                         transform: el.getAttribute('transform') || ''}; });
}"""


@pytest.mark.parametrize("width", [1366, 1920])
@pytest.mark.parametrize("view", list(CHART_VIEWS))
def test_every_chart_is_readable_without_hovering(page: Page, app_url: str, view: str, width: int):
    """Drawn by Chromium, not estimated: tick labels upright, text at least 14 px, and no two
    pieces of text (ticks, names, values, legend, titles) on top of each other."""
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, app_url, CHART_VIEWS[view])
    expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_attached()
    texts = page.evaluate(DRAWN_TEXT_JS, TEXT_SELECTOR)
    assert len([t for t in texts if t["tick"]]) >= 6, view
    problems = {
        "slanted tick labels": [t["text"] for t in texts if t["tick"] and "rotate" in t["transform"]],
        "text under 14 px": [(t["text"], t["size"]) for t in texts if t["size"] < 14],
        "text on text": [(a["text"], b["text"]) for i, a in enumerate(texts) for b in texts[i + 1:]
                         if a["left"] < b["right"] - 1 and b["left"] < a["right"] - 1
                         and a["top"] < b["bottom"] - 1 and b["top"] < a["bottom"] - 1],
    }
    assert not any(problems.values()), {kind: found for kind, found in problems.items() if found}
