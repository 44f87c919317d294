"""/map: where people expect the map. The home map lives at "/", so this serves it with the same query."""
import streamlit as st

from components.navigation import HOME_PAGE_ID, PAGE_BY_ID

st.switch_page(PAGE_BY_ID[HOME_PAGE_ID].script, query_params=st.query_params.to_dict())
