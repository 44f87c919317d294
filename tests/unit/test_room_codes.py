"""Join codes a room can read aloud, tokens stored only as hashes and compared in constant time,
and the throttle that slows down a browser typing wrong codes."""
from __future__ import annotations

import math

import pytest

from components.room import codes, service
from components.room.codes import CODE_ALPHABET, JoinThrottle, display_code, new_join_code, normalise_code

LOOK_ALIKES = "0O1IL"


def test_codes_use_no_look_alike_characters_and_cannot_practically_be_guessed():
    assert not set(LOOK_ALIKES) & set(CODE_ALPHABET)
    assert "U" not in CODE_ALPHABET and len(set(CODE_ALPHABET)) == len(CODE_ALPHABET) == 30
    drawn = {new_join_code() for _ in range(2000)}
    assert len(drawn) == 2000  # random, not sequential or clustered
    assert all(len(code) == codes.CODE_LENGTH and set(code) <= set(CODE_ALPHABET) for code in drawn)
    assert set("".join(drawn)) == set(CODE_ALPHABET)  # every character is used
    # Even 1,000 live sessions leave a single guess under a one-in-500-million chance.
    assert 1000 / len(CODE_ALPHABET) ** codes.CODE_LENGTH < 2e-9
    assert math.log2(len(CODE_ALPHABET) ** codes.CODE_LENGTH) > 39


def test_typed_codes_are_forgiving_about_case_spaces_and_the_dash_only():
    assert display_code("K7M4PQ9R") == "K7M4-PQ9R"
    for typed in ("K7M4-PQ9R", "k7m4pq9r", " k7m4 pq9r ", "K7M4 - PQ9R"):
        assert normalise_code(typed) == "K7M4PQ9R"
    for typed in ("K7M4-PQ9", "K7M4-PQ9RR", "K7M4-PQ9O", "K7M4-PQ90", "K7M4-PQ9I", "", None, 12345678):
        assert normalise_code(typed) is None


def test_tokens_are_random_and_stored_only_as_hashes():
    tokens = {codes.new_token() for _ in range(500)}
    assert len(tokens) == 500 and all(len(t) >= 20 for t in tokens)
    token = next(iter(tokens))
    stored = codes.token_hash(token)
    assert token not in stored and len(stored) == 64
    assert codes.token_matches(token, stored)
    assert not codes.token_matches(token + "x", stored)
    assert not codes.token_matches(None, stored) and not codes.token_matches("", stored)


def test_trainer_tokens_are_compared_in_constant_time(room_store, content, monkeypatch):
    compared: list[tuple[str, str]] = []
    real = codes.hmac.compare_digest

    def spy(a, b):
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(codes.hmac, "compare_digest", spy)
    opened = service.open_session(room_store, "Room", service.questions_from_ids(
        content, ["adequacy-how-long"]))
    service.trainer_view(room_store, opened.code, opened.trainer_token)
    with pytest.raises(service.RoomError):
        service.trainer_view(room_store, opened.code, "forged")
    stored = room_store.find_session(opened.code).trainer_hash
    assert compared == [(codes.token_hash(opened.trainer_token), stored),
                        (codes.token_hash("forged"), stored)]


# ---------------------------------------------------------------- throttle


def test_the_first_wrong_codes_cost_nothing():
    throttle = JoinThrottle()
    assert throttle.check([], 0).allowed
    assert throttle.check([1, 2, 3, 4], 5).allowed


def test_each_wrong_code_past_the_free_ones_doubles_the_wait():
    throttle = JoinThrottle(free_attempts=5, first_wait_seconds=2, longest_wait_seconds=120)
    times = [0, 1, 2, 3, 4]
    decision = throttle.check(times, 5)
    assert (decision.allowed, decision.wait_seconds) == (False, pytest.approx(1))
    assert throttle.check(times, 6).allowed
    assert throttle.check([*times, 6], 7).wait_seconds == pytest.approx(3)   # 4 s after the 6th
    assert throttle.check([*times, 6, 10], 10).wait_seconds == pytest.approx(8)
    many = [float(t) for t in range(40)]
    assert throttle.check(many, 40).wait_seconds == pytest.approx(119)       # capped at 120 s


def test_wrong_codes_older_than_the_window_are_forgotten():
    throttle = JoinThrottle(window_seconds=600)
    assert not throttle.check([0, 1, 2, 3, 4, 5], 6).allowed
    assert throttle.check([0, 1, 2, 3, 4, 5], 700).allowed


def test_the_wait_message_names_the_seconds():
    throttle = JoinThrottle()
    decision = throttle.check([0, 1, 2, 3, 4, 5, 6], 6.2)
    assert not decision.allowed
    assert throttle.message(decision) == ("Too many wrong codes. Wait 8 seconds, then check the code "
                                          "on the screen and try again.")
