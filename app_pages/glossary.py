"""Glossary & search: plain definitions, and one search box over every piece of teaching content."""
import streamlit as st

from components.content import content
from components.handout import make_handout_html
from components.navigation import PAGE_BY_ID
from components.search import build_search_index, search
from components.ui import escape_markdown, render_page_header, render_sources

c = content()
render_page_header("Glossary & search", "Find a term, a map node, a treatment option, a quiz "
                   "question or a practice case, and jump to where the app teaches it.")

query = st.text_input("Search all content", value=st.query_params.get("q", ""),
                      key="glossary_search", type="search", placeholder="For example: iTBS, remission, REMS")
if query.strip():
    st.query_params["q"] = query.strip()  # a search can be shared or bookmarked as a link
    hits = search(build_search_index(c), query)
    st.caption(f"{len(hits)} result(s) for “{escape_markdown(query.strip())}”, best match first.")
    if not hits:
        st.info("Nothing matches. Try a shorter word or an abbreviation such as TMS or ECT.")
    for hit in hits:
        target = hit.doc.target
        st.page_link(PAGE_BY_ID[target.page].script, query_params=target.params or None,
                     label=f"{hit.doc.kind_label}: {escape_markdown(hit.doc.title)}",
                     icon=":material/arrow_forward:")

st.header("Glossary")
terms = sorted(c.glossary.terms, key=lambda t: t.term.casefold())
asked = st.query_params.get("term")
if asked and asked not in {t.id for t in terms}:
    st.info("That link names a glossary term that does not exist; here is the full list.",
            icon=":material/link_off:")
for term in terms:
    title = term.term + (f" ({', '.join(term.also_called)})" if term.also_called else "")
    with st.expander(escape_markdown(title), expanded=term.id == asked, key=f"glossary_term_{term.id}"):
        st.markdown(escape_markdown(term.definition))
        if term.see:
            st.page_link(PAGE_BY_ID[term.see.page].script, label=f"Learn more: {term.see.label}",
                         query_params=term.see.params or None, icon=":material/school:")
        render_sources(c, term.sources, term.reviewed)

st.download_button("Download the handout (print-ready HTML)", make_handout_html(c),
                   file_name="trd-map-handout.html", mime="text/html", key="glossary_handout",
                   icon=":material/print:", on_click="ignore")
