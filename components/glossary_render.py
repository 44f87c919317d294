"""The glossary's layout pieces: the chosen term's card, the A–Z list and the search results."""
from __future__ import annotations

import streamlit as st

from components.content import ContentSet
from components.schema.glossary import GlossaryTerm
from components.search import SEARCH_PARAM, SearchHit, result_target
from components.ui import escape_markdown, render_page_link, render_sources


def term_title(term: GlossaryTerm) -> str:
    """'REMS (Risk Evaluation and Mitigation Strategy)': the term with what else it is called."""
    return term.term + (f" ({', '.join(term.also_called)})" if term.also_called else "")


def sorted_terms(terms: list[GlossaryTerm]) -> list[GlossaryTerm]:
    return sorted(terms, key=lambda t: t.term.casefold())


def _render_definition(content: ContentSet, term: GlossaryTerm) -> None:
    st.markdown(escape_markdown(term.definition))
    if term.see:
        render_page_link(term.see.page, f"Learn more: {term.see.label}", params=term.see.params,
                         icon=":material/school:")
    render_sources(content, term.sources, term.reviewed)


def render_term_card(content: ContentSet, term: GlossaryTerm, key_prefix: str) -> None:
    """The chosen term, open, in a bordered card: the first thing under the search box."""
    with st.container(border=True, key=f"{key_prefix}_card"):
        st.subheader(escape_markdown(term.term), anchor=False)
        if term.also_called:
            st.caption("Also called: " + escape_markdown(", ".join(term.also_called)))
        _render_definition(content, term)


def render_term_list(content: ContentSet, terms: list[GlossaryTerm], key_prefix: str) -> None:
    """Every term A–Z, each a closed expander a reader opens in place."""
    for term in terms:
        with st.expander(escape_markdown(term_title(term)), key=f"{key_prefix}_term_{term.id}"):
            _render_definition(content, term)


def render_search_box(key: str) -> str:
    """The search box, kept in step with `?q=` both ways: typing writes the address (so a search
    can be shared and bookmarked), and arriving by a link or Back fills the box from it. A new
    search closes the term chosen from the previous one."""
    in_address = st.query_params.get(SEARCH_PARAM, "")
    seen = f"{key}_address"
    if st.session_state.get(seen) != in_address:  # first visit, a result link, or Back
        st.session_state[key] = st.session_state[seen] = in_address

    def searched() -> None:
        typed = st.session_state[key].strip()
        st.query_params.pop("term", None)
        if typed:
            st.query_params[SEARCH_PARAM] = typed
        else:
            st.query_params.pop(SEARCH_PARAM, None)
        st.session_state[seen] = typed

    return st.text_input("Search all content", key=key, type="search", on_change=searched,
                         placeholder="For example: iTBS, remission, REMS").strip()


def render_search_results(hits: list[SearchHit], query: str, chosen_term: str | None) -> None:
    """One link per hit, best first; a glossary hit opens its card here and keeps the search."""
    st.caption(f"{len(hits)} result(s) for “{escape_markdown(query)}”, best match first.")
    if not hits:
        st.info("Nothing matches. Try a shorter word or an abbreviation such as TMS or ECT.")
    for hit in hits:
        target = result_target(hit, query)
        shown = hit.doc.kind == "term" and hit.doc.entry_id == chosen_term
        render_page_link(target.page, f"{hit.doc.kind_label}: {escape_markdown(hit.doc.title)}",
                         params=target.params,
                         icon=":material/check:" if shown else ":material/arrow_forward:")
