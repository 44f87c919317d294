"""Search ranking: a name match beats a mention, abbreviations and punctuation match, no false hits."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml

from components.schema.common import Strict
from components.schema.glossary import GlossaryFile, GlossaryTerm
from components.schema.quiz import QuizFile
from components.search import build_search_index, make_doc, normalise, result_target, search
from tests.conftest import DATA_DIR


class _Content(Strict):
    """The two content files this test reads, with the ContentSet method search relies on."""

    glossary: GlossaryFile
    quiz: QuizFile

    def entries(self, kind: str):
        return {"term": self.glossary.terms, "question": self.quiz.questions}.get(kind, [])


def _load(stem: str, model):
    return model.model_validate(yaml.safe_load((DATA_DIR / f"{stem}.yaml").read_text("utf-8")))


@pytest.fixture(scope="module")
def index():
    content = _Content(glossary=_load("glossary", GlossaryFile), quiz=_load("quiz", QuizFile))
    return build_search_index(content)


def _term(tid: str, term: str, definition: str, also: tuple[str, ...] = ()) -> GlossaryTerm:
    return GlossaryTerm(id=tid, term=term, also_called=list(also), definition=definition,
                        sources=["star-d-rush-2006"], reviewed=dt.date(2026, 11, 29))


def test_normalise_ignores_case_and_punctuation():
    assert normalise("HAM-D") == normalise("ham d") == "ham d"
    assert normalise("  STAR*D ") == "star d"


def test_an_abbreviation_finds_its_glossary_term_first(index):
    hits = search(index, "REMS")
    assert (hits[0].doc.kind, hits[0].doc.entry_id) == ("term", "rems")
    assert hits[0].doc.target.page == "glossary"
    assert hits[0].doc.target.params == {"term": "rems"}


def test_a_name_match_outranks_a_mention():
    docs = [make_doc("term", _term("mentions", "Augmentation", "Unlike ECT, it is a medicine.")),
            make_doc("term", _term("named", "Electroconvulsive therapy", "Seizure.", ("ECT",)))]
    assert [hit.doc.entry_id for hit in search(docs, "ect")] == ["named", "mentions"]


def test_a_word_prefix_matches_but_a_fragment_inside_a_word_does_not():
    docs = [make_doc("term", _term("effect", "Side effect", "An unwanted effect."))]
    assert search(docs, "ect") == []
    assert search(docs, "eff")


def test_every_word_of_the_query_must_appear(index):
    assert search(index, "esketamine observation")
    assert search(index, "esketamine zebra") == []


def test_questions_are_found_and_link_to_their_topic(index):
    hits = [h for h in search(index, "vortioxetine") if h.doc.kind == "question"]
    assert hits and hits[0].doc.target.page == "quiz"
    assert hits[0].doc.target.params == {"topic": "switching"}


def test_an_empty_query_finds_nothing(index):
    assert search(index, "   ") == []


def test_a_glossary_result_keeps_the_search_and_other_results_do_not(index):
    hits = search(index, " REMS ")
    term = next(hit for hit in hits if hit.doc.kind == "term")
    assert result_target(term, " REMS ").params == {"term": "rems", "q": "REMS"}
    question = next(hit for hit in hits if hit.doc.kind == "question")
    assert result_target(question, "REMS") == question.doc.target
