"""Treatment-ladder logic: time commitment, practical questions, filters, sorting and the comparison table."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from components.schema.common import span
from components.schema.referral import Antidepressant
from components.schema.treatments import SETTING_LABELS, SETTING_SHORT_LABELS, Rung, TreatmentOption

WEEK_DAYS = 7


def acute_course_hours(option: TreatmentOption) -> tuple[float, float]:
    """Low and high hours a patient spends at visits over the acute course (visits × length × weeks)."""
    course = option.course
    low = course.visits_per_week.low * course.minutes_per_visit.low / 60 * course.weeks.low
    high = course.visits_per_week.high * course.minutes_per_visit.high / 60 * course.weeks.high
    return low, high


def hours_per_week(option: TreatmentOption) -> tuple[float, float]:
    """Low and high hours a patient spends at visits in one week of the acute course."""
    course = option.course
    return (course.visits_per_week.low * course.minutes_per_visit.low / 60,
            course.visits_per_week.high * course.minutes_per_visit.high / 60)


# ---------------------------------------------------------------- practical questions


@dataclass(frozen=True)
class Question:
    """A yes/no question a clinician asks of an option, answered from its content."""

    key: str
    label: str
    answer: Callable[[TreatmentOption], bool]
    help: str


QUESTIONS: tuple[Question, ...] = (
    # Shared care counts: primary care starts it, with a specialist's advice.
    Question("primary_care", "Can primary care start it?",
             lambda option: option.setting in ("primary-care", "shared-care"),
             "Yes includes shared care: started in primary care with a specialist's advice."),
    # The onset range is rough, so "within a week" means its low end is at most 7 days.
    Question("within_week", "Can it work within a week?",
             lambda option: option.onset_days.low <= WEEK_DAYS,
             "Yes when the rough onset range starts within 7 days."),
    Question("certified", "Needs a certified setting?",
             lambda option: option.setting == "certified-centre",
             "Yes when it may only be given in a certified centre (for example under a REMS)."),
)
QUESTION_BY_KEY = {question.key: question for question in QUESTIONS}


def filter_options(options: Iterable[TreatmentOption], rungs: Sequence[str] = (),
                   answers: dict[str, bool | None] | None = None) -> list[TreatmentOption]:
    """Options on the chosen rungs (all if none chosen) whose answers match every answered question."""
    wanted = {key: value for key, value in (answers or {}).items() if value is not None}
    return [
        option for option in options
        if (not rungs or option.rung in rungs)
        and all(QUESTION_BY_KEY[key].answer(option) == value for key, value in wanted.items())
    ]


# ---------------------------------------------------------------- sorting

SORTS: dict[str, str] = {
    "ladder": "Ladder order",
    "onset": "Fastest onset first",
    "hours": "Least time at visits first",
}


def sort_options(options: Iterable[TreatmentOption], rungs: Sequence[Rung],
                 by: str = "ladder") -> list[TreatmentOption]:
    """Options in ladder order (rung order, then file order), by earliest onset, or by fewest hours."""
    items = list(options)
    rung_order = {rung.id: rung.order for rung in rungs}
    file_order = {option.id: index for index, option in enumerate(items)}

    def ladder(option: TreatmentOption) -> tuple[int, int]:
        return rung_order.get(option.rung, len(rung_order) + 1), file_order[option.id]

    if by == "ladder":
        return sorted(items, key=ladder)
    if by == "onset":
        return sorted(items, key=lambda o: (o.onset_days.low, o.onset_days.high, ladder(o)))
    if by == "hours":
        return sorted(items, key=lambda o: (*acute_course_hours(o), ladder(o)))
    raise ValueError(f"unknown sort {by!r}; use one of {sorted(SORTS)}")


# ---------------------------------------------------------------- describing one option


def duration_label(low_days: float, high_days: float) -> str:
    """A rough range of days in the units a clinician would say: '4 hours to 2 days', '2–6 weeks'."""
    (low, low_unit), (high, high_unit) = _in_words(low_days), _in_words(high_days)
    if low_unit == high_unit:
        return _counted(span(low, high, 0), high_unit)
    return f"{_counted(span(low, low, 0), low_unit)} to {_counted(span(high, high, 0), high_unit)}"


def _in_words(days: float) -> tuple[float, str]:
    """Hours under a day, weeks from two weeks, days in between."""
    if days < 1:
        return days * 24, "hours"
    return (days, "days") if days < 14 else (days / 7, "weeks")


def _counted(number: str, unit: str) -> str:
    return f"{number} {unit[:-1] if number == '1' else unit}"


def onset_label(option: TreatmentOption) -> str:
    """The option's rough onset range in words, e.g. '4 hours to 2 days'."""
    return duration_label(option.onset_days.low, option.onset_days.high)


def regulatory_label(option: TreatmentOption) -> str:
    """The first regulatory event in a few words, e.g. 'FDA: approved 2019'."""
    event = option.regulatory[0]
    year = f" {event.year}" if event.year else ""
    return f"{event.agency}: {event.status}{year}"


def course_label(option: TreatmentOption) -> str:
    """'5 visits a week × 40–55 min × 4–6 weeks (rough)'."""
    course = option.course
    return (f"{span(course.visits_per_week.low, course.visits_per_week.high, 2)} visits a week"
            f" × {span(course.minutes_per_visit.low, course.minutes_per_visit.high)} min"
            f" × {span(course.weeks.low, course.weeks.high)} weeks (rough)")


def headline_label(option: TreatmentOption) -> str:
    """The first headline figure with its outcome, scale and cut-off, population and design."""
    if not option.evidence.headlines:
        return "No confirmed figure"
    headline = option.evidence.headlines[0]
    return f"{headline.outcome}: {headline.label()}"


def comparison_facts(option: TreatmentOption, rung: Rung) -> list[tuple[str, str]]:
    """The facts a side-by-side card and the printable summary show, as (label, text) pairs."""
    hours_low, hours_high = acute_course_hours(option)
    facts = [
        ("Rung", rung.label),
        ("What it is", option.drug_class),
        ("Regulatory", regulatory_label(option)),
        ("Onset (rough)", onset_label(option)),
        ("Course", course_label(option)),
        ("Time at visits, acute course", f"{span(hours_low, hours_high, 1)} hours (rough)"),
        ("Setting", SETTING_LABELS[option.setting]),
        ("Lab monitoring", option.course.lab_monitoring),
        ("Headline", headline_label(option)),
        ("Main risk", option.risks[0]),
        ("Driving", option.barriers.driving),
    ]
    if option.barriers.rems:
        facts.append(("REMS", option.barriers.rems))
    if option.barriers.anaesthesia:
        facts.append(("Anaesthesia", "Needs general anaesthesia"))
    return facts


# ---------------------------------------------------------------- provenance

_COURSE_PARTS = (("visits_per_week", "Visits"), ("minutes_per_visit", "Minutes"), ("weeks", "Weeks"))


def course_notes(option: TreatmentOption) -> str:
    """The course's notes in one text: the course's own, then each rough figure's."""
    course = option.course
    parts = [course.note] if course.note else []
    parts += [f"{label}: {getattr(course, name).note}" for name, label in _COURSE_PARTS
              if getattr(course, name).note]
    return " ".join(part if part.endswith(".") else f"{part}." for part in parts)


def provenance_notes(option: TreatmentOption) -> list[tuple[str, str]]:
    """Every editor's note on the option as (what it is about, note): where its facts were read
    and how sure they are. The app shows each behind the provenance marker; exports print them."""
    notes = [("Onset", option.onset_days.note), ("Course", course_notes(option))]
    notes += [(f"Regulatory, {event.agency}", event.note) for event in option.regulatory]
    notes += [(f"Headline, {headline.outcome}", headline.note)
              for headline in option.evidence.headlines]
    notes += [("Evidence", option.evidence.gaps), ("Practical facts", option.note)]
    return [(about, note) for about, note in notes if note.strip()]


def provenance_text(option: TreatmentOption) -> str:
    """The option's notes as one plain text for a CSV cell: 'Onset: …; Evidence: …'."""
    return " | ".join(f"{about}: {note}" for about, note in provenance_notes(option))


# ---------------------------------------------------------------- the comparison table

# What the signs in front of a short name mean. The same drug can be a switch or an add-on
# ("→ Bupropion", "+ Bupropion"), so the sign is what tells them apart.
NAME_PREFIXES: dict[str, str] = {
    "→": "switch to: stop the current antidepressant and start this one",
    "+": "add to the current antidepressant (a combination)",
}


def prefix_legend() -> str:
    """One line explaining the name prefixes: '→ means switch to: …; + means add to …'."""
    return "; ".join(f"{sign} means {meaning}" for sign, meaning in NAME_PREFIXES.items())


def name_prefix(option: TreatmentOption) -> str:
    """The sign the option's short name starts with ('→' or '+'), or '' if none."""
    return next((sign for sign in NAME_PREFIXES if option.short_name.startswith(f"{sign} ")), "")


COLUMNS: dict[str, str] = {
    "option": "Option",
    "rung": "Rung",
    "onset": "Onset (rough)",
    "setting": "Setting",
    "time_at_visits": "Time at visits",
    "headline": "Headline (scale, cut-off; population; design)",
    "name": "Full name",
    "onset_from_days": "Onset from (days)",
    "onset_to_days": "Onset to (days)",
    "visits_per_week": "Visits per week",
    "minutes_per_visit": "Minutes per visit",
    "course_weeks": "Course (weeks)",
    "hours_low": "Hours at visits, low",
    "hours_high": "Hours at visits, high",
    "regulatory": "Regulatory status",
    "lab_monitoring": "Lab monitoring",
    "sources": "Sources (ids)",
    "source_notes": "Source notes (provenance)",
    "id": "Id",
}

# What a primary-care clinician compares first: which option, where it sits, how fast, who can
# start it, what it asks of the patient, and how well it works. These fit a 1366 px screen.
DEFAULT_COLUMNS: tuple[str, ...] = ("option", "rung", "onset", "setting", "time_at_visits",
                                    "headline")
# The rest can be added on screen; the CSV always holds every column.
ADDABLE_COLUMNS: tuple[str, ...] = tuple(key for key in COLUMNS if key not in DEFAULT_COLUMNS)


def shown_columns(added: Iterable[str] = ()) -> list[str]:
    """The default columns, then the added ones in table order; unknown or repeated keys ignored."""
    wanted = set(added)
    return [*DEFAULT_COLUMNS, *(key for key in ADDABLE_COLUMNS if key in wanted)]


def time_at_visits_label(option: TreatmentOption) -> str:
    """Hours at visits over the acute course and the course length: '8–40 h over 4–8 weeks'."""
    hours_low, hours_high = acute_course_hours(option)
    weeks = option.course.weeks
    count = span(weeks.low, weeks.high)
    return f"{span(hours_low, hours_high, 1)} h over {_counted(count, 'weeks')}"


def ladder_rows(options: Iterable[TreatmentOption], rungs: Sequence[Rung]) -> list[dict[str, object]]:
    """One plain dict per option with the table's columns (keys of COLUMNS), in the given order."""
    rung_label = {rung.id: rung.short_label for rung in rungs}
    rows = []
    for option in options:
        course = option.course
        hours_low, hours_high = acute_course_hours(option)
        rows.append({
            "option": option.short_name,
            "rung": rung_label[option.rung],
            "onset": onset_label(option),
            "setting": SETTING_SHORT_LABELS[option.setting],
            "time_at_visits": time_at_visits_label(option),
            "headline": headline_label(option),
            "name": option.name,
            "onset_from_days": option.onset_days.low,
            "onset_to_days": option.onset_days.high,
            "visits_per_week": span(course.visits_per_week.low, course.visits_per_week.high, 2),
            "minutes_per_visit": span(course.minutes_per_visit.low, course.minutes_per_visit.high),
            "course_weeks": span(course.weeks.low, course.weeks.high),
            "hours_low": round(hours_low, 1),
            "hours_high": round(hours_high, 1),
            "regulatory": regulatory_label(option),
            "lab_monitoring": course.lab_monitoring,
            "sources": ", ".join(option.sources),
            "source_notes": provenance_text(option),
            "id": option.id,
        })
    return rows


def ladder_table(rows: Sequence[dict[str, object]]) -> pd.DataFrame:
    """The rows as a DataFrame with the human column headers (units in the headers)."""
    return pd.DataFrame(list(rows), columns=list(COLUMNS)).rename(columns=COLUMNS)


def resolve_option(options: Sequence[TreatmentOption], wanted: str | None
                   ) -> tuple[TreatmentOption | None, bool]:
    """The option a deep link names, and whether the link named an unknown id."""
    if not wanted:
        return None, False
    found = next((option for option in options if option.id == wanted), None)
    return found, found is None


def headline_rows(option: TreatmentOption, cite: Callable[[str], str]) -> list[dict[str, str]]:
    """One row per headline figure: the figure, what it measured in whom and how, then each end."""
    rows = []
    for headline in option.evidence.headlines:
        unit = "%" if headline.unit == "%" else ""
        ends = {}
        for name, end in (("Low end", headline.low), ("High end", headline.high)):
            ends[name] = f"{end.value:g}{unit}: {end.context} ({cite(end.source)})"
        rows.append({
            "Outcome": headline.outcome,
            "Figure": headline.figure(),
            "Scale and cut-off": headline.scales,
            "Population": headline.population,
            "Design": headline.design,
            "Time point": headline.low.time_point,
            **ends,
            "Comparator": headline.comparator or "—",
            "Note": headline.note or "—",
        })
    return rows


# ---------------------------------------------------------------- doses and the trial checker


def checker_minimum(option: TreatmentOption, antidepressants: Sequence[Antidepressant]
                    ) -> Antidepressant | None:
    """The trial checker's entry for the drug this option starts, if it names one."""
    if option.checker_drug is None:
        return None
    return next((drug for drug in antidepressants if drug.id == option.checker_drug), None)


def adequate_dose_label(option: TreatmentOption, antidepressants: Sequence[Antidepressant]) -> str:
    """'An adequate trial needs at least 150 mg/day …', from the checker's own minimum; '' if none."""
    drug = checker_minimum(option, antidepressants)
    if drug is None:
        return ""
    return (f"An adequate trial needs at least {drug.minimum_adequate_dose_mg_per_day:g} mg/day of "
            f"{drug.name.lower()} (the trial checker's minimum); a lower dose does not count as a "
            "failed trial.")


_TARGET_IN_TEXT = re.compile(r"\btarget(?:\s+dose)?\s+(?:of\s+)?(\d+(?:\.\d+)?)\s*mg", re.IGNORECASE)


def dose_conflicts(option: TreatmentOption, antidepressants: Sequence[Antidepressant]) -> list[str]:
    """Where the option's target dose (field or dose text) is below the checker's minimum adequate dose."""
    drug = checker_minimum(option, antidepressants)
    if drug is None:
        return []
    minimum = drug.minimum_adequate_dose_mg_per_day
    targets = [float(value) for value in _TARGET_IN_TEXT.findall(option.dose)]
    if option.target_dose_mg_per_day is not None:
        targets.append(option.target_dose_mg_per_day)
    return [f"target {target:g} mg/day is below the trial checker's minimum adequate dose of "
            f"{minimum:g} mg/day for {drug.id} (data/referral.yaml)" for target in targets
            if target < minimum]


def default_comparison(options: Sequence[TreatmentOption], rungs: Sequence[Rung],
                       count: int = 3) -> list[str]:
    """Ids of the first option on each of the first `count` rungs that have one: a varied start."""
    chosen: dict[str, str] = {}
    for option in sort_options(options, rungs):
        chosen.setdefault(option.rung, option.id)
    return list(chosen.values())[:count]
