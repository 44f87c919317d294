"""Free text that gives a response, remission or relapse percentage names the scale behind it.

Structured headlines are held to this by the schema (components/schema/treatments.py); this test
reads every sentence of every other text in data/*.yaml, because a percentage without its scale
and cut-off cannot be compared with any other (the clinical review's first rule of thumb).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from tests.conftest import DATA_DIR

OUTCOME_WORDS = re.compile(r"\b(remission|remitted|remit|response|responded|relapse[ds]?)\b",
                           re.IGNORECASE)
# A percentage that is not a confidence level or a panel's agreement.
PERCENT = re.compile(r"\d+(\.\d+)?\s?%(?!\s?(CI|confidence|agreement))")
NEAR = 60  # characters between an outcome word and its percentage that still read as one claim
# A rating scale, or an explicit word that the source did not name one.
SCALE = re.compile(r"QIDS|HRSD|HAM-D|HAMD|MADRS|PHQ-9|CGI|BDI|MADRS|scale not stated|"
                   r"no scale|any scale|self-report|clinician-rated|CORE|HDRS",
                   re.IGNORECASE)
# Registry and payer wording describes documents, not outcomes.
SKIPPED_FILES = {"sources.yaml"}
# "50% or more better" defines response itself; it is a threshold, not a result.
THRESHOLD = re.compile(r"\b(less than|under|at least|or more|fall(s|en)? by|fell by|"
                       r"improved by)\b|% better|[≥<]", re.IGNORECASE)


def _strings(node, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, f"{path}[{index}]")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;:])\s+(?=[A-Z(])", " ".join(text.split())) if s]


def _outcome_figure(sentence: str) -> bool:
    """An outcome word and a percentage close enough together to be one claim."""
    words = [m.start() for m in OUTCOME_WORDS.finditer(sentence)]
    figures = [m.start() for m in PERCENT.finditer(sentence)]
    return any(abs(w - f) <= NEAR for w in words for f in figures)


def outcome_percentages_without_a_scale(data: dict[str, object]) -> list[str]:
    """Each sentence (file, path, text) that gives an outcome percentage but names no scale."""
    found = []
    for file, document in data.items():
        for path, text in _strings(document, file):
            for sentence in _sentences(text):
                if not _outcome_figure(sentence):
                    continue
                if SCALE.search(sentence) or THRESHOLD.search(sentence):
                    continue
                found.append(f"{path}: {sentence}")
    return found


def _content() -> dict[str, object]:
    return {path.name: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted(DATA_DIR.glob("*.yaml")) if path.name not in SKIPPED_FILES}


def test_every_outcome_percentage_in_free_text_names_its_scale():
    offenders = outcome_percentages_without_a_scale(_content())
    assert not offenders, "\n".join(offenders)


def test_the_check_finds_a_bare_remission_percentage_and_accepts_a_scaled_one():
    bare = {"x.yaml": {"note": "Remission was 42% at week 8 in the trial."}}
    scaled = {"x.yaml": {"note": "Remission was 42% (HRSD-17 ≤7) at week 8 in the trial."}}
    assert outcome_percentages_without_a_scale(bare) == [
        "x.yaml.note: Remission was 42% at week 8 in the trial."]
    assert outcome_percentages_without_a_scale(scaled) == []


def test_the_check_reads_enough_text_to_mean_something():
    sentences = [s for _, document in _content().items()
                 for _, text in _strings(document, "") for s in _sentences(text)]
    with_outcome_figures = [s for s in sentences if _outcome_figure(s)]
    assert len(with_outcome_figures) >= 20
