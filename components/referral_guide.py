"""When to refer, in four tiers built from the trial checker's own rules in data/referral.yaml."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from components.referral import ADVICE_ORDER
from components.schema.referral import ReferralFile

# The classifications that keep a patient in primary care for now, in the order a learner meets them.
NOT_YET = ("no-adequate-trial", "intolerance", "one-adequate-failure", "responding", "remission")


@dataclass(frozen=True)
class Trigger:
    label: str
    detail: str


@dataclass(frozen=True)
class ReferralTier:
    """One answer to 'refer now or later?': what it says, what puts a patient there, its sources."""

    id: str  # the advice id: urgent, reconsider-diagnosis, routine or not-yet
    heading: str
    text: str
    triggers: tuple[Trigger, ...]
    sources: tuple[str, ...]
    reviewed: dt.date


def referral_tiers(referral: ReferralFile) -> list[ReferralTier]:
    """Urgent, reconsider the diagnosis, routine, not yet: each with what leads to it."""
    advice = {a.id: a for a in referral.advice}
    classifications = {c.id: c for c in referral.classifications}
    tiers = []
    for tier_id in ADVICE_ORDER:
        flags = [f for f in referral.red_flags if f.urgency == tier_id]
        triggers = [Trigger(f.label, f.advice) for f in flags]
        evidence: list = [advice[tier_id], *flags]
        if tier_id == "routine":
            resistant = classifications["treatment-resistant"]
            threshold = referral.resistance_threshold
            triggers.insert(0, Trigger(resistant.label, threshold.explanation))
            evidence += [resistant, threshold]
        if tier_id == "not-yet":
            kept = [classifications[c] for c in NOT_YET]
            triggers = [Trigger(c.label, c.next_step) for c in kept]
            evidence += kept
        sources = tuple(dict.fromkeys(s for e in evidence for s in e.sources))
        tiers.append(ReferralTier(tier_id, advice[tier_id].heading, advice[tier_id].text,
                                  tuple(triggers), sources, max(e.reviewed for e in evidence)))
    return tiers
