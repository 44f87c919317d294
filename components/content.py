"""The content store: reads data/*.yaml, validates it against the schema, checks cross-references, caches it.

Run `python -m components.content` to validate the content files from the command line.
"""
from __future__ import annotations

import os
import sys
import typing
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import streamlit as st
import yaml
from pydantic import BaseModel, ValidationError

from components.crosswalk import crosswalk_problems
from components.ladder import dose_conflicts
from components.navigation import PAGE_BY_ID
from components.problems import Problem
from components.referral import assess_trials, case_trials, classify_episode, expected_case_answer
from components.schema.cases import CasesFile
from components.schema.common import Entry, RefTo, Strict
from components.schema.frame import FrameFile
from components.schema.glossary import GlossaryFile
from components.schema.guidelines import GuidelinesFile
from components.schema.map import MapFile
from components.schema.presentation import PresentationFile
from components.schema.quiz import QuizFile
from components.schema.referral import ReferralFile
from components.schema.room import RoomSetsFile
from components.schema.sources import Source, SourcesFile
from components.schema.talks import TalksFile
from components.schema.timelines import TimelinesFile
from components.schema.treatments import TreatmentsFile

T = typing.TypeVar("T")

DATA_DIR_ENV = "TRD_MAP_DATA_DIR"
DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# One file per content area; the key is both the file stem and the attribute on ContentSet.
CONTENT_FILES: dict[str, type[Strict]] = {
    "sources": SourcesFile,
    "frame": FrameFile,
    "map": MapFile,
    "treatments": TreatmentsFile,
    "timelines": TimelinesFile,
    "referral": ReferralFile,
    "cases": CasesFile,
    "quiz": QuizFile,
    "glossary": GlossaryFile,
    "presentation": PresentationFile,
    "talks": TalksFile,
    "room_sets": RoomSetsFile,
    "guidelines": GuidelinesFile,
}


class ContentError(Exception):
    """The content set is invalid; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class ContentSet(Strict):
    """Every content file, validated and cross-checked. Pages only ever see a whole, valid set."""

    sources: SourcesFile
    frame: FrameFile
    map: MapFile
    treatments: TreatmentsFile
    timelines: TimelinesFile
    referral: ReferralFile
    cases: CasesFile
    quiz: QuizFile
    glossary: GlossaryFile
    presentation: PresentationFile
    talks: TalksFile
    room_sets: RoomSetsFile
    guidelines: GuidelinesFile

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources.sources if s.id == source_id)

    def entries(self, id_space: str) -> list[Entry]:
        """All entries of one kind (e.g. "treatment", "map-node"), in file order."""
        return [e for e, *_ in _walk_entries(self) if e.id_space == id_space]

    def entry_counts(self) -> Counter[str]:
        return Counter(e.id_space for e, *_ in _walk_entries(self))


# ---------------------------------------------------------------- reading and validating


def read_content(data_dir: Path) -> ContentSet:
    """Read, validate and cross-check every content file; raise ContentError listing all problems."""
    problems: list[Problem] = []
    parsed: dict[str, Strict] = {}
    for stem, model in CONTENT_FILES.items():
        label = f"data/{stem}.yaml"
        raw, file_problems = _read_yaml(data_dir / f"{stem}.yaml", label)
        problems += file_problems
        if raw is None:
            continue
        try:
            parsed[stem] = model.model_validate(raw)
        except ValidationError as error:
            problems += [_locate(label, raw, detail) for detail in error.errors()]
    if problems:
        raise ContentError(problems)
    content = ContentSet(**parsed)
    problems = _cross_reference_problems(content)
    problems = problems or _agreement_problems(content)
    if problems:
        raise ContentError(problems)
    return content


def _read_yaml(path: Path, label: str) -> tuple[dict | None, list[Problem]]:
    if not path.exists():
        return None, [Problem(label, "-", "-", "file is missing")]
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "-"
        reason = getattr(error, "problem", None) or str(error)
        return None, [Problem(label, "-", where, f"YAML syntax error: {reason}")]
    except UnicodeDecodeError:
        return None, [Problem(label, "-", "-", "file is not UTF-8 text")]
    if raw is None:
        return None, [Problem(label, "-", "-", "file is empty")]
    if not isinstance(raw, dict):
        return None, [Problem(label, "-", "-", "the top level must be named sections (key: value)")]
    return raw, []


def _locate(label: str, raw: dict, detail: dict) -> Problem:
    """Turn a pydantic error location into 'entry id' + 'field path' by walking the raw YAML."""
    node: object = raw
    entry = "-"
    field_parts: list[str | int] = []
    for part in detail["loc"]:
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            entry, field_parts = node["id"], []
        field_parts.append(part)
        try:
            node = node[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            node = None
    if isinstance(node, dict) and isinstance(node.get("id"), str) and node.get("id") != entry:
        entry, field_parts = node["id"], []
    return Problem(label, entry, _field_path(field_parts), _message(detail))


def _field_path(parts: list[str | int]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "-"


def _message(detail: dict) -> str:
    kind = detail["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling against the other entries)"
    message = detail["msg"].removeprefix("Value error, ")
    value = detail.get("input")
    if isinstance(value, (str, int, float, bool)) or value is None:
        message += f" (found: {value!r})"
    return message


# ---------------------------------------------------------------- cross-references


def _walk_entries(model: BaseModel, file: str = "", path: str = ""
                  ) -> Iterator[tuple[Entry, str, str]]:
    """Yield every Entry in the content with its file stem and its path inside that file."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        here_file = file or name  # the top-level fields of ContentSet are the files
        base = f"{path}.{name}" if path else (name if file else "")
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            if not isinstance(item, BaseModel):
                continue
            item_path = base if index is None else f"{base}[{index}]"
            if isinstance(item, Entry):
                yield item, here_file, item_path
            yield from _walk_entries(item, here_file, item_path)


def _references(model: BaseModel, file: str, entry: str, path: str
                ) -> Iterator[tuple[str, str, str, str, str]]:
    """Yield (file, entry id, field path, referenced kind, referenced id) for every reference."""
    if isinstance(model, Entry):
        entry, path = model.id, ""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        here = f"{path}.{name}" if path else name
        kind = _ref_kind(info.annotation, info.metadata)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            item_path = f"{here}[{index}]" if isinstance(value, list) else here
            if kind and isinstance(item, str):
                yield file, entry, item_path, kind, item
            elif isinstance(item, BaseModel):
                yield from _references(item, file, entry, item_path)


def _ref_kind(annotation: object, metadata: list | tuple = ()) -> str | None:
    for meta in metadata:
        if isinstance(meta, RefTo):
            return meta.kind
    origin_args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        return _ref_kind(origin_args[0], origin_args[1:])
    for arg in origin_args:
        found = _ref_kind(arg)
        if found:
            return found
    return None


def _cross_reference_problems(content: ContentSet) -> list[Problem]:
    problems: list[Problem] = []
    known: dict[str, set[str]] = {"page": set(PAGE_BY_ID)}
    for entry, file, path in _walk_entries(content):
        ids = known.setdefault(entry.id_space, set())
        if entry.id in ids:
            problems.append(Problem(f"data/{file}.yaml", entry.id, f"{path}.id",
                                    f"duplicate id: another {entry.id_space} already uses it"))
        ids.add(entry.id)
    for stem in CONTENT_FILES:
        for file, entry_id, path, kind, target in _references(getattr(content, stem), stem, "-", ""):
            if target not in known.get(kind, set()):
                problems.append(Problem(f"data/{file}.yaml", entry_id, path,
                                        f"unknown {kind} id {target!r}"))
    return problems


def _agreement_problems(content: ContentSet) -> list[Problem]:
    """One fact, one value across files: a ladder dose never below the checker's minimum, and
    each practice case expects what the checker's rules conclude from its trials and flags."""
    referral = content.referral
    problems = [Problem("data/treatments.yaml", option.id, "dose", conflict)
                for option in content.treatments.options
                for conflict in dose_conflicts(option, referral.antidepressants)]
    for case in content.cases.cases:
        result = classify_episode(referral, assess_trials(referral, case_trials(case)))
        concluded = expected_case_answer(referral, case, result)
        if concluded != case.expected_answer:
            problems.append(Problem(
                "data/cases.yaml", case.id, "expected_answer",
                f"the checker's rules conclude {concluded!r} from this case's trials and red "
                f"flags (found: {case.expected_answer!r})"))
    # The guideline crosswalk agrees with the checker's and the ladder's guideline citations.
    problems += crosswalk_problems(content)
    return problems


# ---------------------------------------------------------------- packs beside the content


def read_pack(path: Path, label: str, model: type[T], content: ContentSet
              ) -> tuple[T | None, list[Problem]]:
    """A file outside the core content (a region or site pack), validated by the same schema and
    located the same way, ids and references checked against `content`. Problems are returned,
    never raised: a broken pack is shown and skipped, it does not take the app down."""
    raw, problems = _read_yaml(path, label)
    if raw is None:
        return None, problems
    try:
        pack = model.model_validate(raw)
    except ValidationError as error:
        return None, [_locate(label, raw, detail) for detail in error.errors()]
    known: dict[str, set[str]] = {"page": set(PAGE_BY_ID)}
    for entry, *_ in _walk_entries(content):
        known.setdefault(entry.id_space, set()).add(entry.id)
    seen: dict[str, set[str]] = {}
    for entry, _, entry_path in _walk_entries(pack, label):
        if entry.id in seen.setdefault(entry.id_space, set()):
            problems.append(Problem(label, entry.id, f"{entry_path}.id",
                                    f"duplicate id: another {entry.id_space} already uses it"))
        seen[entry.id_space].add(entry.id)
    problems += [Problem(label, entry_id, field, f"unknown {kind} id {target!r}")
                 for _, entry_id, field, kind, target in _references(pack, label, "-", "")
                 if target not in known.get(kind, set())]
    return (None if problems else pack), problems


# ---------------------------------------------------------------- cached access for pages


def content_data_dir() -> Path:
    return Path(os.environ.get(DATA_DIR_ENV, DEFAULT_DATA_DIR))


def _fingerprint(data_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Names, times and sizes of the content files: an edit to any of them reloads the content."""
    files = sorted(data_dir.glob("*.yaml"))
    return tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files)


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(data_dir: str, fingerprint: tuple) -> ContentSet | ContentError:
    try:
        return read_content(Path(data_dir))
    except ContentError as error:
        return error


def load_content() -> ContentSet | ContentError:
    """The validated content, parsed once per process and per edit of data/; or every problem."""
    data_dir = content_data_dir()
    return _load(str(data_dir), _fingerprint(data_dir))


@st.cache_resource(show_spinner=False, max_entries=256)
def _derived(name: str, args: tuple, _compute: Callable[..., object]) -> object:
    return _compute(*args)


def derived(compute: Callable[..., T], *args: object, name: str | None = None) -> T:
    """compute(*args), worked out once per distinct arguments and shared by every session.

    For what the pages build from the content and show as it is (figures above all: plotly
    validation costs 20–80 ms a figure, too much for every rerun). Arguments are hashed by value,
    so an edit of the content makes a fresh result. The result is shared: never change it.
    `name` tells results apart when `compute` is a closure.
    """
    return _derived(name or f"{compute.__module__}.{compute.__qualname__}", args, compute)


def content() -> ContentSet:
    """The content for a page. The frame stops before any page runs if the content is invalid."""
    loaded = load_content()
    if isinstance(loaded, ContentError):
        raise loaded
    return loaded


# ---------------------------------------------------------------- command-line validator


def main(data_dir: Path | None = None) -> int:
    try:
        loaded = read_content(data_dir or content_data_dir())
    except ContentError as error:
        print(f"INVALID: {len(error.problems)} problem(s) in the content files")
        for problem in error.problems:
            print(problem)
        return 1
    counts = ", ".join(f"{n} {kind}" for kind, n in sorted(loaded.entry_counts().items()))
    print(f"OK: {counts}")
    from components.regions import pack_problems  # the packs build on this module
    problems = pack_problems(loaded, data_dir or content_data_dir())
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
