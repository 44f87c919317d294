"""Source index: who cites each source, review dates per area, and the 12-month staleness flag."""
from __future__ import annotations

import datetime as dt

import yaml

from components.schema.common import Strict
from components.schema.glossary import GlossaryFile
from components.schema.quiz import QuizFile
from components.schema.sources import SourcesFile
from components.source_index import (
    cited_by_summary,
    compute_area_reviews,
    compute_citations,
    compute_source_rows,
    filter_source_rows,
    group_rows,
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
    # Only the referral rules cite it, and they are not loaded here (the quiz now cites 988).
    assert "fda-citalopram-dsc-2011" not in cited


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


def test_source_rows_list_every_source_once_with_its_citers():
    content = _content()
    rows = compute_source_rows(content)
    assert [row.source.id for row in rows].count("spravato-label") == 1
    assert len(rows) == len(content.sources.sources)
    spravato = next(row for row in rows if row.source.id == "spravato-label")
    assert not spravato.uncited and spravato.kind_label == "FDA labels"
    summary = cited_by_summary(spravato.cited_by)
    assert summary.startswith("Glossary: ") and "REMS" in summary and "; Knowledge check: " in summary
    # with only the glossary and quiz loaded, a source only the map cites is cited by nothing here
    assert any(row.uncited for row in rows)


def test_filtering_needs_every_word_and_the_chosen_kinds():
    rows = compute_source_rows(_content())
    found = filter_source_rows(rows, "SPRAVATO label")
    assert found and all("spravato" in row.search_text for row in found)
    assert filter_source_rows(rows, "spravato zzzz") == []
    guidelines = filter_source_rows(rows, kinds=["guideline"])
    assert guidelines and {row.source.kind for row in guidelines} == {"guideline"}
    assert filter_source_rows(rows) == rows
    uncited = filter_source_rows(rows, uncited_only=True)
    assert uncited and all(row.uncited for row in uncited)


def test_a_source_is_found_by_what_cites_it():
    rows = compute_source_rows(_content())
    assert "spravato-label" in {row.source.id for row in filter_source_rows(rows, "REMS")}


def test_grouped_rows_keep_the_registry_order_of_kinds():
    rows = compute_source_rows(_content())
    labels = [label for label, _ in group_rows(rows)]
    assert labels == [label for label, _ in group_sources_by_kind(_content().sources.sources)]


def test_region_packs_cite_their_sources_and_link_to_local_services(content):
    from components.regions import read_regions

    packs, problems = read_regions(DATA_DIR / "regions", content)
    assert not problems
    rows = {row.source.id: row for row in compute_source_rows(content, tuple(packs.values()))}
    # The NICE esketamine appraisal is cited by the UK pack, which only the packs cite.
    citing = rows["nice-ta854-esketamine"].cited_by
    assert any(c.target.page == "services" and c.target.params == {"region": "uk"}
               for c in citing), citing
    uncited_without_packs = {r.source.id for r in compute_source_rows(content) if r.uncited}
    uncited_with_packs = {r.source.id for r in rows.values() if r.uncited}
    assert "samaritans-contact-2024" in uncited_without_packs - uncited_with_packs
