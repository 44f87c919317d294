"""The ladder tells the checker's story: one failed trial is not yet TRD, the threshold count is."""
from __future__ import annotations

import re

import pytest

from components.content import ContentSet

NUMBER_WORDS = {"one": 1, "first": 1, "two": 2, "three": 3, "four": 4, "five": 5}
# "one adequate antidepressant trial", "two or more adequate trials", "the first adequate trial"
FAILED_TRIALS = re.compile(r"\b(one|first|two|three|four|five)(?: or more)? adequate "
                           r"(?:antidepressant )?trials?\b", re.IGNORECASE)
NOT_YET = ("not yet treatment-resistant", "before the depression is treatment-resistant")
OLD_INTRO = ("After two adequate trials fail, these are the next-line options: what each is, how "
             "fast and how well it works, what it asks of the patient, and who can start it.")


def clauses(text: str) -> list[str]:
    """Sentences, split again at semicolons: the unit in which a count and a verdict go together."""
    return [part.strip() for part in re.split(r"(?<=\.)\s+|;\s*", text) if part.strip()]


def ladder_texts(content: ContentSet, intro: str | None = None) -> dict[str, str]:
    texts = {"intro": content.treatments.intro if intro is None else intro}
    for rung in content.treatments.rungs:
        texts[f"{rung.id}.description"] = rung.description
        texts[f"{rung.id}.moves_on_when"] = rung.moves_on_when
    return texts


def checker_step(content: ContentSet, classification: str) -> str:
    return next(c.next_step for c in content.referral.classifications if c.id == classification)


def count_problems(texts: dict[str, str], threshold: int) -> list[str]:
    """Every count of failed adequate trials agrees with the threshold wherever TRD is named,
    and a count that reaches the threshold always says the depression is then treatment-resistant."""
    problems = []
    for where, text in texts.items():
        for clause in clauses(text):
            counts = [NUMBER_WORDS[word.lower()] for word in FAILED_TRIALS.findall(clause)]
            if not counts:
                continue
            says_trd = "treatment-resistant" in clause
            not_yet = any(phrase in clause for phrase in NOT_YET)
            for count in counts:
                if count >= threshold and not says_trd:
                    problems.append(f"{where}: {count} failed trials without saying that this is "
                                    f"treatment-resistant depression: {clause!r}")
                if says_trd and not_yet and count >= threshold:
                    problems.append(f"{where}: {count} failed trials called not yet resistant: "
                                    f"{clause!r}")
                if says_trd and not not_yet and count < threshold:
                    problems.append(f"{where}: {count} failed trial called resistant: {clause!r}")
    return problems


def intro_problems(content: ContentSet, intro: str, threshold: int) -> list[str]:
    """The intro places the checker's one-failure steps before TRD and its next-line options after."""
    below, at = [], []
    for clause in clauses(intro):
        counts = [NUMBER_WORDS[word.lower()] for word in FAILED_TRIALS.findall(clause)]
        if counts and any(phrase in clause for phrase in NOT_YET) and max(counts) < threshold:
            below.append(clause)
        if counts and "treatment-resistant" in clause and min(counts) >= threshold:
            at.append(clause)
    problems = []
    if not below:
        problems.append("intro: no sentence says one failed adequate trial is not yet TRD")
    if not at:
        problems.append(f"intro: no sentence says {threshold} failed adequate trials are TRD")
    # What the checker advises after one failure: augmentation or a switch (the first two rungs).
    one_failure = checker_step(content, "one-adequate-failure")
    for word in ("augmentation", "switch"):
        assert word in one_failure, word  # the checker's wording this test relies on
        if below and not any(word in clause for clause in below):
            problems.append(f"intro: {word!r} is not placed after one failed trial")
    # What the checker lists for a specialist to sequence once the depression is resistant.
    listed = re.search(r"\(([^)]*)\)\s*\.?\s*$", checker_step(content, "treatment-resistant"))
    assert listed, "the checker's treatment-resistant step no longer ends with its list of options"
    for item in listed.group(1).split(","):
        word = item.split()[-1]
        if at and not any(word in clause for clause in at):
            problems.append(f"intro: {word!r} is not placed after {threshold} failed trials")
    return problems


@pytest.fixture(scope="module")
def threshold(content) -> int:
    return content.referral.resistance_threshold.failed_antidepressants


def test_the_intro_and_every_rung_agree_with_the_checkers_threshold(content, threshold):
    assert count_problems(ladder_texts(content), threshold) == []


def test_the_intro_places_each_option_where_the_checker_does(content, threshold):
    assert intro_problems(content, content.treatments.intro, threshold) == []


def test_the_old_intro_that_put_every_option_after_two_failures_is_caught(content, threshold):
    problems = count_problems(ladder_texts(content, OLD_INTRO), threshold)
    assert any(p.startswith("intro: 2 failed trials without saying") for p in problems), problems
    assert intro_problems(content, OLD_INTRO, threshold)


def test_a_rung_calling_one_failure_resistant_is_caught(content, threshold):
    texts = ladder_texts(content)
    texts["switching.moves_on_when"] = ("One adequate trial has failed: the depression is now "
                                        "treatment-resistant.")
    assert any(p.startswith("switching.moves_on_when: 1 failed trial called resistant")
               for p in count_problems(texts, threshold))


def test_the_switching_rung_moves_on_at_the_threshold(content, threshold):
    """The rung the checker's one-failure advice points to hands over when the checker says TRD."""
    switching = next(r for r in content.treatments.rungs if r.id == "switching")
    counts = [NUMBER_WORDS[w.lower()] for w in FAILED_TRIALS.findall(switching.moves_on_when)]
    assert counts == [threshold] and "treatment-resistant" in switching.moves_on_when
