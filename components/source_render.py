"""The Sources page's layout pieces: the list's filters and the sources grouped by kind."""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components.schema.sources import SOURCE_KIND_LABELS
from components.source_index import SourceRow, cited_by_summary, group_rows
from components.ui import escape_markdown


@dataclass(frozen=True)
class SourceFilters:
    text: str
    kinds: tuple[str, ...]
    uncited_only: bool
    for_editors: bool

    @property
    def active(self) -> bool:
        return bool(self.text.strip() or self.kinds or self.uncited_only)


def render_source_filters(rows: list[SourceRow], key_prefix: str) -> SourceFilters:
    """A search box, a kind filter and two switches; every one labelled."""
    text = st.text_input("Search sources", key=f"{key_prefix}_search", type="search",
                         placeholder="Author, title, year, journal, DOI, or what cites it")
    present = list(dict.fromkeys(row.source.kind for row in rows))
    kinds = st.pills("Kind of source", present, format_func=SOURCE_KIND_LABELS.__getitem__,
                     selection_mode="multi", key=f"{key_prefix}_kinds",
                     help="Choose none to see every kind.")
    with st.container(horizontal=True):
        uncited_only = st.toggle("Only sources nothing cites", key=f"{key_prefix}_uncited")
        for_editors = st.toggle("For content editors: show ids and notes",
                                key=f"{key_prefix}_editors",
                                help="Each source's id, as content files cite it, and what was "
                                     "and was not confirmed about it.")
    return SourceFilters(text or "", tuple(kinds or ()), uncited_only, for_editors)


def _render_source(row: SourceRow, for_editors: bool) -> None:
    source = row.source
    link = source.link()
    st.markdown(f"**{escape_markdown(source.citation())}**" + (f" [Open]({link})" if link else ""))
    if row.uncited:
        st.markdown(":material/link_off: **Not cited by any entry yet.**")
    else:
        st.caption(escape_markdown(f"Cited by {len(row.cited_by)}: {cited_by_summary(row.cited_by)}"))
    if for_editors:
        st.caption(f"Id: `{source.id}`" + (f" · Note: {escape_markdown(source.note)}"
                                           if source.note else ""))


def render_source_groups(rows: list[SourceRow], filters: SourceFilters, key_prefix: str) -> None:
    """One expander per kind: closed while the whole list shows, open while a filter is on."""
    state = "found" if filters.active else "all"  # a new key, so the open state follows the filter
    for label, members in group_rows(rows):
        uncited = sum(row.uncited for row in members)
        title = f"{label} ({len(members)}" + (f", {uncited} not cited)" if uncited else ")")
        kind = members[0].source.kind
        with st.expander(title, expanded=filters.active, key=f"{key_prefix}_{kind}_{state}"):
            for row in members:
                _render_source(row, filters.for_editors)
