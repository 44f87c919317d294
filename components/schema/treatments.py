"""The treatment ladder: rungs, and the next-line options on them with evidence, course and barriers."""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, Field, model_validator

from components.schema.common import RefTo, RoughRange, SourcedEntry, SourceId, Strict, Text

RungId = Annotated[str, RefTo("rung")]
DrugId = Annotated[str, RefTo("drug")]

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
Scale = Literal[
    "MADRS", "HAM-D", "QIDS-SR", "QIDS-C", "CGI-S", "mixed (HAM-D or MADRS)", "not stated",
]

# How the figure was produced. A range may only join ends of one design: open-label, pooled or
# registry figures are never folded into a randomised range.
Design = Literal[
    "randomised", "randomised-open-label", "open-label", "pooled", "post-hoc", "meta-analysis",
    "observational", "registry",
]
DESIGN_LABELS: dict[str, str] = {
    "randomised": "randomised trial",
    "randomised-open-label": "randomised, open-label trial",
    "open-label": "open-label, not randomised",
    "pooled": "pooled across arms, not one treatment",
    "post-hoc": "post-hoc analysis",
    "meta-analysis": "meta-analysis",
    "observational": "observational, not randomised",
    "registry": "registry, not randomised",
}

# A cut-off names a threshold ("≤5", "≥50% fall") unless the source did not state one.
_CUT_OFF_WORDS = ("not stated", "as each trial defined it")

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
    note: str = Field(default="", description="Where the rung's facts were read and how sure they are")


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


def _names_a_threshold(cut_off: str) -> str:
    if not (set(cut_off) & set("≤≥<>") or cut_off.startswith(_CUT_OFF_WORDS)):
        raise ValueError("a cut-off names its threshold, e.g. '≤5' or '≥50% fall', or says "
                         f"{' or '.join(repr(w) for w in _CUT_OFF_WORDS)}")
    return cut_off


CutOff = Annotated[Text, AfterValidator(_names_a_threshold)]


class RangeEnd(Strict):
    """One end of a headline range: its value, source, scale and cut-off, population and design."""

    value: float
    source: SourceId
    scale: Scale
    cut_off: CutOff = Field(description="The threshold on the scale, e.g. '≤5' or '≥50% fall'")
    population: Text = Field(description="Who was studied, e.g. 'outpatients after one failed SSRI'")
    design: Design
    time_point: Text = Field(description="When the figure was measured, e.g. 'week 8'")
    context: Text = Field(description="Which trial, arm and size this end comes from")

    @property
    def scale_and_cut_off(self) -> str:
        """'QIDS-SR ≤5'; an unstated scale or cut-off is said to be unstated."""
        scale = "scale not stated" if self.scale == "not stated" else self.scale
        cut_off = "cut-off not stated" if self.cut_off.startswith("not stated") else self.cut_off
        return f"{scale}, {cut_off}" if scale == "scale not stated" else f"{scale} {cut_off}"


# What the two ends of one range must share; anything else is two headlines.
_SAME_ON_BOTH_ENDS = ("scale", "cut_off", "design", "time_point")


class Headline(Strict):
    """A response/remission/relapse figure as a range whose ends share scale, cut-off and design."""

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

    @model_validator(mode="after")
    def _ends_alike(self) -> Headline:
        differ = [name for name in _SAME_ON_BOTH_ENDS
                  if getattr(self.low, name) != getattr(self.high, name)]
        if differ:
            found = "; ".join(f"{name}: {getattr(self.low, name)!r} vs {getattr(self.high, name)!r}"
                              for name in differ)
            raise ValueError("a range may only join ends of the same scale, cut-off, design and "
                             f"time point; split it into separate headlines ({found})")
        return self

    @property
    def scales(self) -> str:
        """The scale and cut-off both ends share, e.g. 'QIDS-SR ≤5'."""
        return self.low.scale_and_cut_off

    @property
    def population(self) -> str:
        """The population, or each end's when the two ends come from different populations."""
        if self.low.population == self.high.population:
            return self.low.population
        return f"{self.low.population} (low end); {self.high.population} (high end)"

    @property
    def design(self) -> str:
        return DESIGN_LABELS[self.low.design]

    def figure(self) -> str:
        """'22–29%' or '25%': a single study gives one number."""
        low, high = f"{self.low.value:g}", f"{self.high.value:g}"
        single = low == high and self.low.source == self.high.source
        span = low if single else f"{low}–{high}"
        return f"{span}%" if self.unit == "%" else f"{span} ({self.unit})"

    def label(self) -> str:
        """The figure with its scale and cut-off, population and design, as every view shows it."""
        return f"{self.figure()} ({self.scales}; {self.population}; {self.design})"


class EvidenceSummary(Strict):
    summary: Text
    headlines: list[Headline] = Field(default_factory=list)
    gaps: str = Field(default="", description="What could not be confirmed, in plain words")


class Barriers(Strict):
    """The practical things that stop or delay a patient getting the treatment."""

    driving: Text
    rems: str = Field(default="", description="Risk evaluation and mitigation strategy, if any")
    anaesthesia: bool = False
    prior_authorisation: str = Field(
        default="", description="Typical payer criteria, or that they vary; empty when not confirmed "
        "(the option's note then says so)")
    other: list[Text] = Field(default_factory=list)


class TreatmentOption(SourcedEntry):
    id_space: ClassVar[str] = "treatment"
    name: Text
    short_name: Annotated[str, Field(min_length=1, max_length=18)]
    rung: RungId
    modality: Modality
    drug_class: Text = Field(description="Pharmacological class or kind of device/procedure")
    dose: str = Field(default="", description="Dose or protocol as the cited trial or label gives it")
    checker_drug: DrugId | None = Field(
        default=None, description="The trial checker's antidepressant (data/referral.yaml) this "
        "option starts; the ladder then states the checker's minimum adequate dose")
    target_dose_mg_per_day: float | None = Field(
        default=None, gt=0, description="The target dose the dose text names, if it names one; "
        "a test checks it is not below the checker's minimum adequate dose")
    guideline_line: str = Field(
        default="", description="The line of treatment a guideline gives it, with the guideline")
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
    note: str = Field(default="", description="Where the option's practical facts (dose, risks, "
                      "monitoring, barriers) were read and how sure they are")


class TreatmentsFile(Strict):
    intro: Text = Field(description="The ladder page's one-paragraph introduction")
    course_note: Text = Field(description="Why the time-commitment figures are rough")
    minutes_per_visit_note: Text = Field(
        description="What the minutes per visit include, shown as the table column's help")
    rungs: list[Rung] = Field(default_factory=list)
    options: list[TreatmentOption] = Field(default_factory=list)
