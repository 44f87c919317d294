"""The TRD map page in AppTest: deep links open a card, the node list drives the card and the
address, an unknown id shows a notice, and the lookalike, why-it-matters and path sections are there."""
from __future__ import annotations

import copy

import pytest
import yaml

from components.content import DATA_DIR_ENV, content
from components.map_view import node_from_selection

PAGE = "app_pages/map.py"


def node_list(app):
    return app.get("button_group")[0]


def card_heading(app) -> list[str]:
    return [h.value for h in app.subheader]


def test_the_page_shows_the_map_and_a_guide_until_a_node_is_chosen(run_page):
    app = run_page(PAGE)
    assert not app.exception
    assert [t.value for t in app.title] == ["TRD map"]
    assert len(app.get("plotly_chart")) == 1
    assert card_heading(app) == ["How to read the map"]
    assert node_list(app).value is None
    assert "node" not in app.query_params


def test_the_node_list_offers_every_element_by_its_label(run_page):
    app = run_page(PAGE)
    options = node_list(app).options
    assert len(options) == len(content().map.nodes)
    labels = {getattr(o, "content", o) for o in options}
    assert {"TMS", "ECT", "Persistent anhedonia", "Specialist referral",
            "Treatment-resistant depression"} <= labels


@pytest.mark.parametrize("node,heading,link", [
    ("tms", "TMS", "TMS on the ladder"),
    ("adequate-trial", "Adequate dose + duration", "Check dose and duration"),
    ("specialist-referral", "Specialist referral", "When to refer"),
])
def test_a_deep_link_opens_that_nodes_card(run_page, node, heading, link):
    app = run_page(PAGE, node=node)
    assert not app.exception
    assert card_heading(app) == [heading]
    assert node_list(app).value == node
    assert any(link in p.proto.label for p in app.get("page_link"))
    assert any("Why it matters for referral" in m.value for m in app.markdown)
    assert not app.info, "a valid deep link shows no notice"


def test_the_tms_card_links_to_the_ladder_at_tms(run_page):
    app = run_page(PAGE, node="tms")
    links = {p.proto.label: p.proto for p in app.get("page_link")}
    ladder = links["TMS on the ladder"]
    assert ladder.page.endswith("ladder")
    assert "option=rtms" in ladder.query_string


def test_an_unknown_node_shows_a_short_notice_and_the_plain_map(run_page):
    app = run_page(PAGE, node="no-such-element")
    assert not app.exception
    assert len(app.info) == 1
    assert "no-such-element" in app.info[0].value
    assert card_heading(app) == ["How to read the map"]
    assert len(app.get("plotly_chart")) == 1


def test_choosing_a_node_in_the_list_opens_its_card_and_updates_the_address(run_page):
    app = run_page(PAGE)
    node_list(app).set_value("ect").run()
    assert card_heading(app) == ["ECT"]
    assert app.query_params["node"] == "ect"
    node_list(app).set_value("persistent-anhedonia").run()
    assert card_heading(app) == ["Persistent anhedonia"]
    assert app.query_params["node"] == "persistent-anhedonia"


def test_the_card_cites_its_key_numbers(run_page):
    app = run_page(PAGE, node="ect")
    card = "\n".join(m.value for m in app.markdown)
    assert "75% remission" in card and "(Husain MM 2004)" in card
    references = [c.value for c in app.caption if c.value.startswith("Sources:")]
    reviewed = content().map.node("ect").reviewed
    assert "Husain MM" in references[0] and f"Reviewed {reviewed}" in references[0]


def test_lookalikes_why_it_matters_and_path_sections_are_there(run_page):
    app = run_page(PAGE)
    assert [h.value for h in app.header] == ["Is it really TRD?", "Why it matters",
                                             "The path outward"]
    lookalikes = [e.label for e in app.expander if e.label != "The map as text"]
    assert lookalikes == ["Incompletely treated depression", "Bipolar depression",
                          "Depression with substance use", "Thyroid or other medical causes",
                          "Intolerable side effects with one drug"]
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {"As first reported (Rush 2006)": "67%", "Re-analysis (Pigott 2023)": "~35%"}
    path_links = [p.proto for p in app.get("page_link")][-6:]
    assert [p.label for p in path_links] == ["The TRD map", "Glossary", "Trial checker",
                                             "When to refer", "Case discussions",
                                             "Treatment ladder"]
    assert path_links[2].page.endswith("checker") and path_links[3].page.endswith("refer")


def test_the_specialist_referral_card_says_when_to_refer_with_the_criteria_and_checker_a_click_away(
        run_page):
    app = run_page(PAGE, node="specialist-referral")
    assert not app.exception
    card = " ".join(m.value for m in app.markdown)
    for tier in ("When to refer:", "- Urgently, now: suicide risk", "risk to others",
                 "current mania or hypomania", "psychosis, catatonia",
                 "- Reconsider the diagnosis first", "past mania or hypomania",
                 "alcohol or drug use", "- Routinely: once two different antidepressants have "
                 "failed after adequate trials", "- Not yet:"):
        assert tier in card, tier
    links = {p.proto.label: p.proto for p in app.get("page_link")}
    assert links["When to refer: urgent, routine or not yet"].page.endswith("refer")
    assert links["Check a patient's trials in the trial checker"].page.endswith("checker")


def test_a_map_click_event_names_the_clicked_node():
    event = {"points": [{"curve_number": 2, "point_index": 1, "customdata": "tms"}]}
    assert node_from_selection(event) == "tms"
    assert node_from_selection({"points": [{"customdata": ["ect"]}]}) == "ect"
    assert node_from_selection({"points": []}) is None
    assert node_from_selection(None) is None


def test_star_d_keeps_its_asterisk_in_markdown(run_page):
    app = run_page(PAGE)
    why = next(m.value for m in app.markdown if m.value.startswith("**How many STAR"))
    assert "STAR\\*D" in why


def test_a_crafted_deep_link_is_not_echoed_on_the_page(run_page):
    app = run_page(PAGE, node="[click here](http://example.com)")
    assert not app.exception
    assert len(app.info) == 1
    assert "example.com" not in app.info[0].value
    assert card_heading(app) == ["How to read the map"]


def test_the_caption_counts_the_elements_the_content_holds(run_page, data_copy, monkeypatch):
    path = data_copy / "map.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    extra = copy.deepcopy(document["nodes"][-1])
    extra.update(id="extra-element", label="Extra element")
    document["nodes"].append(extra)
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    app = run_page(PAGE)
    assert not app.exception, [e.value for e in app.exception]
    around_centre = len(document["nodes"]) - 1  # one more than the shipped map has
    assert any(f"joined to {around_centre} elements" in c.value for c in app.caption)


def test_a_node_note_sits_behind_one_provenance_marker_not_in_the_card_text(run_page):
    from components.content import content
    from components.provenance import CONFIDENCE_LABELS, assess_confidence
    node = next(n for n in content().map.nodes if n.note)
    app = run_page("app_pages/map.py", node=node.id)
    assert not app.exception
    labels = [p.proto.popover.label for p in app.get("popover")]
    assert CONFIDENCE_LABELS[assess_confidence(node.note)] in labels
    assert not any(node.note[:40] in c.value for c in app.caption)
