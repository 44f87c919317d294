"""About: what TRD Map is, its version and review, how to report an error, its rules, a session plan."""
import streamlit as st

from components.about import compute_review_span, compute_schedule, read_app_version
from components.content import content, derived
from components.ui import escape_markdown as md
from components.ui import render_page_header, render_page_link

c = content()
frame = c.frame
render_page_header(f"About {frame.app_title}", frame.tagline)
for paragraph in frame.about:
    st.markdown(md(paragraph))
st.info(frame.education_notice, icon=":material/school:")

st.header("Version and clinical review", anchor="review")
span = derived(compute_review_span, c)
st.markdown(f"**Version {md(derived(read_app_version))}** · **Content last reviewed {span.newest}** "
            f"(each of {span.entries} entries shows its own date; the oldest is {span.oldest})")
st.markdown(md(frame.clinical_review))
st.subheader("Report an error", anchor="report-an-error")
st.markdown(md(frame.report_an_error))
st.subheader("Licence", anchor="licence")
st.markdown(md(frame.licence))
st.subheader("Which country's rules", anchor="country")
st.markdown(md(frame.jurisdiction))

plan = frame.session_plan
st.header(md(plan.title), anchor="session-plan")
st.markdown(md(plan.intro))
for scheduled in compute_schedule(plan):
    link = scheduled.block.open
    render_page_link(link.page, scheduled.label, params=link.params, icon=":material/schedule:")
    st.caption(md(scheduled.block.activity))
