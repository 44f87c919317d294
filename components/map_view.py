"""Streamlit render helpers and selection state for the TRD map page."""
from __future__ import annotations

import re
from collections.abc import Mapping

import streamlit as st

from components.content import ContentSet
from components.crosswalk_ui import render_node_crosswalk_links
from components.schema.common import Claim
from components.schema.map import MapFile, MapLink, MapNode
from components.site_ui import render_specialist_services
from components.ui import escape_markdown as md
from components.ui import render_page_link, render_provenance

# The card where the local referral directory shows where to refer (data/map.yaml id).
SPECIALIST_REFERRAL_NODE = "specialist-referral"

NODE_KEY = "map_node"
QUERY_PARAM = "node"


# ---------------------------------------------------------------- selection state (pure)


def node_from_selection(selection: Mapping | None) -> str | None:
    """The node id of the first clicked point in a plotly selection event, if any."""
    points = (selection or {}).get("points") or []
    for point in points:
        node_id = point.get("customdata")
        if isinstance(node_id, list):  # plotly sends a list when customdata has columns
            node_id = node_id[0] if node_id else None
        if isinstance(node_id, str):
            return node_id
    return None


def requested_node(map_file: MapFile, query_value: str | None) -> tuple[str | None, bool]:
    """The node a deep link asks for, and whether it asked for one that does not exist."""
    if not query_value:
        return None, False
    if map_file.node(query_value):
        return query_value, False
    return None, True


def unknown_node_notice(raw: str) -> str:
    """The notice for a deep link to a node that does not exist; odd text in the address is not
    echoed, so a crafted link cannot put its own words or links on the page."""
    if re.fullmatch(r"[a-z0-9-]{1,40}", raw):
        return (f"The link asked for a map element called “{raw}”, which does not exist, "
                "so the plain map is shown.")
    return "The link asked for a map element that does not exist, so the plain map is shown."


# ---------------------------------------------------------------- Streamlit callbacks


def select_from_map(chart_key: str) -> None:
    """on_select callback: a click on the map selects that node in the list as well."""
    node_id = node_from_selection(st.session_state[chart_key].selection)
    if node_id:
        st.session_state[NODE_KEY] = node_id


# ---------------------------------------------------------------- render helpers


def render_link(link: MapLink) -> None:
    render_page_link(link.page, link.label, params=link.query_params())


def render_references(content: ContentSet, source_ids: list[str], reviewed: object) -> None:
    """Full citations (escaped: titles contain "STAR*D") and the review date."""
    citations = "\n".join(f"- {md(content.source(s).citation())}"
                          for s in dict.fromkeys(source_ids))
    st.caption(f"Sources:\n{citations}\n\nReviewed {reviewed}")


def render_claims(content: ContentSet, claims: list[Claim]) -> None:
    lines = [
        f"- {md(claim.text)} *({md('; '.join(content.source(s).short_citation() for s in claim.sources))})*"
        for claim in claims
    ]
    st.markdown("\n".join(lines))


def render_node_card(content: ContentSet, node: MapNode) -> None:
    """The detail card beside the map: what it is, why it matters, key numbers, where to go next."""
    group = content.map.group(node.group)
    with st.container(border=True, key="map_card"):
        st.subheader(node.label, anchor=False)
        st.caption(group.label)
        st.markdown(md(node.summary))
        st.markdown(f"**Why it matters for referral.** {md(node.why_it_matters)}")
        st.markdown("**Key numbers**")
        render_claims(content, node.key_facts)
        render_provenance(node.note, key=f"map_note_{node.id}")
        st.markdown("**Go deeper**")
        for link in node.links:
            render_link(link)
        render_node_crosswalk_links(content, node.id)
        if node.id == SPECIALIST_REFERRAL_NODE:
            render_specialist_services(content)
        with st.expander("Full references", key=f"map_card_references_{node.id}"):
            render_references(content, [s for claim in node.key_facts for s in claim.sources]
                              + node.sources, node.reviewed)


def render_map_guide(map_file: MapFile) -> None:
    """Shown beside the map until a node is chosen: how to use the map and what the colours mean."""
    with st.container(border=True, key="map_guide"):
        st.subheader("How to read the map", anchor=False)
        st.markdown("Click an element on the map, or choose it in the list under the map, to open "
                    "its card here. Each colour is one kind of element:")
        st.markdown("\n".join(f"- **{md(g.label)}**: {md(g.description)}" for g in map_file.groups))


def render_map_as_text(map_file: MapFile) -> None:
    """The figure's content in words: every element by kind, and every line between elements."""
    names = {node.id: node.label for node in map_file.nodes}
    for group in map_file.groups:
        members = [node.label for node in map_file.nodes if node.group == group.id]
        st.markdown(f"**{md(group.label)}**: {md(', '.join(members))}")
    st.markdown("**Links on the map**")
    st.markdown("\n".join(f"- {md(names[e.source])} → {md(names[e.target])}: {md(e.relation)}"
                          for e in map_file.edges))


def render_lookalikes(content: ContentSet) -> None:
    map_file = content.map
    st.markdown(md(map_file.lookalikes_intro))
    for lookalike in map_file.lookalikes:
        with st.expander(lookalike.label, key=f"map_lookalike_{lookalike.id}"):
            differs, catch, step = st.columns(3)
            differs.markdown(f"**How it differs**\n\n{md(lookalike.how_it_differs)}")
            catch.markdown(f"**What catches it**\n\n{md(lookalike.how_to_catch_it)}")
            step.markdown(f"**The different next step**\n\n{md(lookalike.next_step)}")
            render_provenance(lookalike.note, key=f"map_lookalike_note_{lookalike.id}")
            if lookalike.link:
                render_link(lookalike.link)
            render_references(content, lookalike.sources, lookalike.reviewed)


def render_why_it_matters(content: ContentSet) -> None:
    why = content.map.why_it_matters
    st.markdown(md(why.intro))
    render_claims(content, why.key_facts)
    st.markdown(f"**{md(why.remission_question)}**")
    for column, count in zip(st.columns(len(why.remission_counts)), why.remission_counts,
                             strict=True):
        with column.container(border=True):
            st.metric(count.label, count.value_label())
            st.markdown(md(count.how_counted))
            st.caption("Source: " + "; ".join(content.source(s).short_citation() for s in count.sources))
    st.markdown(f"**Why the two figures differ.** {md(why.why_counts_differ)}")
    render_provenance(why.note, key="map_why_note")
    render_references(content, why.sources, why.reviewed)


def render_path(map_file: MapFile) -> None:
    st.markdown(md(map_file.path_intro))
    for number, (column, step) in enumerate(
            zip(st.columns(len(map_file.path)), map_file.path, strict=True), start=1):
        with column.container(border=True):
            st.caption(f"Step {number} · {step.step}")
            st.markdown(f"**{md(step.title)}**")
            st.markdown(md(step.summary))
            render_link(step.link)
