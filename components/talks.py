"""Talks: ordered items (slides, map cards, ladder options, cases, questions) as slides, and talk links.

A talk travels as a short `?talk=` value holding ids only: a ready talk's id (data/talks.yaml), or
the items themselves, e.g. `45~s.opening_1~n.tms_2~r.adequacy-how-long_3` (slot, then kind code,
id and minutes for each item). Everything here is pure: the pages, the exports and the training
room all draw from the same SlideView.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from components.ladder import duration_label
from components.onset_charts import course_summary
from components.referral import case_answers
from components.schema.cases import PracticeCase
from components.schema.quiz import QUIZ_TOPIC_LABELS, QuizQuestion
from components.schema.talks import SLOTS_MINUTES
from components.schema.treatments import SETTING_LABELS, TreatmentOption
from components.slides import build_slide, slide_number

CHART_IDS = ("stard-levels", "onset", "commitment")   # charts a slide may carry

# Every kind of item a talk can hold, with its one-letter code in a talk link.
KIND_CODES: dict[str, str] = {
    "slide": "s", "map-node": "n", "ladder-option": "o", "case": "c", "quiz-item": "q",
    "room-question": "r", "crosswalk-point": "x",
}
KIND_LABELS: dict[str, str] = {
    "slide": "Presentation slide", "map-node": "Map card", "ladder-option": "Ladder option",
    "case": "Practice case", "quiz-item": "Quiz question",
    "room-question": "Question for the room", "crosswalk-point": "Guideline crosswalk point",
}
# What an item takes when the talk does not say: a slide is talked over, a question is answered.
DEFAULT_MINUTES: dict[str, float] = {
    "slide": 3, "map-node": 2, "ladder-option": 3, "case": 6, "quiz-item": 2, "room-question": 3,
    "crosswalk-point": 2,
}
MAX_ITEMS = 60
MAX_PARAM_CHARS = 3000
SEPARATOR, ID_MARK, MINUTES_MARK = "~", ".", "_"
_SAFE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_MINUTES = re.compile(r"^\d{1,2}(\.5|\.0)?$")
BUILT_TALK_TITLE = "Your talk"
LETTERS = "ABCDEFGHIJ"  # choices as a room calls them out
DEFAULT_TALK_ID = "the-whole-map"  # every presentation slide: what the Presentation page presents
# Characters of slide text (details count for less: they are set smaller) from which a slide
# steps its type down a size, so the longest slides still fit a 1366 × 768 screen unscrolled.
DENSITY_STEPS = ((650, "roomy"), (950, "normal"), (1200, "dense"))


@dataclass(frozen=True)
class TalkItem:
    kind: str      # one of KIND_CODES
    id: str
    minutes: float


@dataclass(frozen=True)
class Talk:
    id: str | None            # ready talks (data/talks.yaml) have an id; built ones None
    title: str
    slot_minutes: int | None  # 20/45/60 plan, or None
    items: tuple[TalkItem, ...]

    @property
    def total_minutes(self) -> float:
        return sum(item.minutes for item in self.items)


@dataclass(frozen=True)
class SlideView:
    """Everything needed to draw one slide anywhere (web, PPTX, PDF)."""

    kind: str
    item_id: str
    title: str
    lines: tuple[str, ...]   # a few short plain-text lines (no Markdown)
    chart: str | None        # one of CHART_IDS or None
    sources: tuple[str, ...]  # source ids (data/sources.yaml)
    notes: str               # speaker notes, plain text
    minutes: float
    # Optional: a smaller second line under each of `lines` ("" where there is none).
    details: tuple[str, ...] = ()


# ---------------------------------------------------------------- ready talks and lookups


def ready_talks(content) -> list[Talk]:
    """The talks in data/talks.yaml, in file order."""
    return [Talk(id=t.id, title=t.title, slot_minutes=t.slot_minutes,
                 items=tuple(TalkItem(e.kind, e.item_id, float(e.minutes)) for e in t.items))
            for t in content.talks.talks]


def ready_talk(content, talk_id: str) -> Talk | None:
    return next((t for t in ready_talks(content) if t.id == talk_id), None)


def item_exists(content, kind: str, item_id: str) -> bool:
    """Whether the content holds this item (a room question may be a quiz item or a case)."""
    return _lookup(content, kind, item_id) is not None


def item_label(content, item: TalkItem) -> str:
    """The item's name as a trainer knows it, for lists in the builder and the presenter view."""
    return f"{KIND_LABELS[item.kind]}: {choices(content, item.kind)[item.id]}"


def default_minutes(content, kind: str, item_id: str) -> float:
    """Minutes an item takes unless the talk says otherwise; a case takes its stages' minutes."""
    if kind == "case":
        case = _lookup(content, kind, item_id)
        return float(sum(case.facilitator.minutes_per_stage))
    return DEFAULT_MINUTES[kind]


def choices(content, kind: str) -> dict[str, str]:
    """Every item of one kind the builder can add: id -> what a trainer reads in the list."""
    return {entry.id: _entry_label(entry, kind) for entry in _entries(content, kind)}


def _entries(content, kind: str) -> list:
    """Every entry of one kind in file order; a question for the room is a quiz item or a case."""
    if kind == "room-question":
        return [*content.quiz.questions, *content.cases.cases]
    kinds = {"slide": content.presentation.slides, "map-node": content.map.nodes,
             "ladder-option": content.treatments.options, "case": content.cases.cases,
             "quiz-item": content.quiz.questions,
             "crosswalk-point": content.guidelines.decision_points}
    return kinds.get(kind, [])


def _entry_label(entry, kind: str) -> str:
    if kind == "room-question" and isinstance(entry, PracticeCase):
        return f"Case decision: {entry.title}"
    if isinstance(entry, QuizQuestion):
        return f"{QUIZ_TOPIC_LABELS[entry.topic]}: {entry.prompt}"
    if isinstance(entry, TreatmentOption):
        return entry.name
    return getattr(entry, "title", None) or entry.label


def _lookup(content, kind: str, item_id: str):
    return next((entry for entry in _entries(content, kind) if entry.id == item_id), None)


# ---------------------------------------------------------------- talk links


def talk_to_param(talk: Talk) -> str:
    """The ?talk=… value: a ready talk's id, or the slot and each item's kind, id and minutes."""
    if talk.id is not None:
        return talk.id
    tokens = [str(talk.slot_minutes)] if talk.slot_minutes else []
    tokens += [f"{KIND_CODES[i.kind]}{ID_MARK}{i.id}{MINUTES_MARK}{i.minutes:g}" for i in talk.items]
    return SEPARATOR.join(tokens)


def talk_from_param(content, value: str) -> tuple[Talk | None, list[str]]:
    """The talk a ?talk= value names, and a plain-text notice for each part that was left out.

    Unknown ids are named in the notice only when they look like ids (lower-case letters, digits
    and hyphens), so a crafted link cannot put its own words on the page.
    """
    value = (value or "").strip()
    if not value:
        return None, []
    ready = ready_talk(content, value)
    if ready:
        return ready, []
    if len(value) > MAX_PARAM_CHARS:
        return None, ["The talk link is too long to be a TRD Map talk; no talk was opened."]
    notices: list[str] = []
    slot: int | None = None
    items: list[TalkItem] = []
    codes = {code: kind for kind, code in KIND_CODES.items()}
    tokens = value.split(SEPARATOR)
    if tokens[0].isdigit():  # the slot comes first, when there is one
        slot = int(tokens.pop(0))
        if slot not in SLOTS_MINUTES:
            notices.append(f"A talk slot of {slot} minutes is not offered (20, 45 or 60); "
                           "the talk is shown without a slot.")
            slot = None
    for position, token in enumerate(tokens, start=1):
        code, mark, rest = token.partition(ID_MARK)
        item_id, _, minutes_text = rest.partition(MINUTES_MARK)
        where = f"item {position}"
        if not mark or not _SAFE_ID.match(item_id):
            notices.append(f"The talk link's {where} is not readable; it was left out.")
            continue
        kind = codes.get(code)
        if kind is None:
            shown = f"“{code}”" if _SAFE_ID.match(code) else "an unknown code"
            notices.append(f"The talk link's {where} ({item_id}) is of an unknown kind ({shown}); "
                           "it was left out.")
            continue
        if not item_exists(content, kind, item_id):
            notices.append(f"There is no {KIND_LABELS[kind].lower()} with the id {item_id} "
                           f"({where}); it was left out.")
            continue
        minutes = default_minutes(content, kind, item_id)
        if minutes_text:
            if _MINUTES.match(minutes_text) and 0 < float(minutes_text) <= 60:
                minutes = float(minutes_text)
            else:
                notices.append(f"The minutes for {item_id} ({where}) are not a number of minutes "
                               f"from 0.5 to 60; {minutes:g} minutes are planned instead.")
        if len(items) == MAX_ITEMS:
            notices.append(f"A talk holds at most {MAX_ITEMS} items; the rest were left out.")
            break
        items.append(TalkItem(kind, item_id, minutes))
    if not items:
        return None, [*notices, "The talk link names no item TRD Map knows; no talk was opened."]
    return Talk(id=None, title=BUILT_TALK_TITLE, slot_minutes=slot, items=tuple(items)), notices


# ---------------------------------------------------------------- timing


def remaining_minutes(talk: Talk) -> float | None:
    """Minutes the plan leaves unused in its slot (negative when it runs over), or None."""
    return None if talk.slot_minutes is None else talk.slot_minutes - talk.total_minutes


def minutes_before(talk: Talk, number: int) -> float:
    """Planned minutes of the items before slide `number` (1-based): where the talk should be."""
    return sum(item.minutes for item in talk.items[:number - 1])


# ---------------------------------------------------------------- slides


def slide_density(view: SlideView) -> str:
    """How tightly a slide's words must be set: roomy, normal, dense or densest."""
    load = sum(map(len, view.lines)) + 0.6 * sum(map(len, view.details)) + 40 * len(view.lines)
    return next((name for limit, name in DENSITY_STEPS if load <= limit), "densest")


def talk_slides(content, talk: Talk) -> list[SlideView]:
    """One SlideView per item, in order; the opening slide carries the talk's own title."""
    views = [_view(content, item) for item in talk.items]
    return [replace(view, title=talk.title) if _opens(content, view) else view for view in views]


def _opens(content, view: SlideView) -> bool:
    """A title slide: it shows the talk's own name instead of the app's."""
    return view.kind == "slide" and _lookup(content, "slide", view.item_id).kind == "title"


def _view(content, item: TalkItem) -> SlideView:
    build = _VIEWS[item.kind]
    return build(content, _lookup(content, item.kind, item.id), item.minutes)


def _presentation_slide(content, slide, minutes: float) -> SlideView:
    built = build_slide(content, slide_number(content, slide.id))
    if slide.kind == "case":  # the story is the slide; the prompts are for the presenter
        lines, details = built.story, ()
        notes = f"{slide.speaker_notes} Prompts: " + " ".join(p.headline for p in built.points)
    else:
        lines = tuple(p.headline for p in built.points)
        details = tuple(p.detail for p in built.points)
        notes = slide.speaker_notes
    if built.caption:  # how to read the chart: the presenter says it, the slide shows the chart
        notes = f"{notes} How to read the chart: {built.caption}"
    return SlideView(kind="slide", item_id=slide.id, title=slide.title, lines=lines,
                     chart="stard-levels" if slide.kind == "star-d" else None,
                     sources=built.sources, notes=notes, minutes=minutes, details=details)


def _map_node(content, node, minutes: float) -> SlideView:
    facts = [fact.text for fact in node.key_facts]
    return SlideView(
        kind="map-node", item_id=node.id, title=node.label,
        lines=(node.summary, node.why_it_matters, *facts[:1]), chart=None,
        sources=tuple(dict.fromkeys([*node.sources, *(s for f in node.key_facts for s in f.sources)])),
        notes=" ".join(["From the map card.", *facts[1:]]), minutes=minutes,
    )


def _ladder_option(content, option, minutes: float) -> SlideView:
    rung = next(r for r in content.treatments.rungs if r.id == option.rung)
    onset = duration_label(option.onset_days.low, option.onset_days.high)
    headline = option.evidence.headlines[0] if option.evidence.headlines else None
    lines = [option.summary, f"Works in: {onset} (rough)",
             f"Where: {SETTING_LABELS[option.setting]}",
             f"Visits: {course_summary(option)} (rough)"]
    if headline:
        lines.append(f"{headline.outcome}: {headline.figure()}")
    return SlideView(
        kind="ladder-option", item_id=option.id, title=option.name, lines=tuple(lines), chart=None,
        sources=tuple(option.sources), minutes=minutes,
        notes=f"Rung: {rung.label}. {option.evidence.summary}",
    )


def _case(content, case, minutes: float) -> SlideView:
    notes = " ".join([*case.facilitator.ask_the_room, f"Teaching point: {case.teaching_point}"])
    return SlideView(kind="case", item_id=case.id, title=case.title, lines=tuple(case.stages),
                     chart=None, sources=tuple(case.sources), notes=notes, minutes=minutes)


def _quiz_item(content, question, minutes: float, *, kind: str = "quiz-item",
               title: str | None = None) -> SlideView:
    choices_text = tuple(f"{LETTERS[i]}. {choice}" for i, choice in enumerate(question.choices))
    answer = f"{LETTERS[question.answer]}. {question.choices[question.answer]}"
    return SlideView(
        kind=kind, item_id=question.id, title=title or QUIZ_TOPIC_LABELS[question.topic],
        lines=(question.prompt, *choices_text), chart=None, sources=tuple(question.sources),
        notes=f"Answer: {answer}. {question.explanation}", minutes=minutes,
    )


def _room_question(content, subject, minutes: float) -> SlideView:
    if hasattr(subject, "prompt"):
        return _quiz_item(content, subject, minutes, kind="room-question",
                          title="Question for the room")
    answers = case_answers(content.referral)
    expected = answers[subject.expected_answer][0]
    return SlideView(
        kind="room-question", item_id=subject.id, title=f"Your call: {subject.title}",
        lines=(subject.stages[-1],
               *(f"{LETTERS[i]}. {label}" for i, (label, _) in enumerate(answers.values()))),
        chart=None,
        sources=tuple(subject.sources), minutes=minutes,
        notes=f"Expected answer: {expected}. {subject.teaching_point}",
    )


def _crosswalk_point(content, point, minutes: float) -> SlideView:
    # Imported here: the crosswalk module builds its slide from this module's SlideView.
    from components.crosswalk import crosswalk_slide
    return crosswalk_slide(content, point.id, minutes)


_VIEWS = {
    "slide": _presentation_slide, "map-node": _map_node, "ladder-option": _ladder_option,
    "case": _case, "quiz-item": _quiz_item, "room-question": _room_question,
    "crosswalk-point": _crosswalk_point,
}


# ---------------------------------------------------------------- building a talk


def as_built(talk: Talk) -> Talk:
    """A copy to edit: a ready talk stops being the ready one once anything changes."""
    return replace(talk, id=None, title=BUILT_TALK_TITLE)


def with_item(talk: Talk, item: TalkItem) -> Talk:
    return replace(as_built(talk), items=(*talk.items, item)[:MAX_ITEMS])


def without_item(talk: Talk, index: int) -> Talk:
    return replace(as_built(talk), items=talk.items[:index] + talk.items[index + 1:])


def moved_item(talk: Talk, index: int, by: int) -> Talk:
    """The item at `index` moved `by` places (stopping at either end)."""
    target = min(max(index + by, 0), len(talk.items) - 1)
    items = list(talk.items)
    items.insert(target, items.pop(index))
    return replace(as_built(talk), items=tuple(items))


def with_minutes(talk: Talk, index: int, minutes: float) -> Talk:
    items = list(talk.items)
    items[index] = replace(items[index], minutes=minutes)
    return replace(as_built(talk), items=tuple(items))


def with_slot(talk: Talk, slot_minutes: int | None) -> Talk:
    return replace(as_built(talk), slot_minutes=slot_minutes)
