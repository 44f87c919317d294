"""What a room is asked: quiz items and practice-case decisions, as plain data a session keeps."""
from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

from components.referral import case_answers
from components.room.errors import RoomError
from components.schema.cases import PracticeCase
from components.schema.quiz import QuizQuestion

QUIZ_ITEM, CASE_DECISION = "quiz-item", "case"
MAX_QUESTIONS = 40  # a long day's teaching; more is a mistake, not a session


@dataclass(frozen=True)
class RoomQuestion:
    """One question as the room sees it, copied into the session when it opens.

    A session keeps its own copy, so every replica shows the same words and checks the same
    choices even if the content is edited while the session runs.
    """

    kind: str                    # QUIZ_ITEM or CASE_DECISION
    id: str                      # the quiz question's or the practice case's id
    prompt: str
    story: tuple[str, ...]       # a case's title and story parts, shown above the prompt; () for quiz
    choices: tuple[str, ...]
    correct_index: int
    explanation: str             # shown at the reveal
    sources: tuple[str, ...]     # source ids (data/sources.yaml)
    teaches_page: str            # page id of the map node / ladder option / checker it links to
    teaches_label: str
    teaches_params: tuple[tuple[str, str], ...]

    @property
    def correct_choice(self) -> str:
        return self.choices[self.correct_index]

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> RoomQuestion:
        return cls(**{**data, "story": tuple(data["story"]), "choices": tuple(data["choices"]),
                      "sources": tuple(data["sources"]),
                      "teaches_params": tuple(tuple(p) for p in data["teaches_params"])})


def questions_to_json(questions: Sequence[RoomQuestion]) -> str:
    return json.dumps([q.to_json() for q in questions], ensure_ascii=False)


@functools.lru_cache(maxsize=64)
def questions_from_json(text: str) -> tuple[RoomQuestion, ...]:
    """A session's questions from the database. Cached by text, as every poll of every phone reads
    them; the result is immutable, so sharing it is safe."""
    return tuple(RoomQuestion.from_json(item) for item in json.loads(text))


def quiz_room_question(question: QuizQuestion) -> RoomQuestion:
    return RoomQuestion(
        QUIZ_ITEM, question.id, question.prompt, (), tuple(question.choices), question.answer,
        question.explanation, tuple(question.sources), question.teaches.page,
        question.teaches.label, tuple(question.teaches.params.items()))


def case_room_question(content, case: PracticeCase) -> RoomQuestion:
    """A case decision: the story, then the answers the cases page and the checker offer."""
    answers = case_answers(content.referral)
    ids = list(answers)
    _, next_step = answers[case.expected_answer]  # the reveal names the answer itself
    return RoomQuestion(
        CASE_DECISION, case.id, "Which answer fits this case?", (case.title, *case.stages),
        tuple(answer_label for answer_label, _ in answers.values()), ids.index(case.expected_answer),
        f"{next_step} Teaching point: {case.teaching_point}",
        tuple(case.sources), "checker", "Work this case in the trial checker",
        (("case", case.id),))


def available_questions(content) -> dict[str, RoomQuestion]:
    """Every question a trainer can put to the room, by id: quiz items first, then case decisions."""
    found = {q.id: quiz_room_question(q) for q in content.quiz.questions}
    for case in content.cases.cases:
        # Quiz and case ids are separate id spaces; a clash would make a list of ids ambiguous.
        if case.id in found:
            raise RoomError(f"'{case.id}' is both a quiz question and a practice case; rename one.")
        found[case.id] = case_room_question(content, case)
    return found


def questions_from_ids(content, ids: Iterable[object]) -> list[RoomQuestion]:
    """The questions named by `ids` (quiz question or practice case ids), in that order.

    RoomError for an unknown or repeated id, an empty list, or more than MAX_QUESTIONS.
    """
    bank = available_questions(content)
    picked: list[RoomQuestion] = []
    for question_id in ids:
        if not isinstance(question_id, str) or question_id not in bank:
            raise RoomError(f"There is no quiz question or practice case '{question_id}'.")
        if any(q.id == question_id for q in picked):
            raise RoomError(f"'{question_id}' is listed twice; ask each question once.")
        picked.append(bank[question_id])
    if not picked:
        raise RoomError("Pick at least one question or case for the session.")
    if len(picked) > MAX_QUESTIONS:
        raise RoomError(f"A session holds at most {MAX_QUESTIONS} questions; pick fewer.")
    return picked


def questions_from_set(content, set_id: object) -> list[RoomQuestion]:
    """The questions of a ready set in data/room_sets.yaml; RoomError for an unknown set id."""
    room_set = next((s for s in content.room_sets.sets if s.id == set_id), None)
    if room_set is None:
        raise RoomError(f"There is no ready set '{set_id}'.")
    return questions_from_ids(content, [item.question_id for item in room_set.items])


def questions_from_talk(content, talk) -> list[RoomQuestion]:
    """A talk's live questions (its "room-question" items), in talk order, each asked once."""
    ids = [item.id for item in talk.items if item.kind == "room-question"]
    if not ids:
        raise RoomError(f"The talk '{talk.title}' has no questions for the room.")
    return questions_from_ids(content, dict.fromkeys(ids))
