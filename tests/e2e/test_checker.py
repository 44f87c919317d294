"""Trial checker in Chromium: a case typed by hand, the urgent banner, and the summary download."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.conftest import open_page, wait_until_drawn

CRISIS_LINE = "In the US, call or text 988; call 911 in an emergency."


def choose(page: Page, key: str, option: str) -> None:
    field = page.locator(f".st-key-{key} [role='combobox']")
    field.click()
    field.press("ArrowDown")  # opens the list of every option; a click alone leaves it closed
    page.get_by_role("option", name=option, exact=True).click()
    wait_until_drawn(page)


def type_number(page: Page, key: str, value: str) -> None:
    field = page.locator(f".st-key-{key} input")
    field.fill(value)
    field.press("Enter")
    wait_until_drawn(page)


def test_the_half_working_ssri_typed_by_hand_is_one_adequate_failure(page: Page, app_url: str):
    open_page(page, app_url, "checker")
    expect(page.get_by_text("not a diagnostic or prescribing one", exact=False)).to_be_visible()

    type_number(page, "checker_new_dose", "0")
    expect(page.get_by_text("The daily dose must be more than 0 mg.")).to_be_visible()

    choose(page, "checker_new_drug", "Sertraline (SSRI)")
    type_number(page, "checker_new_dose", "100")
    type_number(page, "checker_new_weeks", "26")
    choose(page, "checker_new_outcome", "Partial response (25–49% better)")
    expect(page.get_by_text("The daily dose must be more than 0 mg.")).to_have_count(0)
    page.locator(".st-key-checker_add button").click()
    wait_until_drawn(page)

    card = page.locator(".st-key-checker_trial_0")
    expect(card).to_contain_text("Sertraline 100 mg/day for 26 weeks")
    expect(card).to_contain_text("Adequate")
    expect(page.get_by_role("heading", name="One adequate trial failed")).to_be_visible()

    page.locator(".st-key-checker_flag_suicidal-intent label").click()
    wait_until_drawn(page)
    banner = page.locator('[data-testid="stAlertContentError"]').first
    expect(banner).to_contain_text("Do not leave the patient alone")
    expect(banner).to_contain_text(CRISIS_LINE)

    with page.expect_download() as download_info:
        page.locator(".st-key-checker_download button").click()
    download = download_info.value
    assert download.suggested_filename == "referral-summary.txt"
    summary = download.path().read_text(encoding="utf-8")
    assert "URGENT: Urgent — act now" in summary
    assert ("1. Sertraline 100 mg/day for 26 weeks; adherence good; partial response (25–49% "
            "better).") in summary
    assert "Classification: One adequate trial failed" in summary


def test_a_case_link_loads_the_case_and_hides_the_answer_until_committed(page: Page,
                                                                         app_url: str):
    open_page(page, app_url, "checker?case=side-effects-twice")
    expect(page.locator(".st-key-checker_story")).to_contain_text(
        "A 34-year-old after sertraline and paroxetine")
    expect(page.locator(".st-key-checker_trial_1")).to_contain_text("Paroxetine 20 mg/day")
    expect(page.locator(".st-key-checker_trial_1")).not_to_contain_text("Intolerance")
    expect(page.get_by_text("Commit your answer to the practice case")).to_be_visible()
    page.locator(".st-key-checker_answer_choice").get_by_text(
        "Intolerance, not resistance", exact=False).click()
    wait_until_drawn(page)
    page.locator(".st-key-checker_commit button").click()
    wait_until_drawn(page)
    expect(page.get_by_text("Correct.", exact=False)).to_be_visible()
    expect(page.locator(".st-key-checker_trial_1")).to_contain_text("Intolerance")
    expect(page.get_by_text("Two trials stopped for side effects are intolerance",
                            exact=False)).to_be_visible()
