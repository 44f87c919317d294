"""Source index: who cites each source, review dates per area, and the 12-month staleness flag."""
from __future__ import annotations

import datetime as dt

import yaml

from components.schema.common import Strict
from components.schema.glossary import GlossaryFile
from components.schema.quiz import QuizFile
from components.schema.sources import SourcesFile
from components.source_index import (
    compute_area_reviews,
    compute_citations,
    group_sources_by_kind,
    is_stale,
)
from tests.conftest import DATA_DIR


class _Content(Strict):
    sources: SourcesFile
    glossary: GlossaryFile
    quiz: QuizFile


def _load(stem: str, model):
    return model.model_validate(yaml.safe_load((DATA_DIR / f"{stem}.yaml").read_text("utf-8")))


def _content() -> _Content:
    return _Content(sources=_load("sources", SourcesFile), glossary=_load("glossary", GlossaryFile),
                    quiz=_load("quiz", QuizFile))


def test_citations_name_each_citing_entry_once_with_its_page():
    cited = compute_citations(_content())
    rems = [c for c in cited["spravato-label"] if c.entry_id == "rems"]
    assert len(rems) == 1
    assert (rems[0].area, rems[0].label, rems[0].target.page) == ("glossary", "REMS", "glossary")
    assert any(c.area == "quiz" and c.entry_id == "esketamine-observation"
               for c in cited["spravato-label"])
    assert "lifeline-988" not in cited  # only the frame cites it, and the frame is not loaded here


def test_is_stale_counts_calendar_months():
    today = dt.date(2026, 11, 29)
    assert not is_stale(dt.date(2025, 11, 29), today)
    assert is_stale(dt.date(2025, 11, 28), today)
    assert not is_stale(dt.date(2024, 2, 29), dt.date(2025, 2, 28))
    assert is_stale(dt.date(2024, 2, 27), dt.date(2025, 2, 28))


def test_area_reviews_flag_only_entries_older_than_twelve_months():
    content = _content()
    fresh = {r.area: r for r in compute_area_reviews(content, dt.date(2026, 12, 1))}
    assert set(fresh) == {"glossary", "quiz"}
    assert fresh["glossary"].entries == len(content.glossary.terms)
    assert fresh["glossary"].stale == ()
    later = {r.area: r for r in compute_area_reviews(content, dt.date(2028, 1, 1))}
    assert len(later["quiz"].stale) == len(content.quiz.questions)
    assert later["quiz"].last_reviewed == max(q.reviewed for q in content.quiz.questions)


def test_sources_are_grouped_by_kind_label_with_every_source_once():
    sources = _content().sources.sources
    groups = dict(group_sources_by_kind(sources))
    assert "Randomised trials" in groups and "FDA labels" in groups
    assert sum(len(members) for members in groups.values()) == len(sources)
    assert all(s.kind == "rct" for s in groups["Randomised trials"])
