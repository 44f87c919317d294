"""Download buttons for a talk's PowerPoint and PDF and for the handout PDF, each file built once.

Files are built only when a button is pressed (Streamlit runs the callable then), and cached per
content version, talk, crisis line and paper, so a page never waits for an export it does not use.
"""
from __future__ import annotations

from functools import partial

import streamlit as st

from components.talks import Talk, talk_to_param

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
PDF_MIME = "application/pdf"
PAPERS = {"A4": "A4", "Letter": "US Letter"}


# The content is hashed by value, as components.content.derived does: an edit makes new files.
# The talk is keyed by its link value (ids, minutes, slot); the Talk itself is not hashed.
@st.cache_data(show_spinner=False, max_entries=24)
def _talk_pptx(content, talk_param: str, crisis_line: str, _talk: Talk) -> bytes:
    from components.exports import talk_pptx  # imported on first use: WeasyPrint is slow to load

    return talk_pptx(content, _talk, crisis_line)


@st.cache_data(show_spinner=False, max_entries=24)
def _talk_pdf(content, talk_param: str, crisis_line: str, paper: str, _talk: Talk) -> bytes:
    from components.exports import talk_pdf

    return talk_pdf(content, _talk, crisis_line, paper)


@st.cache_data(show_spinner=False, max_entries=8)
def _handout_pdf(content, crisis_line: str, paper: str) -> bytes:
    from components.exports import handout_pdf

    return handout_pdf(content, crisis_line, paper)


def file_stem(talk: Talk) -> str:
    """'trd-map-when-is-it-trd' for a ready talk, 'trd-map-talk' for one built in the app."""
    return f"trd-map-{talk.id or 'talk'}"


def render_talk_downloads(content, talk: Talk, crisis_line: str, key_prefix: str = "talk") -> None:
    """PowerPoint and PDF (A4 or US Letter) of the talk, side by side."""
    if not talk.items:
        st.caption("Add an item to the talk to download it as PowerPoint or PDF.")
        return
    param, stem = talk_to_param(talk), file_stem(talk)
    with st.container(horizontal=True, key=f"{key_prefix}_exports"):
        st.download_button(
            "PowerPoint (.pptx)", partial(_talk_pptx, content, param, crisis_line, talk),
            file_name=f"{stem}.pptx", mime=PPTX_MIME, key=f"{key_prefix}_pptx",
            icon=":material/slideshow:", on_click="ignore",
            help="16:9 slides with native, editable charts, sources in small print and the "
                 "speaker notes in the notes pane; opens in PowerPoint and LibreOffice Impress.")
        for paper, label in PAPERS.items():
            st.download_button(
                f"PDF, {label}", partial(_talk_pdf, content, param, crisis_line, paper, talk),
                file_name=f"{stem}-{paper.lower()}.pdf", mime=PDF_MIME,
                key=f"{key_prefix}_pdf_{paper.lower()}", icon=":material/picture_as_pdf:",
                on_click="ignore",
                help=f"One {label} page per slide: the slide on top, its speaker notes below.")


def render_handout_pdf_downloads(content, crisis_line: str, key_prefix: str) -> None:
    """The handout as a PDF on A4 or US Letter."""
    for paper, label in PAPERS.items():
        st.download_button(
            f"Handout PDF, {label}", partial(_handout_pdf, content, crisis_line, paper),
            file_name=f"trd-map-handout-{paper.lower()}.pdf", mime=PDF_MIME,
            key=f"{key_prefix}_handout_pdf_{paper.lower()}", icon=":material/picture_as_pdf:",
            on_click="ignore",
            help="The same handout as a PDF with its fonts embedded. It keeps every source, so it "
                 "can run past two pages; when it does, its first page says why.")
