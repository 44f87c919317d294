"""Timelines page: STAR*D with its caveats, curated paths with ?path= deep links, and the sequence builder."""
from __future__ import annotations

import json

from components.content import read_content
from components.sequencing import plan_sequence
from tests.conftest import DATA_DIR

PAGE = "app_pages/timelines.py"


def sequence_total(steps: list[str]) -> str:
    """The total the metric should show for these steps, worked out from the content the page reads."""
    timelines = read_content(DATA_DIR).timelines
    plan = plan_sequence(steps, timelines.sequence_steps,
                         timelines.sequencing_rules.referral_due_after_trials)
    return plan.total_weeks.length_label()


def path_total(path_id: str) -> str:
    timelines = read_content(DATA_DIR).timelines
    return sequence_total(next(p for p in timelines.sequencing_paths if p.id == path_id).steps)


def chart_specs(app) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def flags_shown(app) -> list[str]:
    return [w.value for w in app.warning]


def show(app, view: str):
    return app.segmented_control(key="timelines_view").set_value(view).run()


def test_page_shows_star_d_with_both_cumulative_figures_and_relapse_limits(run_page):
    app = run_page(PAGE)
    assert not app.exception, [e.value for e in app.exception]
    assert [t.value for t in app.title] == ["Timelines"]
    text = " ".join(m.value for m in app.markdown)
    assert "67%" in text and "about 35%" in text
    # How each figure was read, and what could not be confirmed, open from the provenance marker.
    opened = " ".join(m.value for p in app.get("popover") for m in p.markdown)
    assert "reply letter" in opened and "could not be confirmed" in opened
    assert not any("could not be confirmed" in c.value or "reply letter" in c.value
                   for c in app.caption)
    labels = [p.proto.popover.label for p in app.get("popover")]
    assert labels.count("Not fully confirmed") >= 1 and "Secondary source" in labels
    star_d_table = app.table[0].value
    assert list(star_d_table["Level"]) == [1, 2, 3, 4]
    assert len(chart_specs(app)) == 1  # one view, one chart: the others wait for their view


def test_every_view_has_one_chart_with_a_how_to_read_caption_and_a_table(run_page):
    app = run_page(PAGE)
    for view, tables in (("star-d", 2), ("paths", 1), ("builder", 1)):
        show(app, view)
        assert len(chart_specs(app)) == 1, view
        assert len([c for c in app.caption if c.value.startswith("How to read this")]) == 1
        assert len(app.table) == tables, view  # STAR*D and other trials; each plan's steps


def test_the_builder_keeps_its_steps_when_the_presenter_switches_views(run_page):
    app = show(run_page(PAGE), "builder")
    app.multiselect(key="timelines_builder_steps").set_value(["first-ssri-trial"]).run()
    show(show(app, "paths"), "builder")
    assert app.multiselect(key="timelines_builder_steps").value == ["first-ssri-trial"]


def test_choosing_the_six_month_path_shows_its_skipped_review_flag(run_page):
    app = show(run_page(PAGE), "paths")
    assert not any("Unchanged on a partial response" in f for f in flags_shown(app))
    app.selectbox(key="timelines_path").set_value("six-months-half-working").run()
    assert any("Unchanged on a partial response" in f and "Skips an adequacy check" in f
               for f in flags_shown(app))
    assert app.metric[0].value == path_total("six-months-half-working")


def test_deep_link_opens_a_path_and_an_unknown_one_shows_a_notice(run_page):
    app = run_page(PAGE, path="severe-fast-to-ect")
    assert app.selectbox(key="timelines_path").value == "severe-fast-to-ect"
    assert path_total("severe-fast-to-ect") != path_total("typical-path")
    assert app.metric[0].value == path_total("severe-fast-to-ect")
    app = run_page(PAGE, path="no-such-path")
    assert not app.exception
    assert any("no path called" in i.value for i in app.info)
    assert app.selectbox(key="timelines_path").value == "typical-path"


def test_builder_updates_total_weeks_and_the_timeline_as_steps_are_picked(run_page):
    app = show(run_page(PAGE), "builder")
    builder = app.multiselect(key="timelines_builder_steps")
    assert builder.label.startswith("Steps, in the order they happen")
    builder.set_value(["first-ssri-trial", "switch-antidepressant"]).run()
    assert app.metric[-1].value == sequence_total(["first-ssri-trial", "switch-antidepressant"])
    assert app.metric[-1].value != sequence_total(["first-ssri-trial"])
    ticks = chart_specs(app)[-1]["layout"]["yaxis"]["ticktext"]
    assert ticks == ["First SSRI trial", "Switch to another antidepressant"]


def test_builder_flags_skipped_adequacy_and_late_referral(run_page):
    app = show(run_page(PAGE), "builder")
    app.multiselect(key="timelines_builder_steps").set_value(
        ["first-ssri-trial", "switch-antidepressant", "augmentation", "esketamine-course"]).run()
    flags = flags_shown(app)
    assert any(f.startswith("**Add lithium, an antipsychotic or T3** · Later than referral") for f in flags)
    assert any("Esketamine induction" in f and "Later than referral" in f for f in flags)
    app.multiselect(key="timelines_builder_steps").set_value(
        ["specialist-referral", "esketamine-course"]).run()
    assert any("Esketamine induction" in f and "Skips an adequacy check" in f
               for f in flags_shown(app))


def test_empty_builder_asks_for_a_step(run_page):
    app = show(run_page(PAGE), "builder")
    app.multiselect(key="timelines_builder_steps").set_value([]).run()
    assert not app.exception
    assert any("Pick at least one step" in i.value for i in app.info)
    assert chart_specs(app) == []


def test_every_chart_downloads_as_a_png_with_a_clear_file_name(run_page):
    app = run_page(PAGE, path="six-months-half-working")
    names = []
    for view in ("star-d", "paths", "builder"):
        chart = show(app, view).get("plotly_chart")[0]
        names.append(json.loads(chart.proto.config)["toImageButtonOptions"]["filename"])
    assert names == ["trd-map-star-d-remission-by-level", "trd-map-path-six-months-half-working",
                     "trd-map-my-sequence"]
