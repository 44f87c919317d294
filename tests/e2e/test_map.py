"""The TRD map in Chromium: clicking a node on the drawn map opens its card and names it in the
address; a deep link opens a card from a cold start; the node list and the map stay in sync."""
from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import Page, expect

from components.concept_map import node_positions
from components.schema.map import MapFile
from tests.conftest import DATA_DIR
from tests.e2e.conftest import open_page, wait_until_drawn

pytestmark = pytest.mark.e2e

CARD = ".st-key-map_card"


def positions() -> dict[str, tuple[float, float]]:
    trd_map = MapFile.model_validate(yaml.safe_load((DATA_DIR / "map.yaml").read_text("utf-8")))
    return node_positions(trd_map)


def node_on_screen(page: Page, x: float, y: float) -> tuple[float, float]:
    """Page pixels of data point (x, y), from plotly's own axes (its drag layer covers points)."""
    return page.evaluate(
        """([x, y]) => {
            const plot = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
            const layout = plot._fullLayout;
            const box = plot.getBoundingClientRect();
            return [box.left + layout._size.l + layout.xaxis.l2p(x),
                    box.top + layout._size.t + layout.yaxis.l2p(y)];
        }""",
        [x, y],
    )


def click_node(page: Page, node_id: str) -> None:
    page.locator('[data-testid="stPlotlyChart"]').scroll_into_view_if_needed()
    x, y = node_on_screen(page, *positions()[node_id])
    page.mouse.click(x, y)


def test_clicking_a_node_on_the_map_opens_its_card(page, app_url):
    open_page(page, app_url)
    expect(page.locator(".st-key-map_guide")).to_be_visible()
    click_node(page, "ect")
    expect(page.locator(CARD).locator("h3")).to_have_text("ECT")
    expect(page.locator(CARD)).to_contain_text("Why it matters for referral")
    expect(page.locator(CARD).get_by_role("link", name="ECT on the ladder")).to_be_visible()
    expect(page).to_have_url(re.compile(r"node=ect"))
    wait_until_drawn(page)
    x, y = node_on_screen(page, *positions()["tms"])
    page.mouse.click(x, y + 45)  # on the TMS tag below the node: labels are click targets too
    expect(page.locator(CARD).locator("h3")).to_have_text("TMS")
    expect(page).to_have_url(re.compile(r"node=tms"))


def test_a_deep_link_opens_the_card_from_a_cold_start(page, app_url):
    open_page(page, app_url, "?node=persistent-anhedonia")
    expect(page.locator(CARD).locator("h3")).to_have_text("Persistent anhedonia")
    selected = page.locator(".st-key-map_node [role=radio][aria-checked=true]")
    expect(selected).to_have_text("Persistent anhedonia")


def test_the_node_list_opens_a_card_and_rings_the_node_on_the_map(page, app_url):
    open_page(page, app_url)
    page.locator(".st-key-map_node").get_by_role("radio", name="Ketamine / esketamine").click()
    expect(page.locator(CARD).locator("h3")).to_have_text("Ketamine / esketamine")
    wait_until_drawn(page)
    ringed = page.evaluate("""() => document.querySelector(
        '[data-testid="stPlotlyChart"] .js-plotly-plot').data
        .filter(trace => trace.name === 'Selected').map(trace => [trace.x[0], trace.y[0]])""")
    assert ringed == [list(positions()["ketamine-esketamine"])]
    expect(page).to_have_url(re.compile(r"node=ketamine-esketamine"))


def test_a_map_path_link_serves_the_home_map_with_its_node(page, app_url):
    # Trainers write /map?node=… on slides; the map itself lives at "/".
    page.goto(f"{app_url}/map?node=ect")
    expect(page.locator(CARD).locator("h3")).to_have_text("ECT")
    assert page.url == f"{app_url}/?node=ect"


def test_a_link_to_a_map_node_still_works_when_opened_in_a_new_tab(page, app_url):
    # The home page's own links are relative ("?node=…") and would reopen the linking page.
    open_page(page, app_url, "glossary?q=specialist+referral")
    link = page.locator('[data-testid="stPageLink"] a', has_text="Specialist referral").first
    href = link.get_attribute("href")
    assert href and "map?node=specialist-referral" in href
    page.goto(href if href.startswith("http") else f"{app_url}/{href.lstrip('/')}")
    expect(page.locator(CARD).locator("h3")).to_have_text("Specialist referral")
