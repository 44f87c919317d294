"""Sequential-treatment evidence (STAR*D and others) and the steps and paths of the sequencing timelines."""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, Field, model_validator

from components.schema.common import (
    Claim,
    Evidence,
    RefTo,
    RoughRange,
    SourcedEntry,
    SourceId,
    Strict,
    Text,
)


def _in_weeks(value: RoughRange) -> RoughRange:
    """Steps are laid end to end on one week axis, so every step length must be in weeks."""
    if value.unit != "weeks":
        raise ValueError(f"unit must be 'weeks' (found: {value.unit!r})")
    return value


Weeks = Annotated[RoughRange, AfterValidator(_in_weeks)]
Percent = Annotated[float, Field(ge=0, le=100)]
StepId = Annotated[str, RefTo("sequence-step")]


class Finding(Strict):
    """One reported percentage with the scale it was measured on and its sources."""

    percent: Percent
    approximate: bool = Field(default=False, description="True when the source gives 'about' a value")
    scale: Text
    scale_name: Text = Field(description="The scale's short name for chart legends, e.g. HRSD17")
    label: Text = Field(description="What the figure is, in a few words, for the chart legend")
    sources: list[SourceId] = Field(min_length=1)
    note: str = Field(default="", description="How the figure was read, and any caveat")

    def value_label(self) -> str:
        return f"{'about ' if self.approximate else ''}{self.percent:g}%"


class StarDLevel(Strict):
    """One treatment level of STAR*D: what was given, how many entered, how many remitted."""

    level: int = Field(ge=1, le=4)
    treatments: Text
    patients_entering: int = Field(ge=1)
    remission_percent: Percent
    sources: list[SourceId] = Field(min_length=1)
    note: str = ""


class RelapseEvidence(Strict):
    """What is known about relapse after each level: confirmed claims, and what could not be confirmed."""

    confirmed: list[Claim] = Field(min_length=1)
    not_confirmed: Text


class StarD(SourcedEntry):
    """The STAR*D trial: remission per level, the cumulative figure and its re-analysis, relapse."""

    id_space: ClassVar[str] = "sequential-trial"
    name: Text
    summary: Text
    remission_scale: Text
    remission_scale_name: Text = Field(description="Short name of the scale the per-level "
                                       "remission rates use, for chart legends and table headings")
    levels: list[StarDLevel] = Field(min_length=4, max_length=4)
    reported_cumulative: Finding
    reanalysed_cumulative: Finding
    level_one_primary: Finding
    caveat: Text
    relapse: RelapseEvidence

    @model_validator(mode="after")
    def _levels_in_order(self) -> StarD:
        if [level.level for level in self.levels] != [1, 2, 3, 4]:
            raise ValueError("levels must be listed in order 1, 2, 3, 4")
        return self


class TrialArm(Strict):
    label: Text
    patients: int = Field(ge=1)
    remission_percent: Percent


class SequentialTrial(SourcedEntry):
    """Another trial that compared next steps after a failed treatment (e.g. switch vs augment)."""

    id_space: ClassVar[str] = "sequential-trial"
    name: Text
    question: Text
    population: Text
    outcome: Text = Field(description="The remission definition and when it was measured")
    arms: list[TrialArm] = Field(min_length=2)
    finding: Text
    note: str = ""


StepKind = Literal[
    "antidepressant-trial", "dose-optimisation", "switch", "augmentation", "waiting",
    "neurostimulation", "rapid-acting", "ect", "referral",
]


class SequenceStep(SourcedEntry):
    """One step a sequence can contain, with the weeks it needs and the checks around it.

    `weeks` is how long the step must run to count as adequate (or to finish its course);
    a referral has no weeks and is drawn as a milestone.
    """

    id_space: ClassVar[str] = "sequence-step"
    label: Text = Field(description="Short name shown on the timeline's axis")
    kind: StepKind
    weeks: Weeks | None = None
    counts_as_adequate_trial: bool = False
    adequate_trials_needed_before: int = Field(
        default=0, ge=0, description="Adequate trials in this episode that should come first"
    )
    needs_specialist: bool = False
    skips_adequacy_check: str = Field(
        default="", description="If the step itself skips an adequacy review: why, in one sentence"
    )
    review_point: Text = Field(description="What to check when the step ends")
    note: str = ""

    @model_validator(mode="after")
    def _weeks_unless_referral(self) -> SequenceStep:
        if (self.kind == "referral") != (self.weeks is None):
            raise ValueError("a referral has no weeks; every other step needs weeks")
        return self


class SequencingRules(Evidence):
    """When TRD Map marks referral as due: after this many adequate trials, or before a specialist step."""

    referral_due_after_trials: int = Field(ge=1)
    explanation: Text


class SequencingPath(SourcedEntry):
    """A curated, realistic path through the steps, with where referral should happen."""

    id_space: ClassVar[str] = "sequencing-path"
    name: Text
    summary: Text
    steps: list[StepId] = Field(min_length=1)
    referral_point: Text
    teaching_point: Text


class TimelinesFile(Strict):
    star_d: StarD
    sequential_trials: list[SequentialTrial] = Field(default_factory=list)
    sequencing_rules: SequencingRules
    sequence_steps: list[SequenceStep] = Field(min_length=1)
    sequencing_paths: list[SequencingPath] = Field(min_length=3)
