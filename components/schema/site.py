"""Site pack: a local referral directory that a trainer or service lead writes for their own area."""
from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from pydantic import Field

from components.schema.common import Entry, KebabId, Strict, Text

Offer = Literal[
    "specialist-trd-clinic", "community-mental-health", "psychiatric-advice", "crisis-team",
    "tms", "ect", "esketamine-clinic", "ketamine-clinic", "perinatal", "psychological-therapy",
]
OFFER_LABELS: dict[str, str] = {
    "specialist-trd-clinic": "Specialist TRD clinic",
    "community-mental-health": "Community mental health team",
    "psychiatric-advice": "Psychiatric advice for primary care",
    "crisis-team": "Crisis team",
    "tms": "TMS",
    "ect": "ECT",
    "esketamine-clinic": "Esketamine clinic",
    "ketamine-clinic": "Ketamine clinic",
    "perinatal": "Perinatal mental health",
    "psychological-therapy": "Psychological therapy",
}


class LocalService(Entry):
    """One service a clinician may refer to, as the service lead last checked it."""

    id_space: ClassVar[str] = "local-service"
    name: Text
    offers: list[Offer] = Field(min_length=1)
    who_may_refer: Text
    how_to_refer: Text = Field(description="Phone, e-referral form name or address, in words")
    phone: str = ""
    referral_form: str = Field(default="", description="The e-referral form's name, if any")
    criteria: Text
    typical_wait: Text
    opening_hours: Text
    last_checked: dt.date
    note: str = ""


class SiteFile(Strict):
    """The whole directory: whose it is, which region it belongs to, and its services."""

    site: Text = Field(description="The area or organisation, e.g. 'Northvale health district'")
    region: KebabId | None = Field(default=None, description="The region pack it belongs to")
    maintained_by: Text
    intro: str = ""
    services: list[LocalService] = Field(min_length=1)
