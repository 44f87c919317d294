"""Talks: ready talks, talk links (round trip, notices), slides built from items, timing, editing."""
from __future__ import annotations

import pytest

from components.talks import (
    BUILT_TALK_TITLE,
    CHART_IDS,
    DEFAULT_TALK_ID,
    KIND_CODES,
    MAX_ITEMS,
    Talk,
    TalkItem,
    default_minutes,
    minutes_before,
    moved_item,
    ready_talk,
    ready_talks,
    remaining_minutes,
    slide_density,
    talk_from_param,
    talk_slides,
    talk_to_param,
    with_item,
    with_minutes,
    with_slot,
    without_item,
)
from tests.conftest import problems_after

ONE_OF_EACH = (
    TalkItem("slide", "star-d", 4), TalkItem("map-node", "tms", 2),
    TalkItem("ladder-option", "esketamine", 3), TalkItem("case", "half-working-ssri", 6),
    TalkItem("quiz-item", "adequacy-how-long", 2), TalkItem("room-question", "adequacy-dose", 1.5),
    TalkItem("room-question", "two-short-trials", 3), TalkItem("crosswalk-point", "augmentation", 2),
)


def _built(items=ONE_OF_EACH, slot=45) -> Talk:
    return Talk(id=None, title=BUILT_TALK_TITLE, slot_minutes=slot, items=tuple(items))


def test_the_two_required_ready_talks_fill_their_slots(content):
    talks = {t.id: t for t in ready_talks(content)}
    assert talks["when-is-it-trd"].title == "When is it TRD? (20 minutes)"
    assert talks["next-line-options-primary-care"].title == "Next-line options for primary care (45 minutes)"
    for talk in talks.values():
        assert talk.total_minutes == talk.slot_minutes, talk.id
        assert remaining_minutes(talk) == 0


def test_a_built_talk_survives_its_link(content):
    talk = _built()
    param = talk_to_param(talk)
    assert param.startswith("45~s.star-d_4~n.tms_2~")
    assert talk_from_param(content, param) == (talk, [])


def test_a_ready_talk_link_is_its_id(content):
    talk = ready_talk(content, "when-is-it-trd")
    assert talk_to_param(talk) == "when-is-it-trd"
    assert talk_from_param(content, "when-is-it-trd") == (talk, [])


def test_unknown_ids_and_kinds_are_named_and_the_rest_still_loads(content):
    talk, notices = talk_from_param(content, "20~s.opening_1~z.thing~n.no-such-card~q.adequacy-dose")
    assert [(i.kind, i.id) for i in talk.items] == [("slide", "opening"), ("quiz-item", "adequacy-dose")]
    assert talk.slot_minutes == 20
    assert notices == [
        "The talk link's item 2 (thing) is of an unknown kind (“z”); it was left out.",
        "There is no map card with the id no-such-card (item 3); it was left out.",
    ]


def test_a_link_never_puts_its_own_words_on_the_page(content):
    talk, notices = talk_from_param(content, "s.opening~s.<b>hi</b>~**bold**.x~n.Tms")
    assert [i.id for i in talk.items] == ["opening"]
    assert len(notices) == 3
    assert not any(word in " ".join(notices) for word in ("<b>", "hi", "**", "Tms"))


@pytest.mark.parametrize("minutes", ["0", "61", "2.25", "abc", "-1"])
def test_unusable_minutes_fall_back_to_the_default_with_a_notice(content, minutes):
    talk, notices = talk_from_param(content, f"n.tms_{minutes}")
    assert talk.items == (TalkItem("map-node", "tms", default_minutes(content, "map-node", "tms")),)
    assert "not a number of minutes" in notices[0]


def test_an_unoffered_slot_is_dropped_with_a_notice(content):
    talk, notices = talk_from_param(content, "30~n.tms")
    assert talk.slot_minutes is None and "30 minutes is not offered" in notices[0]


def test_a_link_naming_nothing_known_opens_no_talk(content):
    talk, notices = talk_from_param(content, "z.nothing")
    assert talk is None and "no talk was opened" in notices[-1]
    assert talk_from_param(content, "x" * 5000)[0] is None


def test_a_talk_holds_at_most_the_maximum_of_items(content):
    talk, notices = talk_from_param(content, "~".join(["n.tms"] * (MAX_ITEMS + 5)))
    assert len(talk.items) == MAX_ITEMS and "at most" in notices[-1]


def test_every_item_kind_becomes_a_slide(content):
    views = talk_slides(content, _built())
    assert [v.kind for v in views] == [i.kind for i in ONE_OF_EACH]
    assert {v.kind for v in views} == set(KIND_CODES)
    for view, item in zip(views, ONE_OF_EACH, strict=True):
        assert view.item_id == item.id and view.minutes == item.minutes
        assert view.title and view.notes
        assert view.chart is None or view.chart in CHART_IDS
        assert all(content.source(s) for s in view.sources)
    star_d, _, esketamine, case, _, _, room_case, crosswalk = views
    assert star_d.chart == "stard-levels"
    assert esketamine.title == "Esketamine nasal spray"
    assert case.lines == tuple(content.cases.cases[0].stages)
    assert room_case.title.startswith("Your call: ") and "Expected answer" in room_case.notes
    assert crosswalk.title.startswith("Guidelines compared: ") and len(crosswalk.lines) >= 2


def test_the_answer_is_in_the_notes_never_on_the_slide(content):
    question = next(q for q in content.quiz.questions if q.id == "adequacy-how-long")
    view = talk_slides(content, _built([TalkItem("quiz-item", question.id, 2)]))[0]
    assert question.prompt in view.lines
    assert not any("Answer" in line for line in view.lines)
    assert view.notes.startswith("Answer: ") and question.explanation in view.notes


def test_the_opening_slide_carries_the_talks_title(content):
    talk = ready_talk(content, "when-is-it-trd")
    assert talk_slides(content, talk)[0].title == "When is it TRD? (20 minutes)"


def test_every_slide_of_every_ready_talk_has_words_or_a_chart(content):
    for talk in ready_talks(content):
        for view in talk_slides(content, talk):
            assert view.lines or view.kind == "slide", (talk.id, view.item_id)


def test_wordier_slides_are_set_denser(content):
    views = {v.item_id: v for v in talk_slides(content, ready_talk(content, "when-is-it-trd"))}
    order = ["roomy", "normal", "dense", "densest"]
    assert order.index(slide_density(views["opening"])) < order.index(slide_density(views["adequacy"]))
    assert order.index(slide_density(views["differential"])) < order.index(
        slide_density(views["when-to-refer"]))


def test_timing_follows_the_plan():
    talk = _built()
    assert talk.total_minutes == 23.5
    assert remaining_minutes(talk) == 21.5
    assert remaining_minutes(_built(slot=20)) == -3.5
    assert remaining_minutes(_built(slot=None)) is None
    assert minutes_before(talk, 1) == 0 and minutes_before(talk, 3) == 6


def test_a_case_takes_its_stages_minutes_by_default(content):
    case = content.cases.cases[0]
    assert default_minutes(content, "case", case.id) == sum(case.facilitator.minutes_per_stage)


def test_editing_a_ready_talk_makes_it_a_built_one(content):
    ready = ready_talk(content, "when-is-it-trd")
    edited = with_minutes(ready, 0, 2)
    assert edited.id is None and edited.items[0].minutes == 2
    assert talk_to_param(edited).startswith("20~s.opening_2~")
    moved = moved_item(ready, 0, 1)
    assert [i.id for i in moved.items[:2]] == ["definition", "opening"]
    assert moved_item(ready, 0, -1).items == ready.items  # already first
    assert without_item(ready, 0).items == ready.items[1:]
    assert with_item(ready, TalkItem("map-node", "tms", 2)).items[-1].id == "tms"
    assert with_slot(ready, 60).slot_minutes == 60


def test_a_ready_talk_naming_an_unknown_item_is_a_content_error(data_copy):
    def edit(raw):
        raw["talks"][0]["items"][0] = {"ladder_option": "no-such-option", "minutes": 2}
        return raw
    problems = problems_after(data_copy, "talks.yaml", edit)
    assert any("when-is-it-trd" in p and "unknown treatment id 'no-such-option'" in p
               for p in problems), problems


def test_a_ready_talk_item_names_exactly_one_thing(data_copy):
    def edit(raw):
        raw["talks"][0]["items"][0] = {"slide": "opening", "map_node": "tms", "minutes": 2}
        return raw
    problems = problems_after(data_copy, "talks.yaml", edit)
    assert any("name exactly one of" in p for p in problems), problems


def test_the_default_talk_is_every_presentation_slide_in_order(content):
    """The Presentation page opens its slide N as slide N of this talk."""
    talk = ready_talk(content, DEFAULT_TALK_ID)
    assert [(i.kind, i.id) for i in talk.items] == [
        ("slide", s.id) for s in content.presentation.slides]
