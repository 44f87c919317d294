"""When to refer: urgent, reconsider the diagnosis, routine or not yet, from the checker's rules."""
import streamlit as st

from components.content import content
from components.referral_guide import referral_tiers
from components.regions import current_region, localise
from components.ui import escape_markdown as md
from components.ui import render_page_header, render_page_link, short_cite

TIER_ICONS = {"urgent": ":material/emergency:", "reconsider-diagnosis": ":material/help:",
              "routine": ":material/outgoing_mail:", "not-yet": ":material/schedule:"}

c = content()
region = current_region(c)  # the urgent tier names its emergency number and crisis line
render_page_header("When to refer", "The four answers to “refer now or later?”, most pressing "
                   "first; the trial checker applies the same rules to one patient's story.")
st.info(c.frame.applying_criteria_notice, icon=":material/shield_lock:")
render_page_link("checker", "Apply the criteria in the trial checker", icon=":material/fact_check:")

for tier in referral_tiers(c.referral):
    with st.container(border=True, key=f"refer_{tier.id}"):
        st.subheader(f"{TIER_ICONS[tier.id]} {md(tier.heading)}", anchor=tier.id)
        st.markdown(md(localise(tier.text, region)))
        st.markdown("\n".join(f"- **{md(t.label)}.** {md(localise(t.detail, region))}"
                               for t in tier.triggers))
        st.caption(f"{short_cite(c, tier.sources)} · Reviewed {tier.reviewed}")

render_page_link("cases", "Practise on the case discussions", icon=":material/groups:")
