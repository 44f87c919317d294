"""Building blocks every content model shares: ids, source references, review dates, rough ranges."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator


@dataclass(frozen=True)
class RefTo:
    """Marks a string field as the id of an entry of another kind, checked by the loader."""

    kind: str


KebabId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"),
]
SourceId = Annotated[str, RefTo("source")]
PageId = Annotated[str, RefTo("page")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Rejects unknown keys so a misspelt field in YAML is reported, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Entry(Strict):
    """A content entry with an id that other entries may point at.

    `id_space` names the kind of entry; two entries of one kind may not share an id.
    """

    id_space: ClassVar[str] = ""
    id: KebabId


class Evidence(Strict):
    """Anything that states a clinical fact: it names its sources and when it was last reviewed."""

    sources: list[SourceId] = Field(min_length=1)
    reviewed: dt.date


class SourcedEntry(Entry, Evidence):
    """An entry with an id, sources and a review date: the usual shape of clinical content."""


class Claim(Strict):
    """One factual sentence with its own sources, for cards that list key numbers."""

    text: Text
    sources: list[SourceId] = Field(min_length=1)


class RoughRange(Strict):
    """A value that varies between trials or patients, always shown as a range, never one number."""

    low: float = Field(ge=0)
    high: float = Field(ge=0)
    unit: Text
    note: str = ""

    @model_validator(mode="after")
    def _low_not_above_high(self) -> RoughRange:
        if self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")
        return self

    def label(self) -> str:
        """A human label such as '4–6 weeks (rough)'."""
        return f"{span(self.low, self.high)} {self.unit} (rough)"


def span(low: float, high: float, digits: int | None = None) -> str:
    """'3–6', '0.25–0.5' or '3': a range whose unit is named beside it.

    Values from the content are shown as written; `digits` rounds values that were computed.
    """
    first, last = (f"{value if digits is None else round(value, digits):g}" for value in (low, high))
    return first if first == last else f"{first}–{last}"
