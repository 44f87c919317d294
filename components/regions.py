"""Region packs (data/regions/*.yaml): loading them safely, choosing one, and localising advice."""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from components.content import ContentSet, Problem, content_data_dir, read_pack
from components.schema.regions import RegionPack, ServiceNames
from components.site import read_site, site_path

REGION_ENV = "TRD_MAP_REGION"
DEFAULT_REGION = "us"
# The shared content (data/*.yaml) is written for this region: its statuses are the FDA's.
SHARED_CONTENT_REGION = "us"
QUERY_PARAM = "region"
SESSION_KEY = "region"
REGIONS_DIR = "regions"


@dataclass(frozen=True)
class RegionSet:
    """Every region pack that loaded, in file order, and the problems of those that did not."""

    regions: dict[str, RegionPack]
    problems: tuple[Problem, ...]
    default_id: str


def _advice_texts(content: ContentSet) -> list[str]:
    """The shared advice a region's wording may rewrite: red flags and the overall advice."""
    referral = content.referral
    return [*(f.advice for f in referral.red_flags), *(a.text for a in referral.advice)]


def read_regions(regions_dir: Path, content: ContentSet) -> tuple[dict[str, RegionPack], list[Problem]]:
    """Each data/regions/<id>.yaml validated on its own: a broken pack is reported and left out."""
    regions: dict[str, RegionPack] = {}
    problems: list[Problem] = []
    shared = " ".join(_advice_texts(content))
    for path in sorted(regions_dir.glob("*.yaml")):
        label = f"data/{REGIONS_DIR}/{path.name}"
        pack, found = read_pack(path, label, RegionPack, content)
        if pack is not None and pack.id != path.stem:
            found = [Problem(label, pack.id, "id",
                             f"the id must be the file's name, {path.stem!r} (found: {pack.id!r})")]
        if pack is not None and not found:
            found = [Problem(label, pack.id, f"wording[{n}].us", "this phrase is not in the shared "
                             "advice (data/referral.yaml), so it would change nothing")
                     for n, phrase in enumerate(pack.wording) if phrase.us not in shared]
        problems += found
        if pack is not None and not found:
            regions[pack.id] = pack
    return regions, problems


def default_region_id() -> str:
    return os.environ.get(REGION_ENV, DEFAULT_REGION).strip().lower() or DEFAULT_REGION


def _fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    files = sorted(folder.glob("*.yaml"))
    return tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files)


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(folder: str, fingerprint: tuple, default_id: str, _content: ContentSet,
          content_key: int) -> RegionSet:
    regions, problems = read_regions(Path(folder), _content)
    if default_id not in regions:
        problems.append(Problem(f"{REGION_ENV} setting", default_id, "-",
                                f"no valid region pack named {default_id!r}; using "
                                f"{'the first valid pack' if regions else 'the built-in US line'}"))
        default_id = next(iter(regions), DEFAULT_REGION)
    return RegionSet(regions, tuple(problems), default_id)


def load_regions(content: ContentSet) -> RegionSet:
    """The region packs, read once per process and per edit of data/regions/."""
    folder = content_data_dir() / REGIONS_DIR
    return _load(str(folder), _fingerprint(folder), default_region_id(), content, id(content))


def fallback_region(content: ContentSet) -> RegionPack:
    """When no pack loads at all: the shared content's own (US) crisis line, nothing else claimed."""
    line = content.frame.crisis_line
    return RegionPack.model_construct(
        id=DEFAULT_REGION, name="United States", short_name="US", emergency_number="",
        crisis_line=line.text, crisis_contacts=[], regulator="", regulator_sources=[],
        guideline=None, services=ServiceNames(
            primary_care="primary care clinician",
            community_mental_health="community mental health service",
            crisis_team="crisis team", emergency_department="emergency department"),
        wording=[], statuses=[], gaps="", sources=list(line.sources), reviewed=line.reviewed)


def choose_region(region_set: RegionSet, asked: str | None, remembered: str | None) -> str:
    """The address wins (a shared link), then this session's choice, then the default setting."""
    for candidate in (asked, remembered):
        if candidate and candidate.lower() in region_set.regions:
            return candidate.lower()
    return region_set.default_id


def current_region(content: ContentSet) -> RegionPack:
    """The region this session is in: ?region=, else the session's choice, else TRD_MAP_REGION."""
    region_set = load_regions(content)
    chosen = choose_region(region_set, st.query_params.get(QUERY_PARAM),
                           st.session_state.get(SESSION_KEY))
    return region_set.regions.get(chosen) or fallback_region(content)


def localise(text: str, region: RegionPack) -> str:
    """The shared (US) advice in the region's words: 'call 911' becomes 'call 999' in the UK."""
    for phrase in region.wording:
        text = text.replace(phrase.us, phrase.here)
    return text


def localise_content(content: ContentSet, region: RegionPack) -> ContentSet:
    """The content with its urgent advice and red flags in the region's words, for the handout
    and exports that print them (the shared content itself is never changed)."""
    if not region.wording:
        return content
    referral = content.referral
    return content.model_copy(update={"referral": referral.model_copy(update={
        "red_flags": [f.model_copy(update={"advice": localise(f.advice, region)})
                      for f in referral.red_flags],
        "advice": [a.model_copy(update={"text": localise(a.text, region)})
                   for a in referral.advice]})})


@st.cache_resource(show_spinner=False, max_entries=16)
def _content_for(region_id: str, content_key: int, _content: ContentSet,
                 _region: RegionPack) -> ContentSet:
    return localise_content(_content, _region)


def content_for_region(content: ContentSet) -> ContentSet:
    """localise_content for this session's region, built once per region and content version."""
    region = current_region(content)
    return _content_for(region.id, id(content), content, region)


def region_sources(region: RegionPack) -> list[str]:
    """The sources behind the region's crisis line and contacts, for a citation beside it."""
    return list(dict.fromkeys([*(s for c in region.crisis_contacts for s in c.sources),
                               *region.sources]))


def region_summary_lines(region: RegionPack) -> list[str]:
    """What a referral letter needs to say about where the patient is seen."""
    # The fallback region (no pack loaded) claims no number of its own: its crisis line, from
    # the shared content, says which to call.
    number = f" Emergency number: {region.emergency_number}." if region.emergency_number else ""
    lines = [f"Region: {region.name}.{number}", f"Crisis line: {region.crisis_line}"]
    if region.guideline is not None:
        lines.append(f"Guideline followed there: {region.guideline.name}.")
    return lines


def problem_lines(problems: Iterable[Problem]) -> str:
    return "\n".join(f"- `{problem}`" for problem in problems)


def pack_problems(content: ContentSet, data_dir: Path) -> list[Problem]:
    """For the command-line validator: the region packs, and the site pack if TRD_MAP_SITE is set."""
    regions, problems = read_regions(data_dir / REGIONS_DIR, content)
    if default_region_id() not in regions:
        problems.append(Problem(f"{REGION_ENV} setting", default_region_id(), "-",
                                "no valid region pack has this id"))
    path = site_path()
    if path:
        problems += read_site(Path(path), content)[1]
    print(f"{'INVALID' if problems else 'OK'}: {len(regions)} region pack(s)"
          + (f"; site pack {path}" if path else "; no site pack (TRD_MAP_SITE unset)"))
    return problems
