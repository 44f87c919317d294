"""STAR*D and sequencing timeline figures: bars, ranges and labels match the content."""
from __future__ import annotations

from components.content import read_content
from components.schema.sources import short_citations
from components.sequencing import plan_sequence
from components.timeline_charts import (
    make_pathway_figure,
    make_star_d_figure,
    star_d_rows,
    trial_arm_rows,
)


def trace(figure, name_start: str):
    return next(t for t in figure.data if (t.name or "").startswith(name_start))


def test_star_d_bars_are_the_per_level_remission_rates_with_their_levels(content):
    star_d = content.timelines.star_d
    figure = make_star_d_figure(star_d)
    bars = trace(figure, "Remission at this level")
    assert list(bars.y) == [lv.remission_percent for lv in star_d.levels] == [36.8, 30.6, 13.7, 13.0]
    assert [x.split("<br>")[0] for x in bars.x] == ["Level 1", "Level 2", "Level 3", "Level 4"]
    assert "n = 3,671" in bars.x[0] and "n = 123" in bars.x[3]


def test_star_d_cumulative_line_ends_at_the_reported_67_percent_and_says_so(content):
    figure = make_star_d_figure(content.timelines.star_d)
    line = trace(figure, "Cumulative, if nobody dropped out")
    assert round(line.y[-1]) == 67 and list(line.y) == sorted(line.y)
    assert line.text[-1] == "67% reported"


def test_star_d_shows_the_2023_reanalysis_and_the_level_one_primary_scale(content):
    figure = make_star_d_figure(content.timelines.star_d, short_citations(content.sources.sources))
    reanalysis = trace(figure, "Cumulative remission in the 2023 re-analysis")
    assert list(reanalysis.y) == [35] and "about 35%" in reanalysis.text[0]
    assert "Pigott HE 2023" in reanalysis.hovertemplate
    primary = trace(figure, "Level 1 remission on the primary scale")
    assert list(primary.y) == [28] and "HRSD17" in primary.hovertemplate


def test_star_d_axes_have_units(content):
    layout = make_star_d_figure(content.timelines.star_d).layout
    assert layout.yaxis.title.text == "Patients in remission (%)"
    assert tuple(layout.yaxis.range) == (0, 100)
    assert "level" in layout.xaxis.title.text


def test_star_d_table_has_one_row_per_level_with_treatments(content):
    rows = star_d_rows(content.timelines.star_d)
    assert [r["Level"] for r in rows] == [1, 2, 3, 4]
    assert rows[0]["Treatments"].startswith("Citalopram")
    assert rows[-1]["Cumulative if nobody dropped out"] == "67.1%"


def test_relapse_entry_states_what_could_not_be_confirmed(content):
    relapse = content.timelines.star_d.relapse
    assert "could not be confirmed" in relapse.not_confirmed
    assert all(claim.sources for claim in relapse.confirmed)


def test_switch_versus_augment_evidence_lists_every_arm(content):
    rows = trial_arm_rows(content.timelines.sequential_trials)
    vast_d = [r for r in rows if r["Trial"] == "VAST-D"]
    assert [r["Remission"] for r in vast_d] == ["22.3%", "26.9%", "28.9%"]
    trials = {t.name: t for t in content.timelines.sequential_trials}
    assert all(r["Population"] == trials[r["Trial"]].population for r in rows)


def plan_for(content, path_id):
    timelines = content.timelines
    path = next(p for p in timelines.sequencing_paths if p.id == path_id)
    return plan_sequence(path.steps, timelines.sequence_steps,
                         timelines.sequencing_rules.referral_due_after_trials)


def test_pathway_bars_span_each_step_on_its_short_and_long_schedule(content):
    plan = plan_for(content, "typical-path")
    figure = make_pathway_figure(plan)
    short = trace(figure, "If every step takes its shorter")
    long = trace(figure, "If every step takes its longer")
    steps = [p for p in plan.steps if not p.is_milestone]
    assert list(short.base) == [p.start.low for p in steps]
    assert list(short.x) == [p.end.low - p.start.low for p in steps]
    assert list(long.base) == [p.start.high for p in steps]
    assert list(long.x) == [p.end.high - p.start.high for p in steps]
    assert short.base[-1] + short.x[-1] == plan.total_weeks.low
    assert long.base[-1] + long.x[-1] == plan.total_weeks.high


def test_pathway_labels_every_step_in_order_and_marks_referral(content):
    plan = plan_for(content, "typical-path")
    figure = make_pathway_figure(plan)
    assert list(figure.layout.yaxis.ticktext) == [p.step.label for p in plan.steps]
    referral = trace(figure, "Referral")
    assert set(referral.customdata) == {"Specialist referral"}
    assert figure.layout.xaxis.title.text.startswith("Weeks")
    assert len(trace(figure, "Review point").x) == 2 * len([p for p in plan.steps if not p.is_milestone])


def test_flagged_steps_are_hatched_and_marked_on_the_axis(content):
    plan = plan_for(content, "six-months-half-working")
    figure = make_pathway_figure(plan)
    ticks = list(figure.layout.yaxis.ticktext)
    assert ticks[1] == "⚠ Unchanged on a partial response"
    assert not ticks[0].startswith("⚠")
    shapes = trace(figure, "If every step takes its shorter").marker.pattern.shape
    assert list(shapes) == ["", "/", ""]


def test_referral_due_is_shaded_when_it_became_due(content):
    plan = plan_for(content, "typical-path")
    figure = make_pathway_figure(plan)
    band = figure.layout.shapes[0]
    assert (band.x0, band.x1) == (plan.referral_due.low, plan.referral_due.high)
    assert any("Referral due" in a.text for a in figure.layout.annotations)


def test_every_curated_path_draws_each_step_and_its_whole_length(content):
    for path in content.timelines.sequencing_paths:
        plan = plan_for(content, path.id)
        figure = make_pathway_figure(plan)
        assert [t.lstrip("⚠ ") for t in figure.layout.yaxis.ticktext] == [
            p.step.label for p in plan.steps], path.id
        longest = trace(figure, "If every step takes its longer")
        assert max(b + x for b, x in zip(longest.base, longest.x, strict=True)) == (
            plan.total_weeks.high), path.id
        assert figure.layout.xaxis.range[1] >= plan.total_weeks.high, path.id


def test_star_d_scale_names_and_labels_come_from_the_content(data_copy):
    path = data_copy / "timelines.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in (("remission_scale_name: QIDS-SR16", "remission_scale_name: QIDS-X"),
                     ("    scale_name: HRSD17\n    label: Cumulative remission in the 2023 "
                      "re-analysis", "    scale_name: HAM-X\n    label: Re-analysed figure")):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    star_d = read_content(data_copy).timelines.star_d
    figure = make_star_d_figure(star_d)
    assert "(QIDS-X)" in trace(figure, "Remission at this level").hovertemplate
    assert trace(figure, "Re-analysed figure").name == "Re-analysed figure (HAM-X)"
    assert "Remission at this level (QIDS-X)" in star_d_rows(star_d)[0]
    assert not any("QIDS-SR16" in (t.name or "") + (t.hovertemplate or "") for t in figure.data)
