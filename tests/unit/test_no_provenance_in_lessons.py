"""Learners read facts; where a fact was read and how sure we are lives only in provenance fields.

Editors' words such as "read in a secondary summary" or "not checked against a payer policy" belong
in a `note`, `gaps` or `not_confirmed` field, which the app shows behind one provenance marker.
Every other string in the content is lesson text and must not carry them.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

DATA_DIR = Path(__file__).resolve().parents[2] / "data"

# Fields that hold provenance; their text is shown behind the marker, so any wording may stand.
PROVENANCE_FIELDS = {"note", "gaps", "not_confirmed"}
# Citations themselves, and the sources file, describe sources by nature. So does the guideline
# crosswalk: each cell says what a guideline says, where, and how closely we could read it, and a
# cell we could not read must say so in the matrix itself (issue 17: "never a guess").
SKIPPED_FIELDS = {"sources"}
SKIPPED_FILES = {"sources.yaml", "guidelines.yaml"}

# Lesson text allowed to keep such words, each with the reason.
EXCEPTIONS: dict[tuple[str, str], str] = {
    ("referral.yaml", "dose_reference.caveat"):
        "a clinical caveat about how the minimum doses were set, which the clinical review asked to "
        "keep visible beside the dose table",
}

PROVENANCE_WORDING = re.compile(
    r"secondary summar|\bnot seen\b|author list|label section|payer policy|"
    r"could not be (confirmed|checked|read)|not confirmed|unconfirmed|transcription|"
    r"\bread (in|on)\b|quoted by|third[- ]party|not re-read|was not read|not checked|"
    r"trade press|low[- ]authority|review-quoted",
    re.IGNORECASE,
)


def lesson_strings(value: object, path: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """(field path, text) for every string outside provenance fields; list items keep their field."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in PROVENANCE_FIELDS or key in SKIPPED_FIELDS:
                continue
            yield from lesson_strings(item, (*path, str(key)))
    elif isinstance(value, list):
        for item in value:
            yield from lesson_strings(item, path)
    elif isinstance(value, str):
        yield ".".join(path), value


def provenance_in_lessons(file_name: str, data: object) -> list[str]:
    """Each lesson string that carries provenance wording, as 'file field: matched words'."""
    found = []
    for field, text in lesson_strings(data):
        if (file_name, field) in EXCEPTIONS:
            continue
        match = PROVENANCE_WORDING.search(text)
        if match:
            found.append(f"{file_name} {field}: {match.group(0)!r} in {text[:90]!r}")
    return found


CONTENT_FILES = sorted(p for p in DATA_DIR.glob("*.yaml") if p.name not in SKIPPED_FILES)


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: p.name)
def test_no_provenance_wording_outside_provenance_fields(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert provenance_in_lessons(path.name, data) == []


def test_the_check_catches_a_planted_phrase_and_spares_provenance_fields():
    data = {"options": [{
        "risks": ["Dissociation (read in a secondary summary)."],
        "barriers": {"prior_authorisation": "Varies; not checked against a payer policy."},
        "note": "Read in a secondary summary; the author list was not seen.",
        "evidence": {"summary": "Faster onset.", "gaps": "Label section itself was not read."},
        "sources": ["a-third-party-summary"],
    }]}
    found = provenance_in_lessons("treatments.yaml", data)
    assert len(found) == 2
    assert found[0].startswith("treatments.yaml options.risks: 'read in'")
    assert found[1].startswith("treatments.yaml options.barriers.prior_authorisation:")


def test_every_exception_names_a_field_that_exists_and_gives_a_reason():
    for (file_name, field), reason in EXCEPTIONS.items():
        data = yaml.safe_load((DATA_DIR / file_name).read_text(encoding="utf-8"))
        assert any(path == field for path, _ in lesson_strings(data)), (file_name, field)
        assert len(reason) > 20
