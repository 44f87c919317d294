"""The training room's trainer screens: choosing the questions, and the console that runs a session."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from components.content import ContentSet
from components.room.service import (
    CLOSED,
    ENDED,
    LOBBY,
    OPEN,
    REVEALED,
    RoomError,
    RoomState,
    StoreUnavailable,
    close_question,
    end_session,
    get_store,
    next_question,
    open_session,
    questions_from_ids,
    questions_from_set,
    questions_from_talk,
    reveal_answer,
    session_summary,
    summary_csv,
    trainer_view,
)
from components.room_charts import choice_letter
from components.room_ui import (
    ROOM_PAGE,
    SCREEN_PAGE,
    current_base_url,
    join_link,
    only_this_computer,
    page_link_url,
    render_answers_chart,
    render_question_reveal,
    room_call,
    screen_key,
    talk_items_after,
)
from components.talks import choices, ready_talks, talk_from_param, talk_to_param
from components.ui import escape_markdown

CONSOLE_REFRESH_SECONDS = 1.5
FRESH_LINK = "room_fresh_trainer_link"  # set once, when this browser opened the session
OUTCOME = "room_console_outcome"
PHASE_LABELS = {LOBBY: "Waiting to start", OPEN: "Answering", CLOSED: "Answers closed",
                REVEALED: "Answer shown", ENDED: "Ended"}
SOURCES = {"set": "A ready set", "pick": "Questions I pick", "talk": "A talk with live questions"}


# ---------------------------------------------------------------- opening a session


def render_setup(content: ContentSet) -> None:
    """Pick the questions, name the session, open it; the console takes over from there."""
    source = st.radio("Questions from", list(SOURCES), format_func=SOURCES.get, horizontal=True,
                      key="room_source")
    talk_param = None
    if source == "set":
        sets = {s.id: s for s in content.room_sets.sets}
        set_id = st.selectbox("Ready set", list(sets), key="room_set",
                              format_func=lambda i: f"{sets[i].title} ({len(sets[i].items)} "
                                                    f"questions, about {sets[i].minutes} minutes)")
        st.caption(escape_markdown(sets[set_id].summary))
        default_title = sets[set_id].title
    elif source == "pick":
        bank = choices(content, "room-question")
        picked = st.multiselect(
            "Questions and case decisions, asked in the order you pick them", list(bank),
            format_func=bank.get, key="room_pick", placeholder="Type to search the quiz and cases")
        default_title = "Training room"
    else:
        talks = {t.id: t for t in ready_talks(content)
                 if any(item.kind == "room-question" for item in t.items)}
        talk_id = st.selectbox("Talk", list(talks), format_func=lambda i: talks[i].title,
                               key="room_talk")
        talk = talks[talk_id]
        live = sum(item.kind == "room-question" for item in talk.items)
        st.caption(f"{live} live question{'s' if live != 1 else ''} between its "
                   f"{len(talk.items) - live} slides and cards; the console shows what comes "
                   "next in the talk.")
        talk_param, default_title = talk_to_param(talk), talk.title
    title = st.text_input("Session title (shown on the projector and the phones)",
                          value=default_title, max_chars=120, key=f"room_title_{source}")
    if not st.button("Open the session", icon=":material/play_arrow:",
                     key="room_open"):
        return
    def questions():
        if source == "set":
            return questions_from_set(content, set_id)
        if source == "pick":
            return questions_from_ids(content, picked)
        return questions_from_talk(content, talk)

    opened = room_call(lambda store: open_session(store, title, questions()))
    if opened is None:
        return
    st.session_state[FRESH_LINK] = opened.code
    st.query_params.update({"code": opened.code, "key": opened.trainer_token,
                            **({"talk": talk_param} if talk_param else {})})
    st.rerun()


# ---------------------------------------------------------------- the console


def render_console(content: ContentSet, code: str, trainer_token: str) -> None:
    """The presenter's console of one session: links, the trainer link once, then the live part."""
    base = current_base_url()
    talk, _ = talk_from_param(content, st.query_params.get("talk", ""))
    heading = st.empty()  # a bad link still gets the page's name as its heading
    state = room_call(trainer_view, code, trainer_token, refused_icon=":material/key_off:")
    if state is None:
        heading.title("Training room", anchor=False)
        st.page_link("app_pages/room.py", label="Open a new session", icon=":material/add:",
                     query_params={})
        return
    st.title(state.title, anchor=False)
    # Shown in the browser session that opened the session, until dismissed; a reload or another
    # device (a new browser session) never shows it again.
    if st.session_state.get(FRESH_LINK) == state.code:
        trainer_params = {"code": state.code, "key": trainer_token,
                          **({"talk": talk_to_param(talk)} if talk else {})}
        with st.container(border=True):
            st.markdown(":material/key: **Your trainer link, shown this once.** Copy it now: it "
                        "reopens this console on any device, and without it nobody can move, "
                        "reveal, end or export the session. Do not show it to the room.")
            st.code(page_link_url(base, ROOM_PAGE, **trainer_params), language=None,
                    wrap_lines=True)
            st.button("I have copied it", icon=":material/done:", key="room_link_copied",
                      on_click=st.session_state.pop, args=(FRESH_LINK, None))
    link = join_link(base, state.code)
    screen = page_link_url(base, SCREEN_PAGE, code=state.code, view=screen_key(trainer_token))
    where = st.container(horizontal=True, vertical_alignment="center")
    where.markdown(f"Join code **{state.display_code}** · join link `{link}`")
    where.link_button("Open the projector view", screen, icon=":material/cast:",
                      help="Opens the screen for the room in a new tab: join code, QR code and "
                           "the live answers. It follows this console.")
    if only_this_computer(link):
        st.warning("The join link names this computer's own address, which phones cannot "
                   "reach. Serve TRD Map where the phones can reach it and set "
                   "TRD_MAP_PUBLIC_URL to that address (see the README).",
                   icon=":material/wifi_off:")
    _live_console(content, code, trainer_token, talk)


@st.fragment(run_every=CONSOLE_REFRESH_SECONDS)
def _live_console(content: ContentSet, code: str, trainer_token: str, talk) -> None:
    state = room_call(trainer_view, code, trainer_token)
    if state is None:
        return
    outcome = st.session_state.pop(OUTCOME, None)
    if outcome:
        st.error(outcome, icon=":material/error:")
    now = dt.datetime.now(dt.UTC)
    if state.phase == ENDED:
        where = f"{state.question_number} of {state.question_count} questions asked"
    elif state.question_number:
        where = f"Question {state.question_number} of {state.question_count}"
    else:
        where = f"{state.question_count} questions"
    st.markdown(f"**{where}** · {PHASE_LABELS[state.phase]} · {_clock(now - state.started_at)} "
                f"used · {_clock(now - state.phase_changed_at)} in this step")
    _render_controls(state, code, trainer_token)
    if state.phase == ENDED:
        _render_summary(content, code, trainer_token)
        return
    question_side, room_side = st.columns([3, 2], gap="large")
    with room_side:
        counts = st.columns(2)
        counts[0].metric("Joined", state.joined)
        counts[1].metric("Answered", state.answered if state.question else "–")
        st.markdown(f"**Next:** {_what_comes_next(content, state, talk)}")
    if state.question is None:
        question_side.markdown("Ask the first question once the room has joined.")
        return
    question = state.question
    with question_side:
        st.subheader(escape_markdown(question.prompt), anchor=False)
        if question.story:
            with st.expander(f"The case: {escape_markdown(question.story[0])}",
                             key="room_console_story"):
                for part in question.story[1:]:
                    st.markdown(escape_markdown(part))
        st.markdown("\n".join(
            f"- **{choice_letter(i)}.** {escape_markdown(choice)}"
            + (" · :material/check: correct" if i == question.correct_index else "")
            for i, choice in enumerate(question.choices)))
        render_answers_chart(state, key="room_console_chart", reveal=state.phase == REVEALED)
    with room_side, st.container(border=True):
        st.markdown("**Notes for you** (the room sees this at the reveal)")
        render_question_reveal(content, question, key_prefix="room_console")


def _render_controls(state: RoomState, code: str, trainer_token: str) -> None:
    row = st.container(horizontal=True)
    at = state.question_number
    if state.phase in (LOBBY, CLOSED, REVEALED) and at < state.question_count:
        row.button(f"Ask question {at + 1}", icon=":material/skip_next:",
                   key="room_next", on_click=_act, args=(next_question, code, trainer_token, at))
    if state.phase == OPEN:
        row.button("Close answers", icon=":material/lock:", key="room_close",
                   on_click=_act, args=(close_question, code, trainer_token, at))
    if state.phase in (OPEN, CLOSED):
        row.button("Reveal the answer", icon=":material/visibility:", key="room_reveal",
                   on_click=_act, args=(reveal_answer, code, trainer_token, at))
    if state.phase != ENDED:
        row.button("End the session", icon=":material/stop_circle:", key="room_end",
                   help="Stops answers and shows the summary. Answers are deleted by themselves "
                        "when the session's retention time is over.",
                   on_click=_act, args=(None, code, trainer_token, at))


def _act(action, code: str, trainer_token: str, at_question: int) -> None:
    """A console button: one call to the session rules; a refusal is shown, nothing changes."""
    try:
        if action is None:
            end_session(get_store(), code, trainer_token)
        else:
            action(get_store(), code, trainer_token, at_question=at_question)
    except (RoomError, StoreUnavailable) as error:
        st.session_state[OUTCOME] = error.message


def _what_comes_next(content: ContentSet, state: RoomState, talk) -> str:
    following = talk_items_after(content, talk, state.question_number) if talk else []
    if state.phase == ENDED:
        return "nothing: the session has ended."
    if state.question_number >= state.question_count:
        then = "end the session to see the summary and the CSV."
    else:
        then = f"question {state.question_number + 1} of {state.question_count}."
    if following:
        return escape_markdown("; ".join(following)) + f"; then {then}"
    return then[0].upper() + then[1:]


def _render_summary(content: ContentSet, code: str, trainer_token: str) -> None:
    summaries = room_call(session_summary, code, trainer_token)
    table = room_call(summary_csv, code, trainer_token) if summaries is not None else None
    if table is None:
        return
    st.subheader("Summary", anchor=False)
    rows = []
    for s in summaries:
        wrong = (f"{choice_letter(s.most_chosen_wrong)}. {s.question.choices[s.most_chosen_wrong]} "
                 f"({s.most_chosen_wrong_count})" if s.most_chosen_wrong is not None else "none")
        rows.append({"#": s.number, "Question": s.question.prompt if not s.question.story
                     else f"{s.question.story[0]}: {s.question.prompt}",
                     "Answered": s.answered,
                     "Correct": "–" if s.share_correct is None else f"{s.share_correct:.0%}",
                     "Most-chosen wrong answer": wrong})
    st.dataframe(rows, hide_index=True, key="room_summary")
    st.download_button("Download the counts (CSV)", table.encode("utf-8"),
                       file_name=f"trd-map-room-{code}.csv", mime="text/csv", key="room_csv",
                       icon=":material/download:", on_click="ignore",
                       help="Answers per question and choice: aggregate counts only, nothing "
                            "about any participant.")


def _clock(elapsed: dt.timedelta) -> str:
    seconds = max(0, int(elapsed.total_seconds()))
    hours, rest = divmod(seconds, 3600)
    return (f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours
            else f"{rest // 60}:{rest % 60:02d}")
