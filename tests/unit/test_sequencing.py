"""Sequence builder logic: total weeks, skipped-adequacy flags and late-referral flags."""
from __future__ import annotations

import datetime as dt

import pytest

from components.schema.common import RoughRange
from components.schema.timelines import SequenceStep
from components.sequencing import (
    WeekSpan,
    plan_rows,
    plan_sequence,
    theoretical_cumulative_remission,
)

REVIEWED = dt.date(2026, 11, 29)


def step(step_id: str, kind: str = "antidepressant-trial", weeks: tuple[float, float] | None = (4, 8),
         **fields) -> SequenceStep:
    return SequenceStep(
        id=step_id, label=step_id.replace("-", " ").capitalize(), kind=kind,
        weeks=RoughRange(low=weeks[0], high=weeks[1], unit="weeks") if weeks else None,
        review_point="Check the response.", sources=["star-d-rush-2006"], reviewed=REVIEWED,
        **fields,
    )


STEPS = [
    step("trial-one", counts_as_adequate_trial=True),
    step("trial-two", kind="switch", counts_as_adequate_trial=True, adequate_trials_needed_before=1),
    step("add-on", kind="augmentation", weeks=(6, 12), counts_as_adequate_trial=True,
         adequate_trials_needed_before=1),
    step("wait", kind="waiting", weeks=(18, 22), skips_adequacy_check="A partial response is a trial."),
    step("tms", kind="neurostimulation", weeks=(4, 6), counts_as_adequate_trial=True,
         adequate_trials_needed_before=1, needs_specialist=True),
    step("esketamine", kind="rapid-acting", weeks=(4, 8), adequate_trials_needed_before=2,
         needs_specialist=True),
    step("ect", kind="ect", weeks=(2, 4), needs_specialist=True),
    step("referral", kind="referral", weeks=None),
]


def plan(*ids: str):
    return plan_sequence(list(ids), STEPS, referral_due_after_trials=2)


def test_total_weeks_add_the_short_and_long_lengths_of_every_step():
    result = plan("trial-one", "trial-two", "referral", "add-on")
    assert result.total_weeks == WeekSpan(14, 28)
    assert [p.start for p in result.steps] == [WeekSpan(0, 0), WeekSpan(4, 8), WeekSpan(8, 16),
                                               WeekSpan(8, 16)]
    assert result.steps[2].is_milestone and result.steps[2].end == result.steps[2].start


def test_a_well_ordered_sequence_has_no_flags():
    assert plan("trial-one", "trial-two", "referral", "add-on", "tms").flags == []


def test_a_step_that_needs_earlier_adequate_trials_is_flagged_when_they_are_missing():
    result = plan("referral", "esketamine")
    (planned, flag), = result.flags
    assert planned.step.id == "esketamine" and flag.kind == "skipped-adequacy"
    assert "at least 2 adequate trial(s)" in flag.message and "has 0" in flag.message


def test_a_step_that_itself_skips_the_review_is_flagged_with_its_reason():
    result = plan("trial-one", "wait", "referral", "trial-two")
    assert [(p.step.id, f.kind) for p, f in result.flags] == [("wait", "skipped-adequacy")]
    assert result.flags[0][1].message == "A partial response is a trial."


def test_a_step_after_two_failed_trials_without_referral_is_flagged_late():
    result = plan("trial-one", "trial-two", "add-on")
    assert result.referral_due == WeekSpan(8, 16)
    assert [(p.step.id, f.kind) for p, f in result.flags] == [("add-on", "late-referral")]
    assert "weeks 8–16" in result.flags[0][1].message


def test_a_referral_after_the_point_it_was_due_is_flagged_late():
    result = plan("trial-one", "trial-two", "add-on", "referral")
    flagged = [(p.step.id, f.kind) for p, f in result.flags]
    assert flagged == [("add-on", "late-referral"), ("referral", "late-referral")]
    assert "it comes at weeks 14–28" in result.flags[1][1].message


def test_a_referral_right_when_it_is_due_is_not_late():
    assert plan("trial-one", "trial-two", "referral").flags == []


def test_a_specialist_step_without_referral_is_flagged_and_makes_referral_due_at_its_start():
    result = plan("trial-one", "tms")
    assert result.referral_due == WeekSpan(4, 8)
    assert [(p.step.id, f.kind) for p, f in result.flags] == [("tms", "late-referral")]


def test_urgent_ect_first_needs_no_earlier_trials():
    result = plan("referral", "ect")
    assert result.flags == [] and result.total_weeks == WeekSpan(2, 4)


def test_unknown_step_ids_are_refused():
    with pytest.raises(KeyError, match="no-such-step"):
        plan("trial-one", "no-such-step")


def test_rows_give_the_text_equivalent_of_every_step_and_flag():
    rows = plan_rows(plan("referral", "esketamine"))
    assert [r["Step"] for r in rows] == ["Referral", "Esketamine"]
    assert rows[0]["Weeks needed"] == "milestone" and rows[0]["Flags"] == "none"
    assert rows[1]["Weeks needed"] == "4–8 weeks (rough)"
    assert rows[1]["Flags"].startswith("Skips an adequacy check:")


def test_star_d_theoretical_cumulative_remission_reaches_the_reported_67_percent():
    cumulative = theoretical_cumulative_remission([36.8, 30.6, 13.7, 13.0])
    assert cumulative[0] == 36.8
    assert cumulative == sorted(cumulative)
    assert round(cumulative[-1]) == 67


def test_week_span_labels():
    assert WeekSpan(4, 4).label() == "week 4"
    assert WeekSpan(4, 8).label() == "weeks 4–8"
    assert WeekSpan(22, 40).length_label() == "22–40 weeks (rough)"
