"""Local services: where you practise (the region pack) and the local referral directory (site pack)."""
import streamlit as st

from components.content import content
from components.regions import current_region
from components.site_ui import render_region_facts, render_services_directory
from components.ui import render_page_header

c = content()
region = current_region(c)
render_page_header("Local services", "Whom to refer to here, how and how fast: the crisis lines, "
                   "regulator and guideline of the region chosen in the sidebar, and the local "
                   "referral directory your trainer or service lead keeps.")
st.header(f"Where you practise: {region.name}", anchor="region")
render_region_facts(c, region)
st.header("Local referral directory", anchor="directory")
render_services_directory(c)
