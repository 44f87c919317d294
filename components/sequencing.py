"""Sequence builder logic: steps laid end to end in weeks, with skipped-adequacy and late-referral flags."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from components.schema.common import span
from components.schema.timelines import SequenceStep, StarD

FlagKind = Literal["skipped-adequacy", "late-referral"]
FLAG_LABELS: dict[str, str] = {
    "skipped-adequacy": "Skips an adequacy check",
    "late-referral": "Later than referral should have happened",
}


@dataclass(frozen=True)
class WeekSpan:
    """A rough span in weeks: each step may take its shorter or its longer length."""

    low: float
    high: float

    def __add__(self, other: WeekSpan) -> WeekSpan:
        return WeekSpan(self.low + other.low, self.high + other.high)

    def label(self) -> str:
        """'week 4' or 'weeks 4–8': a point on the timeline."""
        return f"{'week' if self.low == self.high else 'weeks'} {span(self.low, self.high)}"

    def length_label(self) -> str:
        """'4–8 weeks (rough)': how long something takes."""
        return f"{span(self.low, self.high)} weeks (rough)"


@dataclass(frozen=True)
class Flag:
    kind: FlagKind
    message: str

    @property
    def title(self) -> str:
        return FLAG_LABELS[self.kind]


@dataclass(frozen=True)
class PlannedStep:
    """One step placed on the timeline: when it starts and ends, and what is wrong with it, if anything."""

    step: SequenceStep
    start: WeekSpan
    end: WeekSpan
    flags: tuple[Flag, ...]

    @property
    def is_milestone(self) -> bool:
        return self.step.weeks is None


@dataclass(frozen=True)
class SequencePlan:
    steps: tuple[PlannedStep, ...]
    total_weeks: WeekSpan
    referral_due: WeekSpan | None  # when referral became due, if it did

    @property
    def flags(self) -> list[tuple[PlannedStep, Flag]]:
        return [(planned, flag) for planned in self.steps for flag in planned.flags]


def plan_sequence(chosen: Sequence[str], steps: Iterable[SequenceStep],
                  referral_due_after_trials: int) -> SequencePlan:
    """Place the chosen steps end to end and flag skipped adequacy checks and late referral.

    Referral is due at the end of the step that completes `referral_due_after_trials` adequate
    trials, or at the start of the first step that needs a specialist, whichever comes first.
    """
    by_id = {step.id: step for step in steps}
    unknown = [step_id for step_id in chosen if step_id not in by_id]
    if unknown:
        raise KeyError(f"unknown sequence step(s): {', '.join(unknown)}")

    clock = WeekSpan(0, 0)
    trials = 0
    referred = False
    due: WeekSpan | None = None
    due_reason = ""
    planned: list[PlannedStep] = []
    for step_id in chosen:
        step = by_id[step_id]
        if step.needs_specialist and due is None and not referred:
            due, due_reason = clock, f"{step.label} needs a specialist service"
        flags = _flags(step, trials, referred, due, due_reason, clock)
        length = WeekSpan(step.weeks.low, step.weeks.high) if step.weeks else WeekSpan(0, 0)
        end = clock + length
        planned.append(PlannedStep(step, clock, end, tuple(flags)))
        if step.kind == "referral":
            referred = True
        if step.counts_as_adequate_trial:
            trials += 1
            if trials == referral_due_after_trials and due is None and not referred:
                due = end
                due_reason = f"{trials} adequate trials without remission"
        clock = end
    return SequencePlan(tuple(planned), clock, due)


def _flags(step: SequenceStep, trials: int, referred: bool, due: WeekSpan | None,
           due_reason: str, start: WeekSpan) -> list[Flag]:
    flags: list[Flag] = []
    if step.skips_adequacy_check:
        flags.append(Flag("skipped-adequacy", step.skips_adequacy_check))
    needed = step.adequate_trials_needed_before
    if trials < needed:
        flags.append(Flag(
            "skipped-adequacy",
            f"{step.label} usually follows at least {needed} adequate trial(s) in this episode; "
            f"this sequence has {trials} before it.",
        ))
    if referred or due is None:
        return flags
    if step.kind == "referral":
        if start.low > due.low or start.high > due.high:
            flags.append(Flag(
                "late-referral",
                f"Referral was due at {due.label()} ({due_reason}); it comes at {start.label()}.",
            ))
    else:
        flags.append(Flag(
            "late-referral",
            f"Referral was due at {due.label()} ({due_reason}); this step starts without one.",
        ))
    return flags


def theoretical_cumulative_remission(per_level_percent: Sequence[float]) -> list[float]:
    """Cumulative remission after each level if nobody drops out: STAR*D's 'theoretical' method.

    Each level's remission rate applies to everyone not yet in remission.
    """
    cumulative: list[float] = []
    not_remitted = 1.0
    for percent in per_level_percent:
        not_remitted *= 1 - percent / 100
        cumulative.append(round(100 * (1 - not_remitted), 1))
    return cumulative


def star_d_cumulative(star_d: StarD) -> list[float]:
    return theoretical_cumulative_remission([level.remission_percent for level in star_d.levels])


def plan_rows(plan: SequencePlan) -> list[dict[str, object]]:
    """The plan as table rows: the text equivalent of the timeline chart."""
    return [
        {
            "Step": planned.step.label,
            "Weeks needed": planned.step.weeks.label() if planned.step.weeks else "milestone",
            "Starts": planned.start.label(),
            "Review point": planned.step.review_point,
            "Flags": " ".join(f"{flag.title}: {flag.message}" for flag in planned.flags) or "none",
        }
        for planned in plan.steps
    ]
