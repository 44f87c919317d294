"""Sources page: every source by kind in closed groups with who cites it, a search and a kind
filter, ids only for content editors, uncited sources flagged, and the review date of each area."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from components.content import DATA_DIR_ENV, content
from components.ui import escape_markdown

PAGE = "app_pages/sources.py"


@pytest.fixture
def reviewed_today(data_copy: Path, monkeypatch) -> Path:
    """A copy of the content reviewed today: the page compares review dates with today's date,
    so without this the tests would start failing a year after the last review."""
    today = dt.date.today().isoformat()
    for file in data_copy.glob("*.yaml"):
        text = file.read_text(encoding="utf-8")
        file.write_text(re.sub(r"reviewed: \d{4}-\d{2}-\d{2}", f"reviewed: {today}", text),
                        encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    return data_copy


UNCITED = """
  - id: zz-uncited-test-source
    title: A source that no entry cites
    authors: Nobody A
    year: 2001
    kind: review
    published_in: Journal of Tests
"""


@pytest.fixture
def with_uncited_source(data_copy: Path, monkeypatch) -> Path:
    sources = data_copy / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").rstrip() + "\n" + UNCITED,
                       encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    return data_copy


def _text(app) -> str:
    return " ".join(m.value for m in [*app.markdown, *app.caption])


def test_every_source_is_listed_in_closed_groups_with_what_cites_it(run_page):
    app = run_page(PAGE)
    assert not app.exception
    text = _text(app)
    for source in content().sources.sources:
        assert escape_markdown(source.citation()) in text
    groups = [e for e in app.expander if e.label.startswith("Randomised trials (")]
    assert groups and not any(e.proto.expanded for e in app.expander)
    captions = " ".join(c.value for c in app.caption)
    assert "Glossary: " in captions and "REMS" in captions
    assert "Id:" not in text, "ids are for content editors only"
    assert f"of {len(content().sources.sources)} sources" in captions
    for label in ("Search sources", "Kind of source", "Only sources nothing cites",
                  "For content editors: show ids and notes"):
        assert label in [w.label for w in [*app.text_input, *app.button_group, *app.toggle]]


def test_the_editor_switch_shows_each_source_id(run_page):
    app = run_page(PAGE)
    app.toggle(key="sources_editors").set_value(True).run()
    assert "Id: `spravato-label`" in _text(app)


def test_a_search_keeps_the_matching_sources_and_opens_their_groups(run_page):
    app = run_page(PAGE)
    app.text_input(key="sources_search").input("spravato prescribing").run()
    assert not app.exception
    text = _text(app)
    spravato = content().source("spravato-label")
    assert escape_markdown(spravato.citation()) in text
    star_d = next(s for s in content().sources.sources if "STAR*D" in s.title)
    assert escape_markdown(star_d.citation()) not in text
    assert [e.label.split(" (")[0] for e in app.expander] == ["FDA labels"]
    assert all(e.proto.expanded for e in app.expander)


def test_the_kind_filter_keeps_one_kind(run_page):
    app = run_page(PAGE)
    app.button_group(key="sources_kinds").set_value(["guideline"]).run()
    assert [e.label.split(" (")[0] for e in app.expander] == ["Guidelines"]


def test_a_search_with_no_match_says_so(run_page):
    app = run_page(PAGE)
    app.text_input(key="sources_search").input("zzzz-no-such-source").run()
    assert "No source matches" in app.info[0].value
    assert not app.expander


def test_a_source_that_nothing_cites_is_flagged(run_page, with_uncited_source):
    app = run_page(PAGE)
    assert not app.exception
    reviews = next(e for e in app.expander if e.label.startswith("Reviews ("))
    assert "not cited)" in reviews.label
    assert any("Not cited by any entry yet" in m.value for m in reviews.markdown)
    app.toggle(key="sources_uncited").set_value(True).run()
    text = _text(app)
    assert "A source that no entry cites" in text
    assert "Cited by" not in text, "only uncited sources are left"


def test_review_dates_are_shown_per_content_area(run_page, reviewed_today):
    app = run_page(PAGE)
    table = app.table[0].value
    assert {"Glossary", "Knowledge check"} <= set(table["Content area"])
    assert (table["Older than 12 months"] == 0).all()
    assert "reviewed within the last 12 months" in app.success[0].value


def test_an_entry_reviewed_over_a_year_ago_is_flagged(run_page, reviewed_today):
    glossary = reviewed_today / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    rems = text.index("  - id: rems")
    glossary.write_text(text[:rems] + re.sub(r"reviewed: \S+", "reviewed: 2020-01-15",
                                             text[rems:], count=1), encoding="utf-8")
    app = run_page(PAGE)
    assert not app.exception
    assert "Glossary: REMS (reviewed 2020-01-15)" in app.warning[0].value
    table = app.table[0].value
    glossary_row = table[table["Content area"] == "Glossary"].iloc[0]
    assert glossary_row["Older than 12 months"] == 1
