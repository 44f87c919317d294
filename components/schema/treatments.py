"""The treatment ladder: rungs and the next-line options on them. (Issue 4 fills it.)"""
from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from components.schema.common import Entry, RefTo, RoughRange, SourcedEntry, Strict, Text

RungId = Annotated[str, RefTo("rung")]


class Rung(Entry):
    id_space: ClassVar[str] = "rung"
    label: Text
    order: int


class TreatmentOption(SourcedEntry):
    id_space: ClassVar[str] = "treatment"
    name: Text
    rung: RungId
    summary: Text
    onset: RoughRange


class TreatmentsFile(Strict):
    rungs: list[Rung] = Field(default_factory=list)
    options: list[TreatmentOption] = Field(default_factory=list)
