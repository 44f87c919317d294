"""Practice cases: short patient stories with the expected classification. (Issues 6 and 7.)"""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from components.schema.common import SourcedEntry, Strict, Text


class PracticeCase(SourcedEntry):
    id_space: ClassVar[str] = "case"
    title: Text
    story: Text
    teaching_point: Text


class CasesFile(Strict):
    cases: list[PracticeCase] = Field(default_factory=list)
