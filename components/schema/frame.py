"""Texts of the app frame: the crisis line, the education notice and the About page."""
from __future__ import annotations

from pydantic import Field, model_validator

from components.schema.common import Evidence, Strict, Text
from components.schema.quiz import PageLink


class CrisisLine(Evidence):
    text: Text


class SessionBlock(Strict):
    """One block of a teaching session: how long, which page (with a deep link), what to do."""

    minutes: int = Field(ge=1, le=60)
    open: PageLink
    activity: Text


class SessionPlan(Strict):
    """A trainer's session that walks through the app's pages in order; the blocks fill it exactly."""

    title: Text
    total_minutes: int = Field(ge=5, le=180)
    intro: Text
    blocks: list[SessionBlock] = Field(min_length=2)

    @model_validator(mode="after")
    def _blocks_fill_the_session(self) -> SessionPlan:
        planned = sum(block.minutes for block in self.blocks)
        if planned != self.total_minutes:
            raise ValueError(f"the blocks add up to {planned} minutes, not {self.total_minutes}")
        return self


class FrameFile(Strict):
    app_title: Text
    tagline: Text
    crisis_line: CrisisLine
    education_notice: Text
    applying_criteria_notice: Text = Field(
        description="Shown wherever a user applies criteria to a patient"
    )
    about: list[Text] = Field(min_length=1)
    clinical_review: Text = Field(description="Who reviewed the clinical content, and when")
    report_an_error: Text = Field(description="How a reader reports a mistake in the content")
    licence: Text
    jurisdiction: Text = Field(description="Which country's rules the content assumes")
    session_plan: SessionPlan
