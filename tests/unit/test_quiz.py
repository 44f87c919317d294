"""Quiz rounds: assembly is random but repeatable, topic rounds stay on topic, scoring is exact."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml
from pydantic import ValidationError

from components.content import DEFAULT_DATA_DIR, read_content
from components.quiz import QUICK_ROUND_SIZE, assemble_round, score_round, topic_counts
from components.schema.quiz import QUIZ_TOPIC_LABELS, QuizFile, QuizQuestion
from tests.conftest import DATA_DIR


def _question(qid: str, topic: str = "definition", answer: int = 0, n_choices: int = 3):
    return QuizQuestion(id=qid, topic=topic, prompt=f"Prompt {qid}?",
                        choices=[f"{qid} choice {i}" for i in range(n_choices)], answer=answer,
                        explanation="Because.", teaches={"page": "map", "label": "Map"},
                        sources=["star-d-rush-2006"], reviewed=dt.date(2026, 11, 29))


@pytest.fixture
def bank() -> list[QuizQuestion]:
    return QuizFile.model_validate(
        yaml.safe_load((DATA_DIR / "quiz.yaml").read_text(encoding="utf-8"))).questions


def test_the_bank_has_25_questions_covering_every_topic(bank):
    assert len(bank) >= 25
    assert set(topic_counts(bank)) == set(QUIZ_TOPIC_LABELS)


def test_a_quick_round_has_ten_distinct_questions(bank):
    round_questions = assemble_round(bank, seed=7)
    assert len(round_questions) == QUICK_ROUND_SIZE
    assert len({rq.id for rq in round_questions}) == QUICK_ROUND_SIZE


def test_the_same_seed_gives_the_same_round_and_another_seed_a_different_one(bank):
    first = [(rq.id, rq.choices) for rq in assemble_round(bank, seed=3)]
    assert first == [(rq.id, rq.choices) for rq in assemble_round(bank, seed=3)]
    assert first != [(rq.id, rq.choices) for rq in assemble_round(bank, seed=4)]


def test_shuffled_choices_keep_the_correct_answer(bank):
    for rq in assemble_round(bank, seed=11, size=len(bank)):
        assert rq.correct_choice() == rq.question.choices[rq.question.answer]
        assert sorted(rq.choices) == sorted(rq.question.choices)


def test_a_topic_round_asks_every_question_of_that_topic_and_no_other(bank):
    round_questions = assemble_round(bank, seed=1, topic="ect")
    assert {rq.question.topic for rq in round_questions} == {"ect"}
    assert len(round_questions) == topic_counts(bank)["ect"]


def test_scoring_counts_right_answers_per_topic_and_lists_the_missed_ones():
    questions = [_question("a1", "definition"), _question("a2", "definition"),
                 _question("b1", "ect"), _question("b2", "referral")]
    round_questions = assemble_round(questions, seed=5, size=4)
    correct = {rq.id: rq.correct_index for rq in round_questions}
    wrong = (correct["a2"] + 1) % 3
    score = score_round(round_questions, {"a1": correct["a1"], "a2": wrong, "b1": correct["b1"],
                                          "b2": None})
    assert (score.correct, score.total, score.percent) == (2, 4, 50)
    assert [(t.topic, t.correct, t.total) for t in score.by_topic] == [
        ("definition", 1, 2), ("ect", 1, 1), ("referral", 0, 1)]
    assert {rq.id for rq in score.missed} == {"a2", "b2"}


def test_an_unanswered_round_scores_zero(bank):
    round_questions = assemble_round(bank, seed=2)
    score = score_round(round_questions, {})
    assert score.correct == 0 and len(score.missed) == len(round_questions)


def test_an_answer_index_outside_the_choices_is_rejected():
    with pytest.raises(ValidationError, match="not one of the 3 choices"):
        _question("bad", answer=3)


def test_every_teaches_link_opens_an_existing_node_option_or_topic():
    content = read_content(DEFAULT_DATA_DIR)
    known = {"node": {n.id for n in content.map.nodes},
             "option": {o.id for o in content.treatments.options},
             "term": {t.id for t in content.glossary.terms}}
    links = [q.teaches for q in content.quiz.questions]
    links += [t.see for t in content.glossary.terms if t.see]
    for link in links:
        for name, value in link.params.items():
            assert value in known[name], f"{link.page}?{name}={value} names nothing"
