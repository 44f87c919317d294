"""Glossary & search: plain definitions, and one search box over every piece of teaching content."""
import streamlit as st

from components.content import content, derived
from components.search import build_search_index, search
from components.ui import (
    escape_markdown,
    render_handout_download,
    render_missing_link_notice,
    render_page_header,
    render_page_link,
    render_sources,
)

c = content()
render_page_header("Glossary & search", "Find a term, a map node, a treatment option, a quiz "
                   "question or a practice case, and jump to where the app teaches it.")

query = st.text_input("Search all content", value=st.query_params.get("q", ""),
                      key="glossary_search", type="search", placeholder="For example: iTBS, remission, REMS")
if query.strip():
    st.query_params["q"] = query.strip()  # a search can be shared or bookmarked as a link
    hits = search(derived(build_search_index, c), query)
    st.caption(f"{len(hits)} result(s) for “{escape_markdown(query.strip())}”, best match first.")
    if not hits:
        st.info("Nothing matches. Try a shorter word or an abbreviation such as TMS or ECT.")
    for hit in hits:
        target = hit.doc.target
        render_page_link(target.page, f"{hit.doc.kind_label}: {escape_markdown(hit.doc.title)}",
                         params=target.params)

st.header("Glossary")
terms = sorted(c.glossary.terms, key=lambda t: t.term.casefold())
asked = st.query_params.get("term")
if asked and asked not in {t.id for t in terms}:
    render_missing_link_notice("a glossary term", "here is the full list")
for term in terms:
    title = term.term + (f" ({', '.join(term.also_called)})" if term.also_called else "")
    with st.expander(escape_markdown(title), expanded=term.id == asked, key=f"glossary_term_{term.id}"):
        st.markdown(escape_markdown(term.definition))
        if term.see:
            render_page_link(term.see.page, f"Learn more: {term.see.label}", params=term.see.params,
                             icon=":material/school:")
        render_sources(c, term.sources, term.reviewed)

render_handout_download(c, "glossary")
