"""Region packs: where a clinician practises, its crisis lines, regulator, guideline and service names."""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from components.schema.common import Entry, Evidence, RefTo, SourceId, Strict, Text

TreatmentId = Annotated[str, RefTo("treatment")]

# What a regulator or funder has decided for one option there; "not-confirmed" when no source was
# read, which the app shows as such instead of guessing.
RegionalStatus = Literal[
    "approved", "cleared", "funded", "not-funded", "off-label", "in-guideline", "not-confirmed",
]
REGIONAL_STATUS_LABELS: dict[str, str] = {
    "approved": "Approved",
    "cleared": "Cleared or licensed (device)",
    "funded": "Approved and publicly funded",
    "not-funded": "Approved, not recommended for public funding",
    "off-label": "Off-label",
    "in-guideline": "In the national guideline",
    "not-confirmed": "Not confirmed",
}


class CrisisContact(Strict):
    """One way to reach help in a crisis: who answers, and how to reach them."""

    name: Text
    how: Text = Field(description="Number, text or option, and when it answers")
    sources: list[SourceId] = Field(min_length=1)


class Guideline(Strict):
    """The guideline primary care there follows; where none was confirmed, `note` says so."""

    name: Text
    sources: list[SourceId] = Field(default_factory=list)
    note: str = ""

    @model_validator(mode="after")
    def _sourced_or_said_unconfirmed(self) -> Guideline:
        if not self.sources and not self.note.strip():
            raise ValueError("name a source, or say in `note` why none could be confirmed")
        return self


class ServiceNames(Strict):
    """What the services a referral letter names are called there."""

    primary_care: Text
    community_mental_health: Text
    crisis_team: Text
    emergency_department: Text


class OptionStatus(Strict):
    """One ladder option's regulatory or funding status there, sourced or said to be unconfirmed."""

    option: TreatmentId
    status: RegionalStatus
    text: Text = Field(description="What was decided, by whom and when, in one or two sentences")
    sources: list[SourceId] = Field(default_factory=list)
    gaps: str = Field(default="", description="What could not be confirmed, shown to users")

    @model_validator(mode="after")
    def _sourced_unless_unconfirmed(self) -> OptionStatus:
        if self.status == "not-confirmed":
            if not self.gaps.strip():
                raise ValueError("a status that could not be confirmed says why in `gaps`")
        elif not self.sources:
            raise ValueError("a confirmed status names its sources (or use status: not-confirmed)")
        return self


class LocalWording(Strict):
    """A phrase of the shared (US) advice and what it becomes there, e.g. 'call 911' → 'call 999'."""

    us: Text
    here: Text


class RegionPack(Entry, Evidence):
    """One region; the file's name is its id (data/regions/uk.yaml holds id: uk)."""

    id_space: ClassVar[str] = "region"
    name: Text = Field(description="The country as a reader names it, e.g. 'United Kingdom'")
    short_name: Annotated[str, Field(min_length=2, max_length=20)]
    emergency_number: Text
    crisis_line: Text = Field(description="The one line shown above every page")
    crisis_contacts: list[CrisisContact] = Field(min_length=1)
    regulator: Text
    regulator_sources: list[SourceId] = Field(min_length=1)
    guideline: Guideline
    services: ServiceNames
    wording: list[LocalWording] = Field(
        default_factory=list, description="US phrases of the shared advice and their local form")
    statuses: list[OptionStatus] = Field(min_length=1)
    gaps: str = Field(default="", description="What this pack does not cover, shown to users")

    @model_validator(mode="after")
    def _one_status_per_option(self) -> RegionPack:
        seen: set[str] = set()
        for status in self.statuses:
            if status.option in seen:
                raise ValueError(f"option {status.option!r} has two statuses; keep one")
            seen.add(status.option)
        return self
