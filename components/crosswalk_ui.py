"""Streamlit helpers for the guideline crosswalk: the matrix, a point's cells, and the panels that
show beside the checker's rules and a ladder option what each guideline says."""
from __future__ import annotations

import streamlit as st

from components.content import ContentSet
from components.crosswalk import (
    QUERY_PARAM,
    AppValue,
    app_values,
    cell_label,
    cell_number_label,
    cell_sources,
    guidelines_disagree,
    ladder_line_conflicts,
    matrix_table,
    points_for_node,
    points_for_option,
    verdict,
)
from components.schema.guidelines import STATUS_LABELS, Cell, DecisionPoint
from components.schema.referral import AdequacyDefinition
from components.ui import escape_markdown as md
from components.ui import render_page_link, render_provenance, short_cite

PAGE_ID = "crosswalk"
_VERDICT_ICONS = {"agrees": "✓ agrees", "differs": "≠ differs", "no number": "— no number"}


def render_matrix(content: ContentSet, points: list[DecisionPoint]) -> None:
    """The matrix as a real table (row and column headers), short cells only."""
    table = matrix_table(content.guidelines, points).set_index("Decision point")
    st.table(table)


def render_point_detail(content: ContentSet, point: DecisionPoint) -> None:
    """Every cell of one row in full: what it says, the guideline's own strength wording, section,
    year, how closely it was read, and its sources; then the links back into the app."""
    st.subheader(point.label, anchor=f"point-{point.id}")
    st.markdown(md(point.question))
    if guidelines_disagree(point):
        st.warning("The guidelines that state something here take different positions.",
                   icon=":material/call_split:")
    for column in content.guidelines.guidelines:
        cell = point.cell(column.source)
        with st.container(border=True, key=f"crosswalk_cell_{point.id}_{column.source}"):
            status = "" if cell.status == "stated" else f" · {STATUS_LABELS[cell.status]}"
            st.markdown(f"**{md(column.short_name)}**{status}")
            st.markdown(md(cell.detail))
            facts = [("Strength, in its own words", cell.strength or "—"),
                     ("Section", cell.section), ("Year", str(cell.year)),
                     ("Read in", cell.read_in)]
            st.markdown("  \n".join(f"**{label}:** {md(text)}" for label, text in facts))
            render_provenance(cell.note, key=f"crosswalk_note_{point.id}_{column.source}")
            st.caption(short_cite(content, cell_sources(cell)))
    render_links_back(content, point)


def render_links_back(content: ContentSet, point: DecisionPoint) -> None:
    """The row links back to where the app teaches this point."""
    options = {o.id: o for o in content.treatments.options}
    nodes = {n.id: n for n in content.map.nodes}
    if not (point.ladder_options or point.map_nodes or point.app_rule):
        return
    st.markdown("**Where the app teaches this**")
    for node_id in point.map_nodes:
        render_page_link("map", f"Map: {nodes[node_id].label}", params={"node": node_id},
                         icon=":material/hub:")
    for option_id in point.ladder_options:
        render_page_link("ladder", f"Ladder: {options[option_id].name}",
                         params={"option": option_id}, icon=":material/stairs:")
    if point.app_rule:
        render_page_link("checker", "Trial checker: the rule it applies",
                         icon=":material/fact_check:")


def render_crosswalk_links(content: ContentSet, points: list[DecisionPoint]) -> None:
    """Links from a map card or ladder option to its rows of the crosswalk."""
    for point in points:
        render_page_link(PAGE_ID, f"What the guidelines say: {point.label}",
                         params={QUERY_PARAM: point.id}, icon=":material/compare_arrows:")


def render_node_crosswalk_links(content: ContentSet, node_id: str) -> None:
    render_crosswalk_links(content, points_for_node(content.guidelines, node_id))


def render_option_guidelines(content: ContentSet, option_id: str) -> None:
    """Beside a ladder option: what each guideline says about it, and whether they differ."""
    points = points_for_option(content.guidelines, option_id)
    if not points:
        return
    with st.container(border=True, key=f"ladder_guidelines_{option_id}"):
        st.markdown("**What the guidelines say**")
        for point in points:
            lines = []
            for column in content.guidelines.guidelines:
                cell = point.cell(column.source)
                rating = next((r.wording for r in cell.ratings if r.treatment == option_id), None)
                text = f"{cell_label(cell)} (rates this option: {rating})" if rating else \
                    cell_label(cell)
                lines.append(f"- **{md(column.short_name)}**: {md(text)}")
            st.markdown("\n".join(lines))
            if rated := _ladder_line_agreement(content, point, option_id):
                st.markdown(rated)
            st.caption("The guidelines that state something here "
                       + ("take different positions." if guidelines_disagree(point)
                          else "do not disagree."))
        render_crosswalk_links(content, points)


def _ladder_line_agreement(content: ContentSet, point: DecisionPoint, option_id: str) -> str:
    """The ladder's own guideline line beside the rating of the guideline it cites."""
    option = next(o for o in content.treatments.options if o.id == option_id)
    for column in content.guidelines.guidelines:
        if option.guideline_line.endswith(f"({column.short_name})"):
            agrees = any(r.treatment == option_id for r in point.cell(column.source).ratings) \
                and not [f for f in ladder_line_conflicts(content) if f.entry == option_id]
            mark = "✓ agrees with" if agrees else "≠ differs from"
            return (f"The ladder's own line, *{md(option.guideline_line)}*, {mark} the "
                    f"{md(column.short_name)} cell.")
    return ""


def render_checker_comparison(content: ContentSet, definition: AdequacyDefinition) -> None:
    """Beside the checker's rules: each guideline's number for the same rule, agreeing or not."""
    guidelines = content.guidelines
    rows = [p for p in guidelines.decision_points if p.app_rule]
    with st.expander("What the guidelines say about these rules", key="checker_guidelines",
                     icon=":material/compare_arrows:"):
        for point in rows:
            values = app_values(content, point.app_rule)
            if point.app_rule == "trial-weeks":  # compare with the definition in use
                values = [v for v in values if v.number == definition.minimum_weeks] or values
            for value in values:
                st.markdown(f"**{md(point.label)}.** {md(value.label)}: "
                            f"{value.number:g} {md(value.unit)}")
                st.markdown("\n".join(_comparison_line(column.short_name,
                                                         point.cell(column.source),
                                                         point.app_rule, value)
                                       for column in guidelines.guidelines))
            render_crosswalk_links(content, [point])


def _comparison_line(name: str, cell: Cell, rule: str, value: AppValue) -> str:
    """'- **NICE NG222**: 4 weeks · ≠ differs (what it says)'; unread cells say only that."""
    if cell.status != "stated":
        return f"- **{md(name)}**: {md(STATUS_LABELS[cell.status].lower())}"
    return (f"- **{md(name)}**: {md(cell_number_label(cell, rule))} · "
            f"{_VERDICT_ICONS[verdict(cell, rule, value)]} ({md(cell.short)})")


def render_guideline_notes(content: ContentSet) -> None:
    """Which version of each guideline is compared, why, and how it words its strength."""
    with st.expander("The guidelines compared, and how each words its strength",
                     key="crosswalk_about"):
        for column in content.guidelines.guidelines:
            st.markdown(f"**{md(column.short_name)}** ({md(column.region)}). "
                        f"{md(column.strength_scheme)} {md(column.version_note)}")
            if column.version_sources:
                st.caption(short_cite(content, column.version_sources))
