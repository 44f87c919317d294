"""Facts the About page derives: the app's version, the content's review dates, the session timetable."""
from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from components.schema.frame import SessionBlock, SessionPlan
from components.source_index import iter_reviewed

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def read_app_version(pyproject: Path = PYPROJECT) -> str:
    """The version in pyproject.toml: the one place it is written down."""
    with pyproject.open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


@dataclass(frozen=True)
class ReviewSpan:
    newest: dt.date
    oldest: dt.date
    entries: int


def compute_review_span(content: BaseModel) -> ReviewSpan:
    """The newest and oldest `reviewed` date anywhere in the content, and how many entries carry one."""
    dates = [item.reviewed for item in iter_reviewed(content)]
    return ReviewSpan(max(dates), min(dates), len(dates))


@dataclass(frozen=True)
class ScheduledBlock:
    start_minute: int
    end_minute: int
    block: SessionBlock

    @property
    def label(self) -> str:
        return f"{self.start_minute}–{self.end_minute} min · {self.block.open.label}"


def compute_schedule(plan: SessionPlan) -> list[ScheduledBlock]:
    """Each block with the minute it starts and ends, in order from 0 to the session's length."""
    scheduled, start = [], 0
    for block in plan.blocks:
        scheduled.append(ScheduledBlock(start, start + block.minutes, block))
        start += block.minutes
    return scheduled
