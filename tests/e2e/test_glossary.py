"""The glossary in Chromium: a search result opens its term in view above the same results, a
?term= link opens its card at the top from a cold start, and a new search closes the card."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import open_page, wait_until_drawn

pytestmark = pytest.mark.e2e

CARD = ".st-key-glossary_card"
SEARCH = ".st-key-glossary_search input"


def test_clicking_a_glossary_result_opens_the_term_in_view(page, app_url):
    open_page(page, app_url, "glossary?q=rems")
    expect(page.locator('[data-testid="stExpander"]')).to_have_count(0)  # no A–Z list under results
    page.get_by_role("link", name="Glossary: REMS").click()
    expect(page).to_have_url(re.compile(r"term=rems"))
    wait_until_drawn(page)
    expect(page.locator(CARD).locator("h3")).to_have_text("REMS")
    expect(page.locator(CARD)).to_be_in_viewport()
    expect(page.locator(CARD)).to_contain_text("certified healthcare settings")
    expect(page.locator(SEARCH)).to_have_value("rems")  # the results are still there to pick again
    expect(page.get_by_role("link", name="Treatment: Esketamine nasal spray")).to_be_visible()


def test_a_term_link_opens_its_card_at_the_top_from_a_cold_start(page, app_url):
    open_page(page, app_url, "glossary?term=vns")
    expect(page.locator(CARD).locator("h3")).to_have_text("Vagus nerve stimulation")
    expect(page.locator(CARD)).to_be_in_viewport()
    expect(page.get_by_role("heading", name="All terms A–Z")).to_be_visible()


def test_a_new_search_closes_the_chosen_term(page, app_url):
    open_page(page, app_url, "glossary?q=rems&term=rems")
    expect(page.locator(CARD)).to_be_visible()
    page.locator(SEARCH).fill("ect")
    page.locator(SEARCH).press("Enter")
    expect(page).to_have_url(re.compile(r"q=ect"))
    wait_until_drawn(page)
    expect(page.locator(CARD)).to_have_count(0)
    assert "term=" not in page.url
    expect(page.get_by_role("link", name="Glossary: Electroconvulsive therapy")).to_be_visible()
