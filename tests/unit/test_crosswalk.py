"""The guideline crosswalk: schema rules, links to the ladder and map, consistency with the app's
own rules, disagreement, exports and the talk-builder slide."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from components.content import read_content
from components.crosswalk import (
    app_values,
    cell_label,
    coverage_gaps,
    crosswalk_problems,
    crosswalk_slide,
    disagreeing_points,
    guidelines_disagree,
    ladder_line_conflicts,
    matrix_csv,
    non_response_cut_off,
    printable_html,
    rule_conflicts,
    verdict,
)
from tests.conftest import DATA_DIR, problems_after

CONTENT = read_content(DATA_DIR)
GUIDELINES = CONTENT.guidelines
POINT_IDS = [p.id for p in GUIDELINES.decision_points]
REQUIRED_POINTS = {"trd-definition", "trial-adequacy", "non-response", "first-step", "augmentation",
                   "switching", "psychotherapy", "tms", "esketamine", "iv-ketamine", "ect",
                   "maintenance", "referral-triggers"}


def test_every_decision_point_the_issue_names_is_a_row():
    assert set(POINT_IDS) >= REQUIRED_POINTS


def test_every_cell_names_a_compared_guideline_of_kind_guideline_and_a_section():
    kinds = {s.id: s.kind for s in CONTENT.sources.sources}
    columns = [c.source for c in GUIDELINES.guidelines]
    assert {"canmat-2023-mdd", "nice-ng222-2022", "apa-2010-mdd", "vadod-2022-mdd",
            "ranzcp-2020-mood"} <= set(columns)
    for point in GUIDELINES.decision_points:
        assert sorted(c.guideline for c in point.cells) == sorted(columns), point.id
        for cell in point.cells:
            assert kinds[cell.guideline] == "guideline"
            assert cell.section.strip(), (point.id, cell.guideline)


def test_stated_cells_carry_the_guidelines_own_wording_and_unread_ones_say_what_is_missing():
    for point in GUIDELINES.decision_points:
        for cell in point.cells:
            if cell.status == "stated":
                assert cell.strength.strip() and cell.read_in != "not read"
            if cell.status == "not-verified":
                assert cell.note.strip() and cell_label(cell).startswith("Not verified here")


def test_canmat_cells_say_they_were_read_in_the_reviewers_transcription():
    for point in GUIDELINES.decision_points:
        cell = point.cell("canmat-2023-mdd")
        if cell.status == "stated":
            assert cell.read_in == "transcription"
            assert "transcription" in cell.note


def test_a_point_missing_a_guideline_is_reported_with_its_id_and_the_guideline(data_copy: Path):
    def drop_vadod(doc):
        point = next(p for p in doc["decision_points"] if p["id"] == "tms")
        point["cells"] = [c for c in point["cells"] if c["guideline"] != "vadod-2022-mdd"]

    problems = problems_after(data_copy, "guidelines.yaml", drop_vadod)
    assert any("data/guidelines.yaml" in p and "tms: no cell for vadod-2022-mdd" in p
               for p in problems), problems


def test_an_unknown_ladder_option_in_a_row_is_reported_by_file_entry_and_field(data_copy: Path):
    def misspell(doc):
        point = next(p for p in doc["decision_points"] if p["id"] == "esketamine")
        point["ladder_options"] = ["esketamin"]

    problems = problems_after(data_copy, "guidelines.yaml", misspell)
    assert ("data/guidelines.yaml: esketamine: ladder_options[0]: unknown treatment id "
            "'esketamin'") in problems


def test_an_unknown_map_node_and_an_unknown_guideline_source_are_reported(data_copy: Path):
    def misspell(doc):
        point = next(p for p in doc["decision_points"] if p["id"] == "ect")
        point["map_nodes"] = ["ECT-node"]
        point["cells"][0]["sources"] = ["no-such-source"]

    problems = problems_after(data_copy, "guidelines.yaml", misspell)
    assert any(p.startswith("data/guidelines.yaml: ect: map_nodes[0]:") for p in problems)
    assert "data/guidelines.yaml: ect: cells[0].sources[0]: unknown source id 'no-such-source'" \
        in problems


def test_a_stated_cell_without_the_guidelines_strength_wording_is_rejected(data_copy: Path):
    def blank(doc):
        cell = next(p for p in doc["decision_points"] if p["id"] == "esketamine")["cells"][1]
        cell["strength"] = ""

    problems = problems_after(data_copy, "guidelines.yaml", blank)
    assert any("esketamine" in p and "strength wording" in p for p in problems), problems


def test_a_column_that_is_not_a_guideline_source_is_reported(data_copy: Path):
    def swap(doc):
        doc["guidelines"][4]["source"] = "star-d-rush-2006"
        for point in doc["decision_points"]:
            for cell in point["cells"]:
                if cell["guideline"] == "ranzcp-2020-mood":
                    cell["guideline"] = "star-d-rush-2006"

    problems = problems_after(data_copy, "guidelines.yaml", swap)
    assert any("guidelines[4].source" in p and "kind 'guideline'" in p for p in problems), problems


def test_every_ladder_option_and_map_node_links_to_a_row():
    assert coverage_gaps(CONTENT) == []
    linked = {o for p in GUIDELINES.decision_points for o in p.ladder_options}
    assert linked == {o.id for o in CONTENT.treatments.options}


def test_an_option_left_out_of_every_row_is_named(data_copy: Path):
    path = data_copy / "guidelines.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "ladder_options: [rtms, itbs, accelerated-tms, deep-tms]",
        "ladder_options: [rtms, itbs, accelerated-tms]"), encoding="utf-8")
    gaps = [str(f) for f in coverage_gaps(read_content(data_copy))]
    assert gaps == ["data/treatments.yaml: deep-tms: id: no crosswalk row links to this option "
                    "(add it to a decision point's ladder_options in data/guidelines.yaml)"]


# ---------------------------------------------------------------- consistency with the app's rules


def test_the_ladders_guideline_lines_say_what_the_crosswalk_says():
    checked = [o for o in CONTENT.treatments.options if o.guideline_line.endswith("(CANMAT 2023)")]
    assert len(checked) >= 10, "the check must cover the ladder's CANMAT lines"
    assert ladder_line_conflicts(CONTENT) == []


def test_a_ladder_line_that_contradicts_the_crosswalk_is_named(data_copy: Path):
    def promote(doc):
        lithium = next(o for o in doc["options"] if o["id"] == "lithium")
        lithium["guideline_line"] = "First line as an add-on (CANMAT 2023)"

    problems = problems_after(data_copy, "treatments.yaml", promote)
    assert any(p.startswith("data/treatments.yaml: lithium: guideline_line:") and
               "Second line, Level 1" in p for p in problems), problems


def test_a_ladder_level_that_contradicts_the_crosswalk_is_named(data_copy: Path):
    def relevel(doc):
        option = next(o for o in doc["options"] if o["id"] == "liothyronine")
        option["guideline_line"] = "Second line as an add-on, Level 1 evidence (CANMAT 2023)"

    problems = problems_after(data_copy, "treatments.yaml", relevel)
    assert any("liothyronine: guideline_line: gives evidence level 1; the crosswalk gives 2" in p
               for p in problems), problems


def test_the_checkers_rules_agree_with_every_compared_guideline_they_cite():
    assert rule_conflicts(CONTENT) == []
    assert crosswalk_problems(CONTENT) == []


def test_a_checker_rule_citing_a_guideline_must_match_its_weeks(data_copy: Path):
    def cite_nice(doc):
        six = next(d for d in doc["adequacy_definitions"] if d["id"] == "six-weeks")
        six["sources"].append("nice-ng222-2022")

    problems = problems_after(data_copy, "referral.yaml", cite_nice)
    assert any(p.startswith("data/referral.yaml: adequacy_definitions: sources:")
               and "6 weeks cites nice-ng222-2022" in p and "4 weeks" in p
               for p in problems), problems


def test_a_checker_rule_citing_a_guideline_that_agrees_is_accepted(data_copy: Path):
    path = data_copy / "referral.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("sources: [sforzini-2022-eupearl-delphi, canadian-consensus-2021-trd]",
                        "sources: [sforzini-2022-eupearl-delphi, canadian-consensus-2021-trd, "
                        "nice-ng222-2022]", 1)
    path.write_text(text, encoding="utf-8")
    content = read_content(data_copy)
    assert "nice-ng222-2022" in content.referral.adequacy_definitions[1].sources
    assert rule_conflicts(content) == []


def test_the_checkers_numbers_beside_the_guidelines():
    weeks = {v.label: v.number for v in app_values(CONTENT, "trial-weeks")}
    assert sorted(weeks.values()) == [4, 6]
    assert non_response_cut_off(CONTENT) == 50
    nice = GUIDELINES.point("trial-adequacy").cell("nice-ng222-2022")
    four, six = sorted(app_values(CONTENT, "trial-weeks"), key=lambda v: v.number)
    assert verdict(nice, "trial-weeks", four) == "agrees"
    assert verdict(nice, "trial-weeks", six) == "differs"
    canmat = GUIDELINES.point("trial-adequacy").cell("canmat-2023-mdd")
    assert verdict(canmat, "trial-weeks", four) == "differs"  # 2–4 weeks is not 4
    unread = GUIDELINES.point("trial-adequacy").cell("apa-2010-mdd")
    assert verdict(unread, "trial-weeks", four) == "no number"


# ---------------------------------------------------------------- disagreement


def test_points_where_guidelines_take_different_positions_are_the_disagreement_view():
    esketamine = GUIDELINES.point("esketamine")
    assert guidelines_disagree(esketamine)  # CANMAT second line vs NICE not recommended
    maintenance = GUIDELINES.point("maintenance")
    assert not guidelines_disagree(maintenance)  # only NICE states something
    shown = {p.id for p in disagreeing_points(GUIDELINES)}
    assert "esketamine" in shown and "maintenance" not in shown
    assert all(guidelines_disagree(p) for p in disagreeing_points(GUIDELINES))


# ---------------------------------------------------------------- exports and slide


def citations() -> dict[str, str]:
    return {s.id: s.citation() for s in CONTENT.sources.sources}


def test_the_csv_has_one_row_per_cell_with_its_strength_section_year_and_sources():
    rows = list(csv.DictReader(io.StringIO(
        matrix_csv(GUIDELINES, GUIDELINES.decision_points, citations()).decode("utf-8"))))
    assert len(rows) == len(POINT_IDS) * len(GUIDELINES.guidelines)
    row = next(r for r in rows if r["Point id"] == "esketamine" and r["Guideline"] == "NICE NG222")
    assert row["Strength (guideline's own wording)"] == '"not recommended" (technology appraisal)'
    assert row["Section"] == "TA854 1.1" and row["Year"] == "2022"
    assert "TA854" in row["Sources"] and row["Guidelines disagree here"] == "yes"


def test_the_printable_matrix_is_a_self_contained_table_with_the_crisis_line():
    page = printable_html(GUIDELINES, GUIDELINES.decision_points, citations(),
                          notice="Education only.", crisis_line="Call 988 in a crisis.")
    assert page.count('<th scope="row">') == len(POINT_IDS)
    for column in GUIDELINES.guidelines:
        assert f'<th scope="col">{column.short_name}' in page.replace("&amp;", "&")
    assert "Call 988 in a crisis." in page and "Education only." in page
    assert not re.search(r'(src|href)="https?://', page), "nothing is loaded from outside"


def test_the_talk_slide_shows_each_guideline_with_its_wording_and_sources():
    slide = crosswalk_slide(CONTENT, "esketamine")
    assert slide.kind == "crosswalk-point" and slide.item_id == "esketamine"
    assert len(slide.lines) == len(GUIDELINES.guidelines)
    assert any(line.startswith("NICE NG222: TA854: not recommended") for line in slide.lines)
    assert slide.details[1].startswith('"not recommended"')
    known = {s.id for s in CONTENT.sources.sources}
    assert set(slide.sources) <= known and "nice-ta854-esketamine" in slide.sources
    assert "transcription" in slide.notes and "disagree" in slide.notes
    assert not any("*" in line or "[" in line for line in slide.lines), "plain text, no Markdown"


def test_the_talk_slide_refuses_an_unknown_point():
    with pytest.raises(KeyError, match="no-such-point"):
        crosswalk_slide(CONTENT, "no-such-point")
