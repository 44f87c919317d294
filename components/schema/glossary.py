"""Glossary terms with plain definitions. (Issue 7 fills it.)"""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from components.schema.common import SourcedEntry, Strict, Text


class GlossaryTerm(SourcedEntry):
    id_space: ClassVar[str] = "term"
    term: Text
    definition: Text


class GlossaryFile(Strict):
    terms: list[GlossaryTerm] = Field(default_factory=list)
