"""Region and site packs in Chromium: switch the region in the sidebar with the example site loaded,
then the checker's urgent advice and the referral summary name the local service and the region's
numbers; the region stays in the address as the reader moves to another page."""
from __future__ import annotations

import re
from collections.abc import Iterator
from io import BytesIO

import pytest
from playwright.sync_api import Page, expect
from pptx import Presentation

from components.site import SITE_ENV
from tests.conftest import ROOT
from tests.e2e.conftest import open_page, wait_until_drawn
from tests.e2e.server import start_streamlit, stop_streamlit
from tests.e2e.test_accessibility import axe_violations
from tests.e2e.test_exports import BUILT_TALK
from tests.e2e.test_exports import _download as download

UK_LINE = ("In the UK, call Samaritans free on 116 123 (in England and Wales also NHS 111, mental "
           "health option); call 999 in an emergency.")
CRISIS_TEAM = "Northvale Crisis Resolution Team (fictional)"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory) -> Iterator[str]:
    """A server of its own with the fictional example directory loaded (TRD_MAP_SITE)."""
    log = tmp_path_factory.mktemp("site-server") / "streamlit.log"
    server, base_url = start_streamlit(ROOT / "streamlit_app.py", log, env={
        SITE_ENV: str(ROOT / "examples" / "site-example.yaml")})
    try:
        yield base_url
    finally:
        stop_streamlit(server)


def choose_region(page: Page, name: str) -> None:
    field = page.locator(".st-key-frame_region [role='combobox']")
    field.click()
    field.press("ArrowDown")
    page.get_by_role("option", name=name, exact=True).click()
    wait_until_drawn(page)


@pytest.mark.e2e
def test_switching_region_with_a_site_pack_localises_the_checker(page: Page, site_url: str,
                                                                 tmp_path):
    open_page(page, site_url, "checker")
    expect(page.get_by_text("In the US, call or text 988", exact=False).first).to_be_visible()
    choose_region(page, "United Kingdom")
    expect(page.get_by_text(UK_LINE).first).to_be_visible()
    assert "region=uk" in page.url

    page.locator(".st-key-checker_case_pick").get_by_text(
        "A man at his eight-week duloxetine review").click()
    wait_until_drawn(page)
    banner = page.locator('[data-testid="stAlertContentError"]').first
    expect(banner).to_contain_text("call 999")
    expect(banner).to_contain_text(UK_LINE)
    expect(banner).not_to_contain_text("911")

    page.locator(".st-key-checker_answer_choice").get_by_text(
        "Reconsider the diagnosis", exact=False).first.click()
    wait_until_drawn(page)
    page.locator(".st-key-checker_commit button").click()
    wait_until_drawn(page)
    expect(page.get_by_text("Local services for this advice")).to_be_visible()
    expect(page.get_by_text(CRISIS_TEAM).first).to_be_visible()

    with page.expect_download() as download_info:
        page.locator(".st-key-checker_download button").click()
    summary = download_info.value.path().read_text(encoding="utf-8")
    assert "Region: United Kingdom. Emergency number: 999." in summary
    assert f"- {CRISIS_TEAM} (Crisis team)." in summary
    assert "Phone, 24 hours a day" in summary and "01632 960002" in summary
    assert "911" not in summary
    page.screenshot(path=str(tmp_path / "checker-uk.png"), full_page=True)

    page.get_by_text(re.compile(r"^View \d+ more$")).click()  # the menu folds its last pages
    page.get_by_role("link", name="Local services").click()
    wait_until_drawn(page)
    expect(page.get_by_role("heading", name="Where you practise: United Kingdom")).to_be_visible()
    expect(page.get_by_text(UK_LINE).first).to_be_visible()
    assert "region=uk" in page.url
    expect(page.locator('[data-testid="stDataFrame"]')).to_be_visible()


@pytest.mark.e2e
@pytest.mark.parametrize("path", ["services?region=au", "map?node=specialist-referral&region=uk",
                                  "ladder?option=rtms&region=au"])
def test_local_services_with_a_site_pack_have_no_wcag_violations(page: Page, site_url: str,
                                                                 path: str):
    open_page(page, site_url, path)
    expect(page.get_by_text("Northvale", exact=False).first).to_be_visible()
    assert axe_violations(page) == []


@pytest.mark.e2e
def test_the_handout_and_a_talk_download_carry_the_region_line(page: Page, app_url: str):
    open_page(page, app_url, "glossary?region=au")
    handout = download(page, "glossary_handout", "Download the handout")[1].decode("utf-8")
    assert "In Australia, call Lifeline on 13 11 14" in handout
    assert "call 000 (Triple Zero)" in handout and "call 911" not in handout

    open_page(page, app_url, f"talks?talk={BUILT_TALK}&region=ie")
    deck = Presentation(BytesIO(download(page, "_pptx", "PowerPoint (.pptx)")[1]))
    footers = {shape.text_frame.text for slide in deck.slides for shape in slide.shapes
               if shape.has_text_frame and "emergency" in shape.text_frame.text}
    assert footers and all("In Ireland, call Samaritans free on 116 123" in f for f in footers)
