"""Case discussions in Chromium: on a projector the page holds no answer until the trainer opens it."""
from __future__ import annotations

import os

from playwright.sync_api import Page, expect

from components.content import DEFAULT_DATA_DIR, read_content
from components.referral import case_answers
from tests.e2e.conftest import open_page, wait_until_drawn

CONTENT = read_content(DEFAULT_DATA_DIR)
CASE = next(c for c in CONTENT.cases.cases if c.id == "hypomania-history")
EXPECTED = case_answers(CONTENT.referral)[CASE.expected_answer][0]


def test_facilitator_notes_stay_out_of_the_page_until_opened(page: Page, app_url: str):
    open_page(page, app_url, f"cases?case={CASE.id}")
    main = page.locator('[data-testid="stMain"]')
    expect(main).to_contain_text(CASE.title)
    expect(main).to_contain_text("Facilitator notes")
    expect(main).not_to_contain_text(EXPECTED)  # not even hidden in a collapsed element
    expect(main).not_to_contain_text(CASE.facilitator.ask_the_room[0])

    page.locator(f".st-key-cases_facilitator_{CASE.id} label").click()
    wait_until_drawn(page)
    notes = page.locator(".st-key-cases_facilitator_notes")
    expect(notes).to_be_visible()
    expect(notes).to_contain_text(f"Expected answer: {EXPECTED}")
    total = sum(CASE.facilitator.minutes_per_stage)
    expect(notes).to_contain_text(f"Total session time: {total} minutes for {len(CASE.stages)} parts.")
    if os.environ.get("TRD_MAP_SCREENSHOTS"):  # for a person to look at, not for the assertion
        notes.screenshot(path=os.path.join(os.environ["TRD_MAP_SCREENSHOTS"], "case-notes.png"))
