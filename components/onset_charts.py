"""Pure figure builders for the Onset & commitment page: time to first effect, time at visits, both at once."""
from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import plotly.graph_objects as go

from components.charts import apply_house_style, palette
from components.ladder import (
    acute_course_hours,
    duration_label,
    hours_per_week,
    onset_label,
    sort_options,
)
from components.schema.common import span
from components.schema.sources import cite_briefly
from components.schema.treatments import SETTING_LABELS, Rung, TreatmentOption

Per = Literal["week", "course"]
PER_LABELS: dict[str, str] = {"week": "Per week", "course": "Whole acute course"}

# Log-axis ticks in words: clinicians read "3 days", not "10^0.5".
ONSET_TICKS_DAYS: tuple[tuple[float, str], ...] = (
    (1 / 24, "1 hour"), (4 / 24, "4 hours"), (1, "1 day"), (3, "3 days"), (7, "1 week"),
    (14, "2 weeks"), (28, "4 weeks"), (56, "8 weeks"), (91, "3 months"), (182, "6 months"),
    (365, "1 year"),
)
HOUR_TICKS: tuple[tuple[float, str], ...] = (
    (0.1, "6 min"), (0.25, "15 min"), (0.5, "30 min"), (1, "1 h"), (2, "2 h"), (5, "5 h"),
    (10, "10 h"), (20, "20 h"), (50, "50 h"), (100, "100 h"),
)
# Colour and shape per setting, so the onset-vs-burden chart does not rely on colour alone.
SETTING_SYMBOLS: dict[str, str] = {
    "primary-care": "circle", "shared-care": "square", "specialist": "diamond",
    "certified-centre": "triangle-up",
}
RANGE_LINE_WIDTH = 7
# Outlines: a mid grey that reads on both the light and the dark theme.
NEUTRAL = "#808080"

HOW_TO_READ_ONSET = (
    "How to read this: each line runs from the earliest to the latest time a first effect is "
    "usually seen, on a log scale so hours, days and weeks all fit; options are grouped by rung of "
    "the treatment ladder. A single dot is a single reported time. All values are rough."
)
HOW_TO_READ_COMMITMENT = (
    "How to read this: each line is the time a patient spends at visits (including observation "
    "or recovery), from the low to the high end of the usual course, on a log scale. The text "
    "beside it is visits a week × minutes a visit × weeks. Switch between one week and the whole "
    "acute course. All values are rough."
)
HOW_TO_READ_BURDEN = (
    "How to read this: further left works faster, lower asks fewer hours. Each cross spans the "
    "rough onset range (across) and the rough hours over the acute course (up and down); its "
    "colour and shape give the setting. Medicines that take a week or more share one cross per "
    "rung and setting (hover lists them); a marker that would hide another is moved along its "
    "onset range. Both axes are log scales."
)


def rung_name(rung: Rung) -> str:
    """The rung's label without its bracketed examples, short enough for an axis or a legend."""
    return rung.label.split(" (")[0]


def _wrap(text: str, width: int = 60) -> str:
    return "<br>".join(textwrap.wrap(text, width)) if text else ""


def _log_ticks(ticks: Sequence[tuple[float, str]], low: float, high: float) -> dict:
    """Tick values and words for a log axis showing [low, high] with some room either side."""
    shown = [(v, t) for v, t in ticks if low / 1.6 <= v <= high * 1.6]
    return {
        "type": "log", "tickvals": [v for v, _ in shown], "ticktext": [t for _, t in shown],
        "range": [math.log10(low / 1.6), math.log10(high * 1.6)],
    }


def _rows_by_rung(options: Sequence[TreatmentOption], rungs: Sequence[Rung]
                  ) -> tuple[dict[str, float], list[float], list[str]]:
    """A y position per option with a bold header row per rung; returns positions, ticks, labels."""
    labels = {rung.id: rung_name(rung) for rung in rungs}
    position: dict[str, float] = {}
    tickvals: list[float] = []
    ticktext: list[str] = []
    y = 0.0
    current = None
    for option in options:
        if option.rung != current:
            current = option.rung
            if tickvals:
                y += 0.6  # air between groups
            tickvals.append(y)
            ticktext.append(f"<b>{labels.get(current, current)}</b>")
            y += 1
        position[option.id] = y
        tickvals.append(y)
        ticktext.append(option.short_name)
        y += 1
    return position, tickvals, ticktext


def _range_traces(figure: go.Figure, options: Sequence[TreatmentOption], rungs: Sequence[Rung],
                  position: Mapping[str, float], values: Mapping[str, tuple[float, float]],
                  hover: Mapping[str, str]) -> None:
    """One trace per rung: a thick line from low to high for each option, dots at both ends."""
    colours = palette()
    for index, rung in enumerate(rungs):
        members = [o for o in options if o.rung == rung.id]
        if not members:
            continue
        xs: list[float | None] = []
        ys: list[float | None] = []
        custom: list[str] = []
        for option in members:
            low, high = values[option.id]
            xs += [low, high, None]
            ys += [position[option.id]] * 2 + [None]
            custom += [hover[option.id]] * 2 + [""]
        figure.add_scatter(
            name=rung_name(rung), x=xs, y=ys, mode="lines+markers",
            line={"color": colours[index % len(colours)], "width": RANGE_LINE_WIDTH},
            marker={"size": 11, "color": colours[index % len(colours)]},
            customdata=custom, hovertemplate="%{customdata}<extra></extra>", connectgaps=False,
        )


def _side_labels(figure: go.Figure, options: Sequence[TreatmentOption],
                 position: Mapping[str, float], values: Mapping[str, tuple[float, float]],
                 text: Mapping[str, str]) -> None:
    """Text to the right of each range; its own trace, because text on a gapped line goes missing."""
    figure.add_scatter(
        x=[values[o.id][1] for o in options], y=[position[o.id] for o in options],
        text=[text[o.id] for o in options], mode="markers+text", textposition="middle right",
        marker={"size": 16, "opacity": 0},  # invisible: it only pushes the text off the end dot
        textfont={"size": 13}, hoverinfo="skip", showlegend=False,
    )


def _row_axis(figure: go.Figure, tickvals: list[float], ticktext: list[str]) -> None:
    figure.update_yaxes(tickvals=tickvals, ticktext=ticktext, autorange="reversed",
                         title_text="Option, grouped by ladder rung", showgrid=False)


# ---------------------------------------------------------------- onset


def make_onset_figure(options: Iterable[TreatmentOption], rungs: Sequence[Rung],
                      names: Mapping[str, str] | None = None) -> go.Figure:
    """Time to first effect per option as a range on a log time axis, grouped by ladder rung."""
    ordered = sort_options(options, rungs)
    values = {o.id: (o.onset_days.low, o.onset_days.high) for o in ordered}
    hover = {
        o.id: f"<b>{o.name}</b><br>First effect: {onset_label(o)} (rough)"
              + (f"<br>{_wrap(o.onset_days.note)}" if o.onset_days.note else "")
              + f"<br>Source: {_wrap(cite_briefly(o.sources, names))}"
        for o in ordered
    }
    # 0.5 decades of room on the right for the text beside the latest onset.
    return _range_figure(ordered, rungs, values, hover, {o.id: onset_label(o) for o in ordered},
                         ONSET_TICKS_DAYS, 0.5,
                         "Time to first effect (log scale: hours → days → weeks)")


def _range_figure(ordered: Sequence[TreatmentOption], rungs: Sequence[Rung],
                  values: Mapping[str, tuple[float, float]], hover: Mapping[str, str],
                  side_text: Mapping[str, str], ticks: Sequence[tuple[float, str]],
                  text_room: float, axis_title: str) -> go.Figure:
    """One row per option, a range per row on a log axis with words beside it, rows by rung."""
    position, tickvals, ticktext = _rows_by_rung(ordered, rungs)
    figure = go.Figure()
    _range_traces(figure, ordered, rungs, position, values, hover)
    _side_labels(figure, ordered, position, values, side_text)
    _row_axis(figure, tickvals, ticktext)
    axis = _log_ticks(ticks, min(v[0] for v in values.values()), max(v[1] for v in values.values()))
    axis["range"][1] += text_room
    figure.update_xaxes(title_text=axis_title, **axis)
    height = int(170 + 27 * (max(tickvals) + 1))
    return apply_house_style(figure, height=height, legend_title="Ladder rung")


# ---------------------------------------------------------------- time commitment


def course_summary(option: TreatmentOption) -> str:
    """'5 × 40–55 min × 4–6 wk': visits a week × minutes a visit × weeks."""
    course = option.course
    return (f"{span(course.visits_per_week.low, course.visits_per_week.high, 2)}/wk × "
            f"{span(course.minutes_per_visit.low, course.minutes_per_visit.high)} min × "
            f"{span(course.weeks.low, course.weeks.high)} wk")


def make_commitment_figure(options: Iterable[TreatmentOption], rungs: Sequence[Rung],
                           per: Per = "week") -> go.Figure:
    """Hours at visits per week, or over the whole acute course, per option, grouped by rung."""
    ordered = sort_options(options, rungs)
    measure = hours_per_week if per == "week" else acute_course_hours
    values = {o.id: measure(o) for o in ordered}
    hover = {}
    for o in ordered:
        week, course = hours_per_week(o), acute_course_hours(o)
        hover[o.id] = (
            f"<b>{o.name}</b><br>{course_summary(o)}"
            f"<br>Hours a week: {span(*week, 1)}; whole acute course: {span(*course, 1)} (rough)"
            f"<br>Lab monitoring: {_wrap(o.course.lab_monitoring)}"
        )
    title = ("Hours at visits per week (log scale, rough)" if per == "week"
             else "Hours at visits over the whole acute course (log scale, rough)")
    # 0.9 decades of room: the visits × minutes × weeks text is longer than an onset.
    return _range_figure(ordered, rungs, values, hover, {o.id: course_summary(o) for o in ordered},
                         HOUR_TICKS, 0.9, title)


# ---------------------------------------------------------------- onset vs burden

# Label anchors in log-axis units, tried in order until a label does not collide with another.
LABEL_SPOTS: tuple[tuple[str, float, float], ...] = (
    ("top center", 0, 0.08), ("bottom center", 0, -0.08), ("middle right", 0.35, 0),
    ("middle left", -0.35, 0),
)
SLOW_ONSET_DAYS = 7


@dataclass(frozen=True)
class BurdenGroup:
    """Options drawn as one cross: a single option, or slow oral medicines of one rung and setting."""

    options: tuple[TreatmentOption, ...]
    label: str

    @property
    def setting(self) -> str:
        return self.options[0].setting

    @property
    def onset(self) -> tuple[float, float]:
        return (min(o.onset_days.low for o in self.options),
                max(o.onset_days.high for o in self.options))

    @property
    def hours(self) -> tuple[float, float]:
        spans = [acute_course_hours(o) for o in self.options]
        return min(h[0] for h in spans), max(h[1] for h in spans)

    @property
    def centre(self) -> tuple[float, float]:
        return math.sqrt(self.onset[0] * self.onset[1]), math.sqrt(self.hours[0] * self.hours[1])


def burden_groups(options: Iterable[TreatmentOption], rungs: Sequence[Rung]) -> list[BurdenGroup]:
    """One cross per option, except medicines that take a week or more: one per rung and setting.

    Those medicines sit on top of each other (weeks to work, a few short reviews), so one cross
    spanning their ranges reads better than a dozen identical ones; hover lists every option.
    """
    names = {rung.id: rung_name(rung) for rung in rungs}
    grouped: dict[tuple, list[TreatmentOption]] = {}
    for option in sort_options(options, rungs):
        slow_medicine = option.modality == "medication" and option.onset_days.low >= SLOW_ONSET_DAYS
        key = ("medicines", option.rung, option.setting) if slow_medicine else ("one", option.id)
        grouped.setdefault(key, []).append(option)
    groups = []
    labelled_rungs: set[str] = set()
    for key, members in grouped.items():
        if key[0] == "one":
            label = members[0].short_name
        elif key[1] in labelled_rungs:
            label = ""  # one label per rung: its crosses sit together
        else:
            labelled_rungs.add(key[1])
            count = sum(len(m) for k, m in grouped.items() if k[0] == "medicines" and k[1] == key[1])
            label = f"{names.get(key[1], key[1])} ({count})"
        groups.append(BurdenGroup(tuple(members), label))
    return groups


def _dodged_centres(groups: Sequence[BurdenGroup]) -> list[tuple[float, float]]:
    """Centres moved right along their own onset range when two markers would sit on one another.

    A centre is only a representative point inside the ranges, so moving it within the onset
    range keeps the cross honest while letting each setting's marker be seen.
    """
    placed: list[tuple[float, float]] = []
    for group in groups:
        x, y = (math.log10(v) for v in group.centre)
        ceiling = math.log10(group.onset[1])
        while any(abs(x - px) < 0.07 and abs(y - py) < 0.07 for px, py in placed) and x < ceiling:
            x = min(x + 0.08, ceiling)
        placed.append((x, y))
    return [(10 ** x, 10 ** y) for x, y in placed]


def _label_positions(groups: Sequence[BurdenGroup], centres: Sequence[tuple[float, float]]
                     ) -> list[str]:
    """Put each label where it does not sit on an earlier one (rough, in log-axis units)."""
    placed: list[tuple[float, float]] = []
    positions = []
    for group, centre in zip(groups, centres, strict=True):
        x, y = (math.log10(v) for v in centre)
        choice = LABEL_SPOTS[0]
        for spot in LABEL_SPOTS:
            ax, ay = x + spot[1], y + spot[2]
            if all(abs(ax - px) > 0.5 or abs(ay - py) > 0.12 for px, py in placed):
                choice = spot
                break
        if group.label:
            placed.append((x + choice[1], y + choice[2]))
        positions.append(choice[0])
    return positions


def make_onset_burden_figure(options: Iterable[TreatmentOption], rungs: Sequence[Rung],
                             names: Mapping[str, str] | None = None) -> go.Figure:
    """Onset (x, log) against hours over the acute course (y, log); colour and shape = setting."""
    colours = palette()
    groups = burden_groups(options, rungs)
    centres = _dodged_centres(groups)
    placed = list(zip(groups, centres, _label_positions(groups, centres), strict=True))
    figure = go.Figure()
    for setting in SETTING_LABELS:
        members = [(g, centre, spot) for g, centre, spot in placed if g.setting == setting]
        if not members:
            continue
        colour = colours[list(SETTING_LABELS).index(setting) % len(colours)]
        xs: list[float | None] = []
        ys: list[float | None] = []
        for group, (x_mid, y_mid), _ in members:
            xs += [group.onset[0], group.onset[1], None, x_mid, x_mid, None]
            ys += [y_mid, y_mid, None, group.hours[0], group.hours[1], None]
        figure.add_scatter(x=xs, y=ys, mode="lines", line={"color": colour, "width": 3},
                           opacity=0.5, hoverinfo="skip", showlegend=False, legendgroup=setting)
        figure.add_scatter(
            name=SETTING_LABELS[setting], legendgroup=setting, mode="markers+text",
            x=[centre[0] for _, centre, _ in members], y=[centre[1] for _, centre, _ in members],
            marker={"symbol": SETTING_SYMBOLS[setting], "size": 15, "color": colour,
                    "line": {"width": 1, "color": NEUTRAL}},
            text=[g.label for g, _, _ in members], textposition=[spot for _, _, spot in members],
            textfont={"size": 13}, customdata=[_group_hover(g, names) for g, _, _ in members],
            hovertemplate="%{customdata}<extra></extra>",
        )
    onsets = [g.onset for g in groups]
    hours = [g.hours for g in groups]
    figure.update_xaxes(title_text="Time to first effect (log scale: hours → days → weeks)",
                        **_log_ticks(ONSET_TICKS_DAYS, min(o[0] for o in onsets),
                                     max(o[1] for o in onsets)))
    figure.update_yaxes(title_text="Hours at visits, whole acute course (log scale, rough)",
                        **_log_ticks(HOUR_TICKS, min(h[0] for h in hours), max(h[1] for h in hours)))
    return apply_house_style(figure, height=640, legend_title="Setting")


def _group_hover(group: BurdenGroup, names: Mapping[str, str] | None) -> str:
    return (
        "<b>" + _wrap(", ".join(o.name for o in group.options)) + "</b>"
        f"<br>First effect: {duration_label(*group.onset)}; acute course: {span(*group.hours, 1)} hours"
        f" at visits (rough)<br>Setting: {SETTING_LABELS[group.setting]}"
        f"<br>Source: {_wrap(cite_briefly((s for o in group.options for s in o.sources), names))}"
    )


# ---------------------------------------------------------------- text equivalents


def onset_rows(options: Iterable[TreatmentOption], rungs: Sequence[Rung]) -> list[dict[str, object]]:
    labels = {rung.id: rung_name(rung) for rung in rungs}
    return [
        {"Option": o.name, "Rung": labels.get(o.rung, o.rung), "First effect (rough)": onset_label(o),
         "Note": o.onset_days.note, "Sources": ", ".join(o.sources)}
        for o in sort_options(options, rungs)
    ]


def commitment_rows(options: Iterable[TreatmentOption], rungs: Sequence[Rung]) -> list[dict[str, object]]:
    labels = {rung.id: rung_name(rung) for rung in rungs}
    rows = []
    for o in sort_options(options, rungs):
        course = o.course
        rows.append({
            "Option": o.name,
            "Rung": labels.get(o.rung, o.rung),
            "Visits per week": span(course.visits_per_week.low, course.visits_per_week.high, 2),
            "Minutes per visit": span(course.minutes_per_visit.low, course.minutes_per_visit.high),
            "Weeks": span(course.weeks.low, course.weeks.high),
            "Hours per week": span(*hours_per_week(o), 1),
            "Hours, whole acute course": span(*acute_course_hours(o), 1),
            "Setting": SETTING_LABELS[o.setting],
            "Lab monitoring": course.lab_monitoring,
        })
    return rows


def burden_rows(options: Iterable[TreatmentOption]) -> list[dict[str, object]]:
    return [
        {"Option": o.name, "First effect (rough)": onset_label(o),
         "Hours at visits, acute course (rough)": span(*acute_course_hours(o), 1),
         "Setting": SETTING_LABELS[o.setting]}
        for o in options
    ]
