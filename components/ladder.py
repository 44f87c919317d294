"""Treatment-ladder logic: time commitment, the comparison table, its filters and sorting."""
from __future__ import annotations

from components.schema.treatments import TreatmentOption


def acute_course_hours(option: TreatmentOption) -> tuple[float, float]:
    """Low and high hours a patient spends at visits over the acute course (visits × length × weeks)."""
    course = option.course
    low = course.visits_per_week.low * course.minutes_per_visit.low / 60 * course.weeks.low
    high = course.visits_per_week.high * course.minutes_per_visit.high / 60 * course.weeks.high
    return low, high
