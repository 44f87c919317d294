"""The treatment ladder: rungs, and the next-line options on them with evidence, course and barriers."""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, Field, model_validator

from components.schema.common import RefTo, RoughRange, SourcedEntry, SourceId, Strict, Text

RungId = Annotated[str, RefTo("rung")]

Setting = Literal["primary-care", "shared-care", "specialist", "certified-centre"]
SETTING_LABELS: dict[str, str] = {
    "primary-care": "Primary care can start it",
    "shared-care": "Primary care with specialist advice",
    "specialist": "Specialist only",
    "certified-centre": "Certified centre only",
}

SETTING_SHORT_LABELS: dict[str, str] = {
    "primary-care": "Primary care",
    "shared-care": "Shared care",
    "specialist": "Specialist",
    "certified-centre": "Certified centre",
}

Modality = Literal["medication", "device", "procedure"]

# The rating scale behind a figure: "mixed" when a meta-analysis pooled trials that used different
# scales; "not stated" when the source read did not name it (shown as such, never guessed).
Scale = Literal["MADRS", "HAM-D", "QIDS-SR", "QIDS-C", "mixed (HAM-D or MADRS)", "not stated"]

RegulatoryStatus = Literal[
    "approved", "cleared", "reclassified", "off-label", "investigational", "not-approved"
]


def _unit_is(expected: str):
    """A validator that a RoughRange is in one unit, so charts never mix hours, days and weeks."""

    def check(value: RoughRange) -> RoughRange:
        if value.unit != expected:
            raise ValueError(f"unit must be {expected!r} (found: {value.unit!r})")
        return value

    return check


Days = Annotated[RoughRange, AfterValidator(_unit_is("days"))]
Weeks = Annotated[RoughRange, AfterValidator(_unit_is("weeks"))]
Minutes = Annotated[RoughRange, AfterValidator(_unit_is("minutes"))]
VisitsPerWeek = Annotated[RoughRange, AfterValidator(_unit_is("visits/week"))]


class Rung(SourcedEntry):
    """One step of the usual order of next-line treatment, and what moves a patient past it."""

    id_space: ClassVar[str] = "rung"
    label: Text
    short_label: Annotated[str, Field(min_length=1, max_length=18)]
    order: int = Field(ge=1)
    description: Text
    moves_on_when: Text = Field(description="What moves a patient from this rung to the next one")


class Course(Strict):
    """The acute course as the patient lives it: visits, their length, weeks, and lab tests.

    For medicines the visits are clinic reviews; minutes include any observation or recovery after
    the treatment, because that is the time the patient gives up.
    """

    visits_per_week: VisitsPerWeek
    minutes_per_visit: Minutes
    weeks: Weeks
    lab_monitoring: Text
    note: str = ""


class RegulatoryEvent(Strict):
    """One regulator's decision: who, what, when, for which indication."""

    agency: Text
    status: RegulatoryStatus
    year: int | None = Field(default=None, ge=1950, le=2100)
    indication: Text
    sources: list[SourceId] = Field(min_length=1)
    note: str = ""


class RangeEnd(Strict):
    """One end of a headline range, tied to the trial or review that reported it and its scale."""

    value: float
    source: SourceId
    scale: Scale
    context: Text = Field(description="Which trial arm, population or time point this end comes from")


class Headline(Strict):
    """A response/remission/relapse figure as a range whose ends each name their source and scale."""

    outcome: Text = Field(description="e.g. 'Remission at week 8'")
    unit: Literal["%", "odds ratio"] = "%"
    low: RangeEnd
    high: RangeEnd
    comparator: str = Field(default="", description="The control arm's figure, if reported")
    note: str = ""

    @model_validator(mode="after")
    def _low_not_above_high(self) -> Headline:
        if self.low.value > self.high.value:
            raise ValueError(f"low ({self.low.value}) is above high ({self.high.value})")
        return self

    @property
    def scales(self) -> str:
        """The scale, or both scales when the two ends come from trials that used different ones."""
        names = [scale if scale != "not stated" else "scale not stated"
                 for scale in (self.low.scale, self.high.scale)]
        return " / ".join(dict.fromkeys(names))

    def label(self) -> str:
        """e.g. '22–29% (QIDS-C)'; a single study gives one number, still labelled with its scale."""
        low, high = f"{self.low.value:g}", f"{self.high.value:g}"
        single = low == high and self.low.source == self.high.source
        span = low if single else f"{low}–{high}"
        unit = "%" if self.unit == "%" else f" ({self.unit})"
        return f"{span}{unit}, {self.scales}"


class EvidenceSummary(Strict):
    summary: Text
    headlines: list[Headline] = Field(default_factory=list)
    gaps: str = Field(default="", description="What could not be confirmed, in plain words")


class Barriers(Strict):
    """The practical things that stop or delay a patient getting the treatment."""

    driving: Text
    rems: str = Field(default="", description="Risk evaluation and mitigation strategy, if any")
    anaesthesia: bool = False
    prior_authorisation: Text = Field(description="Typical payer criteria, or that they vary")
    other: list[Text] = Field(default_factory=list)


class TreatmentOption(SourcedEntry):
    id_space: ClassVar[str] = "treatment"
    name: Text
    short_name: Annotated[str, Field(min_length=1, max_length=18)]
    rung: RungId
    modality: Modality
    drug_class: Text = Field(description="Pharmacological class or kind of device/procedure")
    dose: str = Field(default="", description="Dose or protocol as the cited trial or label gives it")
    summary: Text
    onset_days: Days
    course: Course
    setting: Setting
    setting_note: str = ""
    provided_by: Text
    regulatory: list[RegulatoryEvent] = Field(min_length=1)
    evidence: EvidenceSummary
    monitoring: list[Text] = Field(min_length=1)
    risks: list[Text] = Field(min_length=1)
    contraindications: list[Text] = Field(default_factory=list)
    barriers: Barriers
    note: str = ""


class TreatmentsFile(Strict):
    intro: Text = Field(description="The ladder page's one-paragraph introduction")
    course_note: Text = Field(description="Why the time-commitment figures are rough")
    minutes_per_visit_note: Text = Field(
        description="What the minutes per visit include, shown as the table column's help")
    rungs: list[Rung] = Field(default_factory=list)
    options: list[TreatmentOption] = Field(default_factory=list)
