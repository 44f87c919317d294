"""Treatment ladder page: the table, its filters and sort, side-by-side cards and the ?option= deep link."""
from __future__ import annotations

import json

from components.content import DATA_DIR_ENV, content

PAGE = "app_pages/ladder.py"


DEFAULT_HEADERS = ["Option", "Rung", "Onset (rough)", "Setting", "Time at visits",
                   "Headline (scale, cut-off; population; design)"]


def table_of(app):
    """The comparison table's DataFrame (the first dataframe on the page), every column."""
    return app.dataframe[0].value


def columns_on_screen(app) -> list[str]:
    """The headers the table shows, in order (the data holds every column for the CSV)."""
    return list(app.dataframe[0].proto.column_order)


def test_page_shows_rungs_in_order_and_the_full_table(run_page):
    app = run_page(PAGE)
    assert not app.exception, [e.value for e in app.exception]
    assert [t.value for t in app.title] == ["Treatment ladder"]
    rung_titles = [m.value for m in app.markdown if m.value.startswith("**") and ". " in m.value[:6]]
    assert [title[2] for title in rung_titles] == list("123456")
    assert any("Moves on when" in m.value for m in app.markdown)
    total = len(content().treatments.options)
    assert len(table_of(app)) == total
    assert any(f"Showing {total} of {total} options" in c.value for c in app.caption)


def test_the_default_table_shows_the_columns_a_clinician_compares_first(run_page):
    app = run_page(PAGE)
    assert columns_on_screen(app) == DEFAULT_HEADERS
    assert len(table_of(app).columns) == 19  # the CSV keeps every column
    assert any("6 of 19 columns" in c.value and "CSV holds these rows with every column" in c.value
               for c in app.caption)


def test_adding_a_column_shows_it_after_the_defaults(run_page):
    app = run_page(PAGE)
    app.multiselect(key="ladder_columns").set_value(["lab_monitoring", "regulatory"]).run()
    assert columns_on_screen(app) == [*DEFAULT_HEADERS, "Regulatory status", "Lab monitoring"]
    assert any("8 of 19 columns" in c.value for c in app.caption)
    app.multiselect(key="ladder_columns").set_value([]).run()
    assert columns_on_screen(app) == DEFAULT_HEADERS


def test_the_arrow_and_plus_signs_are_explained_beside_the_names_and_in_the_column_help(run_page):
    app = run_page(PAGE)
    legends = [c.value for c in app.caption if c.value.startswith("In option names")]
    assert len(legends) == 2  # above the rung overview and above the table
    for legend in legends:
        assert "**→** means switch to: stop the current antidepressant" in legend
        assert "**+** means add to the current antidepressant" in legend
    option_help = json.loads(app.dataframe[0].proto.columns)["Option"]["help"]
    assert "→ means switch to" in option_help and "+ means add to" in option_help
    names = dict(zip(table_of(app)["Option"], table_of(app)["Full name"], strict=True))
    assert names["→ Bupropion"] == "Switch to bupropion"
    assert names["+ Bupropion"] == "Add bupropion (combination)"


def test_the_intro_says_where_the_options_sit_relative_to_the_definition_of_trd(run_page):
    app = run_page(PAGE)
    intro = next(m.value for m in app.markdown if m.value.startswith("After one adequate"))
    assert "not yet treatment-resistant" in intro
    assert "Once two adequate trials of different antidepressants have failed" in intro
    assert "After two adequate trials fail, these are" not in intro


def test_rung_filter_changes_the_rows_shown(run_page):
    app = run_page(PAGE)
    app.multiselect(key="ladder_filter_rung").set_value(["neurostimulation"]).run()
    table = table_of(app)
    assert sorted(table["Full name"]) == sorted([
        "Standard rTMS (10 Hz)", "Intermittent theta-burst stimulation (iTBS)",
        "Accelerated iTBS (SAINT / SNT)", "Deep TMS (H-coil)"])
    total = len(content().treatments.options)
    assert any(f"Showing 4 of {total} options" in c.value for c in app.caption)


def test_practical_questions_change_the_rows_shown(run_page):
    app = run_page(PAGE)
    app.segmented_control(key="ladder_q_certified").set_value("Yes").run()
    assert table_of(app)["Full name"].tolist() == ["Esketamine nasal spray"]
    app.segmented_control(key="ladder_q_certified").set_value(None)
    app.segmented_control(key="ladder_q_primary_care").set_value("Yes").run()
    table = table_of(app)
    assert set(table["Setting"]) == {"Primary care", "Shared care"}
    assert "ECT" not in table["Option"].tolist()


def test_sorting_by_onset_puts_the_rapid_acting_options_first(run_page):
    app = run_page(PAGE)
    app.selectbox(key="ladder_sort").set_value("onset").run()
    assert set(table_of(app)["Option"].iloc[:2]) == {"Esketamine", "IV ketamine"}


def test_every_headline_in_the_table_names_its_scale_population_and_design(run_page):
    app = run_page(PAGE)
    table = table_of(app)
    header = "Headline (scale, cut-off; population; design)"
    assert header in columns_on_screen(app)
    by_option = dict(zip(table["Option"], table[header], strict=True))
    venlafaxine = by_option["→ Venlafaxine"]
    assert "25%" in venlafaxine and "QIDS-SR ≤5" in venlafaxine
    assert "STAR*D level 2" in venlafaxine and "randomised, open-label trial" in venlafaxine
    assert "30.6" not in venlafaxine  # the pooled level-2 figure is context, not the headline


def test_option_details_show_scale_population_design_and_the_checkers_minimum_dose(run_page):
    app = run_page(PAGE, option="switch-venlafaxine")
    assert not app.exception, [e.value for e in app.exception]
    text = "\n".join(m.value for m in app.markdown)
    assert "**Adequate trial:** An adequate trial needs at least 150 mg/day" in text
    assert "target 75" not in text
    for label in ("Scale and cut-off: QIDS-SR ≤5", "Population: outpatients", "Design: randomised",
                  "Design: pooled across arms"):
        assert label in text, label


def test_deep_link_selects_and_shows_the_option(run_page):
    app = run_page(PAGE, option="ect")
    assert not app.exception
    assert app.selectbox(key="ladder_option").value == "ect"
    assert any(m.value == "### Electroconvulsive therapy (ECT)" for m in app.markdown)
    assert any("Sources:" in c.value and "Reviewed" in c.value for c in app.caption)
    assert not app.info


def test_unknown_deep_link_shows_a_short_notice(run_page):
    app = run_page(PAGE, option="no-such-option")
    assert not app.exception
    assert any("no-such-option" in i.value for i in app.info)


def test_a_crafted_deep_link_cannot_put_a_link_on_the_page(run_page):
    app = run_page(PAGE, option="[click me](http://example.org)")
    assert not app.exception
    notice = app.info[0].value
    assert "click me" in notice and "[click me](http" not in notice  # escaped, so shown as text


def test_side_by_side_needs_two_options_and_shows_one_card_each(run_page):
    app = run_page(PAGE)
    app.multiselect(key="ladder_compare").set_value(["esketamine"]).run()
    assert any("at least two" in i.value for i in app.info)
    app.multiselect(key="ladder_compare").set_value(["esketamine", "ect", "rtms", "lithium"]).run()
    cards = [m.value for m in app.markdown if m.value.startswith("#### ")]
    assert cards == ["#### Esketamine nasal spray", "#### Electroconvulsive therapy (ECT)",
                     "#### Standard rTMS (10 Hz)", "#### Lithium augmentation"]


def test_picking_an_option_puts_it_in_the_address_for_sharing(run_page):
    app = run_page(PAGE, option="ect")
    app.selectbox(key="ladder_option").set_value("vns").run()
    assert app.query_params["option"] in ("vns", ["vns"])
    assert any(m.value == "### Vagus nerve stimulation (VNS)" for m in app.markdown)


def test_the_intro_and_the_visit_length_help_are_read_from_the_content(run_page, data_copy,
                                                                       monkeypatch):
    path = data_copy / "treatments.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in (("After one adequate antidepressant trial fails", "Edited intro: one trial"),
                     ("minutes_per_visit_note: Includes observation (esketamine)",
                      "minutes_per_visit_note: Edited help, observation (esketamine)")):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    app = run_page(PAGE)
    assert not app.exception, [e.value for e in app.exception]
    assert any(m.value.startswith("Edited intro: one trial, the depression") for m in app.markdown)
    assert not any("After one adequate antidepressant trial fails" in m.value for m in app.markdown)
    table = app.dataframe[0].proto
    assert "Edited help, observation (esketamine) and recovery (ECT); rough" in table.columns


def test_an_options_gaps_sit_behind_the_provenance_marker_not_in_the_lesson_text(run_page):
    from components.provenance import CONFIDENCE_LABELS, assess_confidence
    option = next(o for o in content().treatments.options if o.id == "itbs")
    gaps = option.evidence.gaps
    app = run_page(PAGE, option=option.id)
    assert not app.exception, [e.value for e in app.exception]
    popovers = app.get("popover")
    labels = [p.proto.popover.label for p in popovers]
    assert CONFIDENCE_LABELS[assess_confidence(gaps)] in labels
    opened = [m.value for p in popovers for m in p.markdown]
    assert any(gaps[:40] in text for text in opened)  # a reviewer still reads every word
    assert not any(gaps[:40] in c.value for c in app.caption)
    outside = [m.value for m in app.markdown if m.value not in opened]
    assert not any(gaps[:40] in text for text in outside)
    assert not any("Not confirmed:" in c.value for c in app.caption)


def test_every_note_on_an_option_opens_from_one_kind_of_marker(run_page):
    from components.ladder import provenance_notes
    from components.provenance import CONFIDENCE_LABELS
    option = next(o for o in content().treatments.options if o.id == "rtms")
    app = run_page(PAGE, option=option.id)
    popovers = [p for p in app.get("popover") if p.proto.popover.label in CONFIDENCE_LABELS.values()]
    opened = "\n".join(m.value for p in popovers for m in p.markdown)
    for about, note in provenance_notes(option):
        assert note[:30] in opened.replace("\\", ""), about
    assert "Cost per session" not in "\n".join(m.value for m in app.markdown if m.value not in opened)


def test_a_rungs_note_opens_from_the_marker_under_its_card(run_page):
    from components.provenance import CONFIDENCE_LABELS, assess_confidence
    rung = next(r for r in content().treatments.rungs if r.note)
    app = run_page(PAGE)
    marker = next(p for p in app.get("popover") if p.proto.id.endswith(f"ladder_rung_note_{rung.id}")
                  or f"ladder_rung_note_{rung.id}" in p.proto.id)
    assert marker.proto.popover.label == CONFIDENCE_LABELS[assess_confidence(rung.note)]
    assert "transcription" not in rung.description
