"""What a room can be asked: quiz items and case decisions by id, ready sets (every id checked by
the content validator) and a talk's questions for the room."""
from __future__ import annotations

import pytest

from components.referral import case_answers
from components.room.errors import RoomError
from components.room.questions import (
    MAX_QUESTIONS,
    RoomQuestion,
    available_questions,
    questions_from_ids,
    questions_from_json,
    questions_from_set,
    questions_from_talk,
    questions_to_json,
)
from components.talks import Talk, TalkItem, ready_talks
from tests.conftest import problems_after


def test_quiz_items_keep_their_choices_answer_sources_and_link(content):
    quiz = next(q for q in content.quiz.questions if q.id == "definition-two-trials")
    (asked,) = questions_from_ids(content, ["definition-two-trials"])
    assert (asked.kind, asked.prompt, asked.story) == ("quiz-item", quiz.prompt, ())
    assert list(asked.choices) == quiz.choices and asked.correct_index == quiz.answer
    assert asked.explanation == quiz.explanation and list(asked.sources) == quiz.sources
    assert (asked.teaches_page, dict(asked.teaches_params)) == ("map", {"node": "two-antidepressants"})


def test_every_case_decision_offers_the_checker_outcomes_and_expects_the_case_answer(content):
    answers = case_answers(content.referral)
    for case in content.cases.cases:
        (asked,) = questions_from_ids(content, [case.id])
        assert asked.kind == "case" and asked.story == (case.title, *case.stages)
        assert asked.choices == tuple(label for label, _ in answers.values())
        assert asked.correct_choice == answers[case.expected_answer][0]
        assert asked.explanation == (f"{answers[case.expected_answer][1]} Teaching point: "
                                     f"{case.teaching_point}")
        assert (asked.teaches_page, dict(asked.teaches_params)) == ("checker", {"case": case.id})


def test_the_bank_holds_every_quiz_item_and_case(content):
    bank = available_questions(content)
    assert len(bank) == len(content.quiz.questions) + len(content.cases.cases)


def test_a_question_survives_the_trip_through_the_database_as_json(content):
    questions = questions_from_ids(content, ["adequacy-dose", "two-short-trials"])
    assert list(questions_from_json(questions_to_json(questions))) == questions
    assert all(isinstance(q, RoomQuestion) for q in questions)


@pytest.mark.parametrize(("ids", "message"), [
    (["no-such-question"], "no quiz question or practice case 'no-such-question'"),
    (["adequacy-dose", "adequacy-dose"], "listed twice"),
    ([], "at least one"),
    ([None], "no quiz question or practice case"),
])
def test_bad_question_lists_are_refused(content, ids, message):
    with pytest.raises(RoomError, match=message):
        questions_from_ids(content, ids)


def test_a_list_longer_than_a_session_is_refused(content):
    with pytest.raises(RoomError, match=f"at most {MAX_QUESTIONS}"):
        questions_from_ids(content, list(available_questions(content))[:MAX_QUESTIONS + 1])


def test_the_referral_set_runs_in_twenty_minutes_of_referral_questions_and_cases(content):
    room_set = next(s for s in content.room_sets.sets if s.title == "20-minute referral criteria")
    asked = questions_from_set(content, room_set.id)
    assert [q.id for q in asked] == [item.question_id for item in room_set.items]
    assert {q.kind for q in asked} == {"quiz-item", "case"}
    assert room_set.minutes == 20
    quiz_topics = {q.id: q.topic for q in content.quiz.questions}
    assert all(quiz_topics[q.id] == "referral" for q in asked if q.kind == "quiz-item")


def test_every_ready_set_opens(content):
    for room_set in content.room_sets.sets:
        assert questions_from_set(content, room_set.id)
    with pytest.raises(RoomError, match="no ready set"):
        questions_from_set(content, "no-such-set")


def test_the_validator_names_an_unknown_id_in_a_ready_set(data_copy):
    def misspell(document):
        document["sets"][0]["items"][0] = {"question": "referral-whcih-is-routine"}
        document["sets"][1]["items"][-1] = {"case": "drinking-mroe"}

    problems = problems_after(data_copy, "room_sets.yaml", misspell)
    assert any("referral-criteria-20" in p and "unknown question id 'referral-whcih-is-routine'" in p
               for p in problems)
    assert any("unknown case id 'drinking-mroe'" in p for p in problems)


def test_the_validator_refuses_an_item_naming_both_or_neither_or_a_repeat(data_copy):
    def break_items(document):
        document["sets"][0]["items"][0] = {"question": "adequacy-dose", "case": "tms-course"}
        document["sets"][1]["items"][0] = {}
        document["sets"][2]["items"].append(dict(document["sets"][2]["items"][0]))

    problems = problems_after(data_copy, "room_sets.yaml", break_items)
    assert sum("name exactly one of question" in p for p in problems) == 2
    assert any("after-two-failures-20" in p and "each question is asked once" in p for p in problems)


def test_a_talk_asks_its_room_questions_in_order_each_once(content):
    talk = Talk(None, "Built", None, (
        TalkItem("slide", "opening", 3), TalkItem("room-question", "adequacy-how-long", 3),
        TalkItem("case", "tms-course", 6), TalkItem("room-question", "tms-course", 3),
        TalkItem("room-question", "adequacy-how-long", 3)))
    assert [(q.kind, q.id) for q in questions_from_talk(content, talk)] == [
        ("quiz-item", "adequacy-how-long"), ("case", "tms-course")]
    with pytest.raises(RoomError, match="no questions for the room"):
        questions_from_talk(content, Talk(None, "Slides only", None, (TalkItem("slide", "opening", 3),)))


def test_ready_talks_with_room_questions_open(content):
    talks = [t for t in ready_talks(content) if any(i.kind == "room-question" for i in t.items)]
    assert talks, "a ready talk should carry questions for the room"
    for talk in talks:
        assert questions_from_talk(content, talk)
