"""In a real Chromium, every page draws its heading without an exception and no request leaves
the machine."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from components.navigation import HOME_PAGE_ID, PAGES
from tests.e2e.conftest import open_page

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("spec", PAGES, ids=[p.id for p in PAGES])
def test_page_draws_its_heading_without_exception(page, app_url, spec):
    open_page(page, app_url, "" if spec.id == HOME_PAGE_ID else spec.id)
    heading = page.locator('[data-testid="stMain"] h1').first
    assert heading.inner_text().strip()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert "988" in page.locator('[data-testid="stMain"]').inner_text()


def test_no_request_leaves_the_machine(page, app_url):
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname or ""))
    for spec in PAGES:
        open_page(page, app_url, "" if spec.id == HOME_PAGE_ID else spec.id)
    assert hosts, "the browser made no request at all, so the check saw nothing"
    assert hosts <= {"127.0.0.1"}, f"requests left the machine: {sorted(hosts - {'127.0.0.1'})}"
