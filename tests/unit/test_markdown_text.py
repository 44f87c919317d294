"""Content text shown through Markdown stays as written: one escaping helper for every page."""
from __future__ import annotations

from components.ui import escape_markdown


def test_asterisks_dollars_and_underscores_are_shown_as_written():
    assert escape_markdown("STAR*D level 2 and STAR*D level 3") == r"STAR\*D level 2 and STAR\*D level 3"
    assert escape_markdown("US$300 a_b") == r"US\$300 a\_b"


def test_brackets_cannot_make_a_link():
    assert escape_markdown("[click](http://example.org)") == r"\[click\](http://example.org)"
