"""The site pack (TRD_MAP_SITE): a local referral directory, and which of its services fit where."""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from components.content import ContentSet, Problem, read_pack
from components.schema.site import OFFER_LABELS, LocalService, SiteFile

SITE_ENV = "TRD_MAP_SITE"
EXAMPLE_SITE = "examples/site-example.yaml"

# Which offers answer each place a referral is discussed. Advice ids are the checker's
# (data/referral.yaml); option ids are the ladder's (data/treatments.yaml).
OFFERS_FOR_ADVICE: dict[str, tuple[str, ...]] = {
    "urgent": ("crisis-team",),
    "reconsider-diagnosis": ("psychiatric-advice", "community-mental-health",
                             "specialist-trd-clinic"),
    "routine": ("specialist-trd-clinic", "community-mental-health", "psychiatric-advice"),
    "not-yet": ("psychiatric-advice",),
}
SPECIALIST_REFERRAL_OFFERS = ("specialist-trd-clinic", "community-mental-health",
                              "psychiatric-advice")
OFFERS_FOR_OPTION: dict[str, tuple[str, ...]] = {
    "rtms": ("tms",), "itbs": ("tms",), "accelerated-tms": ("tms",), "deep-tms": ("tms",),
    "ect": ("ect",), "esketamine": ("esketamine-clinic",), "iv-ketamine": ("ketamine-clinic",),
}
# Options a specialist starts: without a dedicated service, the specialist TRD clinic is the route.
SPECIALIST_ROUTE = ("specialist-trd-clinic",)

HOW_TO_ADD = (
    "No local referral directory is loaded. A trainer or service lead can describe their own "
    f"services in one YAML file and start the app with `{SITE_ENV}=/path/to/site.yaml`; "
    f"`{EXAMPLE_SITE}` is a fictional example, and the README section “Region and site packs” "
    "explains the format."
)


@dataclass(frozen=True)
class SiteState:
    """The loaded directory (or None), the problems that stopped it, and the file it came from."""

    site: SiteFile | None
    problems: tuple[Problem, ...]
    path: str | None


def site_path() -> str | None:
    value = os.environ.get(SITE_ENV, "").strip()
    return value or None


def read_site(path: Path, content: ContentSet) -> tuple[SiteFile | None, list[Problem]]:
    """The directory validated like all content, its problems naming file, service and field."""
    return read_pack(path, str(path), SiteFile, content)


def _stamp(path: Path) -> tuple[int, int] | None:
    return (path.stat().st_mtime_ns, path.stat().st_size) if path.exists() else None


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(path: str, stamp: tuple | None, _content: ContentSet, content_key: int) -> SiteState:
    site, problems = read_site(Path(path), _content)
    return SiteState(site, tuple(problems), path)


def load_site(content: ContentSet) -> SiteState:
    """The site pack named by TRD_MAP_SITE, read once per edit; none when the setting is unset."""
    path = site_path()
    if path is None:
        return SiteState(None, (), None)
    return _load(path, _stamp(Path(path)), content, id(content))


def services_offering(site: SiteFile | None, offers: Iterable[str]) -> list[LocalService]:
    """The services that offer any of `offers`, in the order of `offers`, then file order."""
    if site is None:
        return []
    wanted = list(offers)
    matching = [s for s in site.services if set(s.offers) & set(wanted)]
    return sorted(matching, key=lambda s: min(wanted.index(o) for o in s.offers if o in wanted))


def services_for_option(site: SiteFile | None, option_id: str, setting: str) -> list[LocalService]:
    """Who provides a ladder option locally: its own service, else the specialist route."""
    offers = OFFERS_FOR_OPTION.get(option_id, ())
    found = services_offering(site, offers)
    if not found and setting in ("specialist", "certified-centre"):
        found = services_offering(site, SPECIALIST_ROUTE)
    return found


def describe_service(service: LocalService) -> str:
    """One plain-text line a referral letter or summary can carry."""
    how = service.how_to_refer
    if service.phone and service.phone not in how:
        how += f"; phone {service.phone}"
    if service.referral_form and service.referral_form not in how:
        how += f"; form: {service.referral_form}"
    return (f"{service.name} ({offer_labels(service.offers)}). Who may refer: "
            f"{service.who_may_refer}. How: {how}. Criteria: {service.criteria}. Typical wait: "
            f"{service.typical_wait}. Hours: {service.opening_hours}. Last checked "
            f"{service.last_checked}.")


def offer_labels(offers: Sequence[str]) -> str:
    return ", ".join(OFFER_LABELS[o] for o in offers)


def local_summary_lines(site: SiteFile | None, advice_id: str) -> list[str]:
    """The 'local services that fit' block of the referral summary."""
    if site is None:
        return []
    fitting = services_offering(site, OFFERS_FOR_ADVICE.get(advice_id, ()))
    head = f"Local services that fit (directory: {site.site}):"
    if not fitting:
        return [head, "- None listed in the local directory for this advice."]
    return [head, *(f"- {describe_service(s)}" for s in fitting)]


SERVICE_COLUMNS = ("Service", "Offers", "Who may refer", "How to refer", "Phone", "Referral form",
                   "Criteria", "Typical wait", "Opening hours", "Last checked", "Note")


def service_rows(services: Iterable[LocalService]) -> list[dict[str, str]]:
    """One row per service, every field as text, for the table and the CSV."""
    return [dict(zip(SERVICE_COLUMNS, (
        s.name, offer_labels(s.offers), s.who_may_refer, s.how_to_refer, s.phone,
        s.referral_form, s.criteria, s.typical_wait, s.opening_hours, str(s.last_checked),
        s.note), strict=True)) for s in services]


def services_csv(services: Iterable[LocalService]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SERVICE_COLUMNS)
    writer.writeheader()
    writer.writerows(service_rows(services))
    return buffer.getvalue()


def filter_services(site: SiteFile | None, offers: Sequence[str], words: str) -> list[LocalService]:
    """The services offering any chosen offer (all when none chosen) whose text holds `words`."""
    if site is None:
        return []
    chosen = [s for s in site.services if not offers or set(s.offers) & set(offers)]
    needle = words.strip().casefold()
    if not needle:
        return chosen
    return [s for s in chosen
            if needle in " ".join(service_rows([s])[0].values()).casefold()]
