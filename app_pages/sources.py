"""Sources: every source in the registry by kind, what in the app cites it, and review dates."""
import datetime as dt

import streamlit as st

from components.content import content, derived
from components.source_index import (
    STALE_AFTER_MONTHS,
    area_label,
    compute_area_reviews,
    compute_citations,
    group_sources_by_kind,
)
from components.ui import escape_markdown, render_handout_download, render_page_header

c = content()
today = dt.date.today()
render_page_header("Sources", "Every source the app's content cites, grouped by kind, with the "
                   "entries that cite it, and when each content area was last reviewed.")

st.header("Review dates")
reviews = derived(compute_area_reviews, c, today)
st.table(
    [{"Content area": r.label, "Entries": r.entries, "Last reviewed": r.last_reviewed,
      "Oldest review": r.oldest_reviewed,
      f"Older than {STALE_AFTER_MONTHS} months": len(r.stale)} for r in reviews],
    hide_index=True,
)
stale = [item for r in reviews for item in r.stale]
if stale:
    lines = "\n".join(f"- {area_label(i.area)}: {i.label} (reviewed {i.reviewed})" for i in stale)
    st.warning(f"{len(stale)} entries were last reviewed more than {STALE_AFTER_MONTHS} months "
               f"ago and are due for review:\n\n{lines}", icon=":material/history:")
else:
    st.success(f"Every entry was reviewed within the last {STALE_AFTER_MONTHS} months "
               f"(checked against today, {today}).", icon=":material/verified:")

render_handout_download(c, "sources")

st.header("Sources by kind")
citations = derived(compute_citations, c)  # a walk over every entry: once per content version
for label, sources in group_sources_by_kind(c.sources.sources):
    with st.expander(f"{label} ({len(sources)})", expanded=True, key=f"sources_kind_{label}"):
        for source in sources:
            link = source.link()
            cited = citations.get(source.id, [])
            by_area: dict[str, list[str]] = {}
            for citing in cited:
                by_area.setdefault(area_label(citing.area), []).append(citing.label)
            where = "; ".join(f"{area}: {', '.join(labels)}" for area, labels in by_area.items())
            st.markdown(f"**{escape_markdown(source.citation())}**" + (f" [Open]({link})" if link else ""))
            st.caption(f"Id: {source.id} · " + escape_markdown(
                (f"Cited by {len(cited)}: {where}" if cited else "Not cited by any entry yet")
                + (f" · Note: {source.note}" if source.note else "")))
