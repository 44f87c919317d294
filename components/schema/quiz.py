"""The knowledge-check question bank: questions by topic, each with its answer, sources and lesson."""
from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from components.schema.common import PageId, SourcedEntry, Strict, Text

QuizTopic = Literal[
    "definition", "adequacy", "differential", "augmentation", "switching", "neuromodulation",
    "rapid-acting", "ect", "onset", "referral",
]

QUIZ_TOPIC_LABELS: dict[str, str] = {
    "definition": "Definition of TRD",
    "adequacy": "Adequate trials",
    "differential": "Is it really TRD?",
    "augmentation": "Augmentation",
    "switching": "Switching class",
    "neuromodulation": "TMS",
    "rapid-acting": "Esketamine and ketamine",
    "ect": "ECT",
    "onset": "Onset and time commitment",
    "referral": "When to refer",
}


class PageLink(Strict):
    """A place in the app that teaches something: a page id and optional deep-link parameters."""

    page: PageId
    label: Text
    params: dict[str, str] = Field(default_factory=dict)


class QuizQuestion(SourcedEntry):
    id_space: ClassVar[str] = "question"
    topic: QuizTopic
    prompt: Text
    choices: list[Text] = Field(min_length=2, max_length=6)
    answer: int = Field(ge=0, description="Index of the correct choice, counting from 0")
    explanation: Text
    note: str = Field(default="", description="Where the explanation's facts were read and how sure "
                      "they are; shown behind the provenance marker")
    teaches: PageLink

    @model_validator(mode="after")
    def _answer_is_a_choice(self) -> QuizQuestion:
        if self.answer >= len(self.choices):
            raise ValueError(f"answer {self.answer} is not one of the {len(self.choices)} choices "
                             "(count from 0)")
        if len(set(self.choices)) != len(self.choices):
            raise ValueError("two choices have the same text")
        return self


class QuizFile(Strict):
    questions: list[QuizQuestion] = Field(default_factory=list)
