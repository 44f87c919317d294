"""Sources: every source in the registry by kind, what in the app cites it, and review dates."""
import datetime as dt

import streamlit as st

from components.content import content, derived
from components.regions import load_regions
from components.source_index import (
    STALE_AFTER_MONTHS,
    area_label,
    compute_area_reviews,
    compute_source_rows,
    filter_source_rows,
)
from components.source_render import render_source_filters, render_source_groups
from components.ui import render_handout_download, render_page_header

c = content()
today = dt.date.today()
render_page_header("Sources", "Every source the app's content cites, grouped by kind, with the "
                   "entries that cite it, and when each content area was last reviewed.")

# A walk over every entry and region pack: once per content version and set of packs.
rows = derived(compute_source_rows, c, tuple(load_regions(c).regions.values()))
filters = render_source_filters(rows, "sources")
shown = filter_source_rows(rows, filters.text, filters.kinds, filters.uncited_only)
uncited = sum(row.uncited for row in rows)
st.caption(f"Showing {len(shown)} of {len(rows)} sources. "
           + (f"{uncited} are cited by no entry yet and are marked “Not cited by any entry”."
              if uncited else "Every source is cited by at least one entry."))
if not shown:
    st.info("No source matches. Clear the search or choose other kinds.", icon=":material/search_off:")
render_source_groups(shown, filters, "sources")

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
