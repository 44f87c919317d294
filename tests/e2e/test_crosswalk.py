"""Guideline crosswalk in Chromium: the matrix as a real table, the differ-only view, and a link
from a ladder option to its row and back."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from components.content import read_content
from components.crosswalk import disagreeing_points
from tests.conftest import DATA_DIR
from tests.e2e.conftest import open_page, wait_until_drawn

pytestmark = pytest.mark.e2e
GUIDELINES = read_content(DATA_DIR).guidelines
MATRIX_ROWS = '[data-testid="stTable"] table tbody tr'


def row_headers(page: Page) -> list[str]:
    rows = page.locator(MATRIX_ROWS)
    return [rows.nth(i).locator("th").first.inner_text().strip() for i in range(rows.count())]


def test_the_matrix_is_a_table_with_row_and_column_headers(page: Page, app_url: str):
    open_page(page, app_url, "crosswalk")
    expect(page.locator(MATRIX_ROWS)).to_have_count(len(GUIDELINES.decision_points))
    headers = page.locator('[data-testid="stTable"] table thead th')
    names = [headers.nth(i).inner_text().strip() for i in range(headers.count())]
    assert names[-5:] == ["CANMAT 2023", "NICE NG222", "APA 2010", "VA/DoD 2022", "RANZCP 2020"]
    assert row_headers(page)[0] == "Definition of TRD"
    page.screenshot(path="/tmp/crosswalk-1366.png", full_page=True)


def test_the_differ_only_view_keeps_the_rows_where_guidelines_disagree(page: Page, app_url: str):
    open_page(page, app_url, "crosswalk")
    page.get_by_text("Only where the guidelines differ").click()
    expected = [p.label for p in disagreeing_points(GUIDELINES)]
    expect(page.locator(MATRIX_ROWS)).to_have_count(len(expected))
    wait_until_drawn(page)
    assert row_headers(page) == expected
    assert "Maintenance after response" not in row_headers(page)


def test_a_ladder_option_links_to_its_row_and_the_row_links_back(page: Page, app_url: str):
    open_page(page, app_url, "ladder?option=lithium")
    page.get_by_role("link", name="What the guidelines say: Augmentation agents and order").click()
    page.wait_for_url(re.compile(r"/crosswalk\?point=augmentation$"))
    wait_until_drawn(page)
    expect(page.get_by_role("heading", name="Augmentation agents and order")).to_be_visible()
    expect(page.locator(".st-key-crosswalk_cell_augmentation_nice-ng222-2022")).to_contain_text(
        '"consider"')
    page.get_by_role("link", name="Ladder: Lithium augmentation").click()
    page.wait_for_url(re.compile(r"/ladder\?option=lithium$"))
    wait_until_drawn(page)
    expect(page.get_by_role("heading", name="Lithium augmentation")).to_be_visible()


def test_an_unknown_point_in_the_address_gets_a_notice(page: Page, app_url: str):
    open_page(page, app_url, "crosswalk?point=not-a-point")
    expect(page.get_by_text("That link names a decision point that does not exist")).to_be_visible()
    expect(page.locator(MATRIX_ROWS)).to_have_count(len(GUIDELINES.decision_points))
