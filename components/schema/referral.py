"""Referral criteria: antidepressant doses, trial adequacy, classifications, red flags, Maudsley staging."""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from components.schema.common import Entry, Evidence, KebabId, RefTo, SourcedEntry, Strict, Text

AdherenceId = Literal["good", "partial", "poor"]
OutcomeId = Literal["no-response", "partial-response", "response-not-remission", "remission"]
Urgency = Literal["urgent", "reconsider-diagnosis", "routine"]
# The classifications the rules in components/referral.py can return; the YAML words each one.
ClassificationId = Literal[
    "no-trials", "no-adequate-trial", "intolerance", "one-adequate-failure",
    "treatment-resistant", "responding", "remission",
]
# What a learner may answer for a practice case: a classification, or that the diagnosis must be
# looked at again before any trial count means anything.
CaseAnswerId = Literal[ClassificationId, "reconsider-diagnosis"]


class Antidepressant(SourcedEntry):
    """A drug the trial checker offers, with the dose below which a trial is not counted."""

    id_space: ClassVar[str] = "drug"
    name: Text
    drug_class: Text
    minimum_adequate_dose_mg_per_day: float = Field(gt=0)
    label_maximum_mg_per_day: float | None = Field(
        default=None, gt=0, description="Adult depression maximum in the US label, if confirmed"
    )
    note: Text = Field(description="Where the numbers come from and what could not be confirmed")

    @model_validator(mode="after")
    def _maximum_not_below_minimum(self) -> Antidepressant:
        maximum = self.label_maximum_mg_per_day
        if maximum is not None and maximum < self.minimum_adequate_dose_mg_per_day:
            raise ValueError(f"label maximum ({maximum:g}) is below the minimum adequate dose "
                             f"({self.minimum_adequate_dose_mg_per_day:g})")
        return self


class ResistanceThreshold(Evidence):
    """How many different antidepressants must fail adequate trials before the episode is resistant."""

    failed_antidepressants: int = Field(ge=1, description="Different antidepressants, each failed "
                                        "after an adequate trial")
    explanation: Text


class LabelMaximum(Evidence):
    """What the maximum dose in the dose table means and where it comes from."""

    name: Text = Field(description="Column heading, e.g. 'US label maximum'")
    meaning: Text


class DoseReference(Evidence):
    """Which list the minimum adequate doses come from, said once for the whole table."""

    name: Text
    caveat: Text


class AdequacyDefinition(SourcedEntry):
    """A definition of an adequate trial's length: the weeks at an adequate dose it requires."""

    id_space: ClassVar[str] = "adequacy-definition"
    name: Text
    minimum_weeks: float = Field(gt=0)
    summary: Text


class AdherenceLevel(Evidence):
    id: AdherenceId
    label: Text
    counts_toward_adequacy: bool
    explanation: Text


class TrialOutcome(Evidence):
    id: OutcomeId
    label: Text
    counts_as_failure: bool = Field(description="An adequate trial with this outcome failed")
    explanation: Text


class IntoleranceRule(Evidence):
    """When a trial stopped for side effects is intolerance, and when it still counts as failed."""

    explanation: Text = Field(description="A trial stopped before it was adequate")
    failed_after_adequate: Text = Field(
        description="The reason shown when an adequate trial failed and then stopped")


class NonResponseRule(Evidence):
    """Which improvement counts as non-response: the checker's rule and the stricter ones."""

    applied: Text = Field(description="The rule the checker applies, said in one sentence")
    alternative: Text = Field(description="How other definitions count the same trial")


class RelatedPair(Strict):
    """Two listed drugs so close (enantiomer, parent and metabolite) that some definitions balk."""

    drugs: list[Annotated[str, RefTo("drug")]] = Field(min_length=2, max_length=2)
    relation: Text


class RelatedDrugs(Evidence):
    """Pairs of near-identical antidepressants, and what definitions and payers say about them."""

    pairs: list[RelatedPair] = Field(min_length=1)
    note: Text = Field(description="Added to the reasoning when both drugs of a pair failed")


class Classification(SourcedEntry):
    """One verdict on the episode, with the next step it points to."""

    id_space: ClassVar[str] = "classification"
    id: ClassificationId  # type: ignore[assignment]
    label: Text
    next_step: Text


class RedFlag(SourcedEntry):
    """A finding that changes the advice: refer urgently, or look again at the diagnosis."""

    id_space: ClassVar[str] = "red-flag"
    label: Text
    urgency: Urgency
    advice: Text
    note: str = ""


class ReferralAdvice(SourcedEntry):
    """The overall advice for the most pressing urgency among the flags ticked (or none)."""

    id_space: ClassVar[str] = "referral-advice"
    id: Literal["urgent", "reconsider-diagnosis", "routine", "not-yet"]  # type: ignore[assignment]
    heading: Text
    text: Text


class DurationOption(Entry):
    id_space: ClassVar[str] = "msm-duration"
    label: Text
    score: int = Field(ge=0)


class SeverityOption(Entry):
    id_space: ClassVar[str] = "msm-severity"
    label: Text
    score: int = Field(ge=0)


class DurationItem(Strict):
    label: Text
    options: list[DurationOption] = Field(min_length=2)


class SeverityItem(Strict):
    label: Text
    options: list[SeverityOption] = Field(min_length=2)


class UsedItem(Strict):
    """A treatment the episode has or has not used; it adds its score if used."""

    label: Text
    score_if_used: int = Field(ge=1)


class FailureLevel(Strict):
    """A band of the number of failed antidepressants; `max_antidepressants` empty = no upper end."""

    label: Text
    min_antidepressants: int = Field(ge=1)
    max_antidepressants: int | None = None
    score: int = Field(ge=1)


class StagingBand(Strict):
    id: KebabId
    label: Text
    low: int
    high: int
    meaning: Text


class MaudsleyStaging(Evidence):
    """The Maudsley Staging Method: five scored dimensions and the bands of the total."""

    name: Text
    duration: DurationItem
    severity: SeverityItem
    failures_label: Text
    failure_levels: list[FailureLevel] = Field(min_length=1)
    augmentation: UsedItem
    ect: UsedItem
    bands: list[StagingBand] = Field(min_length=1)
    not_applicable: Text = Field(description="Shown when the episode is not treatment-resistant")
    unanswered: Text = Field(description="Shown until duration and severity are chosen")
    note: str = ""

    @model_validator(mode="after")
    def _levels_and_bands_are_contiguous(self) -> MaudsleyStaging:
        expected = 1
        for level in self.failure_levels:
            if level.min_antidepressants != expected:
                raise ValueError(f"failure level {level.label!r} should start at {expected}")
            if level.max_antidepressants is None:
                if level is not self.failure_levels[-1]:
                    raise ValueError("only the last failure level may have no upper end")
                break
            expected = level.max_antidepressants + 1
        items = (self.duration, self.severity)
        low = sum(min(o.score for o in i.options) for i in items) + self.failure_levels[0].score
        high = (sum(max(o.score for o in i.options) for i in items) + self.failure_levels[-1].score
                + self.augmentation.score_if_used + self.ect.score_if_used)
        expected_low = low
        for band in self.bands:
            if band.low != expected_low or band.high < band.low:
                raise ValueError(f"band {band.id!r} should start at {expected_low}")
            expected_low = band.high + 1
        if expected_low - 1 != high:
            raise ValueError(f"the bands should end at the highest possible total, {high}")
        return self


class ReferralFile(Strict):
    resistance_threshold: ResistanceThreshold
    dose_reference: DoseReference
    label_maximum: LabelMaximum
    antidepressants: list[Antidepressant] = Field(min_length=1)
    adequacy_definitions: list[AdequacyDefinition] = Field(min_length=1)
    default_adequacy_definition: KebabId
    adherence_levels: list[AdherenceLevel] = Field(min_length=3, max_length=3)
    outcomes: list[TrialOutcome] = Field(min_length=4, max_length=4)
    non_response_rule: NonResponseRule
    intolerance: IntoleranceRule
    related_drugs: RelatedDrugs
    classifications: list[Classification] = Field(min_length=7, max_length=7)
    red_flags: list[RedFlag] = Field(min_length=1)
    advice: list[ReferralAdvice] = Field(min_length=4, max_length=4)
    maudsley: MaudsleyStaging

    @model_validator(mode="after")
    def _each_answer_once(self) -> ReferralFile:
        for name in ("adherence_levels", "outcomes", "classifications", "advice"):
            ids = [item.id for item in getattr(self, name)]
            if len(set(ids)) != len(ids):
                raise ValueError(f"{name}: each id must appear exactly once (found: {ids})")
        return self

    @model_validator(mode="after")
    def _default_definition_exists(self) -> ReferralFile:
        if self.default_adequacy_definition not in {d.id for d in self.adequacy_definitions}:
            raise ValueError(f"default_adequacy_definition {self.default_adequacy_definition!r} "
                             "is not one of the adequacy_definitions")
        return self
