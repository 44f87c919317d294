"""Short citations: one way of naming a source briefly, used by hover text, tables and captions."""
from __future__ import annotations

import pytest

from components.schema.sources import Source, cite_briefly, short_citations


def source(authors: str, **extra) -> Source:
    fields = {"id": "x", "title": "A STAR*D report", "year": 2006, "kind": "rct",
              "published_in": "Am J Psychiatry 163(11):1905-17", **extra}
    return Source(authors=authors, **fields)


@pytest.mark.parametrize(("authors", "short"), [
    ("Rush AJ, Trivedi MH, Wisniewski SR, et al.", "Rush AJ 2006"),
    ("Newport DJ et al. (author names NOT seen on stored page)", "Newport DJ 2006"),
    ("believed Rybak YE et al. (seen only in a reference list)", "Rybak YE 2006"),
    ("FDA / Magnus Medical (via 510k.innolitics.com)", "FDA 2006"),
    ("VA/DoD MDD Work Group", "VA/DoD MDD Work Group 2006"),
    ("AstraZeneca press release", "AstraZeneca 2006"),
    ("NHS Borders / Right Decisions; Mind; RCPsych", "NHS Borders 2006"),
])
def test_short_citation_names_the_first_author_or_body_and_the_year(authors, short):
    assert source(authors).short_citation() == short


def test_a_source_without_a_known_author_is_named_by_where_it_appeared():
    assert source("not seen").short_citation() == "Am J Psychiatry 2006"


def test_brief_citations_name_each_source_once_and_fall_back_to_the_id():
    names = short_citations([source("Rush AJ, et al.", id="star-d")])
    assert cite_briefly(["star-d", "unknown-id", "star-d"], names) == "Rush AJ 2006; unknown-id"
