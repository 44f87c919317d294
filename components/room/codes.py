"""Join codes a room can read aloud, secret tokens kept only as hashes, and the wrong-code throttle."""
from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

# Crockford's base-32 digits without the characters people mistake for one another when a code is
# read aloud or copied from a projector: 0/O, 1/I/L, and U (which Crockford drops too).
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8  # 30**8 ≈ 6.6e11 codes: with the throttle, guessing a live one is impractical
CODE_GROUP = 4   # shown as two groups of four, "K7M4-PQ9R", easier to read out than eight in a row


def new_join_code() -> str:
    """A fresh random code (CODE_LENGTH characters of CODE_ALPHABET), without the group dash."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def display_code(code: str) -> str:
    """The code as projected and read aloud: "K7M4PQ9R" -> "K7M4-PQ9R"."""
    return "-".join(code[i:i + CODE_GROUP] for i in range(0, len(code), CODE_GROUP))


def normalise_code(typed: object) -> str | None:
    """What a person typed, as a stored code (upper case, spaces and dashes dropped), or None if it
    cannot be a code at all (wrong length, a character outside the alphabet, not text)."""
    if not isinstance(typed, str):
        return None
    code = "".join(typed.split()).replace("-", "").upper()
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return code


def new_token() -> str:
    """A secret token for a trainer, a participant or a presenter (128 random bits, URL-safe)."""
    return secrets.token_urlsafe(16)


def token_hash(token: str) -> str:
    """What the database keeps instead of a token: its SHA-256, hex. Tokens are random, so a plain
    hash is enough; a leaked database cannot be turned back into a working link."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_matches(token: object, stored_hash: str) -> bool:
    """Whether `token` hashes to `stored_hash`, compared in constant time."""
    if not isinstance(token, str) or not token:
        return False
    return hmac.compare_digest(token_hash(token), stored_hash)


@dataclass(frozen=True)
class ThrottleDecision:
    allowed: bool
    wait_seconds: float  # 0 when allowed


@dataclass(frozen=True)
class JoinThrottle:
    """Slows down one browser session that keeps typing wrong join codes.

    Pure: the caller keeps the times (seconds, any monotonic clock) of that session's wrong codes
    and asks before checking a new one. The first `free_attempts` wrong codes within `window_seconds`
    cost nothing (people mistype); after that each further try waits twice as long as the last,
    from `first_wait_seconds` up to `longest_wait_seconds`, counted from the latest wrong code.
    """

    free_attempts: int = 5
    window_seconds: float = 15 * 60
    first_wait_seconds: float = 2.0
    longest_wait_seconds: float = 120.0

    def check(self, wrong_attempt_times: Sequence[float], now: float) -> ThrottleDecision:
        recent = sorted(t for t in wrong_attempt_times if now - t < self.window_seconds)
        over = len(recent) - self.free_attempts
        if over < 0:
            return ThrottleDecision(True, 0.0)
        wait = min(self.longest_wait_seconds, self.first_wait_seconds * 2 ** over)
        remaining = recent[-1] + wait - now
        if remaining <= 0:
            return ThrottleDecision(True, 0.0)
        return ThrottleDecision(False, remaining)

    def message(self, decision: ThrottleDecision) -> str:
        """What to tell the person who is being slowed down."""
        seconds = max(1, math.ceil(decision.wait_seconds))  # never promise less than the wait
        return (f"Too many wrong codes. Wait {seconds} second{'s' if seconds != 1 else ''}, "
                "then check the code on the screen and try again.")
