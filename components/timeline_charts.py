"""Pure figure builders for the Timelines page: STAR*D remission by level, and sequencing timelines."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import plotly.graph_objects as go

from components.charts import LABEL_FONT_PX, LAPTOP_CHART_PX, apply_house_style, palette, text_width_px
from components.schema.common import span
from components.schema.sources import cite_briefly
from components.schema.timelines import SequentialTrial, StarD
from components.sequencing import PlannedStep, SequencePlan, star_d_cumulative

# Lanes inside one timeline row: the shortest schedule above, the longest below, a gap between.
LANE_OFFSET = 0.2
BAR_WIDTH = 0.32
ROW_PX = 76
# Review ticks and outlines: a mid grey that reads on both the light and the dark theme.
NEUTRAL = "#808080"
# Hatching over a flagged step, in a dark ink that reads on every lane colour.
FLAG_HATCH = {"shape": "/", "fillmode": "overlay", "fgcolor": "#1b1b1b", "fgopacity": 0.6,
              "size": 9, "solidity": 0.25}


# ---------------------------------------------------------------- STAR*D


@dataclass(frozen=True)
class StarDRemission:
    """One STAR*D level's numbers as every chart of it draws them (web, PowerPoint, PDF)."""

    level: int
    patients_entering: int
    remission_percent: float  # of those entering this level
    cumulative_percent: float  # of all, as if nobody dropped out (theoretical)


def star_d_remission_by_level(star_d: StarD) -> list[StarDRemission]:
    """Remission per level and the theoretical cumulative remission, level by level."""
    return [StarDRemission(lv.level, lv.patients_entering, lv.remission_percent, total)
            for lv, total in zip(star_d.levels, star_d_cumulative(star_d), strict=True)]


def make_star_d_figure(star_d: StarD, names: Mapping[str, str] | None = None) -> go.Figure:
    """Remission per STAR*D level (bars), the theoretical cumulative line, and the other published figures.

    Scale names and figure labels come from the content, so the legend says what the YAML says.
    """
    colours = palette()
    remission = star_d_remission_by_level(star_d)
    levels = [f"Level {r.level}<br>n = {r.patients_entering:,}" for r in remission]
    per_level = [r.remission_percent for r in remission]
    cumulative = [r.cumulative_percent for r in remission]
    figure = go.Figure()
    figure.add_bar(
        name="Remission at this level (% of those entering it)",
        x=levels, y=per_level, marker_color=colours[0],
        # Labels at the foot of each bar keep clear of the level-1 marker near its top.
        text=[f"{p:.1f}%" for p in per_level], textposition="inside", insidetextanchor="start",
        textfont={"color": "#ffffff"},
        customdata=[[lv.treatments, cite_briefly(lv.sources, names)] for lv in star_d.levels],
        hovertemplate="%{x}: %{y:.1f}% remitted (" + star_d.remission_scale_name + ")"
                      "<br>%{customdata[0]}<br>Source: %{customdata[1]}<extra></extra>",
    )
    reported = star_d.reported_cumulative
    figure.add_scatter(
        name="Cumulative, if nobody dropped out (% of all)", x=levels, y=cumulative,
        mode="lines+markers+text", line={"color": colours[1], "width": 3},
        marker={"size": 10}, text=["", "", "", f"{reported.value_label()} reported"],
        textposition="top left",
        hovertemplate="%{x}: %{y:.1f}% cumulative, theoretical (no dropouts)<br>Source: "
                      f"{cite_briefly(reported.sources, names)}<extra></extra>",
    )
    reanalysed = star_d.reanalysed_cumulative
    figure.add_scatter(
        name=f"{reanalysed.label} ({reanalysed.scale_name})", x=[levels[-1]], y=[reanalysed.percent],
        mode="markers+text", marker={"symbol": "diamond", "size": 16, "color": colours[5]},
        text=[f"{reanalysed.value_label()} re-analysed"], textposition="middle left",
        hovertemplate=f"{reanalysed.label}: {reanalysed.value_label()} ({reanalysed.scale})"
                      f"<br>Source: {cite_briefly(reanalysed.sources, names)}<extra></extra>",
    )
    primary = star_d.level_one_primary
    figure.add_scatter(
        name=f"{primary.label} ({primary.scale_name})", x=[levels[0]], y=[primary.percent],
        mode="markers", marker={"symbol": "x", "size": 14, "color": colours[2]},
        hovertemplate=f"{primary.label}: {primary.value_label()} ({primary.scale})"
                      f"<br>Source: {cite_briefly(primary.sources, names)}<extra></extra>",
    )
    figure.update_yaxes(title_text="Patients in remission (%)", range=[0, 100], ticksuffix="%")
    figure.update_xaxes(title_text="STAR*D treatment level (patients entering)")
    return apply_house_style(figure, height=480)


def star_d_rows(star_d: StarD) -> list[dict[str, object]]:
    """The STAR*D figure as table rows, for screen readers and printouts."""
    return [
        {
            "Level": lv.level,
            "Treatments": lv.treatments,
            "Patients entering": lv.patients_entering,
            f"Remission at this level ({star_d.remission_scale_name})": f"{r.remission_percent:g}%",
            "Cumulative if nobody dropped out": f"{r.cumulative_percent:g}%",
        }
        for lv, r in zip(star_d.levels, star_d_remission_by_level(star_d), strict=True)
    ]


def trial_arm_rows(trials: list[SequentialTrial]) -> list[dict[str, object]]:
    return [
        {
            # The numbers come first: on a laptop the long question text scrolls out of view.
            "Trial": trial.name,
            "Arm": arm.label,
            "Remission": f"{arm.remission_percent:g}%",
            "Patients": arm.patients,
            "Outcome": trial.outcome,
            "Question": trial.question,
            "Population": trial.population,
        }
        for trial in trials
        for arm in trial.arms
    ]


# ---------------------------------------------------------------- sequencing timelines


def make_pathway_figure(plan: SequencePlan, title: str | None = None) -> go.Figure:
    """A Gantt-style timeline of a planned sequence, in weeks, drawn on its shortest and longest schedule.

    Each row has two lanes in two colours (and a legend): every step at its shorter length (top,
    blue) and at its longer length (bottom, orange), with the weeks the step needs written at the
    end of the row. Review points sit at the end of each bar, referral is a star, and a flagged
    step keeps its lane colours under a dark hatching and is marked with a warning sign.
    """
    colours = palette()
    rows = list(plan.steps)
    ticks = [("⚠ " if p.flags else "") + p.step.label for p in rows]
    figure = go.Figure()
    bars = [p for p in rows if not p.is_milestone]
    for lane, offset, colour, name in (
        ("low", -LANE_OFFSET, colours[0], "If every step takes its shorter length"),
        ("high", LANE_OFFSET, colours[1], "If every step takes its longer length"),
    ):
        figure.add_bar(
            name=name, orientation="h", width=BAR_WIDTH,
            y=[rows.index(p) + offset for p in bars],
            base=[getattr(p.start, lane) for p in bars],
            x=[getattr(p.end, lane) - getattr(p.start, lane) for p in bars],
            marker={"color": colour, "line": {"width": 0},
                    "pattern": {**FLAG_HATCH, "shape": ["/" if p.flags else "" for p in bars]}},
            customdata=[[p.step.label, p.step.weeks.label(), getattr(p.start, lane),
                         getattr(p.end, lane), "; ".join(f.title for f in p.flags) or "none"]
                        for p in bars],
            hovertemplate="<b>%{customdata[0]}</b><br>Weeks %{customdata[2]:g}–%{customdata[3]:g}"
                          "<br>Needs %{customdata[1]}<br>Flags: %{customdata[4]}<extra></extra>",
        )
    if any(p.flags for p in bars):
        figure.add_bar(name="⚠ Flagged step (see the warnings)", orientation="h", x=[None],
                       y=[None], marker={"color": "rgba(0,0,0,0)", "line": {"width": 1, "color": NEUTRAL},
                                         "pattern": FLAG_HATCH}, hoverinfo="skip")
    figure.add_scatter(
        name="Review point", mode="markers", showlegend=bool(bars),
        x=[p.end.low for p in bars] + [p.end.high for p in bars],
        y=[rows.index(p) - LANE_OFFSET for p in bars] + [rows.index(p) + LANE_OFFSET for p in bars],
        marker={"symbol": "line-ns", "size": 22, "line": {"width": 3, "color": NEUTRAL}},
        customdata=[p.step.review_point for p in bars] * 2,
        hovertemplate="Review at week %{x:g}: %{customdata}<extra></extra>",
    )
    row_ends = [(p.end.high, f"  {_needs_label(p)}") for p in bars]
    figure.add_scatter(
        name="Weeks the step needs", mode="text", showlegend=False, hoverinfo="skip",
        x=[end for end, _ in row_ends], y=[rows.index(p) for p in bars],
        text=[text for _, text in row_ends], textposition="middle right",
        textfont={"size": LABEL_FONT_PX},
    )
    milestones = [p for p in rows if p.is_milestone]
    if milestones:
        figure.add_scatter(
            name="Referral", mode="markers",
            x=[p.start.low for p in milestones] + [p.start.high for p in milestones],
            y=[rows.index(p) - LANE_OFFSET for p in milestones]
            + [rows.index(p) + LANE_OFFSET for p in milestones],
            marker={"symbol": "star", "size": 20, "color": colours[2],
                    "line": {"width": 1, "color": NEUTRAL}},
            customdata=[p.step.label for p in milestones] * 2,
            hovertemplate="%{customdata} at week %{x:g}<extra></extra>",
        )
    if plan.referral_due is not None:
        due = plan.referral_due
        figure.add_vrect(x0=due.low, x1=max(due.high, due.low + 0.3), fillcolor=colours[2],
                         opacity=0.18, line_width=0, layer="below")  # under the bars' colours
        figure.add_annotation(x=due.low, y=-0.5, yref="y", text=f"Referral due ({due.label()})",
                              showarrow=False, xanchor="left", yanchor="bottom",
                              font={"size": LABEL_FONT_PX})
    figure.update_yaxes(tickvals=list(range(len(rows))), ticktext=ticks, autorange="reversed",
                        title_text="Step, in order")
    right = _right_edge(plan, row_ends, ticks)
    figure.update_xaxes(title_text="Weeks since the first step started (rough)", rangemode="tozero",
                        range=[0, right])
    height = 220 + ROW_PX * max(len(rows), 2)
    return apply_house_style(figure, title=title, height=height)


def _needs_label(planned: PlannedStep) -> str:
    """'4–8 wk': how long the step runs, written at the end of its row."""
    weeks = planned.step.weeks
    return f"{span(weeks.low, weeks.high)} wk"


def _right_edge(plan: SequencePlan, row_ends: list[tuple[float, str]], ticks: list[str]) -> float:
    """The week at the right edge: past the longest schedule, with room for each row's weeks.

    A row ending at week e with text w pixels wide fits a plot W pixels wide from week 0 when
    e / R * W + w <= W, that is R >= e * W / (W - w); worked out on a 1366 px laptop.
    """
    plot_px = LAPTOP_CHART_PX - 32 - 28 - max(text_width_px(t) for t in ticks) - 12
    right = max(plan.total_weeks.high, 4) * 1.06
    for end, text in row_ends:
        right = max(right, end * plot_px / (plot_px - text_width_px(text) - 14))
    return right


# ---------------------------------------------------------------- how to read each chart

HOW_TO_READ_STAR_D = (
    "How to read this: each bar is the share of patients entering that level who remitted there; "
    "the line adds the levels up as if nobody dropped out. The diamond and the cross are the other "
    "published figures named in the legend, each with its rating scale."
)
HOW_TO_READ_PATHWAY = (
    "How to read this: each row is a step, in order; weeks run left to right. The upper, blue bar "
    "of a row places every step at its shorter length, the lower, orange bar at its longer length, "
    "so together they show how far the timeline can stretch; the weeks a step needs are written "
    "at the end of its row. Grey ticks mark review points, a star marks referral, the shaded band "
    "is when referral became due, and hatched rows marked ⚠ carry a flag."
)
