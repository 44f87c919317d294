"""Ready talks: a title, a time slot and the ordered items (slides, map cards, options...) to present."""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from components.schema.common import Entry, RefTo, Strict, Text

SlideId = Annotated[str, RefTo("slide")]
NodeId = Annotated[str, RefTo("map-node")]
TreatmentId = Annotated[str, RefTo("treatment")]
CaseId = Annotated[str, RefTo("case")]
QuestionId = Annotated[str, RefTo("question")]
DecisionPointId = Annotated[str, RefTo("decision-point")]
# Minutes for one item: half-minute steps are enough for a plan; an hour is the longest slot.
ItemMinutes = Annotated[float, Field(gt=0, le=60, multiple_of=0.5)]
SLOTS_MINUTES = (20, 45, 60)

# Each field names what the item is; the loader checks that the id exists in that kind of content.
ITEM_FIELDS: dict[str, str] = {
    "slide": "slide", "map_node": "map-node", "ladder_option": "ladder-option", "case": "case",
    "quiz_item": "quiz-item", "room_question": "room-question", "room_case": "room-question",
    "crosswalk_point": "crosswalk-point",
}


class TalkEntry(Strict):
    """One item of a ready talk: exactly one of the fields below, and the minutes it takes."""

    slide: SlideId | None = None
    map_node: NodeId | None = None
    ladder_option: TreatmentId | None = None
    case: CaseId | None = None
    quiz_item: QuestionId | None = None
    # A live question a training room asks between slides: a quiz item, or a case's decision.
    room_question: QuestionId | None = None
    room_case: CaseId | None = None
    crosswalk_point: DecisionPointId | None = None  # a row of the guideline crosswalk
    minutes: ItemMinutes

    @model_validator(mode="after")
    def _names_one_thing(self) -> TalkEntry:
        named = [name for name in ITEM_FIELDS if getattr(self, name) is not None]
        if len(named) != 1:
            raise ValueError(f"name exactly one of {', '.join(ITEM_FIELDS)} (found: "
                             f"{', '.join(named) or 'none'})")
        return self

    @property
    def kind(self) -> str:
        return next(ITEM_FIELDS[name] for name in ITEM_FIELDS if getattr(self, name) is not None)

    @property
    def item_id(self) -> str:
        return next(getattr(self, name) for name in ITEM_FIELDS if getattr(self, name) is not None)


class ReadyTalk(Entry):
    id_space: ClassVar[str] = "talk"
    title: Text
    slot_minutes: Literal[20, 45, 60]
    summary: Text = Field(description="Who the talk is for and what it covers, one sentence")
    items: list[TalkEntry] = Field(min_length=1)


class TalksFile(Strict):
    talks: list[ReadyTalk] = Field(min_length=1)
