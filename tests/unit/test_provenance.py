"""Provenance notes are graded by what they admit: unconfirmed beats secondary beats confirmed."""
from __future__ import annotations

import pytest

from components.provenance import assess_confidence


@pytest.mark.parametrize("note, confidence", [
    ("Figures from the primary trial report.", "confirmed"),
    ("Read in a secondary summary of the trial.", "secondary"),
    ("Minimum from an unofficial transcription of the MGH-ATRQ.", "secondary"),
    ("The label maximum was read as quoted by a third party.", "secondary"),
    ("The exact per-level figures could not be confirmed in the primary report.", "unconfirmed"),
    ("Read in a secondary summary; the author list was not seen.", "unconfirmed"),
])
def test_a_note_is_graded_by_the_weakest_thing_it_admits(note, confidence):
    assert assess_confidence(note) == confidence


def test_every_content_note_gets_a_grade_and_some_notes_are_unconfirmed(content):
    notes = [node.note for node in content.map.nodes if node.note]
    notes += [d.note for d in content.referral.antidepressants]
    grades = {assess_confidence(note) for note in notes}
    assert "unconfirmed" in grades or "secondary" in grades
    assert len(notes) >= 10
