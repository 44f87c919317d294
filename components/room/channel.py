"""The presenter channel: a presenter's console moves through a talk and a projector window follows."""
from __future__ import annotations

import datetime as dt

from components.room.codes import new_join_code, new_token, normalise_code, token_hash, token_matches
from components.room.errors import RoomError, StoreUnavailable
from components.room.store import Store, retention_hours

MAX_TALK_PARAM_CHARS = 4000
MAX_SLIDE_NUMBER = 10_000


def _expiry(now: dt.datetime) -> dt.datetime:
    return now + dt.timedelta(hours=retention_hours())


def open_channel(store: Store, talk_param: str, now: dt.datetime | None = None) -> tuple[str, str]:
    """Start a channel for a talk (its ?talk= value) at slide 0: (channel_code, presenter_token).

    The code is safe to put in the projector window's address; the token stays with the presenter.
    """
    if not isinstance(talk_param, str) or not talk_param or len(talk_param) > MAX_TALK_PARAM_CHARS:
        raise RoomError("This talk link is empty or too long to present.")
    now = now or dt.datetime.now(dt.UTC)
    store.delete_expired(now)
    presenter_token = new_token()
    for _ in range(10):
        code = new_join_code()
        if store.create_channel(code, talk_param, token_hash(presenter_token), _expiry(now)):
            return code, presenter_token
    raise StoreUnavailable("Could not find a free channel code; try again.")


def move_channel(store: Store, channel_code: str, presenter_token: str, slide_number: int,
                 now: dt.datetime | None = None) -> None:
    """Put the projector on `slide_number` (0-based). RoomError for an unknown or expired channel,
    a token that is not this channel's, or a slide number that is not a whole number ≥ 0."""
    channel = _live_channel(store, channel_code, now or dt.datetime.now(dt.UTC))
    if channel is None:
        raise RoomError("This presenter channel has ended or never existed; start presenting again.")
    if not isinstance(presenter_token, str) or not token_matches(presenter_token,
                                                                 channel.presenter_hash):
        raise RoomError("Only the presenter who opened this channel can move it.")
    if (isinstance(slide_number, bool) or not isinstance(slide_number, int)
            or not 0 <= slide_number <= MAX_SLIDE_NUMBER):
        raise RoomError("That is not a slide number.")
    store.set_channel_slide(channel.code, slide_number)


def channel_position(store: Store, channel_code: str, now: dt.datetime | None = None
                     ) -> tuple[str, int] | None:
    """(talk_param, slide_number) the projector should show, or None for no such live channel."""
    channel = _live_channel(store, channel_code, now or dt.datetime.now(dt.UTC))
    return (channel.talk_param, channel.slide_number) if channel else None


def _live_channel(store: Store, channel_code: str, now: dt.datetime):
    code = normalise_code(channel_code)
    channel = store.find_channel(code) if code else None
    return channel if channel and channel.expires_at > now else None

