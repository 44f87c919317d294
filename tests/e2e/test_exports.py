"""Exports in Chromium: a talk link opened fresh downloads as PowerPoint and PDF; the handout as PDF."""
from __future__ import annotations

from io import BytesIO

import pytest
from playwright.sync_api import Page
from pptx import Presentation
from pypdf import PdfReader

from components.content import content_data_dir, read_content
from components.exports.deck import build_deck
from components.talks import talk_from_param
from tests.e2e.conftest import open_page

pytestmark = pytest.mark.e2e

# A talk built in the builder, as its link holds it: a slot, then kind, id and minutes per item.
BUILT_TALK = "20~s.star-d_4~o.lithium_3~n.tms_2"
A4_POINTS = (595.3, 841.9)
LETTER_POINTS = (612.0, 792.0)


def _download(page: Page, key_ending: str, label: str, timeout_ms: int = 120_000
              ) -> tuple[str, bytes]:
    """Press the download button whose widget key ends so (pages pick the key's prefix) and
    whose label reads so; the file's name and bytes. The file is built on the press."""
    button = page.locator(f'[class*="st-key-"][class*="{key_ending} "] button:visible',
                          has_text=label)
    with page.expect_download(timeout=timeout_ms) as download_info:
        button.click()
    download = download_info.value
    return download.suggested_filename, download.path().read_bytes()


def test_a_talk_link_opened_fresh_downloads_as_powerpoint_and_pdf(page: Page, app_url: str):
    content = read_content(content_data_dir())
    talk, notices = talk_from_param(content, BUILT_TALK)
    assert talk and not notices
    expected = build_deck(content, talk)
    open_page(page, app_url, f"talks?talk={BUILT_TALK}")

    name, data = _download(page, "_pptx", "PowerPoint (.pptx)")
    assert name == "trd-map-talk.pptx"
    slides = list(Presentation(BytesIO(data)).slides)
    assert [s.shapes.title.text for s in slides] == [talk.title, *(v.title for v in expected.slides)]

    name, data = _download(page, "_pdf_letter", "PDF, US Letter")
    assert name == "trd-map-talk-letter.pdf"
    reader = PdfReader(BytesIO(data))
    assert len(reader.pages) == expected.pages
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(LETTER_POINTS, abs=1)
    for page_text, view in zip((p.extract_text() for p in reader.pages[1:]), expected.slides,
                               strict=True):
        assert " ".join(view.title.split()) in " ".join(page_text.split())


def test_the_handout_downloads_as_an_a4_pdf_that_says_why_it_is_long(page: Page, app_url: str):
    open_page(page, app_url, "sources")
    name, data = _download(page, "sources_handout_pdf_a4", "Handout PDF, A4")
    assert name == "trd-map-handout-a4.pdf"
    reader = PdfReader(BytesIO(data))
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4_POINTS, abs=1)
    first = " ".join(reader.pages[0].extract_text().split())
    if len(reader.pages) > 2:
        assert f"this handout runs to {len(reader.pages)} pages" in first
    assert "Content last reviewed" in first
