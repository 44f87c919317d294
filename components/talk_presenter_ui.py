"""Presenter and follower windows of a talk, joined through the training room's presenter channel.

The presenter's window opens a channel and keeps its code and presenter token in its own address
(so a reload resumes); the audience window is given only the code (`/slides?follow=CODE`) and
polls the channel's position once a second. The token never leaves the presenter's address.
"""
from __future__ import annotations

import time
from urllib.parse import quote

import streamlit as st

from components.export_ui import render_talk_downloads
from components.room.service import (
    RoomError,
    StoreUnavailable,
    channel_position,
    get_store,
    move_channel,
    open_channel,
)
from components.talk_render import (
    SLIDES_CSS,
    format_minutes,
    render_notices,
    render_slide_body,
    slides_of,
    talk_from_address,
)
from components.talks import Talk, minutes_before, talk_from_param, talk_to_param
from components.ui import crisis_line_text, escape_markdown

CLOCK = "presenter_clock_started"
PRESENTER_CSS = SLIDES_CSS.with_name("slides-presenter.css")
POLL_SECONDS = 1.0


# ---------------------------------------------------------------- the presenter's window


def presenter_channel(talk: Talk, total: int) -> tuple[str, str, int] | None:
    """(code, presenter token, 1-based slide) of this window's channel, opening one at the
    address's ?slide= when the address has none; None (with a message shown) when the training
    room's store is down."""
    code, token = st.query_params.get("channel"), st.query_params.get("token")
    try:
        store = get_store()
        position = channel_position(store, code) if code and token else None
        if position is None:
            code, token = open_channel(store, talk_to_param(talk))
            st.query_params["channel"], st.query_params["token"] = code, token
            position = (talk_to_param(talk), _local_number(total) - 1)
            move_channel(store, code, token, position[1])
    except (StoreUnavailable, RoomError) as error:
        st.error(f"{error} The slides can still be shown from this window, but no other window "
                 "follows them.", icon=":material/cloud_off:")
        return None
    return code, token, position[1] + 1


def presenting_talk(content) -> tuple[Talk, list[str]]:
    """The talk a channel in the address presents, else the one ?talk= names."""
    code = st.query_params.get("channel")
    try:
        position = channel_position(get_store(), code) if code else None
    except StoreUnavailable:
        position = None
    raw = position[0] if position else st.query_params.get("talk", "")
    talk, notices = talk_from_param(content, raw) if raw else (None, [])
    if talk is None:
        return talk_from_address(content)
    st.query_params["talk"] = talk_to_param(talk)
    return talk, notices


def render_presenter(content, talk: Talk, notices: list[str]) -> None:
    """Current and next slide, notes, the clock against the plan, and the controls."""
    st.html(PRESENTER_CSS)
    render_notices(notices)
    views = slides_of(content, talk)
    channel = presenter_channel(talk, len(views))
    number = channel[2] if channel else _local_number(len(views))
    number = min(max(number, 1), len(views))
    st.title(f"Presenting: {talk.title}", anchor=False)
    _render_controls(channel, number, len(views))
    current, upcoming = st.columns([3, 2], gap="large")
    with current:
        st.caption(f"Now: slide {number} of {len(views)}")
        with st.container(border=True):
            render_slide_body(content, views[number - 1], key_prefix="presenter")
    with upcoming:
        _render_clock(talk, number)
        st.markdown("**Speaker notes**")
        st.info(escape_markdown(views[number - 1].notes) or "No notes for this slide.",
                icon=":material/record_voice_over:")
        if number < len(views):
            following = views[number]
            st.markdown(f"**Next:** {escape_markdown(following.title)}")
            st.caption(escape_markdown(" · ".join(following.lines[:3])))
        else:
            st.markdown("**Next:** this is the last slide.")
        with st.expander("Download this talk (PowerPoint, PDF)", key="presenter_downloads"):
            render_talk_downloads(content, talk, crisis_line_text(content),
                                  key_prefix="presenter")


def _render_controls(channel: tuple[str, str, int] | None, number: int, total: int) -> None:
    back, forward, audience = st.columns([1, 1, 2], vertical_alignment="center")
    back.button("Previous", icon=":material/arrow_back:", key="presenter_previous",
                on_click=_move, args=(channel, -1, total), shortcut="Left", width="stretch")
    forward.button("Next", icon=":material/arrow_forward:", key="presenter_next",
                   on_click=_move, args=(channel, 1, total), shortcut="Right", width="stretch")
    if channel:
        audience.link_button("Open the audience window", f"slides?follow={quote(channel[0])}",
                             icon=":material/open_in_new:", width="stretch",
                             help="Put this window on the projector: it follows this one, and "
                                  "its address carries no presenter key")


def _move(channel: tuple[str, str, int] | None, by: int, total: int) -> None:
    """One slide on from where the channel is now (not where this window last drew it), so two
    quick presses move two slides."""
    if channel is None:
        st.query_params["slide"] = str(min(max(_local_number(total) + by, 1), total))
        return
    try:
        store = get_store()
        position = channel_position(store, channel[0])
        current = position[1] + 1 if position else channel[2]
        number = min(max(current + by, 1), total)
        move_channel(store, channel[0], channel[1], number - 1)
        st.query_params["slide"] = str(number)
    except (StoreUnavailable, RoomError) as error:
        st.toast(str(error), icon=":material/cloud_off:")


def _local_number(total: int) -> int:
    raw = st.query_params.get("slide", "1")
    return int(raw) if raw.isdigit() and 1 <= int(raw) <= total else 1


@st.fragment(run_every=POLL_SECONDS)
def _render_clock(talk: Talk, number: int) -> None:
    """Elapsed time, where the plan expected to be on this slide, and what is left of the slot."""
    started = st.session_state.setdefault(CLOCK, time.monotonic())
    elapsed = (time.monotonic() - started) / 60
    planned = minutes_before(talk, number)
    slot = talk.slot_minutes or talk.total_minutes
    drift = elapsed - planned
    pace = ("on time" if abs(drift) < 1 else
            f"{format_minutes(round(drift, 1))} behind the plan" if drift > 0 else
            f"{format_minutes(round(-drift, 1))} ahead of the plan")
    st.markdown(f"**{_clock(elapsed)} elapsed** · {_clock(max(slot - elapsed, 0))} left of "
                f"{format_minutes(slot)} · {pace} (the plan reaches this slide at "
                f"{format_minutes(planned)})")
    st.button("Restart the clock", key="presenter_restart_clock", icon=":material/restart_alt:",
              type="tertiary", on_click=lambda: st.session_state.pop(CLOCK, None))


def _clock(minutes: float) -> str:
    seconds = int(minutes * 60)
    return f"{seconds // 60}:{seconds % 60:02d}"


# ---------------------------------------------------------------- the audience window following


def followed_position(content, code: str) -> tuple[Talk | None, int, list[str]]:
    """The talk and 1-based slide the presenter's channel shows; notices when it cannot be read."""
    try:
        position = channel_position(get_store(), code)
    except StoreUnavailable as error:
        return None, 1, [str(error)]
    if position is None:
        return None, 1, ["This presenter channel has ended or never existed; ask the presenter "
                         "for a new audience link."]
    talk, notices = talk_from_param(content, position[0])
    return talk, position[1] + 1, notices


@st.fragment(run_every=POLL_SECONDS)
def follow_presenter(code: str, shown: int) -> None:
    """Redraw the whole window when the presenter has moved (checked once a second)."""
    try:
        position = channel_position(get_store(), code)
    except StoreUnavailable:
        return  # keep the slide on screen; the next poll tries again
    if position is not None and position[1] + 1 != shown:
        st.rerun()
