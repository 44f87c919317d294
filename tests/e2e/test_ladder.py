"""Ladder in Chromium: the table fits a laptop, columns can be added and linked, the CSV holds the rows
on screen, deep links open details, the handout is one page."""
from __future__ import annotations

import csv
import io
import itertools
import re

from playwright.sync_api import Page, expect

from components.content import read_content
from components.ladder import comparison_facts, filter_options
from components.ladder_export import printable_html
from tests.conftest import DATA_DIR
from tests.e2e.conftest import open_page, wait_until_drawn


def visible_option_names(page: Page) -> list[str]:
    """First-column texts of the grid's accessible table (glide draws rows on a canvas)."""
    rows = page.locator(".st-key-ladder_table_box table tbody tr")
    return [rows.nth(i).locator("td").first.inner_text().strip() for i in range(rows.count())]


def grid_widths(page: Page) -> dict[str, int]:
    """Scroll and client widths of the grid's scroller (glide-data-grid's own, stable class name)."""
    return page.locator(".st-key-ladder_table_box .dvn-scroller").evaluate(
        "el => ({scroll: el.scrollWidth, client: el.clientWidth})")


def header_names(page: Page) -> list[str]:
    """The headers of the grid's accessible table, in order."""
    headers = page.locator(".st-key-ladder_table_box table thead th")
    return [headers.nth(i).inner_text().strip() for i in range(headers.count())]


def test_the_default_table_fits_a_laptop_screen_with_the_signs_explained(page: Page, app_url: str):
    """At 1366×768 every default column is on screen: no sideways scroll, the → and + key in view."""
    assert page.viewport_size == {"width": 1366, "height": 768}
    open_page(page, app_url, "ladder")
    page.get_by_role("tab", name="Comparison table").click()
    expect(page.locator(".st-key-ladder_table_box table tbody tr")).to_have_count(
        len(read_content(DATA_DIR).treatments.options))
    assert header_names(page) == [
        "Option", "Rung", "Onset (rough)", "Setting", "Time at visits",
        "Headline (scale, cut-off; population; design)"]
    widths = grid_widths(page)
    assert widths["scroll"] <= widths["client"], widths
    legend = page.locator(".st-key-ladder_table_legend")
    expect(legend).to_be_visible()
    expect(legend).to_be_in_viewport()
    expect(legend).to_contain_text("→ means switch to")
    expect(legend).to_contain_text("+ means add to the current antidepressant")


def test_an_added_column_is_shown_and_kept_in_the_address(page: Page, app_url: str):
    open_page(page, app_url, "ladder")
    page.get_by_role("tab", name="Comparison table").click()
    picker = page.locator(".st-key-ladder_columns")
    picker.get_by_role("combobox").click()
    page.get_by_role("option", name="Lab monitoring").click()
    page.keyboard.press("Escape")
    wait_until_drawn(page)
    expect(page.locator(".st-key-ladder_table_box table thead th").last).to_have_text(
        "Lab monitoring")
    expect(page).to_have_url(re.compile(r"ladder_columns=Lab\+monitoring"))  # labels, readable

    open_page(page, app_url, "ladder?ladder_columns=Regulatory+status")  # a shared link
    page.get_by_role("tab", name="Comparison table").click()
    expect(page.locator(".st-key-ladder_table_box table thead th").last).to_have_text(
        "Regulatory status")


def test_csv_download_holds_the_rows_on_screen(page: Page, app_url: str):
    open_page(page, app_url, "ladder")
    page.get_by_role("tab", name="Comparison table").click()
    within_week = page.locator(".st-key-ladder_q_within_week")
    within_week.get_by_role("radio", name="Yes").click()
    wait_until_drawn(page)
    options = read_content(DATA_DIR).treatments.options
    fast = filter_options(options, answers={"within_week": True})
    expect(page.get_by_text(f"Showing {len(fast)} of {len(options)} options",
                            exact=False)).to_be_visible()
    expect(page.locator(".st-key-ladder_table_box table tbody tr")).to_have_count(len(fast))
    on_screen = visible_option_names(page)
    assert "Esketamine" in on_screen and "Lithium" not in on_screen

    with page.expect_download() as download_info:
        page.locator(".st-key-ladder_csv button").click()
    download = download_info.value
    assert download.suggested_filename == "trd-ladder.csv"
    rows = list(csv.DictReader(io.StringIO(download.path().read_text(encoding="utf-8"))))
    assert [row["Option"] for row in rows] == on_screen
    assert "Onset from (days)" in rows[0] and "Full name" in rows[0]  # every column, not only shown


def test_deep_link_opens_the_option_details(page: Page, app_url: str):
    open_page(page, app_url, "ladder?option=deep-tms")
    expect(page.get_by_role("tab", name="Option details")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("heading", name="Deep TMS (H-coil)")).to_be_visible()


def test_printable_comparison_downloads_as_a_self_contained_page(page: Page, app_url: str):
    open_page(page, app_url, "ladder")
    page.get_by_role("tab", name="Side by side").click()
    cards = page.locator('[class*="st-key-ladder_card_"]')
    expect(cards).to_have_count(3)
    names = [cards.nth(i).locator("h4").inner_text().strip() for i in range(3)]
    with page.expect_download() as download_info:
        page.locator(".st-key-ladder_html button").click()
    html = download_info.value.path().read_text(encoding="utf-8")
    assert all(name in html for name in names)
    assert "<script" not in html and "http" not in html


def test_heaviest_four_options_print_on_one_landscape_page(browser):
    """The handout promises one page: print every four of the eight wordiest options (facts and the
    printed source note) to PDF in Chromium. The wordiest four alone missed a taller set: an option
    with an extra row (REMS, anaesthesia) adds height to every column."""
    content = read_content(DATA_DIR)
    rung_by_id = {rung.id: rung for rung in content.treatments.rungs}
    wordiest = sorted(content.treatments.options, reverse=True, key=lambda option: sum(
        len(text) for _, text in comparison_facts(option, rung_by_id[option.rung])) + len(option.note)
    )[:8]
    citations = {s.id: s.citation() for s in content.sources.sources}
    tab = browser.new_page()
    longer = []
    try:
        for chosen in itertools.combinations(wordiest, 4):
            tab.set_content(printable_html(list(chosen), content.treatments.rungs, citations,
                                           notice=content.frame.education_notice))
            pdf = tab.pdf(prefer_css_page_size=True)
            if len(re.findall(rb"/Type\s*/Page[^s]", pdf)) != 1:
                longer.append([option.id for option in chosen])
    finally:
        tab.close()
    assert longer == []
