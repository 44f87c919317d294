"""Presentation mode: the order of slides, what each shows, and the speaker notes."""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from components.schema.common import Entry, RefTo, Strict, Text

# What a slide shows; the picture and the words come from the content files, never from here.
SlideKind = Literal[
    "title", "map", "definition", "adequacy", "differential", "ladder", "star-d", "pathway",
    "onset-burden", "referral", "case", "close",
]
CaseId = Annotated[str, RefTo("case")]
PathId = Annotated[str, RefTo("sequencing-path")]


class Slide(Entry):
    id_space: ClassVar[str] = "slide"
    kind: SlideKind
    title: Text
    speaker_notes: Text = Field(description="What the presenter says; no facts beyond the slide's")
    case: CaseId | None = None
    path: PathId | None = None

    @model_validator(mode="after")
    def _subject_matches_kind(self) -> Slide:
        if (self.kind == "case") != (self.case is not None):
            raise ValueError("a case slide names its `case`, and only a case slide does")
        if (self.kind == "pathway") != (self.path is not None):
            raise ValueError("a pathway slide names its `path`, and only a pathway slide does")
        return self


class PresentationFile(Strict):
    slides: list[Slide] = Field(min_length=1)
