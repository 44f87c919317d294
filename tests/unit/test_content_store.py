"""The content store accepts the real content and names file, entry and field for every kind of bad content."""
from __future__ import annotations

import pytest

from components.content import ContentError, main, read_content
from tests.conftest import DATA_DIR, problems_after, raw


def first_source(document: dict) -> dict:
    return next(s for s in document["sources"] if s["id"] == "star-d-rush-2006")


def test_the_shipped_content_is_valid():
    loaded = read_content(DATA_DIR)
    assert loaded.frame.crisis_line.text
    assert loaded.sources.sources


def test_yaml_syntax_error_names_file_and_line(data_copy):
    @raw
    def break_indent(text: str) -> str:
        lines = text.splitlines()
        lines[12] = "  bad: [unclosed"
        return "\n".join(lines)

    problems = problems_after(data_copy, "sources.yaml", break_indent)
    assert len(problems) == 1
    assert problems[0].startswith("data/sources.yaml: -: line ")
    assert "YAML syntax error" in problems[0]


def test_missing_field_names_entry_and_field(data_copy):
    problems = problems_after(data_copy, "sources.yaml", lambda d: first_source(d).pop("title"))
    assert problems == ["data/sources.yaml: star-d-rush-2006: title: required field is missing"]


def test_wrong_type_names_entry_field_and_value(data_copy):
    def make_year_text(document):
        first_source(document)["year"] = "two thousand and six"

    problems = problems_after(data_copy, "sources.yaml", make_year_text)
    assert len(problems) == 1
    assert problems[0].startswith("data/sources.yaml: star-d-rush-2006: year: ")
    assert "'two thousand and six'" in problems[0]


def test_misspelt_field_is_reported_not_ignored(data_copy):
    problems = problems_after(data_copy, "sources.yaml",
                              lambda d: first_source(d).update(titel="typo"))
    assert problems == [
        "data/sources.yaml: star-d-rush-2006: titel: unknown field "
        "(check the spelling against the other entries)"
    ]


def test_unknown_source_id_is_reported_where_it_is_cited(data_copy):
    def cite_missing(document):
        document["crisis_line"]["sources"] = ["no-such-trial-2030"]

    problems = problems_after(data_copy, "frame.yaml", cite_missing)
    assert problems == [
        "data/frame.yaml: -: crisis_line.sources[0]: unknown source id 'no-such-trial-2030'"
    ]


def test_duplicate_id_is_reported(data_copy):
    def duplicate(document):
        document["sources"].append(dict(first_source(document)))

    problems = problems_after(data_copy, "sources.yaml", duplicate)
    assert len(problems) == 1
    assert problems[0].startswith("data/sources.yaml: star-d-rush-2006: sources[")
    assert "duplicate id" in problems[0]


def test_empty_file_is_reported(data_copy):
    problems = problems_after(data_copy, "frame.yaml", raw(lambda text: "# nothing here\n"))
    assert problems == ["data/frame.yaml: -: -: file is empty"]


def test_missing_file_is_reported(data_copy):
    (data_copy / "frame.yaml").unlink()
    with pytest.raises(ContentError) as caught:
        read_content(data_copy)
    assert [str(p) for p in caught.value.problems] == ["data/frame.yaml: -: -: file is missing"]


def test_every_problem_is_reported_not_only_the_first(data_copy):
    (data_copy / "frame.yaml").unlink()
    problems = problems_after(data_copy, "sources.yaml", lambda d: first_source(d).pop("year"))
    assert "data/frame.yaml: -: -: file is missing" in problems
    assert "data/sources.yaml: star-d-rush-2006: year: required field is missing" in problems


def test_a_review_date_must_be_a_date(data_copy):
    def bad_date(document):
        document["crisis_line"]["reviewed"] = "last spring"

    problems = problems_after(data_copy, "frame.yaml", bad_date)
    assert len(problems) == 1
    assert problems[0].startswith("data/frame.yaml: -: crisis_line.reviewed: ")


def test_validator_command_prints_ok_with_counts(capsys):
    assert main(DATA_DIR) == 0
    output = capsys.readouterr().out
    assert output.startswith("OK: ")
    assert " source" in output


def test_validator_command_lists_problems_and_fails(data_copy, capsys):
    (data_copy / "frame.yaml").write_text("app_title: [\n", encoding="utf-8")
    assert main(data_copy) == 1
    output = capsys.readouterr().out
    assert output.startswith("INVALID: 1 problem(s)")
    assert "data/frame.yaml: -: line 2" in output


def _entry(document: dict, key: str, entry_id: str) -> dict:
    return next(entry for entry in document[key] if entry["id"] == entry_id)


def test_a_ladder_target_below_the_checkers_minimum_dose_does_not_load(data_copy):
    def lower(document):
        _entry(document, "options", "switch-venlafaxine")["target_dose_mg_per_day"] = 75

    assert problems_after(data_copy, "treatments.yaml", lower) == [
        "data/treatments.yaml: switch-venlafaxine: dose: target 75 mg/day is below the trial "
        "checker's minimum adequate dose of 150 mg/day for venlafaxine (data/referral.yaml)"]


def test_a_case_whose_expected_answer_the_rules_do_not_reach_does_not_load(data_copy):
    def stale(document):
        _entry(document, "cases", "hypomania-history")["expected_answer"] = "intolerance"

    assert problems_after(data_copy, "cases.yaml", stale) == [
        "data/cases.yaml: hypomania-history: expected_answer: the checker's rules conclude "
        "'reconsider-diagnosis' from this case's trials and red flags (found: 'intolerance')"]


def test_changing_a_rule_in_referral_yaml_flags_the_cases_it_breaks(data_copy):
    def only_urgent(document):
        for flag in document["red_flags"]:
            if flag["id"] == "substance-use":
                flag["urgency"] = "routine"

    problems = problems_after(data_copy, "referral.yaml", only_urgent)
    assert problems == [
        "data/cases.yaml: drinking-more: expected_answer: the checker's rules conclude "
        "'treatment-resistant' from this case's trials and red flags (found: "
        "'reconsider-diagnosis')"]
