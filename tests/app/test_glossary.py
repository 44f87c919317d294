"""Glossary & search page: search finds a known term, a result or a deep link opens its term first,
the A–Z list never sits under the results, bad ids get a notice."""
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


def _main_types(app) -> list[str]:
    return [el.type for el in app.main]


def test_the_glossary_lists_at_least_twenty_terms_all_closed(run_page):
    app = run_page(PAGE)
    assert not app.exception
    assert len(app.expander) >= 20
    assert not [e for e in app.expander if e.proto.expanded]
    assert not app.subheader, "no term card without a chosen term"


def test_a_deep_linked_term_opens_first_as_a_card_above_the_list(run_page):
    app = run_page(PAGE, term="rems")
    assert not app.exception
    assert [s.value for s in app.subheader] == ["REMS"]
    assert "Also called: Risk Evaluation and Mitigation Strategy" in app.caption[0].value
    types = _main_types(app)
    assert types.index("subheader") < types.index("header") < types.index("expander")
    assert [h.value for h in app.header] == ["All terms A–Z"]
    assert not [e for e in app.expander if e.proto.expanded]


def test_search_results_have_no_full_list_under_them(run_page):
    app = run_page(PAGE, q="rems")
    assert not app.exception
    assert _links(app)[0].proto.label == "Glossary: REMS"
    assert not app.expander and not app.header
    assert any("Clear the search box" in c.value for c in app.caption)


def test_a_glossary_result_keeps_the_search_and_opens_the_term_above_it(run_page):
    app = run_page(PAGE, q="rems")
    first = _links(app)[0]
    assert first.proto.query_string == "term=rems&q=rems"
    opened = run_page(PAGE, q="rems", term="rems")  # where that link goes
    assert [s.value for s in opened.subheader] == ["REMS"]
    assert opened.text_input(key="glossary_search").value == "rems"
    shown = [(el.type, getattr(el, "value", None)) for el in opened.main]
    card = shown.index(("subheader", "REMS"))
    results = next(i for i, (kind, value) in enumerate(shown)
                   if kind == "caption" and "result(s) for" in value)
    assert card < results
    assert [lk.proto.icon for lk in _links(opened) if lk.proto.label == "Glossary: REMS"] == [
        ":material/check:"]


def test_a_new_search_closes_the_chosen_term(run_page):
    app = run_page(PAGE, q="rems", term="rems")
    app.text_input(key="glossary_search").input("ect").run()
    assert app.query_params["q"] == "ect"
    assert "term" not in app.query_params
    assert not app.subheader


def test_clearing_the_search_brings_back_the_list(run_page):
    app = run_page(PAGE, q="rems")
    app.text_input(key="glossary_search").input("").run()
    assert "q" not in app.query_params
    assert len(app.expander) >= 20


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
