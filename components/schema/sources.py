"""The source registry: every trial, label, guideline and review that content may cite."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Annotated, ClassVar, Literal

from pydantic import Field, StringConstraints, model_validator

from components.schema.common import Entry, Strict, Text

SourceKind = Literal[
    "rct",
    "meta-analysis",
    "secondary-analysis",
    "cohort",
    "fda-label",
    "fda-clearance",
    "guideline",
    "consensus",
    "review",
    "service",
    "regulator",
]

SOURCE_KIND_LABELS: dict[str, str] = {
    "rct": "Randomised trials",
    "meta-analysis": "Meta-analyses",
    "secondary-analysis": "Re-analyses and secondary analyses",
    "cohort": "Cohort and naturalistic studies",
    "fda-label": "FDA labels",
    "fda-clearance": "FDA device clearances and approvals",
    "guideline": "Guidelines",
    "consensus": "Consensus statements",
    "review": "Reviews",
    "service": "Services and public-health resources",
    "regulator": "Regulators, funders and health technology assessment bodies",
}

Doi = Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")]


class Source(Entry):
    id_space: ClassVar[str] = "source"
    title: Text
    authors: Text = Field(description="First author et al., or the issuing organisation")
    year: int = Field(ge=1900, le=2100)
    kind: SourceKind
    published_in: str = ""
    doi: Doi | None = None
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    note: str = Field(default="", description="What was and was not confirmed, in plain words")

    @model_validator(mode="after")
    def _findable(self) -> Source:
        if not (self.doi or self.url or self.published_in):
            raise ValueError("give a doi, a url or where it was published, so a reader can find it")
        return self

    def citation(self) -> str:
        """A one-line citation: authors, year, title, where published, DOI."""
        parts = [f"{self.authors} ({self.year}). {self.title}."]
        if self.published_in:
            parts.append(f"{self.published_in}.")
        if self.doi:
            parts.append(f"doi:{self.doi}")
        return " ".join(parts)

    def short_citation(self) -> str:
        """'Rush AJ 2006': first author or issuing body and year, where a full citation won't fit."""
        first = re.split(r",|;|\(| / ", self.authors.removeprefix("believed "))[0].strip()
        first = re.sub(r"\s+(et al\.?|press release|press announcement)$", "", first)
        if first.casefold().startswith("not seen"):  # no author to name: say where it appeared
            first = re.split(r"[\d(,;]", self.published_in or self.title)[0].strip()
        return f"{first} {self.year}"

    def link(self) -> str | None:
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return self.url


class SourcesFile(Strict):
    sources: list[Source] = Field(min_length=1)


def short_citations(sources: Iterable[Source]) -> dict[str, str]:
    """Source id to short citation, for figure hover text."""
    return {source.id: source.short_citation() for source in sources}


def cite_briefly(source_ids: Iterable[str], names: Mapping[str, str] | None) -> str:
    """'Rush AJ 2006; Pigott HE 2023', falling back to the id where no short name was given."""
    return "; ".join((names or {}).get(sid, sid) for sid in dict.fromkeys(source_ids))
