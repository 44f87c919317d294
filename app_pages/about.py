"""About: what TRD Map is, who it is for, and how its content is kept."""
import streamlit as st

from components.content import content
from components.ui import render_page_header

frame = content().frame
render_page_header(f"About {frame.app_title}", frame.tagline)
for paragraph in frame.about:
    st.markdown(paragraph)
st.info(frame.education_notice, icon=":material/school:")
