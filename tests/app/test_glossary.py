"""Glossary & search page: search finds a known term, deep links open a term, bad ids get a notice."""
from __future__ import annotations

PAGE = "app_pages/glossary.py"


def _links(app):
    return [el for el in app.main if el.type == "page_link"]


def test_search_finds_a_known_term_first(run_page):
    app = run_page(PAGE)
    app.text_input(key="glossary_search").input("iTBS").run()
    assert not app.exception
    links = _links(app)
    assert links, "the search shows result links"
    assert links[0].proto.label == "Glossary: Intermittent theta-burst stimulation"
    assert "term=itbs" in links[0].proto.query_string


def test_search_with_no_match_says_so(run_page):
    app = run_page(PAGE, q="zzzz")
    assert "Nothing matches" in app.info[0].value


def test_the_glossary_lists_at_least_twenty_terms_and_opens_a_deep_linked_one(run_page):
    app = run_page(PAGE, term="rems")
    assert not app.exception
    expanders = app.expander
    assert len(expanders) >= 20
    opened = [e for e in expanders if e.proto.expanded]
    assert [e.label for e in opened] == ["REMS (Risk Evaluation and Mitigation Strategy)"]


def test_an_unknown_term_shows_a_notice_not_an_error(run_page):
    app = run_page(PAGE, term="[click me](http://example.org)")
    assert not app.exception
    assert "glossary term that does not exist" in app.info[0].value
    assert all("example.org" not in m.value for m in [*app.info, *app.markdown])  # not echoed


def test_a_search_is_kept_in_the_address_and_reopens_from_it(run_page):
    app = run_page(PAGE)
    app.text_input(key="glossary_search").input("esketamine").run()
    assert app.query_params["q"] == "esketamine"
    again = run_page(PAGE, q="esketamine")
    assert again.text_input(key="glossary_search").value == "esketamine"
    assert [el for el in again.main if el.type == "page_link"]
