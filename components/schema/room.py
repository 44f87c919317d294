"""Ready-made training-room sets: a titled run of quiz questions and case decisions for a session."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from pydantic import Field, StrictInt, model_validator

from components.schema.common import Entry, RefTo, Strict, Text

QuestionId = Annotated[str, RefTo("question")]
CaseId = Annotated[str, RefTo("case")]


class RoomSetItem(Strict):
    """One question for the room: a quiz question or a practice case's decision, never both."""

    question: QuestionId | None = None
    case: CaseId | None = None

    @model_validator(mode="after")
    def _names_one(self) -> RoomSetItem:
        if (self.question is None) == (self.case is None):
            raise ValueError("name exactly one of question (a quiz question id) or case (a practice "
                             "case id)")
        return self

    @property
    def question_id(self) -> str:
        return self.question or self.case or ""


class RoomSet(Entry):
    id_space: ClassVar[str] = "room-set"
    title: Text
    summary: Text = Field(description="One sentence for the trainer choosing a set")
    minutes: Annotated[StrictInt, Field(ge=5, le=120)] = Field(
        description="About how long the set takes with discussion, whole minutes")
    items: list[RoomSetItem] = Field(min_length=1, max_length=40)
    reviewed: dt.date

    @model_validator(mode="after")
    def _each_once(self) -> RoomSet:
        ids = [item.question_id for item in self.items]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"each question is asked once (repeated: {', '.join(repeated)})")
        return self


class RoomSetsFile(Strict):
    sets: list[RoomSet] = Field(min_length=1)
