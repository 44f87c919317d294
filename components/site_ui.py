"""Render helpers for where the clinician practises: region facts and the local referral directory."""
from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from components.content import ContentSet
from components.regions import (
    SHARED_CONTENT_REGION,
    current_region,
    localise,
    region_summary_lines,
)
from components.schema.regions import REGIONAL_STATUS_LABELS, RegionPack
from components.schema.site import OFFER_LABELS, LocalService
from components.schema.treatments import TreatmentOption
from components.site import (
    HOW_TO_ADD,
    OFFERS_FOR_ADVICE,
    SPECIALIST_REFERRAL_OFFERS,
    filter_services,
    load_site,
    local_summary_lines,
    offer_labels,
    service_rows,
    services_csv,
    services_for_option,
    services_offering,
)
from components.ui import escape_markdown as md
from components.ui import render_provenance, short_cite


def _service_markdown(service: LocalService) -> str:
    contact = " · ".join(x for x in (service.phone, service.referral_form) if x)
    return (f"**{md(service.name)}** ({md(offer_labels(service.offers))})  \n"
            f"How to refer: {md(service.how_to_refer)}"
            + (f" ({md(contact)})" if contact else "")
            + f"  \nWho may refer: {md(service.who_may_refer)} · Criteria: {md(service.criteria)}"
            f"  \nTypical wait: {md(service.typical_wait)} · Hours: {md(service.opening_hours)}"
            f" · Last checked {service.last_checked}")


def render_service_list(c: ContentSet, services: Sequence[LocalService], *, heading: str,
                        empty: str) -> None:
    """Local services as short cards; without a site pack, how to add one."""
    site = load_site(c).site
    st.markdown(f"**{heading}**")
    if site is None:
        st.caption(HOW_TO_ADD)
        return
    if not services:
        st.caption(empty)
        return
    st.markdown("\n\n".join(_service_markdown(s) for s in services))
    st.caption(f"From the local directory “{md(site.site)}”, kept by {md(site.maintained_by)}.")


def render_advice_services(c: ContentSet, advice_id: str) -> None:
    """The checker's advice: the local services that fit it."""
    site = load_site(c).site
    render_service_list(c, services_offering(site, OFFERS_FOR_ADVICE.get(advice_id, ())),
                        heading="Local services for this advice",
                        empty="The local directory lists no service for this advice.")


def render_specialist_services(c: ContentSet) -> None:
    """The map's specialist-referral card: where to refer here."""
    site = load_site(c).site
    render_service_list(c, services_offering(site, SPECIALIST_REFERRAL_OFFERS),
                        heading="Where to refer locally",
                        empty="The local directory lists no specialist service.")


def render_option_locally(c: ContentSet, option: TreatmentOption) -> None:
    """A ladder option in the chosen region: its status there and who provides it locally."""
    region = current_region(c)
    status = next((s for s in region.statuses if s.option == option.id), None)
    if region.id != SHARED_CONTENT_REGION:  # the US status is the list above
        st.markdown(f"**In {md(region.name)}**")
        if status is None:
            st.caption(f"Not confirmed: the {md(region.name)} region pack does not cover this "
                       "option. The status above is the US one.")
        else:
            st.markdown(f"{REGIONAL_STATUS_LABELS[status.status]}: {md(status.text)}")
            if status.sources:
                st.caption(short_cite(c, status.sources))
            render_provenance(status.gaps, key=f"ladder_region_{option.id}")
    site = load_site(c).site
    render_service_list(c, services_for_option(site, option.id, option.setting),
                        heading="Who provides it locally",
                        empty="The local directory lists no service for this option.")


def summary_for_region(c: ContentSet, summary: str, advice_id: str) -> str:
    """The checker's referral summary in the region's words, with its numbers and local services."""
    region = current_region(c)
    lines = [localise(summary, region).rstrip("\n"), "", *region_summary_lines(region)]
    local = local_summary_lines(load_site(c).site, advice_id)
    if local:
        lines += ["", *local]
    return "\n".join(lines) + "\n"


def render_region_facts(c: ContentSet, region: RegionPack) -> None:
    """Everything the region pack holds: crisis contacts, regulator, guideline, statuses, gaps."""
    if region.emergency_number:
        st.markdown(f"**Emergency number:** {md(region.emergency_number)}")
    st.markdown("**Crisis contacts**\n" + "".join(
        f"\n- **{md(contact.name)}**: {md(contact.how)}" for contact in region.crisis_contacts))
    st.markdown(f"**Regulator and funders:** {md(region.regulator)}")
    if region.regulator_sources:
        st.caption(short_cite(c, region.regulator_sources))
    if region.guideline is not None:
        st.markdown(f"**Guideline primary care follows:** {md(region.guideline.name)}")
        if region.guideline.sources:
            st.caption(short_cite(c, region.guideline.sources))
        render_provenance(region.guideline.note, key="services_guideline_note")
    names = region.services
    st.markdown(f"**Service names:** {md(names.primary_care)} (primary care) · "
                f"{md(names.community_mental_health)} · {md(names.crisis_team)} · "
                f"{md(names.emergency_department)}")
    options = {o.id: o.short_name for o in c.treatments.options}
    st.table({"Option": [options[s.option] for s in region.statuses],
              "Status": [REGIONAL_STATUS_LABELS[s.status] for s in region.statuses],
              "What was decided": [s.text for s in region.statuses],
              "Not confirmed": [s.gaps or "—" for s in region.statuses]})
    if region.gaps:
        st.info(md(region.gaps), icon=":material/info:")
    if region.sources:
        st.caption(f"{short_cite(c, region.sources)} · Reviewed {region.reviewed}")


def render_services_directory(c: ContentSet) -> None:
    """The local directory as a filterable table with a CSV download; or how to add one."""
    state = load_site(c)
    if state.site is None:
        st.info(HOW_TO_ADD, icon=":material/add_location_alt:")
        return
    site = state.site
    st.markdown(f"**{md(site.site)}** · kept by {md(site.maintained_by)}")
    if site.intro:
        st.markdown(md(site.intro))
    offered = [o for o in OFFER_LABELS if any(o in s.offers for s in site.services)]
    left, right = st.columns([2, 1])
    chosen = left.multiselect("Offers", offered, format_func=OFFER_LABELS.get,
                              key="services_offers", placeholder="All offers")
    words = right.text_input("Search the directory", key="services_search",
                             placeholder="e.g. wait, psychiatrist, 24 hours")
    shown = filter_services(site, chosen, words)
    st.caption(f"{len(shown)} of {len(site.services)} services shown.")
    if shown:
        st.dataframe(service_rows(shown), hide_index=True, width="stretch", key="services_table")
    else:
        st.info("No service matches these filters.", icon=":material/filter_alt_off:")
    st.download_button("Download the directory (CSV)", services_csv(shown),
                       file_name="local-services.csv", mime="text/csv", key="services_csv",
                       icon=":material/download:", on_click="ignore",
                       help="The services shown above, every field.")
