"""Search over all teaching content: glossary terms, map nodes, treatment options, questions, cases."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel

from components.schema.common import Entry
from components.source_index import PageTarget, entry_label, target_for

# Kinds that are searched, in the order they win a tie, with how a result names its kind.
SEARCHED_KINDS: dict[str, str] = {
    "term": "Glossary",
    "map-node": "Map",
    "treatment": "Treatment",
    "case": "Case",
    "question": "Quiz question",
}
# The page that holds the search box, and the query parameter that carries what was searched.
SEARCH_PAGE = "glossary"
SEARCH_PARAM = "q"
KIND_AREAS = {"term": "glossary", "map-node": "map", "treatment": "treatments", "case": "cases",
              "question": "quiz"}
# Fields that hold ids, dates or links rather than words a reader would search for.
SKIPPED_FIELDS = {"id", "sources", "reviewed", "teaches", "see", "links", "params", "answer"}
NAME_FIELDS = {"term", "also_called", "label", "name", "title"}


@dataclass(frozen=True)
class SearchDoc:
    kind: str
    entry_id: str
    title: str
    names: tuple[str, ...]  # normalised title and synonyms
    body: str  # normalised text of every other field
    target: PageTarget

    @property
    def kind_label(self) -> str:
        return SEARCHED_KINDS[self.kind]


@dataclass(frozen=True)
class SearchHit:
    doc: SearchDoc
    score: int


def normalise(text: str) -> str:
    """Lower case, punctuation as spaces: 'HAM-D' and 'ham d' match, as do 'STAR*D' and 'star d'."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _texts(model: BaseModel, names: bool) -> list[str]:
    """Every string in a model; names=True keeps only naming fields, False only the others."""
    found: list[str] = []
    for field_name in type(model).model_fields:
        if field_name in SKIPPED_FIELDS or (field_name in NAME_FIELDS) != names:
            continue
        value = getattr(model, field_name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, BaseModel) and not names:
                found += _texts(item, names=False) + _texts(item, names=True)
    return found


def make_doc(kind: str, entry: Entry) -> SearchDoc:
    title = entry_label(entry)
    names = tuple(dict.fromkeys(normalise(t) for t in [title, *_texts(entry, names=True)]))
    body = " ".join(normalise(t) for t in _texts(entry, names=False))
    return SearchDoc(kind, entry.id, title, names, body, target_for(KIND_AREAS[kind], entry))


def build_search_index(content) -> list[SearchDoc]:
    """One document per searchable entry, from the validated content set."""
    return [make_doc(kind, entry) for kind in SEARCHED_KINDS for entry in content.entries(kind)]


def _has_word(text: str, token: str) -> bool:
    """A token matches at the start of a word, so 'ect' finds 'ECT' but not 'effect'."""
    return re.search(rf"(?<!\w){re.escape(token)}", text) is not None


def score_doc(doc: SearchDoc, query: str) -> int:
    """How well a document matches a normalised query; 0 when some word is not found at all."""
    tokens = query.split()
    if not tokens:
        return 0
    everything = " ".join(doc.names) + " " + doc.body
    if not all(_has_word(everything, token) for token in tokens):
        return 0
    score = 0
    if query in doc.names:
        score += 100
    elif any(name.startswith(query) for name in doc.names):
        score += 60
    elif any(_has_word(name, query) for name in doc.names):
        score += 40
    score += 10 * sum(any(_has_word(name, token) for name in doc.names) for token in tokens)
    if _has_word(doc.body, query):
        score += 8
    score += sum(min(doc.body.count(token), 3) for token in tokens)
    return score


def result_target(hit: SearchHit, query: str) -> PageTarget:
    """Where a result link goes. A glossary term opens on the glossary page itself, so its link
    keeps the search (`q`) and the reader sees the chosen term above the same results."""
    target = hit.doc.target
    if target.page == SEARCH_PAGE and query.strip():
        return PageTarget(target.page, {**target.params, SEARCH_PARAM: query.strip()})
    return target


def search(index: list[SearchDoc], query: str, limit: int = 15) -> list[SearchHit]:
    """The best matches first: a name match beats a mention; ties go to glossary, map, options."""
    wanted = normalise(query)
    order = list(SEARCHED_KINDS)
    hits = [SearchHit(doc, score) for doc in index if (score := score_doc(doc, wanted)) > 0]
    hits.sort(key=lambda hit: (-hit.score, order.index(hit.doc.kind), hit.doc.title))
    return hits[:limit]

