"""A deck opens in LibreOffice Impress: headless conversion to PDF, one page per slide, 16:9."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from components.exports import talk_pptx
from components.exports.deck import build_deck
from tests.unit.test_export_pptx import REGION_LINE, longest_ready_talk, make_chart_talk

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) not installed"),
]


def _convert(deck_path, tmp_path) -> PdfReader:
    """soffice --convert-to pdf with its own profile, so it never meets a running LibreOffice."""
    profile = (tmp_path / "profile").as_uri()
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck_path)],
        capture_output=True, text=True, timeout=180)
    converted = tmp_path / f"{deck_path.stem}.pdf"
    assert result.returncode == 0 and converted.exists(), result.stdout + result.stderr
    return PdfReader(converted)


def test_impress_converts_the_longest_ready_talk_one_page_per_slide(content, tmp_path):
    talk = longest_ready_talk(content)
    deck_path = tmp_path / "talk.pptx"
    deck_path.write_bytes(talk_pptx(content, talk, REGION_LINE))
    reader = _convert(deck_path, tmp_path)
    assert len(reader.pages) == build_deck(content, talk).pages
    box = reader.pages[0].mediabox
    assert float(box.width) * 9 == pytest.approx(float(box.height) * 16, rel=0.01)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert talk.title.split(" (")[0] in text and REGION_LINE in text


def test_impress_draws_the_native_charts_with_every_option_named(content, tmp_path, monkeypatch):
    deck_path = tmp_path / "charts.pptx"
    deck_path.write_bytes(talk_pptx(content, make_chart_talk(content, monkeypatch), REGION_LINE))
    reader = _convert(deck_path, tmp_path)
    assert len(reader.pages) == 4
    onset = reader.pages[2].extract_text()
    # Impress leaves out every other category label when the rows' labels would touch.
    missing = [o.short_name for o in content.treatments.options if o.short_name not in onset]
    assert not missing
    assert "Level 4 (n = " in reader.pages[1].extract_text()
