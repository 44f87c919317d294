"""TRD Map entry point: page config, the shared frame, and the router over app_pages/."""
import streamlit as st

from components.content import ContentError, load_content
from components.navigation import HOME_PAGE_ID, MAP_LINK_SCRIPT, sections
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

# /map?node=… is what trainers type on slides, and what in-app links to the map point at: the
# default page's own links are relative ("?node=…") and break when opened in a new tab.
pages[next(iter(pages))].append(
    st.Page(MAP_LINK_SCRIPT, title=home.title, url_path=HOME_PAGE_ID, visibility="hidden")
)
navigation = st.navigation(pages)

loaded = load_content()
if isinstance(loaded, ContentError):
    render_content_error(loaded)
    st.stop()

render_frame(loaded.frame)
navigation.run()
