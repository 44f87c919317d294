"""Referral criteria: antidepressants with minimum adequate doses, red flags, staging. (Issue 6.)"""
from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from components.schema.common import SourcedEntry, Strict, Text


class Antidepressant(SourcedEntry):
    id_space: ClassVar[str] = "drug"
    name: Text
    drug_class: Text
    minimum_adequate_dose_mg_per_day: float = Field(gt=0)


class ReferralFile(Strict):
    antidepressants: list[Antidepressant] = Field(default_factory=list)
