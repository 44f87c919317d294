"""Which content cites each source, and how recently each content area was reviewed."""
from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel

from components.schema.common import Entry, RefTo
from components.schema.sources import SOURCE_KIND_LABELS, Source

STALE_AFTER_MONTHS = 12

# Content areas as a reader knows them; a file missing here is shown under its file name.
AREA_LABELS: dict[str, str] = {
    "frame": "App frame (crisis line)",
    "map": "TRD map",
    "treatments": "Treatment ladder",
    "timelines": "Timelines and onset",
    "referral": "Trial checker and referral",
    "cases": "Practice cases",
    "quiz": "Knowledge check",
    "glossary": "Glossary",
    "presentation": "Presentation",
}

# Where each kind of entry is taught, and the query parameter that opens it there.
ENTRY_PAGES: dict[str, tuple[str, str | None]] = {
    "map-node": ("map", "node"),
    "treatment": ("ladder", "option"),
    "term": ("glossary", "term"),
    "question": ("quiz", None),
    "case": ("cases", "case"),
    "decision-point": ("crosswalk", "point"),
    "talk": ("talks", "talk"),
    "region": ("services", "region"),
}
# Region packs live beside the content set (data/regions/), not in it; they cite sources too.
REGION_AREA = "regions"
AREA_PAGES: dict[str, str] = {
    "frame": "about", "map": "map", "treatments": "ladder", "timelines": "timelines",
    "referral": "checker", "cases": "cases", "quiz": "quiz", "glossary": "glossary",
    "presentation": "presentation", "guidelines": "crosswalk", "talks": "talks",
    "room_sets": "room", REGION_AREA: "services",
}
LABEL_FIELDS = ("term", "label", "name", "title", "heading", "prompt")


@dataclass(frozen=True)
class PageTarget:
    """A page id with the query parameters that open the right item on it."""

    page: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Citing:
    """One place in the content that cites a source."""

    area: str
    entry_id: str
    label: str
    target: PageTarget


@dataclass(frozen=True)
class ReviewedItem:
    area: str
    entry_id: str
    label: str
    reviewed: dt.date


@dataclass(frozen=True)
class AreaReview:
    """The review state of one content area."""

    area: str
    label: str
    entries: int
    last_reviewed: dt.date
    oldest_reviewed: dt.date
    stale: tuple[ReviewedItem, ...]


def area_label(area: str) -> str:
    return AREA_LABELS.get(area, f"data/{area}.yaml")


def entry_label(entry: BaseModel) -> str:
    """The human name of an entry: its term, label, name, title or prompt, else its id."""
    for name in LABEL_FIELDS:
        value = getattr(entry, name, None)
        if isinstance(value, str) and value:
            return value
    return getattr(entry, "id", "")


def target_for(area: str, entry: Entry | None) -> PageTarget:
    """The page (and deep-link parameters) where an entry is shown."""
    if entry is not None and entry.id_space in ENTRY_PAGES:
        page, param = ENTRY_PAGES[entry.id_space]
        if entry.id_space == "question":
            return PageTarget(page, {"topic": getattr(entry, "topic", "")})
        return PageTarget(page, {param: entry.id} if param else {})
    return PageTarget(AREA_PAGES.get(area, "sources"))


def _is_source_ref(annotation: object, metadata: typing.Sequence = ()) -> bool:
    if any(isinstance(m, RefTo) and m.kind == "source" for m in metadata):
        return True
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        return _is_source_ref(args[0], args[1:])
    return any(_is_source_ref(arg) for arg in args)


@dataclass(frozen=True)
class _Place:
    """Where a nested model sits: its area, the nearest entry around it, or else its section."""

    area: str
    entry: Entry | None
    section: str

    def entry_id(self) -> str:
        return self.entry.id if self.entry else "-"

    def label(self, model: BaseModel) -> str:
        """The entry's name; outside entries, the model's own name or else its section's."""
        if self.entry:
            return entry_label(self.entry)
        if any(isinstance(getattr(model, name, None), str) for name in LABEL_FIELDS):
            return entry_label(model)
        return self.section.replace("_", " ").capitalize() if self.section else area_label(self.area)


def _walk(model: BaseModel, place: _Place) -> Iterator[tuple[_Place, BaseModel]]:
    """Yield (place, model) for `model` and every model nested in it."""
    if isinstance(model, Entry):
        place = _Place(place.area, model, place.section)
    yield place, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        inner = place if place.section else _Place(place.area, place.entry, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                yield from _walk(item, inner)


def _areas(content: BaseModel, region_packs: typing.Sequence[BaseModel] = ()
           ) -> Iterator[tuple[_Place, BaseModel]]:
    for area in type(content).model_fields:
        if area != "sources":
            yield from _walk(getattr(content, area), _Place(area, None, ""))
    for pack in region_packs:
        yield from _walk(pack, _Place(REGION_AREA, None, ""))


def compute_citations(content: BaseModel, region_packs: typing.Sequence[BaseModel] = ()
                      ) -> dict[str, list[Citing]]:
    """For each source id, every entry that cites it (each entry once, in content order), the
    region packs' entries after the content's."""
    cited: dict[str, list[Citing]] = {}
    for place, model in _areas(content, region_packs):
        for name, info in type(model).model_fields.items():
            if not _is_source_ref(info.annotation, info.metadata):
                continue
            value = getattr(model, name)
            for source_id in value if isinstance(value, list) else [value]:
                citing = Citing(place.area, place.entry_id(), place.label(model),
                                target_for(place.area, place.entry))
                if citing not in cited.setdefault(source_id, []):
                    cited[source_id].append(citing)
    return cited


def is_stale(reviewed: dt.date, today: dt.date, months: int = STALE_AFTER_MONTHS) -> bool:
    """True when a review date lies more than `months` calendar months before `today`."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    day = min(today.day, _days_in_month(year, month))
    return reviewed < dt.date(year, month, day)


def _days_in_month(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def iter_reviewed(content: BaseModel) -> Iterator[ReviewedItem]:
    """Everything in the content that carries a `reviewed` date, in content order."""
    for place, model in _areas(content):
        reviewed = getattr(model, "reviewed", None)
        if isinstance(reviewed, dt.date):
            yield ReviewedItem(place.area, place.entry_id(), place.label(model), reviewed)


def compute_area_reviews(content: BaseModel, today: dt.date) -> list[AreaReview]:
    """Per content area: entries with a review date, the latest and oldest date, stale entries."""
    by_area: dict[str, list[ReviewedItem]] = {}
    for item in iter_reviewed(content):
        by_area.setdefault(item.area, []).append(item)
    reviews = []
    for area, items in by_area.items():
        dates = [item.reviewed for item in items]
        stale = tuple(item for item in items if is_stale(item.reviewed, today))
        reviews.append(AreaReview(area, area_label(area), len(items), max(dates), min(dates), stale))
    return reviews


def group_sources_by_kind(sources: list[Source]) -> list[tuple[str, list[Source]]]:
    """Sources grouped under their kind's label, kinds in the registry's order, newest first."""
    groups = []
    for kind, label in SOURCE_KIND_LABELS.items():
        members = sorted((s for s in sources if s.kind == kind), key=lambda s: (-s.year, s.id))
        if members:
            groups.append((label, members))
    return groups


# ---------------------------------------------------------------- the Sources page's list


@dataclass(frozen=True)
class SourceRow:
    """One source as the Sources page lists it: its citation, who cites it, and its search text."""

    source: Source
    kind_label: str
    cited_by: tuple[Citing, ...]
    search_text: str  # casefolded citation, id, note and the names of what cites it

    @property
    def uncited(self) -> bool:
        return not self.cited_by


def cited_by_summary(cited_by: typing.Iterable[Citing]) -> str:
    """'Glossary: REMS, Esketamine; Knowledge check: Where can esketamine be given?'"""
    by_area: dict[str, list[str]] = {}
    for citing in cited_by:
        labels = by_area.setdefault(area_label(citing.area), [])
        if citing.label not in labels:
            labels.append(citing.label)
    return "; ".join(f"{area}: {', '.join(labels)}" for area, labels in by_area.items())


def compute_source_rows(content: BaseModel, region_packs: typing.Sequence[BaseModel] = ()
                        ) -> list[SourceRow]:
    """Every source in the registry with what cites it, grouped by kind (registry order of kinds),
    newest first within a kind. One walk over the content: cache it per content version."""
    citations = compute_citations(content, region_packs)
    rows = []
    for label, sources in group_sources_by_kind(content.sources.sources):
        for source in sources:
            cited_by = tuple(citations.get(source.id, ()))
            words = [source.citation(), source.id, source.note, label,
                     *(citing.label for citing in cited_by)]
            rows.append(SourceRow(source, label, cited_by, " ".join(words).casefold()))
    return rows


def filter_source_rows(rows: typing.Iterable[SourceRow], text: str = "",
                       kinds: typing.Collection[str] = (), uncited_only: bool = False
                       ) -> list[SourceRow]:
    """The rows whose search text holds every word typed, of the chosen kinds (all kinds when
    none is chosen), and only the uncited ones when asked."""
    words = text.casefold().split()
    return [row for row in rows
            if all(word in row.search_text for word in words)
            and (not kinds or row.source.kind in kinds)
            and (row.cited_by == () or not uncited_only)]


def group_rows(rows: typing.Iterable[SourceRow]) -> list[tuple[str, list[SourceRow]]]:
    """Rows under their kind's label, in the order given (already registry order)."""
    groups: dict[str, list[SourceRow]] = {}
    for row in rows:
        groups.setdefault(row.kind_label, []).append(row)
    return list(groups.items())
