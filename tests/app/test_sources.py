"""Sources page: every source by kind with who cites it, and the review date of each area."""
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


def test_every_source_is_listed_under_its_kind_with_what_cites_it(run_page):
    app = run_page(PAGE)
    assert not app.exception
    text = " ".join(m.value for m in app.markdown)
    for source in content().sources.sources:
        assert escape_markdown(source.citation()) in text
    assert any(e.label.startswith("Randomised trials (") for e in app.expander)
    captions = " ".join(c.value for c in app.caption)
    assert "Id: spravato-label · Cited by" in captions
    assert "Glossary: " in captions and "REMS" in captions


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
