"""The two ways a training-room call fails: the user's input (RoomError) or the database (StoreUnavailable)."""
from __future__ import annotations


class RoomError(Exception):
    """Something the user did or typed cannot be done; the message is shown to them as it is.

    Raised before anything is written, so the session is exactly as it was.
    """

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class StoreUnavailable(Exception):
    """The database cannot be read or written (file unwritable, server down); nothing was stored.

    The message is plain enough to show; the rest of the app keeps working without the room.
    """

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""
