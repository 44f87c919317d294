"""Knowledge-check rounds: assembling a round from the question bank and scoring the answers."""
from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from components.schema.quiz import QUIZ_TOPIC_LABELS, QuizQuestion

QUICK_ROUND_SIZE = 10


@dataclass(frozen=True)
class RoundQuestion:
    """A question as shown in one round: its choices in this round's order."""

    question: QuizQuestion
    choices: tuple[str, ...]
    correct_index: int

    @property
    def id(self) -> str:
        return self.question.id

    def correct_choice(self) -> str:
        return self.choices[self.correct_index]


@dataclass(frozen=True)
class TopicScore:
    topic: str
    label: str
    correct: int
    total: int


@dataclass(frozen=True)
class RoundScore:
    correct: int
    total: int
    by_topic: tuple[TopicScore, ...]
    missed: tuple[RoundQuestion, ...]  # wrong or unanswered, in round order

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0


def assemble_round(questions: Sequence[QuizQuestion], seed: int, topic: str | None = None,
                   size: int = QUICK_ROUND_SIZE) -> list[RoundQuestion]:
    """A quick round (`size` random questions) or, with a topic, all of that topic's questions.

    Question order and choice order both come from `seed`, so one seed always gives one round.
    """
    rng = random.Random(seed)
    pool = [q for q in questions if topic is None or q.topic == topic]
    picked = rng.sample(pool, len(pool) if topic else min(size, len(pool)))
    round_questions = []
    for question in picked:
        order = rng.sample(range(len(question.choices)), len(question.choices))
        round_questions.append(RoundQuestion(question, tuple(question.choices[i] for i in order),
                                             order.index(question.answer)))
    return round_questions


def score_round(round_questions: Sequence[RoundQuestion], answers: Mapping[str, int | None]
                ) -> RoundScore:
    """Score a round from {question id: chosen index or None}; an unanswered question is missed."""
    tally: dict[str, list[int]] = {}
    missed = []
    for rq in round_questions:
        right = answers.get(rq.id) == rq.correct_index
        counts = tally.setdefault(rq.question.topic, [0, 0])
        counts[0] += right
        counts[1] += 1
        if not right:
            missed.append(rq)
    by_topic = tuple(TopicScore(topic, QUIZ_TOPIC_LABELS[topic], *tally[topic])
                     for topic in QUIZ_TOPIC_LABELS if topic in tally)
    correct = sum(t.correct for t in by_topic)
    return RoundScore(correct, len(round_questions), by_topic, tuple(missed))


def topic_counts(questions: Sequence[QuizQuestion]) -> dict[str, int]:
    """How many questions each topic has, in the topic order of the schema."""
    counts = {topic: 0 for topic in QUIZ_TOPIC_LABELS}
    for question in questions:
        counts[question.topic] += 1
    return {topic: n for topic, n in counts.items() if n}
