"""Guideline crosswalk page, and the crosswalk beside the checker, the ladder and the map."""
from __future__ import annotations

from components.content import read_content
from components.crosswalk import disagreeing_points
from tests.conftest import DATA_DIR

PAGE = "app_pages/crosswalk.py"
GUIDELINES = read_content(DATA_DIR).guidelines


def matrix(app):
    """The matrix as shown: a real table, decision points as row headers."""
    return app.table[0].value


def links(app) -> dict[str, object]:
    return {p.proto.label: p.proto for p in app.get("page_link")}


def cell_text(app) -> str:
    return "\n".join(m.value for m in app.markdown)


def test_the_page_shows_every_decision_point_against_every_guideline(run_page):
    app = run_page(PAGE)
    assert not app.exception, [e.value for e in app.exception]
    assert [t.value for t in app.title] == ["Guideline crosswalk"]
    table = matrix(app)
    assert list(table.columns) == ["CANMAT 2023", "NICE NG222", "APA 2010", "VA/DoD 2022",
                                   "RANZCP 2020"]
    assert len(table) == len(GUIDELINES.decision_points)
    assert table.loc["Esketamine", "NICE NG222"] == "TA854: not recommended"
    assert table.loc["Esketamine", "APA 2010"].startswith("Not addressed")
    assert table.loc["Definition of TRD", "APA 2010"].startswith("Not verified here")
    downloads = {d.proto.label: d.proto for d in app.get("download_button")}
    assert "Download these rows, every detail (CSV)" in downloads
    assert "Printable matrix (HTML)" in downloads


def test_only_where_the_guidelines_differ_hides_rows_where_they_agree(run_page):
    app = run_page(PAGE)
    app.toggle(key="crosswalk_disagree").set_value(True).run()
    table = matrix(app)
    assert list(table.index) == [p.label for p in disagreeing_points(GUIDELINES)]
    assert "Maintenance after response" not in table.index
    assert "Esketamine" in table.index


def test_filtering_by_decision_point_shows_only_those_rows(run_page):
    app = run_page(PAGE)
    app.multiselect(key="crosswalk_filter").set_value(["tms", "ect"]).run()
    assert list(matrix(app).index) == ["TMS", "ECT"]


def test_a_point_link_opens_that_rows_cells_with_strength_section_and_year(run_page):
    app = run_page(PAGE, point="esketamine")
    assert not app.info, "a valid link shows no notice"
    assert app.selectbox(key="crosswalk_point").value == "esketamine"
    text = cell_text(app)
    assert '**Strength, in its own words:** "not recommended" (technology appraisal)' in text
    assert "**Section:** TA854 1.1" in text and "**Year:** 2022" in text
    assert any("take different positions" in w.value for w in app.warning)
    back = links(app)["Ladder: Esketamine nasal spray"]
    assert back.page.endswith("ladder") and back.query_string == "option=esketamine"


def test_an_unknown_point_gets_a_clear_notice_and_the_whole_crosswalk(run_page):
    app = run_page(PAGE, point="no-such-point")
    assert any("decision point that does not exist" in i.value for i in app.info)
    assert len(matrix(app)) == len(GUIDELINES.decision_points)
    assert "no-such-point" not in cell_text(app)


def test_choosing_a_point_puts_it_in_the_address(run_page):
    app = run_page(PAGE)
    app.selectbox(key="crosswalk_point").set_value("ect").run()
    assert app.query_params["point"] == ["ect"] or app.query_params["point"] == "ect"
    assert "Listed indications: catatonia, psychotic depression" in cell_text(app)


def test_a_ladder_option_shows_each_guideline_and_links_to_its_row(run_page):
    app = run_page("app_pages/ladder.py", option="lithium")
    assert not app.exception, [e.value for e in app.exception]
    assert "(rates this option: Second line, Level 1)" in cell_text(app)
    assert "✓ agrees with the CANMAT 2023 cell" in cell_text(app)
    link = links(app)["What the guidelines say: Augmentation agents and order"]
    assert link.page.endswith("crosswalk") and link.query_string == "point=augmentation"


def test_a_map_card_links_to_its_row(run_page):
    app = run_page("app_pages/map.py", node="tms")
    link = links(app)["What the guidelines say: TMS"]
    assert link.page.endswith("crosswalk") and link.query_string == "point=tms"


def test_the_checker_shows_beside_its_rule_which_guidelines_agree_or_differ(run_page):
    app = run_page("app_pages/checker.py")
    assert not app.exception, [e.value for e in app.exception]
    text = cell_text(app)
    assert "The checker's six-week definition: 6 weeks" in text
    assert "**NICE NG222**: 4 weeks · ≠ differs" in text
    app.button_group(key="checker_definition").set_value("four-weeks").run()
    text = cell_text(app)
    assert "**NICE NG222**: 4 weeks · ✓ agrees" in text
    assert "**APA 2010**: not verified here" in text
    assert links(app)["What the guidelines say: Adequate trial (weeks, dose)"].query_string == \
        "point=trial-adequacy"
