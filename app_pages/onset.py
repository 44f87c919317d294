"""Onset & commitment: how fast each next-line option works and how much time it asks of the patient."""
import streamlit as st

from components import onset_charts as oc
from components.content import content
from components.schema.sources import short_citations
from components.ui import escape_markdown as md
from components.ui import render_chart, render_page_header, render_sources

c = content()
options, rungs = c.treatments.options, c.treatments.rungs
names = short_citations(c.sources.sources)
render_page_header(
    "Onset & commitment",
    "How soon each next-line option tends to work, and how much of the patient's week it takes.",
)

# One chart at a time: each is a lesson of its own, and the page draws as fast as a one-chart page.
VIEWS = {"onset": "How soon does it work?", "commitment": "What does it ask of the patient?",
         "burden": "Onset against burden"}
view = st.segmented_control("Chart", list(VIEWS), format_func=VIEWS.get, default="onset",
                            required=True, key="onset_view", bind="query-params")
st.header(VIEWS[view])
if view == "onset":
    render_chart(oc.make_onset_figure, options, rungs, names, key="onset_onset_chart",
                 file_name="trd-map-onset-by-option",
                 alt="Time to first effect of each next-line option, as ranges on a log time axis")
    st.caption(md(oc.HOW_TO_READ_ONSET))
    with st.expander("Onset as a table"):
        st.table(oc.onset_rows(options, rungs), hide_index=True)
elif view == "commitment":
    per = st.segmented_control("Show time at visits", list(oc.PER_LABELS), default="week",
                               format_func=oc.PER_LABELS.get, key="onset_commitment_per",
                               required=True)
    render_chart(oc.make_commitment_figure, options, rungs, per, key="onset_commitment_chart",
                 file_name=f"trd-map-time-commitment-{per}",
                 alt="Hours each next-line option asks of the patient at visits, as ranges")
    st.caption(f"{md(oc.HOW_TO_READ_COMMITMENT)} {md(c.treatments.course_note)}")
    with st.expander("Time commitment and lab monitoring as a table"):
        st.table(oc.commitment_rows(options, rungs), hide_index=True)
else:
    render_chart(oc.make_onset_burden_figure, options, rungs, names, key="onset_burden_chart",
                 file_name="trd-map-onset-vs-burden",
                 alt="Onset against hours of the acute course for each option, coloured by setting")
    st.caption(md(oc.HOW_TO_READ_BURDEN))
    with st.expander("Onset against burden as a table"):
        st.table(oc.burden_rows(options, rungs), hide_index=True)
with st.expander("Sources for these charts"):
    render_sources(c, [s for option in options for s in option.sources])
