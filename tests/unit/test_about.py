"""About-page facts: the version comes from pyproject.toml, the review date is the content's newest,
the session plan fills its minutes exactly, and its deep links name things that exist."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from components.about import compute_review_span, compute_schedule, read_app_version
from components.navigation import PAGE_BY_ID
from components.schema.frame import SessionPlan
from components.schema.quiz import QUIZ_TOPIC_LABELS
from components.source_index import iter_reviewed


def test_the_version_is_read_from_pyproject(tmp_path: Path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\nversion = "2.3.4"\n', encoding="utf-8")
    assert read_app_version(pyproject) == "2.3.4"
    assert read_app_version()  # the real file has one


def test_the_review_span_is_the_newest_and_oldest_date_in_the_content(content):
    span = compute_review_span(content)
    dates = [item.reviewed for item in iter_reviewed(content)]
    assert (span.newest, span.oldest, span.entries) == (max(dates), min(dates), len(dates))
    assert span.newest >= content.frame.crisis_line.reviewed
    assert isinstance(span.newest, dt.date)


def _plan(*minutes: int, total: int) -> dict:
    return {"title": "T", "total_minutes": total, "intro": "I",
            "blocks": [{"minutes": m, "open": {"page": "map", "label": "Map"}, "activity": "A"}
                       for m in minutes]}


def test_a_schedule_runs_from_minute_zero_to_the_end():
    schedule = compute_schedule(SessionPlan.model_validate(_plan(5, 10, 30, total=45)))
    assert [(b.start_minute, b.end_minute) for b in schedule] == [(0, 5), (5, 15), (15, 45)]
    assert schedule[1].label == "5–15 min · Map"


def test_blocks_that_do_not_fill_the_session_are_rejected():
    with pytest.raises(ValidationError, match="add up to 40 minutes, not 45"):
        SessionPlan.model_validate(_plan(10, 30, total=45))


def test_the_shipped_session_plan_is_45_minutes_over_pages_in_order(content):
    plan = content.frame.session_plan
    assert plan.total_minutes == 45 == sum(block.minutes for block in plan.blocks)
    pages = [block.open.page for block in plan.blocks]
    assert len(set(pages)) == len(pages) >= 5
    assert {"checker", "cases", "quiz", "map", "ladder", "presentation"} <= set(pages)


def test_the_session_plan_deep_links_name_existing_entries(content):
    known = {
        ("checker", "case"): {e.id for e in content.entries("case")},
        ("cases", "case"): {e.id for e in content.entries("case")},
        ("map", "node"): {e.id for e in content.entries("map-node")},
        ("ladder", "option"): {e.id for e in content.entries("treatment")},
        ("quiz", "topic"): set(QUIZ_TOPIC_LABELS),
        ("presentation", "slide"): {str(n) for n in range(1, len(content.presentation.slides) + 1)},
    }
    for block in content.frame.session_plan.blocks:
        assert block.open.page in PAGE_BY_ID
        for param, value in block.open.params.items():
            assert value in known[(block.open.page, param)], (block.open.page, param, value)
