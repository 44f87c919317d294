"""The talk and handout PDFs: a page per slide, every title in the text layer, fonts embedded, paper sizes."""
from __future__ import annotations

import re
import shutil
import subprocess
from io import BytesIO

import pytest
from pypdf import PdfReader

from components.about import compute_review_span
from components.exports import handout_pdf, talk_pdf
from components.exports.deck import build_deck
from components.exports.fonts import LocalFontFetcher
from components.exports.pdf import HANDOUT_TARGET_PAGES, length_note, render_handout_pdf
from components.talks import Talk, ready_talks
from tests.unit.test_export_pptx import REGION_LINE, longest_ready_talk, make_chart_talk

# Points per page: ISO A4 is 210 × 297 mm, US Letter 8.5 × 11 in.
PAGE_POINTS = {"A4": (595.3, 841.9), "Letter": (612.0, 792.0)}


def _read(data: bytes) -> PdfReader:
    return PdfReader(BytesIO(data))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _fonts_without_a_file(reader: PdfReader) -> list[str]:
    """Names of fonts used on any page whose program is not in the file."""
    missing = []
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descriptors = [d.get_object().get("/FontDescriptor")
                           for d in font.get("/DescendantFonts", [])] or [font.get("/FontDescriptor")]
            for descriptor in descriptors:
                descriptor = descriptor.get_object() if descriptor else {}
                if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.append(str(font.get("/BaseFont")))
    return missing


@pytest.fixture
def chart_talk(content, monkeypatch) -> Talk:
    return make_chart_talk(content, monkeypatch)


@pytest.fixture(scope="module")
def longest_pdf(content) -> bytes:
    return talk_pdf(content, longest_ready_talk(content), REGION_LINE, "A4")


def test_a_talk_prints_one_page_per_slide_with_its_title_in_the_text_layer(content, longest_pdf):
    talk = longest_ready_talk(content)
    built = build_deck(content, talk)
    pages = _read(longest_pdf).pages
    assert len(pages) == built.pages
    texts = [_flat(page.extract_text()) for page in pages]
    assert _flat(talk.title) in texts[0]
    for text, view in zip(texts[1:], built.slides, strict=True):
        assert _flat(view.title) in text
        assert _flat(view.notes)[:80] in text  # the notes below the slide


@pytest.mark.parametrize("index", range(3))
def test_no_slide_of_a_ready_talk_spills_onto_a_second_page(content, index):
    talk = ready_talks(content)[index]
    reader = _read(talk_pdf(content, talk, REGION_LINE, "Letter"))  # the shorter paper
    assert len(reader.pages) == build_deck(content, talk).pages


def test_every_page_carries_the_crisis_line_it_was_given(longest_pdf, content):
    for page in _read(longest_pdf).pages:
        assert REGION_LINE in _flat(page.extract_text())
    assert content.frame.crisis_line.text not in _flat(_read(longest_pdf).pages[0].extract_text())


def test_the_talk_cover_says_education_and_the_review_date(longest_pdf, content):
    cover = _flat(_read(longest_pdf).pages[0].extract_text())
    assert "Education, not medical advice." in cover
    assert compute_review_span(content).newest.isoformat() in cover


def test_the_pdfs_are_tagged_in_english_with_the_talks_title(longest_pdf, content, handout):
    for reader in (_read(longest_pdf), _read(handout.data)):
        root = reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"] and root["/Lang"] == "en"
    assert _read(longest_pdf).metadata.title == longest_ready_talk(content).title


def test_every_font_is_embedded(longest_pdf):
    assert not _fonts_without_a_file(_read(longest_pdf))


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils (pdffonts) not installed")
def test_pdffonts_lists_only_embedded_fonts(longest_pdf, tmp_path):
    path = tmp_path / "talk.pdf"
    path.write_bytes(longest_pdf)
    rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                          check=True).stdout.splitlines()[2:]
    assert rows
    for row in rows:  # name type encoding emb sub uni object ID
        assert row.split()[-5] == "yes", row


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_talk_pages_have_the_papers_size(content, paper):
    pages = _read(talk_pdf(content, ready_talks(content)[0], REGION_LINE, paper)).pages
    width, height = PAGE_POINTS[paper]
    for page in pages:
        assert float(page.mediabox.width) == pytest.approx(width, abs=1)
        assert float(page.mediabox.height) == pytest.approx(height, abs=1)


def test_chart_slides_print_their_chart_as_vector_bars_with_words(content, chart_talk):
    reader = _read(talk_pdf(content, chart_talk, REGION_LINE))
    assert len(reader.pages) == 4
    onset = _flat(reader.pages[2].extract_text())
    assert "Lithium" in onset and "Time to first effect" in onset
    assert not _fonts_without_a_file(reader)


def test_an_unknown_paper_is_refused(content):
    with pytest.raises(ValueError, match="A4, Letter"):
        talk_pdf(content, ready_talks(content)[0], REGION_LINE, "A5")


# ---------------------------------------------------------------- the handout


@pytest.fixture(scope="module", params=["A4", "Letter"])
def handout(request, content):
    return render_handout_pdf(content, REGION_LINE, request.param)


def test_the_handout_pdf_has_the_papers_size_and_embedded_fonts(handout):
    reader = _read(handout.data)
    width, height = PAGE_POINTS[handout.paper]
    assert len(reader.pages) == handout.pages
    assert float(reader.pages[0].mediabox.width) == pytest.approx(width, abs=1)
    assert float(reader.pages[0].mediabox.height) == pytest.approx(height, abs=1)
    assert not _fonts_without_a_file(reader)


def test_the_handout_fits_two_pages_or_its_first_page_says_why(handout):
    first = _flat(_read(handout.data).pages[0].extract_text())
    if handout.pages <= HANDOUT_TARGET_PAGES:
        assert "runs to" not in first
    else:
        assert f"Printed on {handout.paper}, this handout runs to {handout.pages} pages" in first
        assert "Sources (pages" in first


def test_the_handout_pdf_holds_the_handouts_sections_and_crisis_line(handout, content):
    text = _flat(" ".join(page.extract_text() for page in _read(handout.data).pages))
    assert [heading for heading, _ in handout.sections] == [
        "The map", "Is the trial adequate?", "When to refer", "The next-line options compared",
        "Sources"]
    assert REGION_LINE in text
    pages = [page for _, page in handout.sections]
    assert pages == sorted(pages) and pages[-1] <= handout.pages


def test_handout_pdf_is_the_bytes_of_the_rendered_handout(content):
    data = handout_pdf(content, REGION_LINE, "A4")
    assert data.startswith(b"%PDF-") and len(_read(data).pages) > 1


def test_the_length_note_names_the_two_longest_parts_in_page_order():
    note = length_note(9, "A4", (("The map", 1), ("Is the trial adequate?", 2),
                                 ("When to refer", 3), ("Options", 4), ("Sources", 6)))
    assert note.startswith("Printed on A4, this handout runs to 9 pages, not 2:")
    assert note.endswith("The longest parts: Options (pages 4–6) and Sources (pages 6–9).")


def test_pdfs_fetch_nothing_but_local_font_files():
    fetcher = LocalFontFetcher()
    for url in ("https://example.org/font.woff", "file:///etc/passwd", "data:text/css,a{}"):
        with pytest.raises(ValueError, match="nothing but local fonts"):
            fetcher.fetch(url)
