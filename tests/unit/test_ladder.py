"""Treatment ladder: content completeness, the contract other pages use, filters, sorting and the table."""
from __future__ import annotations

import copy

import pytest
import yaml
from pydantic import ValidationError

from components.content import read_content
from components.ladder import (
    ADDABLE_COLUMNS,
    COLUMNS,
    DEFAULT_COLUMNS,
    NAME_PREFIXES,
    QUESTION_BY_KEY,
    acute_course_hours,
    adequate_dose_label,
    comparison_facts,
    course_label,
    default_comparison,
    dose_conflicts,
    duration_label,
    filter_options,
    headline_rows,
    ladder_rows,
    ladder_table,
    name_prefix,
    onset_label,
    prefix_legend,
    resolve_option,
    shown_columns,
    sort_options,
    time_at_visits_label,
)
from components.schema.referral import Antidepressant
from components.schema.treatments import Headline, TreatmentOption, TreatmentsFile
from tests.conftest import DATA_DIR

CONTRACT_RUNGS = ["augmentation", "switching", "neurostimulation", "rapid-acting", "ect", "later-line"]
CONTRACT_OPTIONS = [
    "lithium", "aripiprazole", "brexpiprazole", "quetiapine-xr", "cariprazine", "liothyronine",
    "olanzapine-fluoxetine", "combine-bupropion", "combine-mirtazapine", "switch-venlafaxine",
    "switch-duloxetine", "switch-bupropion", "switch-mirtazapine", "switch-tricyclic", "switch-maoi",
    "rtms", "itbs", "accelerated-tms", "deep-tms", "esketamine", "iv-ketamine", "ect", "vns",
    "psilocybin",
]


@pytest.fixture(scope="module")
def treatments() -> TreatmentsFile:
    return read_content(DATA_DIR).treatments


@pytest.fixture(scope="module")
def antidepressants() -> list[Antidepressant]:
    return read_content(DATA_DIR).referral.antidepressants


@pytest.fixture(scope="module")
def raw_option() -> dict:
    raw = yaml.safe_load((DATA_DIR / "treatments.yaml").read_text(encoding="utf-8"))
    return next(o for o in raw["options"] if o["id"] == "rtms")


def by_id(treatments: TreatmentsFile) -> dict[str, TreatmentOption]:
    return {option.id: option for option in treatments.options}


# ---------------------------------------------------------------- content and contract


def test_every_contract_rung_and_option_is_present(treatments):
    assert [rung.id for rung in sorted(treatments.rungs, key=lambda r: r.order)] == CONTRACT_RUNGS
    assert sorted(o.id for o in treatments.options) == sorted(CONTRACT_OPTIONS)


def test_psilocybin_and_vns_sit_on_the_later_line_rung(treatments):
    options = by_id(treatments)
    assert options["psilocybin"].rung == options["vns"].rung == "later-line"
    assert options["psilocybin"].regulatory[0].status == "investigational"


def test_every_option_has_a_source_onset_and_time_commitment(treatments):
    for option in treatments.options:
        assert option.sources, option.id
        assert option.onset_days.unit == "days" and option.onset_days.high > 0, option.id
        low, high = acute_course_hours(option)
        assert 0 < low <= high, option.id
        assert option.course.lab_monitoring, option.id
        assert len(option.short_name) <= 18, option.id


def test_every_figure_and_regulatory_source_is_listed_on_its_option(treatments):
    """The detail's source caption must name every source behind a figure shown above it."""
    for option in treatments.options:
        cited = {end.source for h in option.evidence.headlines for end in (h.low, h.high)}
        cited |= {sid for event in option.regulatory for sid in event.sources}
        assert cited <= set(option.sources), (option.id, cited - set(option.sources))


def test_lithium_states_its_target_level_and_monitoring_with_the_guideline(treatments):
    lithium = by_id(treatments)["lithium"]
    assert "0.5–0.8 mmol/L" in lithium.dose and "0.5–0.8 mmol/L" in lithium.course.lab_monitoring
    assert "TSH" in lithium.course.lab_monitoring and "canmat-2023-mdd" in lithium.sources


def test_onset_must_be_in_days(raw_option):
    broken = copy.deepcopy(raw_option)
    broken["onset_days"]["unit"] = "weeks"
    with pytest.raises(ValidationError, match="unit must be 'days'"):
        TreatmentOption.model_validate(broken)


def test_short_name_longer_than_18_characters_is_rejected(raw_option):
    broken = copy.deepcopy(raw_option)
    broken["short_name"] = "x" * 19
    with pytest.raises(ValidationError):
        TreatmentOption.model_validate(broken)


def test_a_headline_whose_low_end_is_above_its_high_end_is_rejected(raw_option):
    broken = copy.deepcopy(raw_option)
    headline = broken["evidence"]["headlines"][0]
    headline["low"] = {**headline["low"], "value": 90}
    headline["high"] = {**headline["low"], "value": 10}
    with pytest.raises(ValidationError, match="above high"):
        TreatmentOption.model_validate(broken)


# ---------------------------------------------------------------- every figure says what it measured

def _end(**changes) -> dict:
    end = {"value": 25.0, "source": "star-d-rush-2006-nejm-switch", "scale": "QIDS-SR",
           "cut_off": "≤5 (16-item)", "population": "outpatients after citalopram failed",
           "design": "randomised-open-label", "time_point": "exit", "context": "STAR*D level 2"}
    return {**end, **changes}


def _headline(low: dict, high: dict | None = None) -> dict:
    return {"outcome": "Remission", "low": low, "high": high or low}


@pytest.mark.parametrize("missing", ["scale", "cut_off", "population", "design", "time_point"])
def test_a_headline_end_without_its_scale_cut_off_population_design_or_time_fails(missing):
    end = _end()
    del end[missing]
    with pytest.raises(ValidationError, match=missing):
        Headline.model_validate(_headline(end))


def test_a_cut_off_must_name_a_threshold_or_say_it_was_not_stated():
    with pytest.raises(ValidationError, match="threshold"):
        Headline.model_validate(_headline(_end(cut_off="remission")))
    assert Headline.model_validate(_headline(_end(cut_off="≥50% fall")))
    assert Headline.model_validate(_headline(_end(cut_off="not stated in the abstract read")))


def test_a_design_outside_the_list_is_rejected():
    with pytest.raises(ValidationError, match="design"):
        Headline.model_validate(_headline(_end(design="small trial")))


@pytest.mark.parametrize(("field", "other"), [
    ("scale", "HAM-D"), ("cut_off", "≤7 (17-item)"), ("design", "open-label"), ("time_point", "week 4"),
])
def test_a_range_may_only_join_ends_of_the_same_scale_cut_off_design_and_time(field, other):
    with pytest.raises(ValidationError, match="same scale, cut-off, design"):
        Headline.model_validate(_headline(_end(value=20), _end(value=30, **{field: other})))


def test_a_range_across_two_arms_of_one_design_is_allowed_and_names_both_populations():
    headline = Headline.model_validate(_headline(_end(value=20, population="arm A"),
                                                 _end(value=30, population="arm B")))
    assert headline.figure() == "20–30%"
    assert "arm A (low end); arm B (high end)" in headline.label()


def test_a_missing_headline_field_is_reported_with_file_entry_and_field(tmp_path):
    import shutil

    from components.content import ContentError
    for path in DATA_DIR.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    raw = yaml.safe_load((tmp_path / "treatments.yaml").read_text(encoding="utf-8"))
    option = next(o for o in raw["options"] if o["id"] == "deep-tms")
    option["evidence"]["headlines"][0]["low"] = dict(option["evidence"]["headlines"][0]["low"])
    del option["evidence"]["headlines"][0]["low"]["population"]
    (tmp_path / "treatments.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        read_content(tmp_path)
    assert any(p.file == "data/treatments.yaml" and p.entry == "deep-tms"
               and p.field.endswith("headlines[0].low.population") for p in error.value.problems)


def test_every_headline_label_shows_scale_population_and_design(treatments):
    for option in treatments.options:
        for headline in option.evidence.headlines:
            label = headline.label()
            assert headline.low.population in label and headline.design in label, option.id
            assert headline.low.scale in label or "scale not stated" in label, option.id


def test_open_label_pooled_or_registry_figures_never_share_a_range_with_randomised_ones(treatments):
    for option in treatments.options:
        for headline in option.evidence.headlines:
            assert headline.low.design == headline.high.design, (option.id, headline.outcome)


def test_a_switch_card_headlines_its_own_drug_not_a_pooled_figure(treatments):
    for option in treatments.options:
        if option.evidence.headlines:
            assert option.evidence.headlines[0].low.design != "pooled", option.id
    venlafaxine = by_id(treatments)["switch-venlafaxine"].evidence.headlines[0]
    assert (venlafaxine.low.value, venlafaxine.low.source) == (25.0, "star-d-rush-2006-nejm-switch")


def test_no_card_quotes_the_mirtazapine_plus_bupropion_arm_as_bupropion_plus_fluoxetine(treatments):
    combine = by_id(treatments)["combine-bupropion"]
    assert all(end.value != 46 for h in combine.evidence.headlines for end in (h.low, h.high))
    assert "bupropion plus fluoxetine" not in combine.evidence.summary


# ---------------------------------------------------------------- ladder doses and the trial checker

def test_every_checker_drug_names_a_drug_the_checker_knows(treatments, antidepressants):
    known = {drug.id for drug in antidepressants}
    linked = [o for o in treatments.options if o.checker_drug]
    assert {o.id for o in linked} >= {"switch-venlafaxine", "switch-bupropion", "switch-duloxetine",
                                      "switch-mirtazapine", "switch-tricyclic"}
    assert all(o.checker_drug in known for o in linked)


def test_no_ladder_target_dose_is_below_the_checkers_minimum_adequate_dose(treatments, antidepressants):
    conflicts = [c for option in treatments.options for c in dose_conflicts(option, antidepressants)]
    assert not conflicts, conflicts


def test_a_target_below_the_checker_minimum_is_caught_in_the_field_and_in_the_text(
        treatments, antidepressants):
    venlafaxine = by_id(treatments)["switch-venlafaxine"]
    in_text = venlafaxine.model_copy(update={"dose": "Extended-release: start 37.5 mg, target 75 mg/day."})
    in_field = venlafaxine.model_copy(update={"target_dose_mg_per_day": 75})
    assert dose_conflicts(in_text, antidepressants) and dose_conflicts(in_field, antidepressants)


def test_the_ladder_states_the_checkers_minimum_for_a_linked_drug(treatments, antidepressants):
    minimum = next(d for d in antidepressants if d.id == "venlafaxine").minimum_adequate_dose_mg_per_day
    label = adequate_dose_label(by_id(treatments)["switch-venlafaxine"], antidepressants)
    assert f"at least {minimum:g} mg/day" in label
    assert adequate_dose_label(by_id(treatments)["rtms"], antidepressants) == ""


# ---------------------------------------------------------------- acute_course_hours


def test_acute_course_hours_multiplies_visits_minutes_and_weeks(raw_option):
    option = copy.deepcopy(raw_option)
    option["course"]["visits_per_week"].update(low=5, high=5)
    option["course"]["minutes_per_visit"].update(low=40, high=60)
    option["course"]["weeks"].update(low=4, high=6)
    low, high = acute_course_hours(TreatmentOption.model_validate(option))
    assert low == pytest.approx(5 * 40 / 60 * 4)
    assert high == pytest.approx(5 * 60 / 60 * 6)


def test_esketamine_hours_include_the_two_hour_observation(treatments):
    low, _ = acute_course_hours(by_id(treatments)["esketamine"])
    assert low >= 1 * 2 * 4  # at least weekly × 2 h observed × 4 weeks


# ---------------------------------------------------------------- filters


def test_no_filter_keeps_every_option(treatments):
    assert filter_options(treatments.options) == list(treatments.options)


def test_rung_filter_keeps_only_that_rung(treatments):
    shown = filter_options(treatments.options, ["neurostimulation"])
    assert {o.id for o in shown} == {"rtms", "itbs", "accelerated-tms", "deep-tms"}


def test_primary_care_question_keeps_primary_and_shared_care(treatments):
    shown = filter_options(treatments.options, answers={"primary_care": True})
    assert shown and all(o.setting in ("primary-care", "shared-care") for o in shown)
    assert "ect" not in {o.id for o in shown}
    refused = filter_options(treatments.options, answers={"primary_care": False})
    assert len(shown) + len(refused) == len(treatments.options)


def test_within_a_week_question_uses_the_low_end_of_onset(treatments):
    shown = {o.id for o in filter_options(treatments.options, answers={"within_week": True})}
    assert {"esketamine", "iv-ketamine", "ect"} <= shown
    assert not shown & {"lithium", "rtms", "switch-venlafaxine", "vns"}


def test_certified_setting_question_finds_esketamine(treatments):
    shown = [o.id for o in filter_options(treatments.options, answers={"certified": True})]
    assert shown == ["esketamine"]


def test_filters_combine_and_an_unanswered_question_is_ignored(treatments):
    shown = filter_options(treatments.options, ["rapid-acting", "ect"],
                           {"within_week": True, "primary_care": False, "certified": None})
    assert {o.id for o in shown} == {"esketamine", "iv-ketamine", "ect"}
    assert filter_options(treatments.options, ["augmentation"], {"certified": True}) == []


def test_every_question_has_a_label_ending_in_a_question_mark():
    assert all(q.label.endswith("?") for q in QUESTION_BY_KEY.values())


# ---------------------------------------------------------------- sorting


def test_ladder_order_follows_rung_order_whatever_the_input_order(treatments):
    ordered = sort_options(reversed(treatments.options), treatments.rungs, "ladder")
    rung_order = {r.id: r.order for r in treatments.rungs}
    orders = [rung_order[o.rung] for o in ordered]
    assert orders == sorted(orders)
    assert ordered[0].rung == "augmentation" and ordered[-1].rung == "later-line"


def test_fastest_onset_first_puts_the_rapid_acting_options_first(treatments):
    ordered = sort_options(treatments.options, treatments.rungs, "onset")
    assert {o.id for o in ordered[:2]} == {"esketamine", "iv-ketamine"}
    lows = [o.onset_days.low for o in ordered]
    assert lows == sorted(lows)


def test_least_time_first_is_ascending_in_hours(treatments):
    ordered = sort_options(treatments.options, treatments.rungs, "hours")
    lows = [acute_course_hours(o)[0] for o in ordered]
    assert lows == sorted(lows)
    assert ordered[-1].id == "accelerated-tms"


def test_unknown_sort_is_refused(treatments):
    with pytest.raises(ValueError, match="unknown sort"):
        sort_options(treatments.options, treatments.rungs, "price")


# ---------------------------------------------------------------- table and descriptions


def test_table_has_one_row_per_option_with_units_in_headers(treatments):
    shown = filter_options(treatments.options, ["switching"])
    table = ladder_table(ladder_rows(shown, treatments.rungs))
    assert list(table.columns) == list(COLUMNS.values())
    assert table["Id"].tolist() == [o.id for o in shown]
    assert all(table["Sources (ids)"].str.len() > 0)
    for header in ("Onset from (days)", "Minutes per visit", "Course (weeks)", "Hours at visits, low"):
        assert header in table.columns


def test_default_columns_are_what_a_clinician_compares_first_and_the_rest_can_be_added():
    assert [COLUMNS[key] for key in DEFAULT_COLUMNS] == [
        "Option", "Rung", "Onset (rough)", "Setting", "Time at visits",
        "Headline (scale, cut-off; population; design)"]
    assert set(DEFAULT_COLUMNS) | set(ADDABLE_COLUMNS) == set(COLUMNS)
    assert not set(DEFAULT_COLUMNS) & set(ADDABLE_COLUMNS)
    assert shown_columns() == list(DEFAULT_COLUMNS)


def test_added_columns_follow_the_defaults_in_table_order_and_unknown_keys_are_ignored():
    assert shown_columns(["lab_monitoring", "regulatory", "option", "nonsense", "regulatory"]) == [
        *DEFAULT_COLUMNS, "regulatory", "lab_monitoring"]


def test_the_table_names_options_by_short_name_and_keeps_the_full_name(treatments):
    table = ladder_table(ladder_rows(filter_options(treatments.options, ["switching"]),
                                     treatments.rungs))
    assert table["Option"].iloc[0] == "→ Venlafaxine"
    assert table["Full name"].iloc[0] == "Switch to venlafaxine (SNRI)"


def test_time_at_visits_gives_hours_and_the_course_length(treatments):
    options = by_id(treatments)
    assert time_at_visits_label(options["esketamine"]) == "8.7–40 h over 4–8 weeks"
    assert time_at_visits_label(options["accelerated-tms"]) == "45–50 h over 1 week"


def test_every_switch_is_marked_with_an_arrow_and_every_added_antidepressant_with_a_plus(treatments):
    """The signs mean what the legend says: → only on the switching rung, + only for add-ons."""
    for option in treatments.options:
        sign = name_prefix(option)
        if option.id.startswith("switch-"):
            assert sign == "→", option.id
        elif option.id.startswith("combine-"):
            assert sign == "+", option.id
        else:
            assert sign == "", option.id
        if sign == "→":
            assert option.rung == "switching", option.id
        if sign == "+":
            assert option.rung == "augmentation", option.id


def test_the_legend_explains_every_sign_used_in_a_name(treatments):
    used = {name_prefix(option) for option in treatments.options} - {""}
    assert used == set(NAME_PREFIXES)
    legend = prefix_legend()
    assert "→ means switch to" in legend and "+ means add to the current antidepressant" in legend


def test_onset_labels_pick_a_readable_unit(treatments):
    options = by_id(treatments)
    assert onset_label(options["esketamine"]) == "4 hours to 2 days"
    assert onset_label(options["iv-ketamine"]) == "2 hours to 1 day"
    assert onset_label(options["ect"]) == "7 days to 4 weeks"
    assert onset_label(options["rtms"]) == "2–6 weeks"


@pytest.mark.parametrize(("low_days", "high_days", "said"), [
    (4 / 24, 4 / 24, "4 hours"),
    (1, 1, "1 day"),
    (1, 3, "1–3 days"),
    (14, 14, "2 weeks"),
    (90, 365, "13–52 weeks"),
    (5, 28, "5 days to 4 weeks"),
])
def test_duration_label_says_each_end_in_a_unit_a_clinician_would_use(low_days, high_days, said):
    assert duration_label(low_days, high_days) == said


def test_course_lengths_from_the_content_are_shown_as_written_not_rounded(treatments):
    rtms = by_id(treatments)["rtms"]
    short = rtms.model_copy(update={"course": rtms.course.model_copy(update={
        "weeks": rtms.course.weeks.model_copy(update={"low": 0.5, "high": 1.5})})})
    assert "× 0.5–1.5 weeks (rough)" in course_label(short)


def test_headline_rows_name_scale_population_design_and_source(treatments):
    option = by_id(treatments)["ect"]
    rows = headline_rows(option, cite=lambda sid: f"<{sid}>")
    first, relapse = rows[0], rows[-1]
    assert first["Scale and cut-off"] == "HAM-D ≤10 (24-item)"
    assert "CORE" in first["Population"] and first["Design"] == "open-label, not randomised"
    assert "<core-husain-2004>" in first["Low end"]
    assert relapse["Figure"] == "31.6–37.1%" and relapse["Design"] == "randomised trial"


def test_comparison_cards_show_the_same_facts_in_the_same_order(treatments):
    rung_by_id = {r.id: r for r in treatments.rungs}
    lithium, rtms = (by_id(treatments)[oid] for oid in ("lithium", "rtms"))
    labels = [label for label, _ in comparison_facts(lithium, rung_by_id["augmentation"])]
    assert labels[:11] == [label for label, _ in comparison_facts(rtms, rung_by_id["neurostimulation"])][:11]
    esketamine = dict(comparison_facts(by_id(treatments)["esketamine"], rung_by_id["rapid-acting"]))
    assert "REMS" in esketamine


def test_default_comparison_takes_options_from_different_rungs(treatments):
    chosen = default_comparison(treatments.options, treatments.rungs)
    rungs = {by_id(treatments)[oid].rung for oid in chosen}
    assert len(chosen) == len(rungs) == 3


def test_deep_link_resolution(treatments):
    assert resolve_option(treatments.options, "ect")[0].id == "ect"
    assert resolve_option(treatments.options, "no-such") == (None, True)
    assert resolve_option(treatments.options, None) == (None, False)
