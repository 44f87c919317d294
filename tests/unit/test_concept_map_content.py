"""data/map.yaml: the links go where the issue says, and broken references are reported with
file, entry and field."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import problems_after

EXPECTED_LINKS = {  # node -> (page, ladder option) of its first link
    "tms": ("ladder", "rtms"),
    "ketamine-esketamine": ("ladder", "esketamine"),
    "ect": ("ladder", "ect"),
    "augmentation": ("ladder", "aripiprazole"),
    "adequate-trial": ("checker", None),
    "two-antidepressants": ("checker", None),
    "specialist-referral": ("refer", None),
}


@pytest.mark.parametrize("node_id,target", EXPECTED_LINKS.items())
def test_each_node_links_to_the_page_that_goes_deeper(content, node_id, target):
    link = content.map.node(node_id).links[0]
    assert (link.page, link.option) == target


def test_the_specialist_referral_node_links_to_the_criteria_and_the_checker(content):
    assert [link.page for link in content.map.node("specialist-referral").links] == [
        "refer", "checker"]


# How the specialist-referral card names each red flag of data/referral.yaml, by its urgency.
REFERRAL_FLAG_WORDS = {
    "urgent": {"suicidal-intent": "a plan, intent or means", "recent-suicide-attempt":
               "a recent attempt", "cannot-safety-plan": "no safety plan possible",
               "risk-to-others": "risk to others", "psychosis": "psychosis",
               "catatonia": "catatonia", "self-care": "inability to care for oneself",
               "current-mania-hypomania": "current mania or hypomania"},
    "reconsider-diagnosis": {"past-mania-hypomania": "past mania or hypomania",
                             "bipolar-screen": "bipolar features",
                             "substance-use": "alcohol or drug use",
                             "medical-cause": "possible medical cause"},
}


def test_the_specialist_referral_card_names_every_flag_under_its_urgency(content):
    summary = " ".join(content.map.node("specialist-referral").summary.split())
    urgent_part, rest = summary.split("Reconsider the diagnosis first")
    diagnosis_part, routine_part = rest.split("Routinely")
    for urgency, part in (("urgent", urgent_part), ("reconsider-diagnosis", diagnosis_part)):
        flags = {f.id for f in content.referral.red_flags if f.urgency == urgency}
        assert flags == set(REFERRAL_FLAG_WORDS[urgency])
        for flag_id, words in REFERRAL_FLAG_WORDS[urgency].items():
            assert words in part, flag_id
    threshold = content.referral.resistance_threshold.failed_antidepressants
    assert threshold == 2 and "two different antidepressants have failed" in routine_part
    assert "Not yet: otherwise" in routine_part


def test_the_path_outward_passes_through_the_checker_and_when_to_refer(content):
    pages = [step.link.page for step in content.map.path]
    assert pages.index("checker") < pages.index("refer") < pages.index("ladder")


def test_onset_is_linked_from_the_options_that_differ_in_speed(content):
    linked = {n.id for n in content.map.nodes if any(li.page == "onset" for li in n.links)}
    assert {"tms", "ketamine-esketamine", "ect"} <= linked


def test_every_element_has_facts_with_sources_and_a_review_date(content):
    for node in content.map.nodes:
        assert node.key_facts and all(claim.sources for claim in node.key_facts)
        assert node.reviewed <= dt.date.today(), node.id


def test_both_star_d_remission_counts_are_given_with_their_sources(content):
    counts = {c.label: (c.value_label(), c.sources) for c in content.map.why_it_matters.remission_counts}
    assert counts["As first reported (Rush 2006)"] == ("67%", ["star-d-rush-2006"])
    assert counts["Re-analysis (Pigott 2023)"][0] == "~35%"
    assert "star-d-pigott-2023" in counts["Re-analysis (Pigott 2023)"][1]


def node(document: dict, node_id: str) -> dict:
    return next(n for n in document["nodes"] if n["id"] == node_id)


def test_a_link_to_an_unknown_treatment_option_is_reported(data_copy):
    def misspell(document):
        node(document, "tms")["links"][0]["option"] = "rtmss"

    assert problems_after(data_copy, "map.yaml", misspell) == [
        "data/map.yaml: tms: links[0].option: unknown treatment id 'rtmss'"]


def test_an_option_on_a_link_to_another_page_is_rejected(data_copy):
    def misplace(document):
        node(document, "adequate-trial")["links"][0]["option"] = "rtms"

    problems = problems_after(data_copy, "map.yaml", misplace)
    assert len(problems) == 1
    assert problems[0].startswith("data/map.yaml: adequate-trial: links[0]: ")
    assert "only applies to links to the ladder" in problems[0]


def test_an_edge_to_an_unknown_node_is_reported(data_copy):
    def dangle(document):
        document["edges"].append({"source": "tms", "target": "no-such-node", "relation": "x"})

    problems = problems_after(data_copy, "map.yaml", dangle)
    assert any("unknown map-node id 'no-such-node'" in p for p in problems)


def test_a_node_in_an_unknown_group_is_reported(data_copy):
    problems = problems_after(data_copy, "map.yaml", lambda d: node(d, "ect").update(group="therapy"))
    assert problems == ["data/map.yaml: ect: group: unknown map-group id 'therapy'"]
