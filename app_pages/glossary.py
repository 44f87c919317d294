"""Glossary & search: plain definitions, and one search box over every piece of teaching content."""
import streamlit as st

from components.content import content, derived
from components.glossary_render import (
    render_search_box,
    render_search_results,
    render_term_card,
    render_term_list,
    sorted_terms,
)
from components.search import build_search_index, search
from components.ui import render_handout_download, render_missing_link_notice, render_page_header

c = content()
render_page_header("Glossary & search", "Find a term, a map node, a treatment option, a quiz "
                   "question or a practice case, and jump to where the app teaches it.")

query = render_search_box("glossary_search")
terms = sorted_terms(c.glossary.terms)
asked = st.query_params.get("term")
chosen = next((t for t in terms if t.id == asked), None)

if asked and not chosen:
    render_missing_link_notice("a glossary term", "here is the full list")
if chosen:  # the term a link or a search result asked for, first and open
    render_term_card(c, chosen, "glossary")
    # A link to this same page reruns it without touching the address bar: write the address
    # back, so it names the open term and can be shared.
    st.query_params.from_dict(st.query_params.to_dict())
if query:
    render_search_results(search(derived(build_search_index, c), query), query, asked)
    st.caption("Clear the search box to see every term A–Z.")
else:
    st.header("All terms A–Z" if chosen else "Glossary", anchor=False)
    render_term_list(c, terms, "glossary")

render_handout_download(c, "glossary")
