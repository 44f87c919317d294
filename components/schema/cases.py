"""Practice cases: short patient stories told in stages, with their trials and the expected answer."""
from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from components.schema.common import RefTo, SourcedEntry, Strict, Text
from components.schema.referral import AdherenceId, CaseAnswerId, OutcomeId

DrugId = Annotated[str, RefTo("drug")]
RedFlagId = Annotated[str, RefTo("red-flag")]
DurationId = Annotated[str, RefTo("msm-duration")]
SeverityId = Annotated[str, RefTo("msm-severity")]



class CaseTrial(Strict):
    """One antidepressant trial as the story tells it, loadable into the trial checker."""

    drug: DrugId
    dose_mg_per_day: float = Field(gt=0)
    weeks: float = Field(gt=0, description="Weeks at this dose")
    adherence: AdherenceId
    outcome: OutcomeId
    stopped_for_side_effects: bool = False


class CaseStaging(Strict):
    """The Maudsley Staging Method answers the story implies (option ids from data/referral.yaml)."""

    duration: DurationId
    severity: SeverityId
    augmentation_used: bool = False
    ect_used: bool = False


class PracticeCase(SourcedEntry):
    id_space: ClassVar[str] = "case"
    title: Text
    stages: list[Text] = Field(min_length=2, description="The story, revealed one part at a time")
    discussion_prompts: list[Text] = Field(min_length=1)
    trials: list[CaseTrial] = Field(min_length=1)
    red_flags: list[RedFlagId] = Field(default_factory=list)
    staging: CaseStaging
    expected_answer: CaseAnswerId = Field(
        description="The checker's classification under the default adequacy definition, or "
        "reconsider-diagnosis when a diagnostic red flag comes before any trial count"
    )
    teaching_point: Text


class CasesFile(Strict):
    cases: list[PracticeCase] = Field(min_length=8)
