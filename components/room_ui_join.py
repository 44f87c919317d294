"""The training room on a participant's phone: join with a code, answer the current question."""
from __future__ import annotations

import contextlib
import time

import streamlit as st

from components.content import ContentSet
from components.room.service import (
    ENDED,
    LOBBY,
    OPEN,
    REVEALED,
    JoinThrottle,
    ParticipantView,
    RoomError,
    StoreUnavailable,
    WrongCode,
    get_store,
    join,
    participant_view,
    retention_hours,
    submit_answer,
)
from components.room_charts import answer_rows, choice_letter
from components.room_ui import render_question_reveal, render_store_unavailable
from components.ui import escape_markdown

PHONE_REFRESH_SECONDS = 2.0  # phones need the next question soon, not instantly: 60 of them poll
WRONG_CODES = "room_join_wrong_code_times"  # this browser session's wrong codes, for the throttle
LAST_TAP = "room_join_last_tap"             # (question number, choice, refusal or None)
THROTTLE = JoinThrottle()


def retention_statement() -> str:
    return (f"**What is stored.** For each answer: the session, the question, a random participant "
            f"number (kept in this page's address, so a reload keeps your answers), your choice and "
            f"the time. No name, nothing you type. The session and its answers are deleted "
            f"{retention_hours():g} hours after it opened.")


def render_join(content: ContentSet) -> None:
    """Arrive by link (?code=…) or type the code; once joined, ?p=… keeps this phone's place."""
    code, participant = st.query_params.get("code"), st.query_params.get("p")
    if code and participant:
        _render_participant(content, code, participant)
    elif not code or _join(code) == "wrong code":
        # A link with a bad code lands on the form, the bad code out of the address.
        st.query_params.pop("code", None)
        _render_code_form()


def _render_code_form() -> None:
    st.title("Join the training room", anchor=False)
    with st.form("room_join_form", border=False):
        typed = st.text_input("Join code, as shown on the screen", max_chars=12,
                              placeholder="K7M4-PQ9R", key="room_join_code")
        submitted = st.form_submit_button("Join", icon=":material/login:",
                                          key="room_join_submit", width="stretch")
    if submitted:
        _join(typed)


def _join(code: str) -> str:
    """Join and put the participant token in the address (then rerun); otherwise say why and
    return "wrong code" (counted for the throttle) or "store down" (the link is kept to retry)."""
    now = time.monotonic()
    wrong = st.session_state.setdefault(WRONG_CODES, [])
    decision = THROTTLE.check(wrong, now)
    if not decision.allowed:
        st.warning(THROTTLE.message(decision), icon=":material/hourglass_top:")
        return "wrong code"
    try:
        token = join(get_store(), code)
    except StoreUnavailable as error:
        render_store_unavailable(error.message)
        return "store down"
    except RoomError as error:
        if isinstance(error, WrongCode):
            wrong.append(now)
        st.error(error.message, icon=":material/error:")
        return "wrong code"
    st.session_state.pop(LAST_TAP, None)
    st.query_params.update({"code": code, "p": token})  # ?region= and the like stay
    st.rerun()


@st.fragment(run_every=PHONE_REFRESH_SECONDS)
def _render_participant(content: ContentSet, code: str, participant: str) -> None:
    try:
        view = participant_view(get_store(), code, participant)
    except StoreUnavailable as error:
        render_store_unavailable(error.message)
        return
    except RoomError as error:
        st.error(error.message, icon=":material/error:")
        st.button("Join this session again", icon=":material/login:", key="room_join_again",
                  on_click=_forget_participant, width="stretch")
        return
    where = (f"Question {view.question_number} of {view.question_count}"
             if view.question_number and view.phase != ENDED else "")
    st.caption(" · ".join(part for part in (escape_markdown(view.title), where) if part))
    if view.phase == LOBBY:
        st.subheader("You are in. The first question is coming.", anchor=False)
        st.markdown("Keep this page open: the question appears here by itself.")
    elif view.phase == ENDED:
        st.subheader("The session has ended. Thank you for taking part.", anchor=False)
    elif view.phase == REVEALED:
        _render_revealed(content, view)
    else:
        _render_question(view, code, participant)


def _forget_participant() -> None:
    st.query_params.pop("p", None)


def _render_question(view: ParticipantView, code: str, participant: str) -> None:
    question = view.question
    for part in question.story:
        st.markdown(escape_markdown(part))
    st.subheader(escape_markdown(question.prompt), anchor=False)
    is_open = view.phase == OPEN
    for index, choice in enumerate(question.choices):
        mine = view.my_choice == index
        # Marked in words and by an icon, not by colour: the theme's primary button is too pale
        # for white text in dark mode, and a screen reader hears the label.
        label = f"{choice_letter(index)}. {choice}" + (" (your answer)" if mine else "")
        st.button(label, key=f"room_join_choice_{view.question_number}_{index}", width="stretch",
                  icon=":material/check_circle:" if mine else None, disabled=not is_open,
                  on_click=_answer, args=(code, participant, question.id, index,
                                          view.question_number))
    last = st.session_state.get(LAST_TAP)
    refusal = last[2] if last and last[0] == view.question_number else None
    if refusal:
        st.error(f"**Not stored.** {refusal}", icon=":material/error:")
    if view.my_choice is not None:
        then = ("You can change it until the trainer closes the question." if is_open
                else "Answers are closed.")
        st.success(f"**Stored:** your answer is {choice_letter(view.my_choice)}. {then}",
                   icon=":material/check:")
    elif not is_open:
        st.info("Answers are closed; you did not answer this one.", icon=":material/lock:")
    elif not refusal:
        st.caption("Tap one answer. You can change it until the trainer closes the question.")


def _answer(code: str, participant: str, question_id: str, choice: int, number: int) -> None:
    try:
        submit_answer(get_store(), code, participant, question_id, choice)
        refusal = None
    except StoreUnavailable:
        refusal = "The training room's database could not be reached. Tap your answer again."
    except RoomError as error:
        refusal = error.message
        # The room may have moved on since this page was drawn: say so on the question now asked.
        with contextlib.suppress(RoomError, StoreUnavailable):
            number = participant_view(get_store(), code, participant).question_number
    st.session_state[LAST_TAP] = (number, choice, refusal)


def _render_revealed(content: ContentSet, view: ParticipantView) -> None:
    question = view.revealed
    st.subheader(escape_markdown(question.prompt), anchor=False)
    if view.my_choice is None:
        st.markdown("You did not answer this one.")
    elif view.my_choice == question.correct_index:
        st.success(f"Your answer, {choice_letter(view.my_choice)}, is right.",
                   icon=":material/check_circle:")
    else:
        st.warning(f"Your answer was {choice_letter(view.my_choice)}.", icon=":material/info:")
    render_question_reveal(content, question, key_prefix="room_join")
    st.markdown("**How the room answered**")
    st.markdown("\n".join(
        f"- {row.letter}{' ✓' if row.correct else ''}: {row.answers} ({row.share_percent}%) · "
        f"{escape_markdown(row.choice)}"
        for row in answer_rows(question.choices, view.revealed_counts, question.correct_index)))
