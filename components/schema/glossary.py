"""Glossary terms with plain definitions, abbreviations and where the app teaches them."""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from components.schema.common import SourcedEntry, Strict, Text
from components.schema.quiz import PageLink


class GlossaryTerm(SourcedEntry):
    id_space: ClassVar[str] = "term"
    term: Text
    also_called: list[Text] = Field(default_factory=list, description="Abbreviations and synonyms")
    definition: Text
    see: PageLink | None = None


class GlossaryFile(Strict):
    terms: list[GlossaryTerm] = Field(default_factory=list)
