"""The TRD concept map: node groups, the nodes around TRD, and what TRD is not. (Issue 3 fills it.)"""
from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from components.schema.common import Claim, Entry, PageId, RefTo, SourcedEntry, Strict, Text

GroupId = Annotated[str, RefTo("map-group")]
TreatmentId = Annotated[str, RefTo("treatment")]


class MapGroup(Entry):
    id_space: ClassVar[str] = "map-group"
    label: Text


class MapLink(Strict):
    page: PageId
    label: Text
    params: dict[str, str] = Field(default_factory=dict)


class MapNode(SourcedEntry):
    id_space: ClassVar[str] = "map-node"
    label: Text
    group: GroupId
    summary: Text
    key_facts: list[Claim] = Field(default_factory=list)
    links: list[MapLink] = Field(default_factory=list)
    treatment: TreatmentId | None = None


class MapFile(Strict):
    groups: list[MapGroup] = Field(default_factory=list)
    nodes: list[MapNode] = Field(default_factory=list)
