"""Browser fixtures: one `streamlit run` on a free 127.0.0.1 port, driven by Debian's Chromium."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import ROOT
from tests.e2e.server import start_streamlit, stop_streamlit

LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="session")
def app_url(tmp_path_factory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    server, base_url = start_streamlit(ROOT / "streamlit_app.py", log)
    try:
        yield base_url
    finally:
        stop_streamlit(server)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=LAPTOP, accept_downloads=True)
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    yield tab
    context.close()


def wait_until_drawn(page: Page) -> None:
    """Wait for the script to finish and every plotly chart to paint (Streamlit's own e2e way)."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                           state="attached")
    page.wait_for_selector('[data-testid="stMain"] h1', state="visible")
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
                 .every(chart => chart.querySelector('.main-svg'))"""
    )


def open_page(page: Page, app_url: str, path: str = "") -> None:
    page.goto(f"{app_url}/{path}")
    wait_until_drawn(page)
