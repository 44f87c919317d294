"""Small Streamlit render helpers shared by the frame and the pages."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from components.charts import plotly_config, with_theme_text
from components.content import ContentError, ContentSet, derived
from components.export_ui import render_handout_pdf_downloads
from components.handout import make_handout_html
from components.navigation import HOME_PAGE_ID, MAP_LINK_SCRIPT, PAGE_BY_ID
from components.provenance import CONFIDENCE_ICONS, CONFIDENCE_LABELS, assess_confidence
from components.regions import QUERY_PARAM as REGION_PARAM
from components.regions import SESSION_KEY as REGION_SESSION_KEY
from components.regions import (
    choose_region,
    content_for_region,
    current_region,
    fallback_region,
    load_regions,
    problem_lines,
)
from components.schema.regions import RegionPack
from components.site import load_site

REGION_PICKER_KEY = "frame_region"

# Shown only when the content files are broken: a safety line must not vanish with a YAML typo.
FALLBACK_CRISIS_LINE = "In the US, call or text 988; call 911 in an emergency."


def render_frame(content: ContentSet) -> None:
    """The chosen region's crisis line above every page; the region picker and the education
    notice in the sidebar, with any broken region or site file named there."""
    region, unknown = _render_region_picker(content)
    st.markdown(f":material/call: **{escape_markdown(region.crisis_line)}**")
    if unknown:
        render_missing_link_notice("a region", f"showing {region.name}")
    with st.sidebar:
        st.caption(f":material/school: {content.frame.education_notice}")
        _render_pack_problems(content, region)


def _render_region_picker(content: ContentSet) -> tuple[RegionPack, bool]:
    """Where you practise: chosen from ?region=, the session or the TRD_MAP_REGION setting, and
    written back to the address so a copied link keeps it; True when the link named no region."""
    region_set = load_regions(content)
    asked = st.query_params.get(REGION_PARAM)
    chosen = choose_region(region_set, asked, st.session_state.get(REGION_SESSION_KEY))
    st.session_state[REGION_SESSION_KEY] = chosen
    if region_set.regions:
        names = {rid: region_set.regions[rid].name for rid in sorted(
            region_set.regions, key=lambda rid: (rid != region_set.default_id,
                                                 region_set.regions[rid].name))}
        st.session_state[REGION_PICKER_KEY] = chosen
        st.sidebar.selectbox(
            "Where you practise", list(names), format_func=names.get, key=REGION_PICKER_KEY,
            on_change=_region_picked, args=(region_set.default_id,),
            help="Sets the crisis line, the urgent advice, regulatory status and local services "
                 "to this country. Kept in the address as ?region=…")
    unknown = bool(asked) and asked.lower() != chosen
    if chosen != region_set.default_id and asked != chosen:
        st.query_params[REGION_PARAM] = chosen
    elif unknown:
        st.query_params.pop(REGION_PARAM, None)
    return region_set.regions.get(chosen) or fallback_region(content), unknown


def _region_picked(default_id: str) -> None:
    chosen = st.session_state[REGION_PICKER_KEY]
    st.session_state[REGION_SESSION_KEY] = chosen
    if chosen == default_id:
        st.query_params.pop(REGION_PARAM, None)
    else:
        st.query_params[REGION_PARAM] = chosen


def _render_pack_problems(content: ContentSet, region: RegionPack) -> None:
    """A broken region or site file is named (file, entry, field) and skipped; nothing else stops."""
    region_problems = load_regions(content).problems
    if region_problems:
        st.warning(f"A region pack has problems and is not used; showing {region.name}. Run "
                   f"`python -m components.content` to check.\n\n"
                   + problem_lines(region_problems), icon=":material/error:")
    site_problems = load_site(content).problems
    if site_problems:
        st.warning("The local referral directory (site pack) has problems and is not shown:\n\n"
                   + problem_lines(site_problems), icon=":material/error:")


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


def render_handout_download(content: ContentSet, key_prefix: str,
                            crisis_line: str | None = None) -> None:
    """The handout as print-ready HTML and as PDF (A4, US Letter), with the region's crisis line
    (the reader's region when None, whose numbers the urgent advice then uses too); each built
    once per content version and line."""
    if crisis_line is None:
        crisis_line = crisis_line_text(content)
        content = content_for_region(content)
    line = crisis_line
    with st.container(horizontal=True, key=f"{key_prefix}_handouts"):
        st.download_button(
            "Download the handout (print-ready HTML)", derived(make_handout_html, content, line),
            file_name="trd-map-handout.html", mime="text/html", key=f"{key_prefix}_handout",
            icon=":material/print:", on_click="ignore",
            help="The map, the ladder, the adequacy and referral criteria, with sources and the "
                 "content's review date, on one printable page set.",
        )
        render_handout_pdf_downloads(content, line, key_prefix)


def render_missing_link_notice(what: str, instead: str) -> None:
    """A deep link named something that does not exist. The link's own text is not repeated: it
    is Markdown here, and a crafted link must not put its own words or links on the page."""
    st.info(f"That link names {what} that does not exist; {instead}.", icon=":material/link_off:")


def crisis_line_text(content: ContentSet) -> str:
    """The chosen region's crisis line, for pages drawn without the frame (frame=False) to show as
    their own footer, and for slides and exports."""
    return current_region(content).crisis_line
