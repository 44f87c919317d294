"""Guideline crosswalk: what each major guideline says at each TRD decision point, side by side."""
import streamlit as st

from components.content import content
from components.crosswalk import (
    QUERY_PARAM,
    disagreeing_points,
    matrix_csv,
    point_by_id,
    printable_html,
)
from components.crosswalk_ui import render_guideline_notes, render_matrix, render_point_detail
from components.ui import crisis_line_text, render_missing_link_notice, render_page_header

c = content()
guidelines = c.guidelines
labels = {point.id: point.label for point in guidelines.decision_points}

render_page_header("Guideline crosswalk", guidelines.intro)

requested = st.query_params.get(QUERY_PARAM)
linked = point_by_id(guidelines, requested)
if requested and linked is None:
    render_missing_link_notice("a decision point", "the whole crosswalk is shown")
if linked and "crosswalk_point" not in st.session_state:  # the deep link decides on arrival
    st.session_state["crosswalk_point"] = linked.id

only_disagree = st.toggle("Only where the guidelines differ", key="crosswalk_disagree",
                          help="Rows where the guidelines that state something take different "
                               "positions; cells that are not addressed or not verified don't count.")
pool = disagreeing_points(guidelines) if only_disagree else guidelines.decision_points
chosen = st.multiselect("Decision points", [p.id for p in pool], format_func=labels.get,
                        key="crosswalk_filter", placeholder="All decision points")
shown = [p for p in pool if p.id in chosen] or pool
st.caption(f"Showing {len(shown)} of {len(labels)} decision points × {len(guidelines.guidelines)} "
           "guidelines. Each guideline's strength wording, section and year are in the detail below.")
render_matrix(c, shown)

citations = {source.id: source.citation() for source in c.sources.sources}
csv_column, html_column = st.columns(2)
csv_column.download_button("Download these rows, every detail (CSV)",
                           matrix_csv(guidelines, shown, citations), "trd-guideline-crosswalk.csv",
                           "text/csv", key="crosswalk_csv", on_click="ignore",
                           icon=":material/download:")
html_column.download_button("Printable matrix (HTML)", printable_html(
    guidelines, shown, citations, notice=c.frame.education_notice,
    crisis_line=crisis_line_text(c)), "trd-guideline-crosswalk.html", "text/html",
    key="crosswalk_html", on_click="ignore", icon=":material/print:")

st.header("A decision point in detail", anchor="detail")
point_id = st.selectbox("Decision point", [p.id for p in guidelines.decision_points],
                        format_func=labels.get, key="crosswalk_point")
if st.query_params.get(QUERY_PARAM) != point_id:
    st.query_params[QUERY_PARAM] = point_id  # the address always names the open row
render_point_detail(c, guidelines.point(point_id))
render_guideline_notes(c)
