"""The TRD concept map: groups, nodes and edges around TRD, its lookalikes, why it matters, the path outward."""
from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field, model_validator

from components.schema.common import (
    Claim,
    Entry,
    Evidence,
    PageId,
    RefTo,
    SourcedEntry,
    SourceId,
    Strict,
    Text,
)

GroupId = Annotated[str, RefTo("map-group")]
NodeId = Annotated[str, RefTo("map-node")]
TreatmentId = Annotated[str, RefTo("treatment")]


class MapGroup(Entry):
    """A kind of node (defining criteria, symptom, treatment, referral); one colour and legend entry."""

    id_space: ClassVar[str] = "map-group"
    label: Text
    description: Text


class MapLink(Strict):
    """A link to the app page that goes deeper; `option` opens the treatment ladder at that option."""

    page: PageId
    label: Text
    option: TreatmentId | None = None

    @model_validator(mode="after")
    def _option_only_on_the_ladder(self) -> MapLink:
        if self.option and self.page != "ladder":
            raise ValueError(f"option {self.option!r} only applies to links to the ladder page")
        return self

    def query_params(self) -> dict[str, str]:
        """The target page's query parameters (the ladder reads ?option=<treatment id>)."""
        return {"option": self.option} if self.option else {}


class MapNode(SourcedEntry):
    """One element of the map and the detail card it opens."""

    id_space: ClassVar[str] = "map-node"
    label: Text = Field(max_length=40, description="As drawn on the map: short, so it stays legible")
    group: GroupId
    summary: Text = Field(description="What it is, in plain language")
    why_it_matters: Text = Field(description="Why it matters for the referral decision")
    key_facts: list[Claim] = Field(min_length=1)
    links: list[MapLink] = Field(min_length=1)
    note: str = Field(default="", description="What could not be confirmed, in plain words")


class MapEdge(Strict):
    """A line on the map; the relation is spoken in the text equivalent and the hover."""

    source: NodeId
    target: NodeId
    relation: Text


class Lookalike(SourcedEntry):
    """A condition mistaken for TRD: how it differs, what catches it, and the different next step."""

    id_space: ClassVar[str] = "map-lookalike"
    label: Text
    how_it_differs: Text
    how_to_catch_it: Text
    next_step: Text
    link: MapLink | None = None
    note: str = ""


class RemissionCount(Strict):
    """One way of counting cumulative remission in a sequential trial, with its own sources."""

    label: Text
    percent: float = Field(ge=0, le=100)
    approximate: bool = False
    how_counted: Text
    sources: list[SourceId] = Field(min_length=1)

    def value_label(self) -> str:
        return f"{'~' if self.approximate else ''}{self.percent:g}%"


class WhyItMatters(Evidence):
    """The case for naming TRD: sourced facts, and both counts where the sources disagree."""

    intro: Text
    key_facts: list[Claim] = Field(min_length=1)
    remission_question: Text
    remission_counts: list[RemissionCount] = Field(min_length=2)
    why_counts_differ: Text
    note: str = ""


class PathStep(Strict):
    """One step of the knowledge path outward from the map, linked to the page that covers it."""

    step: Text
    title: Text
    summary: Text
    link: MapLink


class MapFile(Strict):
    intro: Text
    centre: NodeId
    groups: list[MapGroup] = Field(min_length=1)
    nodes: list[MapNode] = Field(min_length=2)
    edges: list[MapEdge] = Field(default_factory=list)
    lookalikes_intro: Text
    lookalikes: list[Lookalike] = Field(min_length=1)
    why_it_matters: WhyItMatters
    path_intro: Text
    path: list[PathStep] = Field(min_length=1)

    @model_validator(mode="after")
    def _edges_join_two_nodes(self) -> MapFile:
        for edge in self.edges:
            if edge.source == edge.target:
                raise ValueError(f"edge from {edge.source!r} to itself")
        return self

    def node(self, node_id: str) -> MapNode | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def group(self, group_id: str) -> MapGroup:
        return next(g for g in self.groups if g.id == group_id)
