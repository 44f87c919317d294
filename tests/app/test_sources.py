"""Sources page: every source by kind with who cites it, and the review date of each area."""
from __future__ import annotations

from components.content import content
from components.ui import escape_markdown

PAGE = "app_pages/sources.py"


def test_every_source_is_listed_under_its_kind_with_what_cites_it(run_page):
    app = run_page(PAGE)
    assert not app.exception
    text = " ".join(m.value for m in app.markdown)
    for source in content().sources.sources:
        assert escape_markdown(source.citation()) in text
    assert any(e.label.startswith("Randomised trials (") for e in app.expander)
    captions = " ".join(c.value for c in app.caption)
    assert "`spravato-label` · Cited by" in captions
    assert "Glossary: " in captions and "REMS" in captions


def test_review_dates_are_shown_per_content_area(run_page):
    app = run_page(PAGE)
    table = app.dataframe[0].value
    assert {"Glossary", "Knowledge check"} <= set(table["Content area"])
    assert (table["Older than 12 months"] == 0).all()
    assert "reviewed within the last 12 months" in app.success[0].value
