"""Onset, time-commitment and onset-vs-burden figures: every option drawn, ranges match, log axes."""
from __future__ import annotations

import math

import pytest

from components.ladder import acute_course_hours, hours_per_week
from components.onset_charts import (
    burden_groups,
    burden_rows,
    commitment_rows,
    make_commitment_figure,
    make_onset_burden_figure,
    make_onset_figure,
    onset_rows,
)
from components.schema.sources import short_citations


@pytest.fixture(scope="module")
def options(content):
    return content.treatments.options


@pytest.fixture(scope="module")
def rungs(content):
    return content.treatments.rungs


def ranges_by_row(figure) -> dict[str, tuple[float, float]]:
    """Read each option's (low, high) back from the range traces, via the y tick labels."""
    ticks = dict(zip(figure.layout.yaxis.tickvals, figure.layout.yaxis.ticktext, strict=True))
    found = {}
    for trace in figure.data:
        if trace.mode != "lines+markers":
            continue
        xs, ys = list(trace.x), list(trace.y)
        for i in range(0, len(xs), 3):  # low, high, gap
            found[ticks[ys[i]]] = (xs[i], xs[i + 1])
    return found


def test_onset_figure_draws_every_option_with_its_onset_range(options, rungs):
    figure = make_onset_figure(options, rungs)
    drawn = ranges_by_row(figure)
    assert drawn == {o.short_name: (o.onset_days.low, o.onset_days.high) for o in options}


def test_onset_axis_is_log_with_tick_labels_in_words(options, rungs):
    axis = make_onset_figure(options, rungs).layout.xaxis
    assert axis.type == "log"
    assert "1 day" in axis.ticktext and "1 week" in axis.ticktext and "4 hours" in axis.ticktext
    assert "hours → days → weeks" in axis.title.text


def test_onset_rows_are_grouped_under_bold_rung_headers_in_ladder_order(options, rungs):
    figure = make_onset_figure(options, rungs)
    headers = sorted((a.y, a.text) for a in figure.layout.annotations if a.text.startswith("<b>"))
    assert len(headers) == len({o.rung for o in options})
    assert headers[0][1] == "<b>Add a second medicine</b>"
    rows = dict(zip(figure.layout.yaxis.ticktext, figure.layout.yaxis.tickvals, strict=True))
    first_rung = sorted(rungs, key=lambda r: r.order)[0].id
    first_option = next(o.short_name for o in options if o.rung == first_rung)
    assert headers[0][0] < rows[first_option] == min(rows.values()), "header row comes first"
    assert not any(t.startswith("<b>") for t in figure.layout.yaxis.ticktext)


def test_onset_hover_names_the_source(content, options, rungs):
    figure = make_onset_figure(options, rungs, short_citations(content.sources.sources))
    hovers = [c for t in figure.data if t.customdata is not None for c in t.customdata if c]
    esketamine = next(h for h in hovers if h.startswith("<b>Esketamine nasal spray"))
    assert "Source:" in esketamine and "Janssen" in esketamine


@pytest.mark.parametrize("per", ["week", "course"])
def test_commitment_figure_draws_every_option_per_week_or_per_course(options, rungs, per):
    figure = make_commitment_figure(options, rungs, per)
    measure = hours_per_week if per == "week" else acute_course_hours
    drawn = ranges_by_row(figure)
    assert drawn.keys() == {o.short_name for o in options}
    for option in options:
        assert drawn[option.short_name] == pytest.approx(measure(option))
    assert figure.layout.xaxis.type == "log"
    assert figure.layout.xaxis.title.text.startswith(
        "Hours at visits per week" if per == "week" else "Hours at visits over the whole acute course")


def test_commitment_labels_give_visits_minutes_and_weeks(options, rungs):
    figure = make_commitment_figure(options, rungs, "week")
    labels = next(t for t in figure.data if t.mode == "markers+text").text
    esketamine = next(o for o in options if o.id == "esketamine")
    course = esketamine.course
    expected = (f"{course.visits_per_week.low:g}–{course.visits_per_week.high:g}/wk × "
                f"{course.minutes_per_visit.low:g}–{course.minutes_per_visit.high:g} min")
    assert any(expected in label for label in labels)


def test_whole_course_hours_exceed_one_week_for_multi_week_courses(options):
    for option in options:
        if option.course.weeks.low >= 1:
            assert acute_course_hours(option)[1] >= hours_per_week(option)[1] - 1e-9


def test_burden_figure_covers_every_option_once(options, rungs):
    groups = burden_groups(options, rungs)
    grouped = [o.id for g in groups for o in g.options]
    assert sorted(grouped) == sorted(o.id for o in options)
    figure = make_onset_burden_figure(options, rungs)
    hovers = " ".join(c for t in figure.data if t.customdata is not None for c in t.customdata)
    assert all(o.name.split()[0] in hovers for o in options)


def test_burden_crosses_span_the_onset_and_hours_ranges_on_log_axes(options, rungs):
    figure = make_onset_burden_figure(options, rungs)
    assert figure.layout.xaxis.type == "log" and figure.layout.yaxis.type == "log"
    assert "hours" in figure.layout.yaxis.title.text.lower()
    esketamine = next(o for o in options if o.id == "esketamine")
    group = next(g for g in burden_groups(options, rungs) if esketamine in g.options)
    assert group.options == (esketamine,)
    low, high = acute_course_hours(esketamine)
    assert group.centre == pytest.approx((math.sqrt(esketamine.onset_days.low * esketamine.onset_days.high),
                                          math.sqrt(low * high)))


def test_burden_colour_legend_is_the_setting(options, rungs):
    figure = make_onset_burden_figure(options, rungs)
    legend = [t.name for t in figure.data if t.showlegend is not False and t.name]
    assert "Certified centre only" in legend and "Specialist only" in legend
    assert figure.layout.legend.title.text == "Setting"


def test_text_equivalents_have_one_row_per_option(options, rungs):
    assert len(onset_rows(options, rungs)) == len(options)
    assert len(commitment_rows(options, rungs)) == len(options)
    assert len(burden_rows(options, rungs)) == len(options)
    assert all(row["Lab monitoring"] for row in commitment_rows(options, rungs))



def test_burden_table_names_the_cross_each_option_is_drawn_in(options, rungs):
    rows = burden_rows(options, rungs)
    names = {a.text for a in make_onset_burden_figure(options, rungs).layout.annotations}
    assert sorted(r["Option"] for r in rows) == sorted(o.name for o in options)
    assert all(r["On the chart as"] in names for r in rows)
    lithium = next(r for r in rows if r["Option"].startswith("Lithium"))
    assert lithium["On the chart as"].startswith("Add a second medicine (")
