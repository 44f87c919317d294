"""TRD Map entry point: page config, the shared frame, and the router over app_pages/."""
import streamlit as st

from components.content import ContentError, load_content
from components.navigation import HOME_PAGE_ID, sections
from components.ui import render_content_error, render_frame

# A local favicon: a Material icon here would be fetched from a font CDN, which hospitals block.
st.set_page_config(page_title="TRD Map", page_icon="static/favicon.png", layout="wide")

pages: dict[str, list] = {}
for section, specs in sections().items():
    for spec in specs:
        # The home page is served at "/"; its own path is "home" so that "map" stays free below.
        page = st.Page(spec.script, title=spec.title, icon=spec.icon,
                       url_path="home" if spec.id == HOME_PAGE_ID else spec.id,
                       default=spec.id == HOME_PAGE_ID)
        pages.setdefault(section, []).append(page)
        if spec.id == HOME_PAGE_ID:
            home = page

def open_home_with_same_query() -> None:
    """/map?node=tms is what trainers type on slides; serve it as /?node=tms."""
    st.switch_page(home, query_params=st.query_params.to_dict())


pages[next(iter(pages))].append(
    st.Page(open_home_with_same_query, title=home.title, url_path=HOME_PAGE_ID, visibility="hidden")
)
navigation = st.navigation(pages)

loaded = load_content()
if isinstance(loaded, ContentError):
    render_content_error(loaded)
    st.stop()

render_frame(loaded.frame)
navigation.run()
