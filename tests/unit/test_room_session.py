"""Training-room session rules over both stores (SQLite always, PostgreSQL marked `postgres`):
the whole flow, tallies, summary and CSV, and every bad input changing nothing."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import sqlalchemy as sa

from components.room import service
from components.room.codes import token_hash
from components.room.service import RoomError, WrongCode
from components.room.tables import answers, channels, participants, sessions

T0 = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
QUESTION_IDS = ["adequacy-how-long", "half-working-ssri", "differential-bipolar"]


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def snapshot(store) -> dict[str, list[tuple]]:
    """Every row of every room table, to prove a refused call wrote nothing."""
    with store.engine.connect() as conn:
        return {table.name: sorted(tuple(map(str, row)) for row in conn.execute(sa.select(table)))
                for table in (sessions, participants, answers, channels)}


@pytest.fixture
def room(room_store, content):
    """A session with three questions (quiz, case, quiz) opened at T0, still in the lobby."""
    opened = service.open_session(room_store, "Test session",
                                  service.questions_from_ids(content, QUESTION_IDS), now=T0)
    return room_store, opened


def advance_to_open(store, opened, number: int) -> None:
    """Move the session from the lobby to question `number`, open, revealing each one on the way."""
    for current in range(number):
        if current:
            service.reveal_answer(store, opened.code, opened.trainer_token, at_question=current,
                                  now=at(current))
        service.next_question(store, opened.code, opened.trainer_token, at_question=current,
                              now=at(current + 0.5))


# ---------------------------------------------------------------- the flow a room goes through


def test_a_whole_session_counts_each_participant_once_with_their_last_answer(room):
    store, opened = room
    code, token = opened.code, opened.trainer_token
    phones = [service.join(store, service.display_code(code), now=at(1)) for _ in range(4)]
    lobby = service.trainer_view(store, code, token, now=at(1))
    assert (lobby.phase, lobby.question_number, lobby.joined, lobby.question) == ("lobby", 0, 4, None)

    state = service.next_question(store, code, token, at_question=0, now=at(2))
    assert (state.phase, state.question_number, state.question.id) == ("open", 1, "adequacy-how-long")
    correct = state.question.correct_index
    wrong = (correct + 1) % len(state.question.choices)
    for phone in phones[:3]:
        service.submit_answer(store, code, phone, "adequacy-how-long", wrong, now=at(3))
    service.submit_answer(store, code, phones[0], "adequacy-how-long", correct, now=at(4))  # changed
    state = service.trainer_view(store, code, token, now=at(4))
    assert (state.joined, state.answered) == (4, 3)
    assert state.counts[correct] == 1 and state.counts[wrong] == 2 and sum(state.counts) == 3
    assert service.participant_view(store, code, phones[0], now=at(4)).my_choice == correct

    service.close_question(store, code, token, at_question=1, now=at(5))
    revealed = service.reveal_answer(store, code, token, at_question=1, now=at(6))
    assert revealed.phase == "revealed"
    phone_view = service.participant_view(store, code, phones[1], now=at(6))
    assert phone_view.revealed.correct_index == correct
    assert phone_view.revealed_counts == state.counts

    state = service.next_question(store, code, token, at_question=1, now=at(7))
    assert (state.question.kind, state.question.id, state.answered) == ("case", "half-working-ssri", 0)
    ended = service.end_session(store, code, token, now=at(8))
    assert ended.phase == "ended"
    summary = service.session_summary(store, code, token, now=at(9))
    assert [s.question.id for s in summary] == ["adequacy-how-long", "half-working-ssri"]
    assert summary[0].share_correct == pytest.approx(1 / 3)
    assert (summary[0].most_chosen_wrong, summary[0].most_chosen_wrong_count) == (wrong, 2)
    assert (summary[1].answered, summary[1].share_correct, summary[1].most_chosen_wrong) == (0, None, None)


def test_participants_see_no_answer_or_tallies_before_the_reveal(room):
    store, opened = room
    phone = service.join(store, opened.code, now=at(1))
    advance_to_open(store, opened, 1)
    view = service.participant_view(store, opened.code, phone, now=at(2))
    assert not hasattr(view.question, "correct_index")
    assert (view.revealed, view.revealed_counts, view.my_choice) == (None, (), None)
    service.close_question(store, opened.code, opened.trainer_token, at_question=1, now=at(3))
    view = service.participant_view(store, opened.code, phone, now=at(3))
    assert (view.phase, view.revealed, view.revealed_counts) == ("closed", None, ())


def test_a_reload_keeps_the_participant_and_their_answer(room):
    store, opened = room
    phone = service.join(store, opened.code, now=at(1))
    advance_to_open(store, opened, 1)
    service.submit_answer(store, opened.code, phone, "adequacy-how-long", 2, now=at(2))
    again = service.participant_view(store, opened.code, phone, now=at(3))  # same token, new page
    assert (again.question.id, again.my_choice) == ("adequacy-how-long", 2)
    assert service.trainer_view(store, opened.code, opened.trainer_token, now=at(3)).joined == 1


def test_a_case_decision_offers_the_cases_page_answers_and_marks_the_expected_one(room, content):
    from components.referral import case_answers

    store, opened = room
    advance_to_open(store, opened, 2)
    question = service.trainer_view(store, opened.code, opened.trainer_token, now=at(3)).question
    labels = [label for label, _ in case_answers(content.referral).values()]
    case = next(c for c in content.cases.cases if c.id == "half-working-ssri")
    assert list(question.choices) == labels
    assert question.correct_index == list(case_answers(content.referral)).index(case.expected_answer)
    assert question.story[0] == case.title


def test_the_csv_holds_aggregate_counts_only(room):
    store, opened = room
    phones = [service.join(store, opened.code, now=at(1)) for _ in range(3)]
    advance_to_open(store, opened, 1)
    for phone, choice in zip(phones, (0, 1, 1), strict=True):
        service.submit_answer(store, opened.code, phone, "adequacy-how-long", choice, now=at(2))
    service.end_session(store, opened.code, opened.trainer_token, now=at(3))
    text = service.summary_csv(store, opened.code, opened.trainer_token, now=at(4))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(service.CSV_COLUMNS)
    question = service.session_summary(store, opened.code, opened.trainer_token, now=at(4))[0].question
    assert [(r["choice"], int(r["answers"])) for r in rows] == [
        (choice, {0: 1, 1: 2}.get(i, 0)) for i, choice in enumerate(question.choices)]
    assert [r["correct"] for r in rows].count("yes") == 1
    assert rows[question.correct_index]["correct"] == "yes"
    for secret in (*phones, opened.trainer_token, "2026-11-30"):
        assert secret not in text


def test_an_answer_row_holds_session_question_participant_choice_and_time_only(room):
    store, opened = room
    phone = service.join(store, opened.code, now=at(1))
    advance_to_open(store, opened, 1)
    service.submit_answer(store, opened.code, phone, "adequacy-how-long", 1, now=at(2))
    assert [c.name for c in answers.columns] == [
        "session_id", "question_number", "participant_hash", "choice", "answered_at"]
    session_id = store.find_session(opened.code).id
    with store.engine.connect() as conn:
        mine = conn.execute(sa.select(answers).where(answers.c.session_id == session_id)).all()
    assert len(mine) == 1 and mine[0].choice == 1
    assert mine[0].answered_at.astimezone(dt.UTC) == at(2)
    assert mine[0].participant_hash == token_hash(phone)  # a hash, never the token itself
    assert phone not in mine[0].participant_hash


def test_sessions_end_by_themselves_and_their_answers_are_deleted(room_store, content, monkeypatch):
    monkeypatch.setenv("TRD_MAP_ROOM_RETENTION_HOURS", "2")
    store = room_store
    opened = service.open_session(store, "Short-lived", service.questions_from_ids(
        content, QUESTION_IDS), now=T0)
    keep = service.open_session(store, "Later", service.questions_from_ids(content, QUESTION_IDS),
                                now=at(100))
    phone = service.join(store, opened.code, now=at(1))
    advance_to_open(store, opened, 1)
    service.submit_answer(store, opened.code, phone, "adequacy-how-long", 0, now=at(2))
    assert service.trainer_view(store, opened.code, opened.trainer_token, now=at(119)).answered == 1
    session_id = store.find_session(opened.code).id

    with pytest.raises(WrongCode, match="No session has the code"):
        service.trainer_view(store, opened.code, opened.trainer_token, now=at(121))
    with pytest.raises(WrongCode):
        service.join(store, opened.code, now=at(121))
    with store.engine.connect() as conn:
        for table in (sessions, participants, answers):
            key = table.c.id if table is sessions else table.c.session_id
            assert conn.execute(sa.select(table).where(key == session_id)).first() is None
    assert service.trainer_view(store, keep.code, keep.trainer_token, now=at(121)).phase == "lobby"


def test_purge_deletes_expired_sessions_participants_answers_and_channels(room_store, content):
    store = room_store
    opened = service.open_session(store, "Old", service.questions_from_ids(content, QUESTION_IDS),
                                  now=T0 - dt.timedelta(days=30))
    phone = service.join(store, opened.code, now=T0 - dt.timedelta(days=30))
    channel, _ = service.open_channel(store, "when-is-it-trd", now=T0 - dt.timedelta(days=30))
    assert service.purge_expired(store, now=T0) >= 1
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sessions).where(sessions.c.join_code == opened.code)).first() is None
        assert conn.execute(sa.select(participants).where(
            participants.c.token_hash == token_hash(phone))).first() is None
        assert conn.execute(sa.select(channels).where(channels.c.code == channel)).first() is None


# ---------------------------------------------------------------- bad input changes nothing


def refused(store, call, message: str, error=RoomError) -> None:
    before = snapshot(store)
    with pytest.raises(error, match=message):
        call()
    assert snapshot(store) == before


def test_wrong_expired_or_ended_codes_are_refused(room, content):
    store, opened = room
    refused(store, lambda: service.join(store, "K7M4-PQ9", now=at(1)), "not a session code", WrongCode)
    refused(store, lambda: service.join(store, "K7M4-PQ9O", now=at(1)), "not a session code", WrongCode)
    refused(store, lambda: service.join(store, None, now=at(1)), "not a session code", WrongCode)
    unknown = "".join(reversed(opened.code))
    refused(store, lambda: service.join(store, unknown, now=at(1)), "No session has the code", WrongCode)
    service.end_session(store, opened.code, opened.trainer_token, now=at(2))
    refused(store, lambda: service.join(store, opened.code, now=at(3)), "has ended")


def test_tampered_question_ids_and_choices_are_refused(room):
    store, opened = room
    phone = service.join(store, opened.code, now=at(1))
    advance_to_open(store, opened, 1)
    code = opened.code
    for question_id in ("half-working-ssri", "no-such-question", "", None, 3):
        refused(store, lambda q=question_id: service.submit_answer(store, code, phone, q, 0, now=at(2)),
                "no longer being asked")
    for choice in (-1, 4, 99, "1", 1.0, True, None):
        refused(store, lambda c=choice: service.submit_answer(
            store, code, phone, "adequacy-how-long", c, now=at(2)), "not one of this question's choices")


def test_forged_or_foreign_participant_tokens_are_refused(room, content):
    store, opened = room
    other = service.open_session(store, "Other", service.questions_from_ids(content, QUESTION_IDS),
                                 now=T0)
    foreign = service.join(store, other.code, now=at(1))
    advance_to_open(store, opened, 1)
    for token in (foreign, "forged-token", "", None, "x" * 500, opened.trainer_token):
        refused(store, lambda t=token: service.submit_answer(
            store, opened.code, t, "adequacy-how-long", 0, now=at(2)), "has not joined this session")
        refused(store, lambda t=token: service.participant_view(store, opened.code, t, now=at(2)),
                "has not joined this session")


def test_answers_outside_an_open_question_are_refused(room):
    store, opened = room
    phone = service.join(store, opened.code, now=at(1))
    code, token = opened.code, opened.trainer_token
    refused(store, lambda: service.submit_answer(store, code, phone, "adequacy-how-long", 0, now=at(1)),
            "has not been asked yet")
    advance_to_open(store, opened, 1)
    service.submit_answer(store, code, phone, "adequacy-how-long", 0, now=at(2))
    service.close_question(store, code, token, at_question=1, now=at(3))
    refused(store, lambda: service.submit_answer(store, code, phone, "adequacy-how-long", 1, now=at(4)),
            "closed")
    service.reveal_answer(store, code, token, at_question=1, now=at(5))
    refused(store, lambda: service.submit_answer(store, code, phone, "adequacy-how-long", 1, now=at(6)),
            "closed")
    service.end_session(store, code, token, now=at(7))
    refused(store, lambda: service.submit_answer(store, code, phone, "adequacy-how-long", 1, now=at(8)),
            "has ended")
    assert service.session_summary(store, code, token, now=at(9))[0].counts[0] == 1


def test_forged_or_replayed_trainer_tokens_are_refused(room, content):
    store, opened = room
    other = service.open_session(store, "Other", service.questions_from_ids(content, QUESTION_IDS),
                                 now=T0)
    code = opened.code
    for token in (other.trainer_token, opened.trainer_token[:-1], "", None, "A" * 300):
        for call in (
            lambda t=token: service.trainer_view(store, code, t, now=at(1)),
            lambda t=token: service.next_question(store, code, t, at_question=0, now=at(1)),
            lambda t=token: service.close_question(store, code, t, at_question=0, now=at(1)),
            lambda t=token: service.reveal_answer(store, code, t, at_question=0, now=at(1)),
            lambda t=token: service.end_session(store, code, t, now=at(1)),
            lambda t=token: service.session_summary(store, code, t, now=at(1)),
            lambda t=token: service.summary_csv(store, code, t, now=at(1)),
        ):
            refused(store, call, "trainer link is not valid")


def test_stale_or_repeated_trainer_clicks_change_nothing(room):
    store, opened = room
    code, token = opened.code, opened.trainer_token
    refused(store, lambda: service.close_question(store, code, token, at_question=0, now=at(1)),
            "no open question")
    refused(store, lambda: service.reveal_answer(store, code, token, at_question=0, now=at(1)),
            "Open a question first")
    service.next_question(store, code, token, at_question=0, now=at(1))
    refused(store, lambda: service.next_question(store, code, token, at_question=0, now=at(2)),
            "already on question 1")  # the same click again, e.g. from a second device
    refused(store, lambda: service.next_question(store, code, token, at_question=1, now=at(2)),
            "Close the question")
    service.reveal_answer(store, code, token, at_question=1, now=at(3))
    refused(store, lambda: service.reveal_answer(store, code, token, at_question=1, now=at(4)),
            "already shown")
    for number in (2, 3):
        service.next_question(store, code, token, at_question=number - 1, now=at(number + 3))
        service.close_question(store, code, token, at_question=number, now=at(number + 3.5))
    refused(store, lambda: service.next_question(store, code, token, at_question=3, now=at(8)),
            "last question")
    service.end_session(store, code, token, now=at(9))
    refused(store, lambda: service.end_session(store, code, token, now=at(10)), "already ended")
    refused(store, lambda: service.next_question(store, code, token, at_question=3, now=at(10)),
            "has ended")


def test_a_session_needs_a_title_and_one_to_forty_distinct_questions(room_store, content):
    questions = service.questions_from_ids(content, QUESTION_IDS)
    store = room_store
    refused(store, lambda: service.open_session(store, "  ", questions, now=T0), "title")
    refused(store, lambda: service.open_session(store, "x" * 121, questions, now=T0), "title")
    refused(store, lambda: service.open_session(store, "Empty", [], now=T0), "1 to 40 questions")
    refused(store, lambda: service.open_session(store, "Twice", questions + questions[:1], now=T0),
            "asked once")
    bank = list(service.available_questions(content).values())
    refused(store, lambda: service.open_session(store, "Long", bank[:41], now=T0), "1 to 40 questions")


def test_the_projector_key_shows_tallies_but_is_not_the_trainer_token(room, content):
    store, opened = room
    key = service.projector_key(opened.trainer_token)
    assert opened.trainer_token not in key
    phone = service.join(store, opened.code, now=at(1))
    advance_to_open(store, opened, 1)
    service.submit_answer(store, opened.code, phone, "adequacy-how-long", 3, now=at(2))
    assert service.projector_view(store, opened.code, key, now=at(2)).counts[3] == 1
    other = service.open_session(store, "Other", service.questions_from_ids(content, QUESTION_IDS),
                                 now=T0)
    for forged in (service.projector_key(other.trainer_token), key[:-1], opened.trainer_token, "", None):
        refused(store, lambda k=forged: service.projector_view(store, opened.code, k, now=at(2)),
                "projector link is not valid")
    refused(store, lambda: service.next_question(store, opened.code, key, at_question=1, now=at(3)),
            "trainer link is not valid")


def test_a_trainer_can_delete_the_session_at_once(room, content):
    store, opened = room
    phone = service.join(store, opened.code, now=at(1))
    advance_to_open(store, opened, 1)
    service.submit_answer(store, opened.code, phone, "adequacy-how-long", 0, now=at(2))
    refused(store, lambda: service.delete_session(store, opened.code, "forged", now=at(3)),
            "trainer link is not valid")
    session_id = store.find_session(opened.code).id
    service.delete_session(store, opened.code, opened.trainer_token, now=at(3))
    with store.engine.connect() as conn:
        for table in (sessions, participants, answers):
            key = table.c.id if table is sessions else table.c.session_id
            assert conn.execute(sa.select(table).where(key == session_id)).first() is None
    with pytest.raises(WrongCode):
        service.participant_view(store, opened.code, phone, now=at(4))


class ClosesFirst:
    """A store that lets the trainer close the question between a phone's checks and its write,
    the race a busy room produces."""

    def __init__(self, store, opened):
        self._store, self._opened = store, opened

    def __getattr__(self, name):
        return getattr(self._store, name)

    def record_answer(self, *args):
        service.close_question(self._store, self._opened.code, self._opened.trainer_token,
                               at_question=1, now=at(2))
        return self._store.record_answer(*args)


def test_an_answer_racing_the_close_is_refused_not_lost(room):
    store, opened = room
    phone = service.join(store, opened.code, now=at(1))
    advance_to_open(store, opened, 1)
    racing = ClosesFirst(store, opened)
    with pytest.raises(RoomError, match="closed just before yours arrived"):
        service.submit_answer(racing, opened.code, phone, "adequacy-how-long", 2, now=at(2))
    assert service.trainer_view(store, opened.code, opened.trainer_token, now=at(3)).answered == 0
