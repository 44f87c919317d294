"""Practice cases: short patient stories told in stages, with their trials and the expected answer."""
from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field, StrictInt, ValidationError, ValidationInfo, field_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from components.schema.common import RefTo, SourcedEntry, Strict, Text
from components.schema.referral import AdherenceId, CaseAnswerId, OutcomeId

DrugId = Annotated[str, RefTo("drug")]
RedFlagId = Annotated[str, RefTo("red-flag")]
DurationId = Annotated[str, RefTo("msm-duration")]
SeverityId = Annotated[str, RefTo("msm-severity")]
# A trainer's time for one part of the story, discussion included: whole minutes, 1 to 15.
StageMinutes = Annotated[StrictInt, Field(ge=1, le=15)]


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


class WrongAnswer(Strict):
    """An answer learners often give to this case, and why it does not hold."""

    answer: CaseAnswerId | None = Field(
        default=None, description="The practice-case answer id, when the wrong answer is one of them"
    )
    learner_says: Text = Field(description="The wrong answer as a learner puts it")
    why_it_is_wrong: Text


class FacilitatorNotes(Strict):
    """What a trainer needs to run the case with a group: questions, likely mistakes, timing."""

    ask_the_room: list[Text] = Field(min_length=2, description="Questions to put to the group")
    common_wrong_answers: list[WrongAnswer] = Field(min_length=1)
    minutes_per_stage: list[StageMinutes] = Field(
        min_length=1, description="Minutes for each story stage, discussion included"
    )


def _field_error(loc: tuple[str | int, ...], message: str, value: object) -> ValidationError:
    """A validation error placed at `loc` inside the field being checked, so it names that field."""
    detail = InitErrorDetails(type=PydanticCustomError("case_facilitator", message),
                              loc=loc, input=value)
    return ValidationError.from_exception_data("FacilitatorNotes", [detail])


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
    facilitator: FacilitatorNotes

    @field_validator("facilitator")
    @classmethod
    def _notes_fit_the_case(cls, notes: FacilitatorNotes, info: ValidationInfo) -> FacilitatorNotes:
        stages = info.data.get("stages")
        if stages is not None and len(notes.minutes_per_stage) != len(stages):
            raise _field_error(
                ("minutes_per_stage",),
                f"{len(notes.minutes_per_stage)} values for {len(stages)} stages: give one "
                "whole number of minutes per story stage",
                notes.minutes_per_stage,
            )
        expected = info.data.get("expected_answer")
        for index, wrong in enumerate(notes.common_wrong_answers):
            if expected is not None and wrong.answer == expected:
                raise _field_error(
                    ("common_wrong_answers", index, "answer"),
                    f"{wrong.answer!r} is the case's expected answer, so it cannot be a wrong one",
                    wrong.answer,
                )
        return notes


class CasesFile(Strict):
    cases: list[PracticeCase] = Field(min_length=8)
