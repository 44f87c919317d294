"""Practice cases keep their answer hidden (titles, story) and carry valid facilitator notes."""
from __future__ import annotations

import re

import pytest

from components.facilitator import compute_facilitator_view
from components.referral import case_answers
from tests.conftest import problems_after

# Words that name a verdict, a classification or the flag a case turns on. A title that holds one
# tells the room the answer before the first part is read.
TITLE_ANSWER_WORDS = re.compile(
    r"\b(resist\w*|intoleran\w*|remission|remitt?\w*|respon\w*|partial\w*|half\w*|fail\w*|"
    r"adequa\w*|inadequa\w*|work\w*|bipolar|mania|manic|hypomani\w*|diagnos\w*|verdict|"
    r"urgent\w*|suicid\w*|side[- ]effects?|starting dose|low dose|missed|not taken|short)\b",
    re.IGNORECASE,
)
# Words that state a verdict in the story itself; the story gives facts, the learner concludes.
STAGE_VERDICT_WORDS = re.compile(
    r"\b(verdict|treatment-resistant|resistant|resistance|pseudo-resistance|intoleran\w*|"
    r"adequate|inadequate|failed|failure|remission|responding|reconsider|bipolar)\b",
    re.IGNORECASE,
)


def test_no_case_title_names_its_answer(content):
    offenders = [f"{case.id}: {case.title!r} ({match.group(0)})"
                 for case in content.cases.cases
                 if (match := TITLE_ANSWER_WORDS.search(case.title))]
    assert not offenders, "\n".join(offenders)


def test_the_title_check_catches_the_old_titles_that_gave_the_answer_away():
    for old in ("The third step worked", "The SSRI that half-worked for six months",
                "The trial that was mostly not taken", "Stopped twice for side effects",
                "Resistant on paper, bipolar on questioning", "Two failed antidepressants, then "
                "a TMS course", "Four months on a starting dose"):
        assert TITLE_ANSWER_WORDS.search(old), old


def test_case_titles_are_distinct(content):
    titles = [case.title.casefold() for case in content.cases.cases]
    assert len(titles) == len(set(titles))


def test_no_story_stage_states_the_verdict(content):
    labels = [label for label, _ in case_answers(content.referral).values()]
    # "One adequate trial failed — not yet…": the full label and the part before the dash.
    phrases = {p.strip().casefold() for label in labels for p in (label, label.split("—")[0])}
    offenders = []
    for case in content.cases.cases:
        for number, stage in enumerate(case.stages, start=1):
            words = STAGE_VERDICT_WORDS.search(stage)
            phrase = next((p for p in phrases if p in stage.casefold()), None)
            if words or phrase:
                offenders.append(f"{case.id} part {number}: {(words and words.group(0)) or phrase}")
    assert not offenders, "\n".join(offenders)


def test_the_stage_check_catches_a_story_that_ends_with_its_verdict():
    assert STAGE_VERDICT_WORDS.search("The verdict: one adequate trial, not resistance.")
    assert STAGE_VERDICT_WORDS.search('He asks whether the tablets have "failed".')


# ---------------------------------------------------------------- facilitator notes


def test_every_case_has_facilitator_notes_that_fit_its_story(content):
    answers = case_answers(content.referral)
    for case in content.cases.cases:
        notes = case.facilitator
        assert len(notes.ask_the_room) >= 2, case.id
        assert notes.common_wrong_answers, case.id
        assert len(notes.minutes_per_stage) == len(case.stages), case.id
        assert all(1 <= m <= 15 for m in notes.minutes_per_stage), case.id
        for wrong in notes.common_wrong_answers:
            assert wrong.answer is None or wrong.answer in answers, case.id
            assert wrong.answer != case.expected_answer, case.id


def test_the_facilitator_view_names_answers_as_learners_see_them_and_adds_up_the_time(content):
    answers = case_answers(content.referral)
    case = next(c for c in content.cases.cases if c.id == "half-working-ssri")
    view = compute_facilitator_view(case, answers)
    assert view.expected_label == answers["one-adequate-failure"][0]
    assert view.total_minutes == sum(case.facilitator.minutes_per_stage)
    assert view.timing_text().startswith(f"Part 1: {case.facilitator.minutes_per_stage[0]} min")
    assert view.timing_text().count("Part ") == len(case.stages)
    assert view.total_text() == (f"Total session time: {view.total_minutes} minutes for "
                                 f"{len(case.stages)} parts.")
    labelled = [w for w in view.wrong_answers if w.answer_label]
    assert answers["responding"][0] in {w.answer_label for w in labelled}
    assert any(not w.answer_label for w in view.wrong_answers)  # free-text wrong answers too


def _notes(document: dict, case_id: str) -> dict:
    return next(c for c in document["cases"] if c["id"] == case_id)["facilitator"]


def test_minutes_for_the_wrong_number_of_stages_name_file_entry_and_field(data_copy):
    def drop_one(document):
        _notes(document, "half-working-ssri")["minutes_per_stage"] = [3, 4, 5]

    problems = problems_after(data_copy, "cases.yaml", drop_one)
    assert problems == ["data/cases.yaml: half-working-ssri: facilitator.minutes_per_stage: "
                        "3 values for 4 stages: give one whole number of minutes per story stage"]


@pytest.mark.parametrize("minutes", [0, 16, 2.5, "five"])
def test_minutes_outside_whole_1_to_15_are_refused_at_that_value(data_copy, minutes):
    def set_second(document):
        _notes(document, "tms-course")["minutes_per_stage"][1] = minutes

    problems = problems_after(data_copy, "cases.yaml", set_second)
    assert len(problems) == 1
    assert problems[0].startswith("data/cases.yaml: tms-course: facilitator.minutes_per_stage[1]: ")


def test_missing_notes_or_too_few_questions_are_refused(data_copy):
    def strip(document):
        del next(c for c in document["cases"] if c["id"] == "third-time")["facilitator"]
        _notes(document, "tms-course")["ask_the_room"] = ["Only one question?"]

    problems = problems_after(data_copy, "cases.yaml", strip)
    assert "data/cases.yaml: third-time: facilitator: required field is missing" in problems
    assert any(p.startswith("data/cases.yaml: tms-course: facilitator.ask_the_room: ")
               for p in problems)


def test_a_wrong_answer_that_is_the_expected_answer_is_refused(data_copy):
    def contradict(document):
        _notes(document, "side-effects-twice")["common_wrong_answers"][0]["answer"] = "intolerance"

    problems = problems_after(data_copy, "cases.yaml", contradict)
    assert problems == ["data/cases.yaml: side-effects-twice: "
                        "facilitator.common_wrong_answers[0].answer: 'intolerance' is the case's "
                        "expected answer, so it cannot be a wrong one (found: 'intolerance')"]


def test_a_wrong_answer_id_that_no_learner_can_give_is_refused(data_copy):
    def unknown(document):
        _notes(document, "missed-doses")["common_wrong_answers"][0]["answer"] = "resistant"

    problems = problems_after(data_copy, "cases.yaml", unknown)
    assert len(problems) == 1
    assert problems[0].startswith(
        "data/cases.yaml: missed-doses: facilitator.common_wrong_answers[0].answer: ")
