"""Training room, shared by its three screens: the join link and its QR code, the footer a
frameless screen draws, and the plain notices a room shows when its database is out of reach."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import ipaddress
import os
from urllib.parse import urlencode, urlsplit

import segno
import streamlit as st

from components.content import ContentSet
from components.room.codes import normalise_code, token_hash
from components.room.service import (
    RoomError,
    RoomQuestion,
    RoomState,
    Store,
    StoreUnavailable,
    get_store,
    questions_from_json,
    retention_hours,
)
from components.room_charts import answer_rows, choice_letter, make_answers_figure
from components.talks import Talk, item_label
from components.ui import (
    crisis_line_text,
    escape_markdown,
    render_chart,
    render_page_link,
    render_sources,
)

PUBLIC_URL_ENV = "TRD_MAP_PUBLIC_URL"
JOIN_PAGE = "join"
SCREEN_PAGE = "room-screen"
ROOM_PAGE = "room"


def public_base_url(configured: str | None, request_url: str, base_path: str = "") -> str:
    """Where phones reach this app: TRD_MAP_PUBLIC_URL when set (behind a proxy the server cannot
    know its public name), else the scheme and host this browser used, plus Streamlit's base path."""
    if configured and configured.strip():
        return configured.strip().rstrip("/")
    parts = urlsplit(request_url)
    path = "/" + base_path.strip("/") if base_path.strip("/") else ""
    if not parts.netloc:  # no browser address known (a test run): a link relative to this host
        return path
    return f"{parts.scheme}://{parts.netloc}{path}"


def page_link_url(base_url: str, page: str, **params: str) -> str:
    """An absolute link to one of the room's pages with its query parameters."""
    query = urlencode(params)
    return f"{base_url}/{page}" + (f"?{query}" if query else "")


def join_link(base_url: str, join_code: str) -> str:
    return page_link_url(base_url, JOIN_PAGE, code=join_code)


def only_this_computer(url: str) -> bool:
    """True when a link names the loopback address: it works here, never from a phone."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def qr_svg(link: str) -> str:
    """The link as a QR code drawn here (segno, no web service): an SVG that scales to any size.

    Black on white whatever the theme: phone cameras read dark modules on a light ground best.
    """
    code = segno.make(link, error="m")
    return code.svg_inline(scale=1, border=4, dark="#000000", light="#ffffff", omitsize=True)


def qr_alt(link: str) -> str:
    return f"QR code of the join link {link}"


def current_base_url() -> str:
    """This app's public base URL for the current request (see public_base_url)."""
    return public_base_url(os.environ.get(PUBLIC_URL_ENV), st.context.url or "",
                           st.get_option("server.baseUrlPath") or "")


def render_qr(link: str, size_px: int) -> None:
    # st.image, not st.html: st.html's sanitiser drops SVG; st.image inlines it as a data URI
    # (nothing fetched) and gives it an alt text.
    st.image(qr_svg(link), alt=qr_alt(link), width=size_px)


def render_answers_chart(state: RoomState, key: str, *, reveal: bool) -> None:
    """The live bars of the current question, and the same counts as a table for screen readers."""
    question = state.question
    correct = question.correct_index if reveal else None
    render_chart(make_answers_figure, question.choices, state.counts, correct, key=key,
                 file_name=f"trd-map-room-question-{state.question_number}",
                 alt=f"Bar chart of the room's answers to question {state.question_number}")
    with st.expander("These answers as a table", key=f"{key}_table"):
        st.table([{"Choice": f"{row.letter}. {row.choice}", "Answers": row.answers,
                   "Share": f"{row.share_percent}%",
                   **({"Correct": "yes" if row.correct else ""} if reveal else {})}
                  for row in answer_rows(question.choices, state.counts, correct)],
                 hide_index=True)


def render_question_reveal(content: ContentSet, question: RoomQuestion, key_prefix: str) -> None:
    """What the reveal shows: the right answer, why, the sources, and where the app teaches it."""
    st.markdown(f":material/check_circle: **Correct answer: {choice_letter(question.correct_index)}. "
                f"{escape_markdown(question.correct_choice)}**")
    st.markdown(escape_markdown(question.explanation))
    render_page_link(question.teaches_page, f"Learn more: {question.teaches_label}",
                     params=dict(question.teaches_params), icon=":material/school:")
    render_sources(content, question.sources)


def render_crisis_footer(content: ContentSet) -> None:
    """A frameless room screen carries the crisis line itself, at its foot: the region's line
    (TRD_MAP_REGION, or ?region= in the link)."""
    st.divider()
    st.markdown(f":material/call: **{crisis_line_text(content)}**")


def room_call(call, *args, refused_icon: str = ":material/error:", **kwargs):
    """call(store, *args, **kwargs) on the room's store, with its two failures said plainly;
    None if it failed. A refusal (RoomError) shows its message as it is; a database outage
    (opening the store included) says the room is down and the rest of TRD Map is not.
    """
    try:
        return call(get_store(), *args, **kwargs)
    except StoreUnavailable as error:
        render_store_unavailable(error.message)
    except RoomError as error:
        st.error(error.message, icon=refused_icon)
    return None


def render_store_unavailable(message: str) -> None:
    st.error(f"The training room cannot reach its database, so no session can be opened, shown "
             f"or answered right now. {message} Everything else in TRD Map still works.",
             icon=":material/cloud_off:")


# ---------------------------------------------------------------- the projector's own key


def screen_key(trainer_token: str) -> str:
    """The projector link's key: lets a screen show live tallies, never run the session.

    Derived from the hash the database keeps of the trainer token, so the projector window never
    carries the trainer token itself (a projected address bar must not give the room control), and
    nobody can work back from this key to the token.
    """
    return _screen_key_from_hash(token_hash(trainer_token))


def _screen_key_from_hash(trainer_hash: str) -> str:
    return hashlib.sha256(f"trd-map projector view:{trainer_hash}".encode()).hexdigest()[:32]


def projector_state(store: Store, code: object, key: object,
                    now: dt.datetime | None = None) -> RoomState:
    """The session as the projector shows it (live tallies included), checked by its screen key.

    RoomError, naming nothing secret, for a wrong code or key; StoreUnavailable passes through.
    """
    now = now or dt.datetime.now(dt.UTC)
    normalised = normalise_code(code)
    row = store.find_session(normalised) if normalised else None
    if row is None or row.expires_at <= now:
        raise RoomError("No session has this code: it may have ended by itself after "
                        f"{retention_hours():g} hours. Open the projector again from the trainer's "
                        "console.")
    if not isinstance(key, str) or not hmac.compare_digest(
            key.encode(), _screen_key_from_hash(row.trainer_hash).encode()):
        raise RoomError("This projector link is not valid for this session: open it from the "
                        "trainer's console.")
    questions = questions_from_json(row.questions)
    question = questions[row.question_number - 1] if row.question_number else None
    by_choice = store.choice_counts(row.id).get(row.question_number, {}) if question else {}
    counts = tuple(by_choice.get(i, 0) for i in range(len(question.choices))) if question else ()
    return RoomState(row.join_code, row.title, row.phase, row.question_number, len(questions),
                     question, store.participant_count(row.id), sum(counts), counts,
                     row.created_at, row.phase_changed_at, row.expires_at)


# ---------------------------------------------------------------- a talk around the questions


def talk_items_after(content: ContentSet, talk: Talk, question_number: int) -> list[str]:
    """What the trainer presents after live question `question_number` (0: before the first),
    up to the next live question: the talk's slides, cards and cases, as the trainer names them."""
    seen, following = 0, []
    for item in talk.items:
        if item.kind == "room-question":
            seen += 1
            if seen > question_number:
                break
            continue
        if seen == question_number:
            following.append(item_label(content, item))
    return following
