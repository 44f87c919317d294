"""TRD map: the concept map with a detail card per element, its lookalikes, why it matters, the path."""
from functools import partial

import streamlit as st

from components.concept_map import make_concept_map_figure, outer_nodes
from components.content import content
from components.map_view import (
    NODE_KEY,
    QUERY_PARAM,
    render_lookalikes,
    render_map_as_text,
    render_map_guide,
    render_node_card,
    render_path,
    render_why_it_matters,
    requested_node,
    select_from_map,
    unknown_node_notice,
)
from components.ui import render_chart, render_page_header

c = content()
trd_map = c.map
labels = {node.id: node.label for node in trd_map.nodes}

requested, unknown = requested_node(trd_map, st.query_params.get(QUERY_PARAM))
if NODE_KEY not in st.session_state:  # first run on this page: the deep link decides
    st.session_state[NODE_KEY] = requested
selected = st.session_state[NODE_KEY]

render_page_header("TRD map", trd_map.intro)
if unknown and selected is None:
    st.info(unknown_node_notice(st.query_params[QUERY_PARAM]), icon=":material/link_off:")

map_column, card_column = st.columns([3, 2], gap="large")
with map_column:
    # A fresh chart per selection: plotly's own click highlight never disagrees with the list.
    chart_key = f"map_figure_{selected or 'none'}"
    render_chart(make_concept_map_figure, trd_map, selected, key=chart_key, file_name="trd-map",
                 alt=f"Concept map of treatment-resistant depression and its "
                     f"{len(outer_nodes(trd_map))} elements",
                 on_select=partial(select_from_map, chart_key), selection_mode="points")
    st.caption(f"Concept map: treatment-resistant depression at the centre, joined to "
               f"{len(outer_nodes(trd_map))} elements coloured by kind. The list below and "
               "“The map as text” hold the same content for keyboard and screen-reader users.")
    st.segmented_control("Open an element of the map", options=list(labels),
                         format_func=labels.get, key=NODE_KEY, wrap=True)
    with st.expander("The map as text", key="map_as_text"):
        render_map_as_text(trd_map)
with card_column:
    if selected:
        render_node_card(c, trd_map.node(selected))
    else:
        render_map_guide(trd_map)

# Keep the address shareable: it always names the open card.
if selected and st.query_params.get(QUERY_PARAM) != selected:
    st.query_params[QUERY_PARAM] = selected
elif not selected and not unknown and QUERY_PARAM in st.query_params:
    del st.query_params[QUERY_PARAM]

st.header("Is it really TRD?", anchor="is-it-really-trd")
render_lookalikes(c)
st.header("Why it matters", anchor="why-it-matters")
render_why_it_matters(c)
st.header("The path outward", anchor="the-path-outward")
render_path(trd_map)
