"""Small Streamlit render helpers shared by the frame and the pages."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from components.charts import plotly_config, with_theme_text
from components.content import ContentError, ContentSet, derived
from components.handout import make_handout_html
from components.navigation import HOME_PAGE_ID, MAP_LINK_SCRIPT, PAGE_BY_ID
from components.provenance import CONFIDENCE_ICONS, CONFIDENCE_LABELS, assess_confidence
from components.schema.frame import FrameFile

# Shown only when the content files are broken: a safety line must not vanish with a YAML typo.
FALLBACK_CRISIS_LINE = "In the US, call or text 988; call 911 in an emergency."


def render_frame(frame: FrameFile) -> None:
    """The crisis line above every page and the education notice in the sidebar."""
    st.markdown(f":material/call: **{frame.crisis_line.text}**")
    with st.sidebar:
        st.caption(f":material/school: {frame.education_notice}")


def render_content_error(error: ContentError) -> None:
    """One panel instead of any clinical content: what is wrong, where, and how to check it."""
    st.markdown(f":material/call: **{FALLBACK_CRISIS_LINE}**")
    st.title("TRD Map cannot show its content")
    problems = "\n".join(f"- `{problem}`" for problem in error.problems)
    st.error(
        f"The content files have {len(error.problems)} problem(s), so no clinical content is "
        f"shown until they are fixed. Each line names the file, the entry, the field and what "
        f"is wrong:\n\n{problems}",
        icon=":material/error:",
    )
    st.info(
        "To check the content after editing it, run `python -m components.content` in the app's "
        "folder. It prints OK when every file is valid.",
        icon=":material/build:",
    )


def render_page_header(title: str, intro: str) -> None:
    st.title(title)
    st.markdown(intro)


def render_sources(content: ContentSet, source_ids: Iterable[str], reviewed: object = None) -> None:
    """A caption naming the sources behind what is shown, and when it was last reviewed."""
    citations = "; ".join(content.source(sid).citation() for sid in dict.fromkeys(source_ids))
    line = f"Sources: {escape_markdown(citations)}"  # titles such as "a STAR*D report"
    if reviewed:
        line += f" · Reviewed {reviewed}"
    st.caption(line)


def render_provenance(note: str, key: str) -> None:
    """The one marker for an editor's note on where a fact was read and how sure it is."""
    if not note.strip():
        return
    confidence = assess_confidence(note)
    with st.popover(CONFIDENCE_LABELS[confidence], icon=CONFIDENCE_ICONS[confidence], key=key,
                    type="tertiary", help="Where this was read, and what could not be confirmed"):
        st.markdown(escape_markdown(note))


def short_cite(content: ContentSet, source_ids: Iterable[str]) -> str:
    """'Chandler GM 2010; Fekadu A 2018': enough to find the full entry on the Sources page."""
    cites = (content.source(source_id).short_citation() for source_id in dict.fromkeys(source_ids))
    return "Sources: " + escape_markdown("; ".join(cites))


def escape_markdown(text: str) -> str:
    """Content text shown through Markdown as written: 'STAR*D' must not open an emphasis."""
    return re.sub(r"([\\*_`$~\[\]<>|#])", r"\\\1", text)


def render_chart(build: Callable[..., go.Figure], *args: Any, key: str, file_name: str, alt: str,
                 **selection: Any) -> Any:
    """Every chart the same way: `build(*args)` cached per arguments and theme, full width, the
    house plotly config, a name for screen readers, text in the theme colour. `selection` passes
    on_select and selection_mode through."""
    dark = st.context.theme.type == "dark"
    name = f"{build.__module__}.{build.__qualname__} dark={dark}"
    figure = derived(lambda *values: with_theme_text(build(*values), dark=dark), *args, name=name)
    return st.plotly_chart(figure, key=key, width="stretch", config=plotly_config(file_name),
                           alt=alt, **selection)


def render_page_link(page_id: str, label: str, *, params: Mapping[str, str] | None = None,
                     icon: str = ":material/arrow_forward:") -> None:
    """A link to another TRD Map page by its id, with query parameters for a deep link."""
    page = PAGE_BY_ID[page_id]
    script = MAP_LINK_SCRIPT if page_id == HOME_PAGE_ID else page.script  # a real /map address
    st.page_link(script, label=label, icon=icon, help=f"Opens {page.title}",
                 query_params=dict(params) if params else None)


def render_handout_download(content: ContentSet, key_prefix: str) -> None:
    """The print-ready handout as a download; built once per content version."""
    st.download_button(
        "Download the handout (print-ready HTML)", derived(make_handout_html, content),
        file_name="trd-map-handout.html", mime="text/html", key=f"{key_prefix}_handout",
        icon=":material/print:", on_click="ignore",
        help="The map, the ladder, the adequacy and referral criteria, with sources and the "
             "content's review date, on one printable page set.",
    )


def render_missing_link_notice(what: str, instead: str) -> None:
    """A deep link named something that does not exist. The link's own text is not repeated: it
    is Markdown here, and a crafted link must not put its own words or links on the page."""
    st.info(f"That link names {what} that does not exist; {instead}.", icon=":material/link_off:")
