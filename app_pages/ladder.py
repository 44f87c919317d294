"""Treatment ladder: the rungs in order, a filterable comparison table, side-by-side cards, exports."""
import streamlit as st

from components.content import content
from components.crosswalk_ui import render_option_guidelines
from components.ladder import (
    default_comparison,
    filter_options,
    ladder_rows,
    ladder_table,
    shown_columns,
    sort_options,
)
from components.ladder_export import printable_html, table_csv
from components.ladder_render import (
    apply_deep_link,
    render_column_picker,
    render_comparison_cards,
    render_comparison_table,
    render_name_legend,
    render_option_detail,
    render_rung_overview,
    render_table_filters,
    share_selected_option,
)
from components.ui import render_page_header

c = content()
rungs, options = c.treatments.rungs, c.treatments.options
option_by_id = {option.id: option for option in options}
rung_by_id = {rung.id: rung for rung in rungs}

render_page_header("Treatment ladder", c.treatments.intro)

linked = apply_deep_link(options)

ladder_tab, table_tab, cards_tab, detail_tab = st.tabs(
    ["The ladder", "Comparison table", "Side by side", "Option details"],
    default="Option details" if linked else None, key="ladder_tabs",
)

with ladder_tab:
    st.caption("The usual order of next-line treatment, and what moves a patient to the next rung.")
    render_name_legend("ladder_rungs")
    render_rung_overview(rungs, options)

with table_tab:
    chosen_rungs, answers, sort_by = render_table_filters(rungs)
    shown = sort_options(filter_options(options, chosen_rungs, answers), rungs, sort_by)
    table = ladder_table(ladder_rows(shown, rungs))
    picker, counts = st.columns([2, 3], vertical_alignment="bottom")
    with picker:
        added = render_column_picker()
    counts.caption(f"Showing {len(shown)} of {len(options)} options and "
                   f"{len(shown_columns(added))} of {len(table.columns)} columns. The CSV holds "
                   "these rows with every column; every figure is in Option details.")
    render_name_legend("ladder_table")
    render_comparison_table(table, added, c.treatments)
    st.caption(c.treatments.course_note)
    st.download_button("Download these rows, all columns (CSV)", table_csv(table), "trd-ladder.csv",
                       "text/csv", key="ladder_csv", on_click="ignore", icon=":material/download:")

with cards_tab:
    picked = st.multiselect(
        "Options to compare (2–4)", list(option_by_id), format_func=lambda oid: option_by_id[oid].name,
        default=default_comparison(options, rungs), max_selections=4, key="ladder_compare")
    if len(picked) < 2:
        st.info("Choose at least two options to compare them side by side.", icon=":material/info:")
    else:
        chosen = [option_by_id[oid] for oid in picked]
        render_comparison_cards(chosen, rungs)
        citations = {source.id: source.citation() for source in c.sources.sources}
        handout = printable_html(chosen, rungs, citations, notice=c.frame.education_notice)
        st.download_button("Printable one-page comparison (HTML)", handout,
                           "trd-ladder-comparison.html", "text/html", key="ladder_html",
                           on_click="ignore", icon=":material/print:")

with detail_tab:
    selected = option_by_id[st.selectbox("Option", list(option_by_id), key="ladder_option",
                                         format_func=lambda oid: option_by_id[oid].name,
                                         on_change=share_selected_option)]
    render_option_detail(c, selected, rung_by_id[selected.rung])
    render_option_guidelines(c, selected.id)
