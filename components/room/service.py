"""The training room's public API: sessions a trainer runs and a room answers, over a Store.

Pages import from here only. Every function takes the store first (`get_store()` in the app, a
test store in tests) and an optional `now` (UTC) for tests; nothing about a session is kept in
this process, so replicas sharing one PostgreSQL database serve the same session.

A session moves: lobby → question 1 open → closed → revealed → next question open … → ended.
Trainer actions need the trainer token (shown once, in the trainer link) and the question number
the trainer's screen shows (`at_question`), so a replayed or stale click changes nothing.
Participants join with the code and are then known by a random token kept in their address.

Errors: RoomError (its message is for the user, shown as is; nothing was changed), its subclass
WrongCode (a code that leads nowhere: count it for the JoinThrottle), StoreUnavailable (database
down; nothing was stored — the participant must be told their answer was not saved).
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import io
import time
from collections.abc import Sequence
from dataclasses import dataclass

from components.room.channel import (
    MAX_TALK_PARAM_CHARS,
    channel_position,
    move_channel,
    open_channel,
)
from components.room.codes import (
    CODE_LENGTH,
    JoinThrottle,
    ThrottleDecision,
    display_code,
    new_join_code,
    new_token,
    normalise_code,
    token_hash,
    token_matches,
)
from components.room.errors import RoomError, StoreUnavailable
from components.room.questions import (
    CASE_DECISION,
    MAX_QUESTIONS,
    QUIZ_ITEM,
    RoomQuestion,
    available_questions,
    questions_from_ids,
    questions_from_json,
    questions_from_set,
    questions_from_talk,
    questions_to_json,
)
from components.room.store import SessionRow, SqlStore, Store, get_store, retention_hours

__all__ = [
    "CASE_DECISION", "CLOSED", "ENDED", "LOBBY", "OPEN", "QUIZ_ITEM", "REVEALED",
    "JoinThrottle", "OpenedSession", "ParticipantView", "QuestionSummary", "RoomError",
    "RoomQuestion", "RoomState", "SqlStore", "Store", "StoreUnavailable", "ThrottleDecision",
    "WrongCode", "available_questions", "channel_position", "close_question", "delete_session",
    "display_code", "end_session", "get_store", "join", "move_channel", "next_question", "open_channel",
    "open_session", "participant_view", "projector_key", "projector_view", "purge_expired",
    "questions_from_ids", "questions_from_json", "questions_from_set", "questions_from_talk",
    "retention_hours", "reveal_answer", "session_summary", "submit_answer", "summary_csv",
    "trainer_view",
]

LOBBY, OPEN, CLOSED, REVEALED, ENDED = "lobby", "open", "closed", "revealed", "ended"
PHASES = (LOBBY, OPEN, CLOSED, REVEALED, ENDED)
MAX_TITLE_CHARS = 120
MAX_TOKEN_CHARS = 200
MAX_PARTICIPANTS = 500  # far above a teaching room; stops a script from growing one without end
PURGE_EVERY_SECONDS = 60  # how often opening/joining also deletes expired sessions


class WrongCode(RoomError):
    """The code matches no live session (mistyped, expired, or never existed)."""


@dataclass(frozen=True)
class OpenedSession:
    code: str            # stored form "K7M4PQ9R"; display_code(code) gives "K7M4-PQ9R"
    trainer_token: str   # goes into the trainer link, shown once; the database keeps its hash


@dataclass(frozen=True)
class RoomState:
    """What the trainer's console and the projector show."""

    code: str
    title: str
    phase: str                          # LOBBY, OPEN, CLOSED, REVEALED or ENDED
    question_number: int                # 1-based; 0 in the lobby
    question_count: int
    question: RoomQuestion | None       # the current question (None in the lobby)
    joined: int                         # participants who joined
    answered: int                       # of them, how many answered the current question
    counts: tuple[int, ...]             # answers per choice of the current question
    started_at: dt.datetime
    phase_changed_at: dt.datetime
    expires_at: dt.datetime
    talk_param: str | None = None       # the talk the session was opened with, if any
    slide_number: int | None = None     # where that talk's presenter channel is

    @property
    def display_code(self) -> str:
        return display_code(self.code)

    @property
    def is_last_question(self) -> bool:
        return self.question_number == self.question_count


@dataclass(frozen=True)
class ParticipantQuestion:
    """A question as a phone shows it before the reveal: no answer in it."""

    kind: str
    id: str
    prompt: str
    story: tuple[str, ...]
    choices: tuple[str, ...]


@dataclass(frozen=True)
class ParticipantView:
    """What one participant's phone shows."""

    code: str
    title: str
    phase: str
    question_number: int
    question_count: int
    question: ParticipantQuestion | None
    my_choice: int | None               # this participant's answer to the current question
    revealed: RoomQuestion | None       # the whole question, answer included, once revealed
    revealed_counts: tuple[int, ...]    # the room's answers per choice, once revealed


@dataclass(frozen=True)
class QuestionSummary:
    number: int
    question: RoomQuestion
    counts: tuple[int, ...]
    answered: int
    share_correct: float | None         # 0–1; None when nobody answered
    most_chosen_wrong: int | None       # choice index of the commonest wrong answer, if any
    most_chosen_wrong_count: int


# ---------------------------------------------------------------- settings and housekeeping


def purge_expired(store: Store, now: dt.datetime | None = None) -> int:
    """Delete every session past its retention time, with its participants and answers, and
    expired presenter channels; how many sessions went."""
    return store.delete_expired(now or _now())


_last_purge = {"at": float("-inf")}


def _purge_now_and_then(store: Store, now: dt.datetime) -> None:
    # A per-process timer only spaces out the clean-up; any replica may run it, none must.
    if time.monotonic() - _last_purge["at"] >= PURGE_EVERY_SECONDS:
        store.delete_expired(now)
        _last_purge["at"] = time.monotonic()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# ---------------------------------------------------------------- trainer


def open_session(store: Store, title: str, questions: Sequence[RoomQuestion],
                 now: dt.datetime | None = None, talk_param: str | None = None) -> OpenedSession:
    """Open a session in the lobby (nothing asked yet) with these questions, in order.

    Build `questions` with questions_from_ids / questions_from_set / questions_from_talk. With
    `talk_param` (the talk's ?talk= value) the session also gets a presenter channel under its
    join code, moved with the trainer token: move_channel(store, code, trainer_token, n) and
    channel_position(store, code) for the projector; RoomState.talk_param/slide_number show it.
    RoomError for an empty or over-long list, repeated questions, an empty title or talk.
    """
    now = now or _now()
    title = " ".join(str(title).split())
    if not title or len(title) > MAX_TITLE_CHARS:
        raise RoomError(f"Give the session a title of 1 to {MAX_TITLE_CHARS} characters.")
    if not questions or len(questions) > MAX_QUESTIONS:
        raise RoomError(f"A session asks 1 to {MAX_QUESTIONS} questions.")
    if len({q.id for q in questions}) != len(questions):
        raise RoomError("Each question is asked once in a session.")
    if talk_param is not None and not (isinstance(talk_param, str)
                                       and 0 < len(talk_param) <= MAX_TALK_PARAM_CHARS):
        raise RoomError("This talk link is empty or too long to present.")
    _purge_now_and_then(store, now)
    trainer_token = new_token()
    expires_at = now + dt.timedelta(hours=retention_hours())
    for _ in range(10):  # a clash among 30**8 codes is rare; ten in a row means something is broken
        code = new_join_code()
        if store.create_session(code, title, questions_to_json(questions), token_hash(trainer_token),
                                now, expires_at, talk_param):
            return OpenedSession(code, trainer_token)
    raise StoreUnavailable("Could not find a free join code; try again.")


def trainer_view(store: Store, code: str, trainer_token: str,
                 now: dt.datetime | None = None) -> RoomState:
    """The session as the trainer sees it, tallies included. Also how a trainer link is checked
    when reopened on another device: RoomError if the token is not this session's."""
    row, questions = _trainer_session(store, code, trainer_token, now or _now())
    return _state(store, row, questions)


def projector_key(trainer_token: str) -> str:
    """The projector link's key: it shows the live tallies but can run nothing.

    Derived from the hash the database keeps of the trainer token, so a projected address bar
    never carries the trainer token, and nobody can work back from the key to the token.
    """
    return _projector_key_from_hash(token_hash(trainer_token))


def projector_view(store: Store, code: str, key: str, now: dt.datetime | None = None) -> RoomState:
    """The session as the projector shows it (tallies included), checked by its projector key.

    WrongCode for a code that leads nowhere; RoomError for a key that is not this session's.
    """
    row = _live_session(store, code, now or _now())
    if not _plausible_token(key) or not hmac.compare_digest(
            key.encode(), _projector_key_from_hash(row.trainer_hash).encode()):
        raise RoomError("This projector link is not valid for this session: open it from the "
                        "trainer's console.")
    return _state(store, row, questions_from_json(row.questions))


def _projector_key_from_hash(trainer_hash: str) -> str:
    return hashlib.sha256(f"trd-map projector view:{trainer_hash}".encode()).hexdigest()[:32]


def next_question(store: Store, code: str, trainer_token: str, *, at_question: int,
                  now: dt.datetime | None = None) -> RoomState:
    """Open the next question (the first one from the lobby). The current one must be closed or
    revealed first; RoomError after the last question (end the session instead)."""
    return _trainer_step(store, code, trainer_token, at_question, now, OPEN, {
        OPEN: "Close the question before moving on, so every answer is counted.",
        ENDED: "This session has ended."}, advance=True)


def close_question(store: Store, code: str, trainer_token: str, *, at_question: int,
                   now: dt.datetime | None = None) -> RoomState:
    """Stop answers to the open question; answers already in stay as they are."""
    no_open = "There is no open question to close."
    return _trainer_step(store, code, trainer_token, at_question, now, CLOSED, {
        LOBBY: no_open, CLOSED: no_open, REVEALED: no_open, ENDED: no_open})


def reveal_answer(store: Store, code: str, trainer_token: str, *, at_question: int,
                  now: dt.datetime | None = None) -> RoomState:
    """Show the correct answer and the room's answers to everyone; closes the question if open."""
    return _trainer_step(store, code, trainer_token, at_question, now, REVEALED, {
        LOBBY: "Open a question first.", REVEALED: "The answer is already shown.",
        ENDED: "This session has ended."})


def _trainer_step(store: Store, code: str, trainer_token: str, at_question: int,
                  now: dt.datetime | None, to_phase: str, refusals: dict[str, str],
                  advance: bool = False) -> RoomState:
    """Move the session to `to_phase` (and to the next question with `advance`) from any phase not
    in `refusals`, which says why each other phase cannot; only from question `at_question`."""
    now = now or _now()
    row, questions = _trainer_session(store, code, trainer_token, now)
    _at(row, at_question)
    if row.phase in refusals:
        raise RoomError(refusals[row.phase])
    if advance and row.question_number >= len(questions):
        raise RoomError("That was the last question: end the session to see the summary.")
    from_phases = tuple(phase for phase in PHASES if phase not in refusals)
    _move(store, row, from_phases, to_phase, row.question_number + advance, now)
    return trainer_view(store, code, trainer_token, now)


def end_session(store: Store, code: str, trainer_token: str,
                now: dt.datetime | None = None) -> RoomState:
    """End the session: no more answers; the summary and CSV stay until the retention time."""
    now = now or _now()
    row, _ = _trainer_session(store, code, trainer_token, now)
    if row.phase == ENDED:
        raise RoomError("This session has already ended.")
    _move(store, row, (row.phase,), ENDED, row.question_number, now)
    return trainer_view(store, code, trainer_token, now)


def delete_session(store: Store, code: str, trainer_token: str,
                   now: dt.datetime | None = None) -> None:
    """Delete the session now, with every participant and answer, instead of at the retention
    time (e.g. once the CSV is saved). Its code then leads nowhere."""
    row, _ = _trainer_session(store, code, trainer_token, now or _now())
    store.delete_session(row.id)


def session_summary(store: Store, code: str, trainer_token: str,
                    now: dt.datetime | None = None) -> list[QuestionSummary]:
    """Per question asked so far: answers per choice, share correct, the most-chosen wrong answer."""
    row, questions = _trainer_session(store, code, trainer_token, now or _now())
    all_counts = store.choice_counts(row.id)
    summaries = []
    for number, question in enumerate(questions[:row.question_number], start=1):
        counts = _counts(question, all_counts.get(number, {}))
        answered = sum(counts)
        wrong = [(n, i) for i, n in enumerate(counts) if i != question.correct_index and n]
        worst = max(wrong, key=lambda pair: (pair[0], -pair[1]), default=None)
        summaries.append(QuestionSummary(
            number, question, counts, answered,
            counts[question.correct_index] / answered if answered else None,
            worst[1] if worst else None, worst[0] if worst else 0))
    return summaries


CSV_COLUMNS = ("question_number", "question_id", "kind", "question", "choice_number", "choice",
               "correct", "answers")


def summary_csv(store: Store, code: str, trainer_token: str,
                now: dt.datetime | None = None) -> str:
    """The session's aggregate counts as CSV: one row per question and choice, no participant data."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for summary in session_summary(store, code, trainer_token, now):
        question = summary.question
        for index, (choice, count) in enumerate(zip(question.choices, summary.counts, strict=True)):
            writer.writerow((summary.number, question.id, question.kind, question.prompt, index + 1,
                             choice, "yes" if index == question.correct_index else "no", count))
    return out.getvalue()


# ---------------------------------------------------------------- participants


def join(store: Store, code: str, now: dt.datetime | None = None) -> str:
    """Join the session with this code; returns a new participant token (keep it in the address).

    WrongCode for a code that leads nowhere; RoomError if the session has ended.
    """
    now = now or _now()
    _purge_now_and_then(store, now)
    row = _live_session(store, code, now)
    if row.phase == ENDED:
        raise RoomError("This session has ended. Thank you for taking part.")
    if store.participant_count(row.id) >= MAX_PARTICIPANTS:
        raise RoomError(f"This session is full ({MAX_PARTICIPANTS} phones have joined).")
    participant_token = new_token()
    store.add_participant(row.id, token_hash(participant_token), now)
    return participant_token


def participant_view(store: Store, code: str, participant_token: str,
                     now: dt.datetime | None = None) -> ParticipantView:
    """What this participant's phone shows now (the same after a reload)."""
    row, questions, current_choice = _participant_session(store, code, participant_token,
                                                          now or _now())
    question = questions[row.question_number - 1] if row.question_number else None
    my_choice = current_choice if question and row.phase != ENDED else None
    revealed = question if row.phase == REVEALED else None
    counts = (_counts(question, store.choice_counts(row.id).get(row.question_number, {}))
              if revealed else ())
    shown = (ParticipantQuestion(question.kind, question.id, question.prompt, question.story,
                                 question.choices)
             if question and row.phase != ENDED else None)
    return ParticipantView(row.join_code, row.title, row.phase, row.question_number, len(questions),
                           shown, my_choice, revealed, counts)


def submit_answer(store: Store, code: str, participant_token: str, question_id: str,
                  choice: int, now: dt.datetime | None = None) -> None:
    """Record (or change) this participant's answer to the open question `question_id`.

    RoomError, with nothing stored, when the question is not the open one, the choice is not one of
    its choices, or answers have closed. StoreUnavailable if the database could not store it.
    """
    now = now or _now()
    row, questions, _ = _participant_session(store, code, participant_token, now)
    if row.phase == ENDED:
        raise RoomError("This session has ended; answers are closed.")
    question = questions[row.question_number - 1] if row.question_number else None
    if question is None:
        raise RoomError("The first question has not been asked yet.")
    if question_id != question.id:
        raise RoomError(f"That question is no longer being asked: the room is on question "
                        f"{row.question_number}.")
    if row.phase != OPEN:
        raise RoomError("Answers to this question are closed.")
    if isinstance(choice, bool) or not isinstance(choice, int) or not 0 <= choice < len(question.choices):
        raise RoomError("That answer is not one of this question's choices.")
    if not store.record_answer(row.id, row.question_number, token_hash(participant_token), choice,
                               now):
        raise RoomError("Answers to this question closed just before yours arrived; it was not "
                        "counted.")


# ---------------------------------------------------------------- shared checks


def _live_session(store: Store, code: str, now: dt.datetime) -> SessionRow:
    normalised = _code_or_refuse(code)
    return _refuse_unless_live(store, store.find_session(normalised), normalised, now)


def _code_or_refuse(code: object) -> str:
    normalised = normalise_code(code)
    if normalised is None:
        raise WrongCode(f"That is not a session code: a code has {CODE_LENGTH} letters and digits, "
                        "like K7M4-PQ9R.")
    return normalised


def _refuse_unless_live(store: Store, row: SessionRow | None, code: str, now: dt.datetime
                        ) -> SessionRow:
    if row is None or row.expires_at <= now:
        if row is not None:
            store.delete_expired(now)
        raise WrongCode(f"No session has the code {display_code(code)}. Check it against the "
                        f"screen; sessions end after {retention_hours():g} hours.")
    return row


def _trainer_session(store: Store, code: str, trainer_token: str, now: dt.datetime
                     ) -> tuple[SessionRow, tuple[RoomQuestion, ...]]:
    row = _live_session(store, code, now)
    if not _plausible_token(trainer_token) or not token_matches(trainer_token, row.trainer_hash):
        raise RoomError("This trainer link is not valid for this session: only the link shown to "
                        "the trainer when the session opened can run it.")
    return row, questions_from_json(row.questions)


def _participant_session(store: Store, code: str, participant_token: str, now: dt.datetime
                         ) -> tuple[SessionRow, tuple[RoomQuestion, ...], int | None]:
    """The live session, its questions and this participant's answer to the current question."""
    normalised = _code_or_refuse(code)
    plausible = _plausible_token(participant_token)
    # Looked up by hash: the database compares hashes of random tokens, which leaks nothing useful.
    found = store.find_session_for(normalised, token_hash(participant_token) if plausible else "")
    row = _refuse_unless_live(store, found.session if found else None, normalised, now)
    if not plausible or not found.joined:
        raise RoomError("This phone has not joined this session: open the join link or type the "
                        "code again.")
    return row, questions_from_json(row.questions), found.current_choice


def _plausible_token(token: object) -> bool:
    return isinstance(token, str) and 0 < len(token) <= MAX_TOKEN_CHARS


def _at(row: SessionRow, at_question: int) -> None:
    if at_question != row.question_number:
        raise RoomError(f"The session is already on question {row.question_number}; nothing was "
                        "changed. (Another device, or a repeated click?)")


def _move(store: Store, row: SessionRow, from_phases: tuple[str, ...], to_phase: str,
          to_number: int, now: dt.datetime) -> None:
    if not store.move_session(row.id, from_phases, row.question_number, to_phase, to_number, now):
        raise RoomError("The session changed on another device a moment ago; nothing was changed. "
                        "Look again and retry.")


def _counts(question: RoomQuestion, by_choice: dict[int, int]) -> tuple[int, ...]:
    return tuple(by_choice.get(i, 0) for i in range(len(question.choices)))


def _state(store: Store, row: SessionRow, questions: tuple[RoomQuestion, ...]) -> RoomState:
    question = questions[row.question_number - 1] if row.question_number else None
    counts = (_counts(question, store.choice_counts(row.id).get(row.question_number, {}))
              if question else ())
    channel = store.find_channel(row.join_code)
    return RoomState(row.join_code, row.title, row.phase, row.question_number, len(questions),
                     question, store.participant_count(row.id), sum(counts), counts, row.created_at,
                     row.phase_changed_at, row.expires_at,
                     channel.talk_param if channel else None,
                     channel.slide_number if channel else None)
