"""TRD Map entry point: page config, the shared frame, and the router over app_pages/."""
from pathlib import Path

import streamlit as st

from components.content import ContentError, load_content
from components.navigation import HOME_PAGE_ID, MAP_LINK_SCRIPT, draws_frame, sections
from components.replica import log_new_session
from components.ui import render_content_error, render_frame
from components.unknown_page import NOTICE, NOTICE_FLAG, unknown_page_name

# A local favicon: a Material icon here would be fetched from a font CDN, which hospitals block.
st.set_page_config(page_title="TRD Map", page_icon="static/favicon.png", layout="wide")
log_new_session()  # one line per browser session naming the replica that holds it (clusters)
# The one stylesheet: a focus indicator Streamlit's theme options cannot give (see the file).
st.html(Path("static/focus.css"))
# And the one script: plotly's inner SVG hidden from screen readers, which meet each chart by its
# name and its table instead (see the file). In the sidebar, so it takes no room on the page.
st.sidebar.html(Path("static/charts-once.html"), unsafe_allow_javascript=True)
# The home page is served at "/" but reserves a path of its own: not "map", which the hidden page
# below needs, and not "home", which people type and which lands on the stand-in page below.
HOME_RESERVED_PATH = "trd-map-home"

pages: dict[str, list] = {}
for section, specs in sections().items():
    for spec in specs:
        page = st.Page(spec.script, title=spec.title, icon=spec.icon,
                       url_path=HOME_RESERVED_PATH if spec.id == HOME_PAGE_ID else spec.id,
                       default=spec.id == HOME_PAGE_ID, visibility=spec.visibility)
        pages.setdefault(section, []).append(page)
        if spec.id == HOME_PAGE_ID:
            home = page

# /map?node=… is what trainers type on slides, and what in-app links to the map point at: the
# default page's own links are relative ("?node=…") and break when opened in a new tab.
pages[next(iter(pages))].append(
    st.Page(MAP_LINK_SCRIPT, title=home.title, url_path=HOME_PAGE_ID, visibility="hidden")
)


def _land_on_the_map() -> None:
    st.session_state[NOTICE_FLAG] = True
    st.switch_page(home, query_params=st.query_params.to_dict())


# A typed /home or an old bookmark: a hidden stand-in page at that name sends the reader to the
# map with a notice, instead of Streamlit's "Page not found" dialog over an unexplained map.
reserved = {HOME_RESERVED_PATH, *(page.url_path for section in pages.values() for page in section)}
asked = unknown_page_name(st.context.url, st.get_option("server.baseUrlPath"), reserved)
if asked:
    pages[next(iter(pages))].append(
        st.Page(_land_on_the_map, title="Page not found", url_path=asked, visibility="hidden"))
# One flat menu, in the registry's order (Learn, Compare, Practice, Reference): Streamlit draws a
# sectioned menu with its headers inside the <ul>, which screen readers and WCAG's list rules reject.
navigation = st.navigation([page for section in pages.values() for page in section])

loaded = load_content()
if isinstance(loaded, ContentError):
    render_content_error(loaded)
    st.stop()

if draws_frame(navigation.url_path):
    render_frame(loaded)
if st.session_state.pop(NOTICE_FLAG, False):
    st.info(NOTICE, icon=":material/link_off:")
navigation.run()
