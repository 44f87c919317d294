"""TRD Map entry point: page config, the shared frame, and the router over app_pages/."""
import streamlit as st

from components.content import ContentError, load_content
from components.navigation import HOME_PAGE_ID, sections
from components.ui import render_content_error, render_frame

# A local favicon: a Material icon here would be fetched from a font CDN, which hospitals block.
st.set_page_config(page_title="TRD Map", page_icon="static/favicon.png", layout="wide")

navigation = st.navigation(
    {
        section: [
            st.Page(page.script, title=page.title, icon=page.icon, url_path=page.id,
                    default=page.id == HOME_PAGE_ID)
            for page in pages
        ]
        for section, pages in sections().items()
    }
)

loaded = load_content()
if isinstance(loaded, ContentError):
    render_content_error(loaded)
    st.stop()

render_frame(loaded.frame)
navigation.run()
