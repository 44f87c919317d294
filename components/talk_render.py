"""Streamlit helpers for talks: one slide drawn for a projector, the talk a link asks for, timing."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import streamlit as st

from components.content import derived
from components.slides import build_slide, slide_figure, slide_number
from components.talks import (
    DEFAULT_TALK_ID,
    SlideView,
    Talk,
    ready_talk,
    slide_density,
    talk_from_param,
    talk_slides,
    talk_to_param,
)
from components.ui import escape_markdown, render_chart

SLIDES_CSS = Path(__file__).resolve().parent.parent / "static" / "slides.css"
CHART_TEXT_CSS = SLIDES_CSS.with_name("slides-chart-text.css")
PROJECTOR_CSS = SLIDES_CSS.with_name("projector.css")


def talk_from_address(content) -> tuple[Talk, list[str]]:
    """The talk ?talk= names, or the default talk with the reasons the link could not be used."""
    raw = st.query_params.get("talk")
    talk, notices = talk_from_param(content, raw) if raw else (None, [])
    return talk or ready_talk(content, DEFAULT_TALK_ID), notices


def slides_of(content, talk: Talk) -> list[SlideView]:
    """The talk's slides, built once per content version and talk."""
    return derived(talk_slides, content, talk)


def render_notices(notices: list[str]) -> None:
    for notice in notices:  # plain text from talk_from_param: ids only, shown as written
        st.info(escape_markdown(notice), icon=":material/link_off:")


def render_slide_body(content, view: SlideView, *, key_prefix: str) -> None:
    """A slide's title and words, or its chart, in the projector's type scale.

    The type size follows the slide's density (static/slides.css), so the longest slide still fits
    the screen; a chart keeps its text equivalent for screen readers, visually hidden.
    """
    charted = view.kind == "slide" and build_slide(content, slide_number(content, view.item_id)).figure
    with st.container(key=f"{key_prefix}_slide_{'chart' if charted else slide_density(view)}"):
        st.title(view.title, anchor=False)
        if charted:
            _render_slide_chart(content, view, key_prefix)
            return
        details = view.details or ("",) * len(view.lines)
        headed = any(details)  # lines with details under them are headlines, all alike
        for line, detail in zip(view.lines, details, strict=True):
            text = f"**{escape_markdown(line)}**" if headed else escape_markdown(line)
            if detail:
                text += f"  \n{escape_markdown(detail)}"
            st.markdown(text)


def _render_slide_chart(content, view: SlideView, key_prefix: str) -> None:
    number = slide_number(content, view.item_id)
    built = build_slide(content, number)
    st.html(CHART_TEXT_CSS)
    with st.container(key=f"{key_prefix}_chart"):
        render_chart(slide_figure, content, number, key=f"{key_prefix}_figure_{view.item_id}",
                     file_name=f"trd-map-slide-{view.item_id}", alt=view.title)
    # Off screen, not gone: the chart's facts as a table for a screen reader (static/slides.css).
    with st.container(key=f"{key_prefix}_chart_text"):
        st.caption(built.caption)
        st.table(list(built.rows), hide_index=True)


def format_minutes(minutes: float) -> str:
    """'12 min', '1.5 min', or '-3 min' when over time."""
    return f"{minutes:g} min"


def render_audience_footer(number: int, total: int, crisis_line: str, *, following: bool) -> None:
    """The audience view's footer: the crisis line, the slide count, and ← → (which the keyboard
    presses from anywhere on the page). A window that follows a presenter has no arrows of its own."""
    with st.container(key="audience_footer", horizontal=True, vertical_alignment="center",
                      gap="medium"):
        if not following:
            st.button("Previous slide", icon=":material/arrow_back:", key="audience_previous",
                      on_click=_step, args=(-1, total), shortcut="Left", type="tertiary")
        st.markdown(f":material/call: {escape_markdown(crisis_line)}", width="stretch")
        where = f"{number} / {total}" + (" · following the presenter" if following else "")
        st.markdown(where, width="content")
        if not following:
            st.button("Next slide", icon=":material/arrow_forward:", key="audience_next",
                      on_click=_step, args=(1, total), shortcut="Right", type="tertiary")


def _step(by: int, total: int) -> None:
    """Move by one slide through the address, so the window's link always names its slide."""
    current = int(st.query_params.get("slide", "1"))
    st.query_params["slide"] = str(min(max(current + by, 1), total))


def render_talk_links(talk: Talk, slide: int = 1) -> None:
    """Open the talk for the room (the audience window) and for the presenter (a second window)."""
    param = talk_to_param(talk)
    audience, presenter = st.columns(2)
    audience.link_button("Open the slides for the audience",
                         f"slides?talk={quote(param)}&slide={slide}",
                         icon=":material/slideshow:", width="stretch",
                         help="Opens in a new window: put it on the projector")
    presenter.link_button("Open the presenter view",
                          f"presenter?talk={quote(param)}" + (f"&slide={slide}" if slide > 1 else ""),
                          icon=":material/speaker_notes:", width="stretch",
                          help="Opens in a new window: current and next slide, notes and time; "
                               "it moves the audience window")
