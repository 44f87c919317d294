"""`python -m components.room migrate`: bring the training room's database to the newest schema.

The start scripts run this before serving, so migrations are applied at start-up rather than by
the first trainer who opens a session; the app would apply them then anyway (get_store).
"""
from __future__ import annotations

import sys

from components.room.errors import StoreUnavailable
from components.room.store import database_url, open_store


def main(argv: list[str]) -> int:
    if argv != ["migrate"]:
        print("usage: python -m components.room migrate", file=sys.stderr)
        return 2
    url = database_url()
    shown = url.split("@")[-1] if "@" in url else url  # never print a password
    try:
        open_store(url).engine.dispose()
    except StoreUnavailable as error:
        print(f"training room database not ready ({shown}): {error}", file=sys.stderr)
        return 1
    print(f"training room database ready: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
