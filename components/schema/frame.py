"""Texts of the app frame: the crisis line, the education notice and the About page."""
from __future__ import annotations

from pydantic import Field

from components.schema.common import Evidence, Strict, Text


class CrisisLine(Evidence):
    text: Text


class FrameFile(Strict):
    app_title: Text
    tagline: Text
    crisis_line: CrisisLine
    education_notice: Text
    applying_criteria_notice: Text = Field(
        description="Shown wherever a user applies criteria to a patient"
    )
    about: list[Text] = Field(min_length=1)
