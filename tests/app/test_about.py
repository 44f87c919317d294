"""About page: version and newest review date from the content, the clinical review, how to report
an error, the licence, the country whose rules it assumes, and a 45-minute session plan."""
from __future__ import annotations

from components.about import compute_review_span, read_app_version
from components.content import DATA_DIR_ENV, content

PAGE = "app_pages/about.py"


def _text(app) -> str:
    return " ".join(el.value for el in [*app.markdown, *app.caption, *app.header, *app.subheader])


def test_the_about_page_states_version_review_error_reporting_licence_and_country(run_page):
    app = run_page(PAGE)
    assert not app.exception
    text = _text(app)
    assert f"Version {read_app_version()}" in text
    assert f"Content last reviewed {compute_review_span(content()).newest}" in text
    assert "independent clinical reviewer in November 2026" in text
    assert "issue in the project's tracker" in text
    assert "Licence" in text and "Not chosen yet" in text
    assert "United States" in text and "988" in text and "NICE" in text and "CANMAT" in text


def test_the_session_plan_links_each_page_in_order_with_its_minutes(run_page):
    app = run_page(PAGE)
    links = [el.proto for el in app.main if el.type == "page_link"]
    assert [link.label for link in links] == [
        "0–5 min · Trial checker", "5–17 min · Case discussions", "17–24 min · Knowledge check",
        "24–31 min · TRD map", "31–39 min · Treatment ladder", "39–45 min · Presentation"]
    assert links[0].query_string == "case=half-working-ssri"
    assert any("45-minute" in h.value for h in app.header)


def test_the_review_date_follows_the_content(run_page, data_copy, monkeypatch):
    glossary = data_copy / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8")
    at = text.index("reviewed: ")
    glossary.write_text(text[:at] + "reviewed: 2030-01-02" + text[at + len("reviewed: 2026-11-30"):],
                        encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    app = run_page(PAGE)
    assert "Content last reviewed 2030-01-02" in _text(app)
