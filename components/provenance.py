"""How sure a content note says we are of a fact: confirmed, secondary or unconfirmed.

Content keeps its editors' provenance in `note`, `gaps` and `not_confirmed` fields. Learners see
the fact, its source and review date; the provenance sits behind one small marker whose label is
the confidence read from the note, so a reviewer still finds every word of it.
"""
from __future__ import annotations

import re
from typing import Literal

Confidence = Literal["confirmed", "secondary", "unconfirmed"]

# Order matters: a note that says anything is unconfirmed is unconfirmed, whatever else it says.
_UNCONFIRMED = re.compile(r"not confirmed|unconfirmed|could not be (confirmed|checked|read)|"
                          r"not (re-)?read|not (been )?checked|not verified|not seen|unverified",
                          re.IGNORECASE)
_SECONDARY = re.compile(r"secondary|third[- ]party|transcri|quoted by|read in|read on|"
                        r"trade press|news|manufacturer|low[- ]authority|review-quoted|mirror|"
                        r"summar",
                        re.IGNORECASE)

CONFIDENCE_LABELS: dict[Confidence, str] = {
    "confirmed": "Source note",
    "secondary": "Secondary source",
    "unconfirmed": "Not fully confirmed",
}
CONFIDENCE_ICONS: dict[Confidence, str] = {
    "confirmed": ":material/verified:",
    "secondary": ":material/info:",
    "unconfirmed": ":material/help:",
}


def assess_confidence(note: str) -> Confidence:
    """The weakest confidence a provenance note admits to."""
    if _UNCONFIRMED.search(note):
        return "unconfirmed"
    if _SECONDARY.search(note):
        return "secondary"
    return "confirmed"
