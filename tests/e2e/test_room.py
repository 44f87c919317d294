"""A whole training-room session in Chromium: one trainer, a projector and three phones."""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.conftest import ROOT
from tests.e2e.server import start_streamlit, stop_streamlit
from tests.e2e.test_accessibility import axe_violations

pytestmark = pytest.mark.e2e
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}
WAIT_MS = 60_000  # the room's pages poll every 1-2 s; a loaded machine needs slack


@pytest.fixture(scope="module")
def room_url(tmp_path_factory) -> Iterator[str]:
    """A server of its own, on a fresh training-room database."""
    scratch = tmp_path_factory.mktemp("room")
    server, base_url = start_streamlit(ROOT / "streamlit_app.py", scratch / "streamlit.log",
                                       env={"TRD_MAP_DATA_HOME": str(scratch / "var"),
                                            "TRD_MAP_PUBLIC_URL": ""})
    try:
        yield base_url
    finally:
        stop_streamlit(server)


def new_tab(browser: Browser, requests: list[str], **options) -> tuple[BrowserContext, Page]:
    context = browser.new_context(accept_downloads=True, **options)
    context.on("request", lambda request: requests.append(request.url))
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    return context, tab


def button(tab: Page, key: str):
    """The button drawn by the latest run (a fragment rerun may leave a stale copy a moment)."""
    return tab.locator(f'.st-key-{key}[data-stale="false"] button').first


def chart_title(tab: Page):
    return tab.locator('[data-testid="stPlotlyChart"] .gtitle').first


def test_a_whole_session_from_join_link_to_csv(browser: Browser, room_url: str, tmp_path):
    requests: list[str] = []
    contexts = []
    try:
        trainer_context, trainer = new_tab(browser, requests,
                                           viewport={"width": 1366, "height": 768})
        contexts.append(trainer_context)
        trainer.goto(f"{room_url}/room")
        trainer.wait_for_selector(IDLE, state="attached")
        button(trainer, "room_open").click()
        expect(trainer.get_by_text("Your trainer link, shown this once.")).to_be_visible(timeout=WAIT_MS)
        trainer_link = trainer.locator('[data-testid="stCode"]').inner_text().strip()
        query = parse_qs(urlsplit(trainer_link).query)
        code, key = query["code"][0], query["key"][0]
        assert f"key={key}" in trainer.url  # the console's own address reopens it
        screen_link = trainer.get_by_role("link", name="Open the projector view").first \
            .get_attribute("href")
        assert key not in screen_link  # the projected address bar never shows the trainer token
        button(trainer, "room_link_copied").click()
        expect(trainer.locator('[data-testid="stCode"]')).to_have_count(0, timeout=WAIT_MS)

        screen_context, screen = new_tab(browser, requests,
                                         viewport={"width": 1920, "height": 1080})
        contexts.append(screen_context)
        screen.goto(screen_link)
        join_link = f"{room_url}/join?code={code}"
        expect(screen.get_by_role("img", name=f"QR code of the join link {join_link}")) \
            .to_be_visible(timeout=WAIT_MS)
        expect(screen.get_by_text(re.sub(r"(....)(....)", r"\1-\2", code), exact=True)) \
            .to_be_visible(timeout=WAIT_MS)
        # The room sees the code and the answers, not the app's menu or toolbar.
        expect(screen.locator('[data-testid="stSidebar"]')).to_be_hidden()
        expect(screen.locator('[data-testid="stHeader"]')).to_be_hidden()
        screen.screenshot(path=str(tmp_path / "projector-lobby-1920.png"))

        phones = []
        for _ in range(3):
            phone_context, phone = new_tab(browser, requests, **PHONE)
            contexts.append(phone_context)
            phone.goto(join_link)
            expect(phone.get_by_text("You are in. The first question is coming.")) \
                .to_be_visible(timeout=WAIT_MS)
            phones.append(phone)
        tokens = [parse_qs(urlsplit(phone.url).query)["p"][0] for phone in phones]
        assert len(set(tokens)) == 3
        expect(screen.locator('[data-testid="stMetricValue"]').first).to_have_text("3", timeout=WAIT_MS)

        button(trainer, "room_next").click()
        for phone in phones:  # the question arrives by itself
            expect(button(phone, "room_join_choice_1_0")).to_be_enabled(timeout=WAIT_MS)
        expect(chart_title(screen)).to_have_text("0 answers", timeout=WAIT_MS)
        for phone, choice in zip(phones, (0, 1, 1), strict=True):
            button(phone, f"room_join_choice_1_{choice}").click()
            expect(phone.get_by_text(f"Stored: your answer is {'AB'[choice]}.")).to_be_visible(timeout=WAIT_MS)
        button(phones[2], "room_join_choice_1_2").click()  # a change of mind
        expect(phones[2].get_by_text("Stored: your answer is C.")).to_be_visible(timeout=WAIT_MS)
        phones[0].screenshot(path=str(tmp_path / "phone-stored-390.png"), full_page=True)

        # Nobody touches the projector: its chart follows the answers.
        expect(chart_title(screen)).to_have_text("3 answers", timeout=WAIT_MS)
        expect(screen.locator('[data-testid="stPlotlyChart"] .bartext')).to_have_text(
            ["1 (33%)", "1 (33%)", "1 (33%)", "0 (0%)"], timeout=WAIT_MS)
        assert "How the room answered" not in phones[0].inner_text("body")  # no tallies yet
        for tab in (trainer, screen, phones[0]):  # WCAG 2.2 AA mid-question, chart drawn
            assert axe_violations(tab) == [], tab.url

        phones[1].reload()  # a dropped phone comes back as the same participant
        expect(phones[1].get_by_text("Stored: your answer is B.")).to_be_visible(timeout=WAIT_MS)
        assert parse_qs(urlsplit(phones[1].url).query)["p"][0] == tokens[1]
        expect(screen.locator('[data-testid="stMetricValue"]').first).to_have_text("3", timeout=WAIT_MS)
        trainer.screenshot(path=str(tmp_path / "trainer-open-1366.png"), full_page=True)

        button(trainer, "room_close").click()
        expect(button(phones[0], "room_join_choice_1_3")).to_be_disabled(timeout=WAIT_MS)
        button(trainer, "room_reveal").click()
        expect(screen.get_by_text("Correct answer: A.")).to_be_visible(timeout=WAIT_MS)
        expect(screen.get_by_role("link", name=re.compile("^Learn more:"))).to_be_visible(timeout=WAIT_MS)
        expect(phones[0].get_by_text("Your answer, A, is right.")).to_be_visible(timeout=WAIT_MS)
        expect(phones[1].get_by_text("How the room answered")).to_be_visible(timeout=WAIT_MS)
        screen.screenshot(path=str(tmp_path / "projector-revealed-1920.png"))
        phones[1].screenshot(path=str(tmp_path / "phone-revealed-390.png"), full_page=True)

        button(trainer, "room_end").click()
        expect(trainer.get_by_role("heading", name="Summary")).to_be_visible(timeout=WAIT_MS)
        expect(phones[0].get_by_text("The session has ended. Thank you for taking part.")) \
            .to_be_visible(timeout=WAIT_MS)
        with trainer.expect_download() as download:
            button(trainer, "room_csv").click()
        rows = list(csv.DictReader(io.StringIO(download.value.path().read_text("utf-8"))))
        first = [row for row in rows if row["question_number"] == "1"]
        assert [row["answers"] for row in first] == ["1", "1", "1", "0"]
        assert [row["correct"] for row in first] == ["yes", "no", "no", "no"]
        text = download.value.path().read_text("utf-8")
        assert not any(token in text for token in tokens)  # counts only
        trainer.screenshot(path=str(tmp_path / "trainer-summary-1366.png"), full_page=True)
    finally:
        for context in contexts:
            context.close()
    assert {urlsplit(url).hostname for url in requests if url.startswith("http")} == \
        {"127.0.0.1"}, "a request left the machine"
