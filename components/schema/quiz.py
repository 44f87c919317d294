"""The knowledge-check question bank. (Issue 7 fills it.)"""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from components.schema.common import SourcedEntry, Strict, Text


class QuizQuestion(SourcedEntry):
    id_space: ClassVar[str] = "question"
    topic: Text
    prompt: Text
    choices: list[Text] = Field(min_length=2)
    answer: int = Field(ge=0)
    explanation: Text


class QuizFile(Strict):
    questions: list[QuizQuestion] = Field(default_factory=list)
