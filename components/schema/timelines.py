"""Sequential-treatment evidence and sequencing paths for the timeline charts. (Issue 5 fills it.)"""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from components.schema.common import SourcedEntry, Strict, Text


class SequentialTrial(SourcedEntry):
    id_space: ClassVar[str] = "sequential-trial"
    name: Text


class TimelinesFile(Strict):
    sequential_trials: list[SequentialTrial] = Field(default_factory=list)
