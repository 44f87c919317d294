"""The presenter channel: the console moves, the projector window follows; only the presenter moves it."""
from __future__ import annotations

import datetime as dt

import pytest

from components.room import service
from components.room.errors import RoomError

T0 = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


def test_the_projector_follows_the_presenter(room_store):
    code, token = service.open_channel(room_store, "when-is-it-trd", now=T0)
    assert service.channel_position(room_store, code, now=T0) == ("when-is-it-trd", 0)
    service.move_channel(room_store, code, token, 4, now=T0)
    assert service.channel_position(room_store, service.display_code(code).lower(), now=T0) == (
        "when-is-it-trd", 4)


def test_a_second_store_on_the_same_database_sees_the_move(room_store):
    from components.room.store import open_store

    other = open_store(room_store.engine.url.render_as_string(hide_password=False))
    code, token = service.open_channel(room_store, "45~s.opening_1", now=T0)
    service.move_channel(other, code, token, 2, now=T0)
    assert service.channel_position(room_store, code, now=T0) == ("45~s.opening_1", 2)
    other.engine.dispose()


@pytest.mark.parametrize("slide_number", [-1, 10_001, "3", 2.0, True, None])
def test_only_whole_slide_numbers_move_the_channel(room_store, slide_number):
    code, token = service.open_channel(room_store, "when-is-it-trd", now=T0)
    with pytest.raises(RoomError, match="not a slide number"):
        service.move_channel(room_store, code, token, slide_number, now=T0)
    assert service.channel_position(room_store, code, now=T0) == ("when-is-it-trd", 0)


def test_someone_without_the_presenter_token_cannot_move_it(room_store):
    code, token = service.open_channel(room_store, "when-is-it-trd", now=T0)
    _, other_token = service.open_channel(room_store, "when-is-it-trd", now=T0)
    for forged in (other_token, token[:-1], "", None):
        with pytest.raises(RoomError, match="Only the presenter"):
            service.move_channel(room_store, code, forged, 3, now=T0)
    assert service.channel_position(room_store, code, now=T0) == ("when-is-it-trd", 0)


def test_unknown_or_expired_channels_show_nothing_and_cannot_be_moved(room_store, monkeypatch):
    monkeypatch.setenv("TRD_MAP_ROOM_RETENTION_HOURS", "1")
    code, token = service.open_channel(room_store, "when-is-it-trd", now=T0)
    later = T0 + dt.timedelta(minutes=61)
    assert service.channel_position(room_store, code, now=later) is None
    with pytest.raises(RoomError, match="has ended or never existed"):
        service.move_channel(room_store, code, token, 1, now=later)
    for unknown in ("".join(reversed(code)), "nonsense", "", None):
        assert service.channel_position(room_store, unknown, now=T0) is None


@pytest.mark.parametrize("talk_param", ["", "x" * 4001, None])
def test_an_empty_or_oversized_talk_is_refused(room_store, talk_param):
    with pytest.raises(RoomError, match="empty or too long"):
        service.open_channel(room_store, talk_param, now=T0)


def test_a_session_opened_from_a_talk_carries_a_channel_its_trainer_moves(room_store, content):
    opened = service.open_session(room_store, "When is it TRD?", service.questions_from_ids(
        content, ["adequacy-how-long"]), now=T0, talk_param="when-is-it-trd")
    phone = service.join(room_store, opened.code, now=T0)
    state = service.trainer_view(room_store, opened.code, opened.trainer_token, now=T0)
    assert (state.talk_param, state.slide_number) == ("when-is-it-trd", 0)
    service.move_channel(room_store, opened.code, opened.trainer_token, 5, now=T0)
    assert service.channel_position(room_store, opened.code, now=T0) == ("when-is-it-trd", 5)
    with pytest.raises(RoomError, match="Only the presenter"):
        service.move_channel(room_store, opened.code, phone, 6, now=T0)
    assert service.trainer_view(room_store, opened.code, opened.trainer_token, now=T0).slide_number == 5


def test_a_session_without_a_talk_has_no_channel(room_store, content):
    opened = service.open_session(room_store, "Quiz only", service.questions_from_ids(
        content, ["adequacy-how-long"]), now=T0)
    state = service.trainer_view(room_store, opened.code, opened.trainer_token, now=T0)
    assert (state.talk_param, state.slide_number) == (None, None)
    assert service.channel_position(room_store, opened.code, now=T0) is None
    with pytest.raises(RoomError, match="empty or too long"):
        service.open_session(room_store, "Bad talk", service.questions_from_ids(
            content, ["adequacy-how-long"]), now=T0, talk_param="")


def test_deleting_a_talk_session_ends_its_channel(room_store, content):
    opened = service.open_session(room_store, "When is it TRD?", service.questions_from_ids(
        content, ["adequacy-how-long"]), now=T0, talk_param="when-is-it-trd")
    service.delete_session(room_store, opened.code, opened.trainer_token, now=T0)
    assert service.channel_position(room_store, opened.code, now=T0) is None
