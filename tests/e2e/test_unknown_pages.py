"""In Chromium, an address that names no page (a typed /home, an old bookmark) lands on the map at
"/" with a short notice, and no "Page not found" dialog; the address's query is kept."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import open_page

pytestmark = pytest.mark.e2e

NOTICE = "There is no page at that address"


@pytest.mark.parametrize("path", ["home", "no-such-page", "Glossary.html"])
def test_an_unknown_page_lands_on_the_map_with_a_notice(page, app_url, path):
    open_page(page, app_url, path)
    expect(page.locator('[data-testid="stMain"]')).to_contain_text(NOTICE)
    expect(page.locator('[data-testid="stMain"] h1').first).to_have_text("TRD map")
    expect(page).to_have_url(re.compile(rf"^{re.escape(app_url)}/?$"))
    expect(page.get_by_role("dialog")).to_have_count(0)
    page.wait_for_timeout(500)  # the dialog, when Streamlit shows one, comes after the first draw
    expect(page.get_by_role("dialog")).to_have_count(0)


def test_an_unknown_page_keeps_its_query(page, app_url):
    open_page(page, app_url, "home?node=tms")
    expect(page.locator('[data-testid="stMain"]')).to_contain_text(NOTICE)
    expect(page).to_have_url(re.compile(r"/\?node=tms$"))
    expect(page.locator(".st-key-map_card h3")).to_have_text("TMS")


def test_known_pages_show_no_notice(page, app_url):
    for path in ["", "map?node=ect", "glossary", "about"]:
        open_page(page, app_url, path)
        expect(page.locator('[data-testid="stMain"]')).not_to_contain_text(NOTICE)
        expect(page.get_by_role("dialog")).to_have_count(0)
