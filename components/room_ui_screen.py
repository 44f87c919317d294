"""The training room's projector screen: join code, QR code and the room's answers as they come in."""
from __future__ import annotations

from html import escape

import streamlit as st

from components.content import ContentSet
from components.room.service import (
    CLOSED,
    ENDED,
    LOBBY,
    OPEN,
    REVEALED,
    RoomState,
)
from components.room_ui import (
    current_base_url,
    join_link,
    projector_state,
    render_answers_chart,
    render_qr,
    render_question_reveal,
    room_call,
)
from components.ui import escape_markdown

SCREEN_REFRESH_SECONDS = 1.0
LONG_PROMPT_CHARS = 110
SCREEN_QR_PX = 340  # read from the back of a teaching room
STATUS = {LOBBY: "Join now: the first question is coming", OPEN: "Answer on your phone",
          CLOSED: "Answers are closed", REVEALED: "The answer", ENDED: "The session has ended"}


@st.fragment(run_every=SCREEN_REFRESH_SECONDS)
def render_screen(content: ContentSet, code: object, view_key: object) -> None:
    """Everything the room sees, redrawn every second from the store: it follows the trainer's
    console from any window, device or replica without anyone touching it."""
    heading = st.empty()  # a bad link still gets the page's name as its heading
    state = room_call(projector_state, code, view_key, refused_icon=":material/key_off:")
    if state is None:
        heading.title("Training room projector", anchor=False)
        return
    question_side, join_side = st.columns([3, 2], gap="large")
    with join_side:
        _render_join(state)
    with question_side:
        _render_question(content, state)


def _render_join(state: RoomState) -> None:
    link = join_link(current_base_url(), state.code)
    st.markdown("**Join on your phone**")
    st.html(f'<p aria-label="Join code {escape(" ".join(state.display_code))}" '
            'style="font-size:clamp(2.5rem,4.6vw,6.5rem);font-weight:700;line-height:1.1;'
            "letter-spacing:0.05em;margin:0;font-family:'Source Code Pro','DejaVu Sans Mono',"
            f'monospace">{escape(state.display_code)}</p>')
    render_qr(link, SCREEN_QR_PX)
    st.markdown(f"Scan, or open `{link}`")  # as code: read off the wall, not clicked
    counts = st.columns(2)
    counts[0].metric("Joined", state.joined)
    counts[1].metric("Answered", state.answered if state.phase in (OPEN, CLOSED, REVEALED)
                     else "–")


def _render_question(content: ContentSet, state: RoomState) -> None:
    st.markdown(f"**{escape_markdown(state.title)}** · "
                + (f"Question {state.question_number} of {state.question_count} · "
                   if state.question_number and state.phase != ENDED else "")
                + STATUS[state.phase])
    if state.phase == ENDED:
        st.title("Thank you for taking part", anchor=False)
        st.markdown("The trainer has the summary. Your answers are deleted when the session's "
                    "retention time is over.")
        return
    if state.question is None:
        st.title(escape_markdown(state.title), anchor=False)
        st.header("Scan the QR code or open the link, and wait for the first question.",
                  anchor=False)
        return
    question = state.question
    if question.story:
        st.header(escape_markdown(question.story[0]), anchor=False)
        for part in question.story[1:]:
            st.markdown(escape_markdown(part))
    # A long prompt steps down a size so the chart, which names every choice, still fits.
    (st.title if len(question.prompt) <= LONG_PROMPT_CHARS else st.header)(
        escape_markdown(question.prompt), anchor=False)
    render_answers_chart(state, key="room_screen_chart", reveal=state.phase == REVEALED)
    if state.phase == REVEALED:
        render_question_reveal(content, question, key_prefix="room_screen")
