"""The guideline crosswalk: what each major guideline says at each TRD decision point, in its own words."""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from components.schema.common import KebabId, RefTo, SourcedEntry, SourceId, Strict, Text

TreatmentId = Annotated[str, RefTo("treatment")]
NodeId = Annotated[str, RefTo("map-node")]

# "stated": the guideline says something here and we read it (see read_in for how closely).
# "not-addressed": the guideline has no statement on this point (the cell says how we know).
# "not-verified": we could not read what it says; the cell names what is missing. Never a guess.
CellStatus = Literal["stated", "not-addressed", "not-verified"]
STATUS_LABELS: dict[str, str] = {
    "stated": "Stated",
    "not-addressed": "Not addressed",
    "not-verified": "Not verified here",
}

# How close to the guideline's own text the reading was.
ReadIn = Literal["guideline text", "copy of the guideline text", "transcription",
                 "secondary summary", "not read"]

# The app's rules a decision point can be compared with, beside the checker and the ladder.
AppRule = Literal["failed-trials", "trial-weeks", "non-response"]

Line = Literal["first", "second", "third", "investigational"]


class GuidelineColumn(Strict):
    """One guideline compared: a column of the matrix."""

    source: SourceId = Field(description="Its entry in data/sources.yaml (kind: guideline)")
    short_name: Text = Field(max_length=16, description="Column heading, e.g. 'CANMAT 2023'")
    region: Text
    strength_scheme: Text = Field(description="How this guideline words the strength of a "
                                  "recommendation, in its own terms")
    version_note: Text = Field(description="Which version is compared and why it is the current one")
    version_sources: list[SourceId] = Field(default_factory=list)


class WeekSpan(Strict):
    """Weeks a guideline names, e.g. 4, or 2–4."""

    low: float = Field(gt=0)
    high: float = Field(gt=0)

    @model_validator(mode="after")
    def _low_not_above_high(self) -> WeekSpan:
        if self.low > self.high:
            raise ValueError(f"low ({self.low:g}) is above high ({self.high:g})")
        return self

    def label(self) -> str:
        low, high = f"{self.low:g}", f"{self.high:g}"
        return f"{low} weeks" if low == high else f"{low}–{high} weeks"


class Rating(Strict):
    """A guideline's line of treatment for one ladder option, as the guideline grades it."""

    treatment: TreatmentId
    line: Line
    evidence_level: int | None = Field(default=None, ge=1, le=4)
    wording: Text = Field(description="The rating as the guideline words it")


class Cell(Strict):
    """What one guideline says at one decision point."""

    guideline: SourceId
    status: CellStatus
    short: Text = Field(max_length=90, description="The matrix cell: a few words")
    detail: Text = Field(description="The recommendation in our own words, or a short quotation")
    strength: str = Field(default="", description="The guideline's own strength, line or level "
                          "wording; empty only when nothing is stated")
    section: Text = Field(description="Recommendation number or section; for a cell with no "
                          "statement, where we looked")
    year: int = Field(ge=1990, le=2100)
    read_in: ReadIn
    position: KebabId | None = Field(default=None, description="One of the point's positions; "
                                     "cells with different positions disagree")
    weeks: WeekSpan | None = None
    non_response_below_percent: float | None = Field(default=None, gt=0, le=100)
    failed_trials: int | None = Field(default=None, ge=1)
    continue_months: float | None = Field(default=None, gt=0)
    ratings: list[Rating] = Field(default_factory=list)
    sources: list[SourceId] = Field(default_factory=list,
                                    description="Other pages the cell was read in, if any")
    note: str = Field(default="", description="How it was read and what could not be confirmed")

    @model_validator(mode="after")
    def _stated_cells_carry_their_wording(self) -> Cell:
        if self.status == "stated":
            if not self.strength.strip():
                raise ValueError("a stated cell gives the guideline's own strength wording "
                                 "(or says it was not seen)")
            if self.position is None:
                raise ValueError("a stated cell names its position")
            if self.read_in == "not read":
                raise ValueError("a stated cell was read somewhere: say where in read_in")
        elif self.position is not None:
            raise ValueError(f"a {self.status!r} cell has no position")
        if self.status == "not-verified" and not self.note.strip():
            raise ValueError("a not-verified cell says in note what is missing")
        return self


class Position(Strict):
    id: KebabId
    label: Text


class DecisionPoint(SourcedEntry):
    """One row of the matrix: a question every guideline answers (or not) in its own way."""

    id_space: ClassVar[str] = "decision-point"
    label: Text = Field(max_length=40)
    question: Text
    positions: list[Position] = Field(min_length=1)
    app_rule: AppRule | None = Field(default=None, description="The checker rule this row is "
                                     "compared with, if any")
    ladder_options: list[TreatmentId] = Field(default_factory=list)
    map_nodes: list[NodeId] = Field(default_factory=list)
    cells: list[Cell] = Field(min_length=1)

    @model_validator(mode="after")
    def _cells_name_known_positions(self) -> DecisionPoint:
        known = {position.id for position in self.positions}
        for cell in self.cells:
            if cell.position is not None and cell.position not in known:
                raise ValueError(f"cell for {cell.guideline}: position {cell.position!r} is not "
                                 f"one of this point's positions ({', '.join(sorted(known))})")
        seen: set[str] = set()
        for cell in self.cells:
            if cell.guideline in seen:
                raise ValueError(f"two cells for {cell.guideline}")
            seen.add(cell.guideline)
        return self

    def cell(self, guideline: str) -> Cell:
        return next(cell for cell in self.cells if cell.guideline == guideline)


class GuidelinesFile(Strict):
    intro: Text
    guidelines: list[GuidelineColumn] = Field(min_length=2)
    decision_points: list[DecisionPoint] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_point_has_a_row_for_every_guideline(self) -> GuidelinesFile:
        columns = [column.source for column in self.guidelines]
        problems = []
        for point in self.decision_points:
            named = [cell.guideline for cell in point.cells]
            missing = [g for g in columns if g not in named]
            extra = [g for g in named if g not in columns]
            if missing:
                problems.append(f"{point.id}: no cell for {', '.join(missing)}")
            if extra:
                problems.append(f"{point.id}: cell for {', '.join(extra)}, which is not one of "
                                "the guidelines compared")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def column(self, source: str) -> GuidelineColumn:
        return next(column for column in self.guidelines if column.source == source)

    def point(self, point_id: str) -> DecisionPoint:
        return next(point for point in self.decision_points if point.id == point_id)
