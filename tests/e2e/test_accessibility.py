"""WCAG 2.2 A/AA audit with axe-core on every page and the key states, in both themes.

axe-core comes from node_modules (scripts/setup --test runs `npm ci`), injected into the page:
no CDN. A violation fails the test with its rule, its impact and the elements it found.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from components.navigation import PAGES
from tests.conftest import ROOT
from tests.e2e.conftest import open_page, wait_until_drawn

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page: Page) -> list[str]:
    """Each violation as 'rule (impact): first elements', after the page has drawn."""
    if not Path(AXE).exists():
        pytest.fail(f"{AXE} is missing: run scripts/setup --test (npm ci)")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async tags => {
             const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
             return result.violations.map(v => `${v.id} (${v.impact}): ` +
               v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
           }""", WCAG_TAGS)
    return list(found)


def _set_theme(page: Page, theme: str) -> None:
    """The app follows the system setting between its light and dark themes: emulate it."""
    page.emulate_media(color_scheme=theme)
    page.reload()
    wait_until_drawn(page)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("path", [spec.id for spec in PAGES])
def test_every_page_has_no_wcag_violations(page: Page, app_url: str, path: str, theme: str):
    open_page(page, app_url, path)
    if theme == "dark":
        _set_theme(page, theme)
    assert axe_violations(page) == []


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("state", ["?node=tms", "checker?case=tms-course", "presentation?slide=3",
                                   "ladder?option=esketamine", "quiz?topic=referral"])
def test_key_states_have_no_wcag_violations(page: Page, app_url: str, state: str, theme: str):
    open_page(page, app_url, state)
    if theme == "dark":
        _set_theme(page, theme)
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ["", "onset", "timelines", "presentation?slide=7"])
def test_a_screen_reader_meets_each_chart_once_by_its_name(page: Page, app_url: str, path: str):
    open_page(page, app_url, path)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg')
    charts = page.locator('[data-testid="stPlotlyChart"]')
    for index in range(charts.count()):
        chart = charts.nth(index)
        assert chart.get_attribute("aria-label"), "every chart has a text name"
        page.wait_for_function(
            """chart => [...chart.querySelectorAll('svg.main-svg')]
                         .every(svg => svg.getAttribute('aria-hidden') === 'true')""",
            arg=chart.element_handle())
        tree = chart.aria_snapshot()
        assert not [line for line in tree.splitlines() if line.strip().startswith("- img:")], tree
