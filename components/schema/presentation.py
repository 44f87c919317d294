"""Presentation mode: the order of slides and their speaker notes. (Issue 7 fills it.)"""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from components.schema.common import Entry, Strict, Text


class Slide(Entry):
    id_space: ClassVar[str] = "slide"
    title: Text
    speaker_notes: Text


class PresentationFile(Strict):
    slides: list[Slide] = Field(default_factory=list)
