"""The talk builder's controls: start from a ready talk, add, order and time items, share the link.

The talk lives in the address (?talk=…), so the page's own link is always the talk's link; the
session keeps the same value so coming back through the menu resumes the talk being built.
"""
from __future__ import annotations

import streamlit as st

from components.schema.talks import SLOTS_MINUTES
from components.talk_render import format_minutes, render_notices
from components.talks import (
    KIND_CODES,
    KIND_LABELS,
    Talk,
    TalkItem,
    choices,
    default_minutes,
    item_label,
    moved_item,
    ready_talks,
    remaining_minutes,
    talk_from_param,
    talk_to_param,
    with_item,
    with_minutes,
    with_slot,
    without_item,
)
from components.ui import escape_markdown

PARAM, SYNCED = "talks_param", "talks_synced"
EMPTY_TALK = Talk(id=None, title="Your talk", slot_minutes=45, items=())


def current_talk(content) -> tuple[Talk, list[str]]:
    """The talk being built: the address's when it was changed from outside, else the session's."""
    raw = st.query_params.get("talk")
    notices: list[str] = []
    if raw is not None and st.session_state.get(SYNCED) != raw:
        talk, notices = talk_from_param(content, raw)
        st.session_state[PARAM] = talk_to_param(talk) if talk else ""
    param = st.session_state.get(PARAM, "")
    talk = talk_from_param(content, param)[0] if param else None
    return talk or EMPTY_TALK, notices


def _keep(talk: Talk) -> None:
    """Make `talk` the one being built, in the session, the address and the controls showing it."""
    param = talk_to_param(talk) if talk.items else ""
    st.session_state[PARAM] = param
    st.query_params["talk"] = param
    st.session_state[SYNCED] = param
    st.session_state["talks_slot"] = _slot_label(talk.slot_minutes)
    for index, item in enumerate(talk.items):
        st.session_state[_minutes_key(index, item)] = float(item.minutes)


def render_builder(content) -> Talk:
    """Every control of the builder, top to bottom; returns the talk as it now stands."""
    talk, notices = current_talk(content)
    render_notices(notices)
    _keep(talk)
    _render_start(content)
    _render_total(talk)
    _render_add(content, talk)
    _render_items(content, talk)
    return talk


def _render_start(content) -> None:
    ready = {t.id: t for t in ready_talks(content)}
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.selectbox("Start from a ready talk", list(ready), key="talks_ready",
                   format_func=lambda talk_id: ready[talk_id].title)
    right.button("Load this talk", key="talks_load", icon=":material/playlist_add_check:",
                 on_click=lambda: _keep(ready[st.session_state["talks_ready"]]), width="stretch",
                 help="Replaces the talk below with the ready talk's items and minutes")


def _render_add(content, talk: Talk) -> None:
    with st.container(border=True, key="talks_add_box"):
        kind_column, item_column, add_column = st.columns([1.2, 3, 1], vertical_alignment="bottom")
        kind = kind_column.selectbox("Kind of item", list(KIND_CODES), key="talks_kind",
                                     format_func=KIND_LABELS.get)
        options = choices(content, kind)
        item_column.selectbox("Item to add", list(options), key=f"talks_item_{kind}",
                              format_func=options.get)

        def add() -> None:
            item_id = st.session_state[f"talks_item_{kind}"]
            _keep(with_item(talk, TalkItem(kind, item_id, default_minutes(content, kind, item_id))))

        add_column.button("Add to the talk", key="talks_add", icon=":material/add:", on_click=add,
                          width="stretch")


def _render_items(content, talk: Talk) -> None:
    if not talk.items:
        st.info("The talk is empty: load a ready talk or add items above.", icon=":material/info:")
        return
    st.caption("In order, each with its minutes (type them or use the arrow keys).")
    for index, item in enumerate(talk.items):
        label = item_label(content, item)
        row = st.container(key=f"talks_row_{index}", horizontal=True, vertical_alignment="center",
                           wrap=False)  # a long name wraps inside its row, the controls stay
        row.markdown(f"{index + 1}\\. {escape_markdown(label)}", width="stretch")  # not a list
        row.number_input(f"Minutes for item {index + 1}, {label}", min_value=0.5, max_value=60.0,
                         step=0.5, format="%.1f", key=_minutes_key(index, item), label_visibility="collapsed",
                         width=120, on_change=_set_minutes, args=(talk, index, item))
        row.button("Move up", key=f"talks_up_{index}", icon=":material/arrow_upward:",
                   on_click=lambda i=index: _keep(moved_item(talk, i, -1)), type="tertiary",
                   help=f"Move item {index + 1} up")
        row.button("Move down", key=f"talks_down_{index}", icon=":material/arrow_downward:",
                   on_click=lambda i=index: _keep(moved_item(talk, i, 1)), type="tertiary",
                   help=f"Move item {index + 1} down")
        row.button("Remove", key=f"talks_remove_{index}", icon=":material/delete:",
                   on_click=lambda i=index: _keep(without_item(talk, i)), type="tertiary",
                   help=f"Remove item {index + 1} from the talk")


def _minutes_key(index: int, item: TalkItem) -> str:
    return f"talks_minutes_{index}_{item.kind}_{item.id}"


def _set_minutes(talk: Talk, index: int, item: TalkItem) -> None:
    _keep(with_minutes(talk, index, float(st.session_state[_minutes_key(index, item)])))


def _render_total(talk: Talk) -> None:
    slot_column, total_column = st.columns([2, 3], vertical_alignment="bottom")
    slot_column.segmented_control(
        "Time slot", [_slot_label(m) for m in SLOTS_MINUTES], key="talks_slot",
        on_change=lambda: _keep(with_slot(talk, _slot_value(st.session_state["talks_slot"]))))
    left = remaining_minutes(talk)
    total = format_minutes(talk.total_minutes)
    if left is None:
        total_column.markdown(f"**Total: {total}** (no time slot chosen)")
    elif left >= 0:
        total_column.markdown(f"**Total: {total} of {talk.slot_minutes} minutes** · "
                              f"{format_minutes(left)} to spare")
    else:
        total_column.markdown(f"**Total: {total} of {talk.slot_minutes} minutes** · "
                              f":red[{format_minutes(-left)} over the slot]")


def _slot_label(minutes: int | None) -> str | None:
    return f"{minutes} minutes" if minutes else None


def _slot_value(label: str | None) -> int | None:
    return int(label.split()[0]) if label else None
