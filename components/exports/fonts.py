"""Fonts for the PDFs: installed TrueType files only, named in @font-face, fetched from nowhere else."""
from __future__ import annotations

from pathlib import Path

from weasyprint.urls import URLFetcher

FONT_ROOT = Path("/usr/share/fonts")
FAMILY = "DejaVu Sans"
# (file under FONT_ROOT, weight, style): Debian's fonts-dejavu-core, which the setup installs.
FACES = (
    ("truetype/dejavu/DejaVuSans.ttf", "normal", "normal"),
    ("truetype/dejavu/DejaVuSans-Bold.ttf", "bold", "normal"),
    ("truetype/dejavu/DejaVuSans-Oblique.ttf", "normal", "italic"),
    ("truetype/dejavu/DejaVuSans-BoldOblique.ttf", "bold", "italic"),
)


def font_face_css() -> str:
    """@font-face rules for the faces that are installed; WeasyPrint embeds what it uses."""
    rules = []
    for file, weight, style in FACES:
        path = FONT_ROOT / file
        if path.exists():
            rules.append(f'@font-face {{ font-family: "{FAMILY}"; src: url("{path.as_uri()}") '
                         f'format("truetype"); font-weight: {weight}; font-style: {style}; }}')
    return "\n".join(rules)


class LocalFontFetcher(URLFetcher):
    """WeasyPrint's fetcher, for font files on this machine only: a PDF never reaches out."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"file"})

    def fetch(self, url, headers=None):
        if not url.startswith(FONT_ROOT.as_uri() + "/"):
            raise ValueError(f"TRD Map PDFs load nothing but local fonts (refused {url[:80]})")
        return super().fetch(url, headers)
