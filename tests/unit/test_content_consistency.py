"""Facts repeated across content files agree: STAR*D, approval years, adequacy weeks, cut-offs, quiz links."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from components.content import DEFAULT_DATA_DIR, ContentSet, read_content


@pytest.fixture(scope="module")
def content() -> ContentSet:
    return read_content(DEFAULT_DATA_DIR)


def texts(content: ContentSet) -> Iterator[tuple[str, str]]:
    """Every string the app can show, as (location, text); the source registry is left out."""
    for where, text, _ in texts_in_context(content):
        yield where, text


# Fields that name what an entry is about, so "It was cleared in 2008" can be tied to its subject.
NAMING_FIELDS = ("name", "short_name", "term", "also_called", "label")


def texts_in_context(content: ContentSet) -> Iterator[tuple[str, str, str]]:
    """(location, text, the names of the entries the text sits in), source registry left out."""

    def walk(value: object, where: str, context: str) -> Iterator[tuple[str, str, str]]:
        if isinstance(value, dict):
            names = [value.get(key) for key in NAMING_FIELDS]
            context = " ".join([context, *(str(n) for n in names if n)])
            for key, item in value.items():
                yield from walk(item, f"{where}.{key}", context)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, f"{where}[{index}]", context)
        elif isinstance(value, str):
            yield where, value, context

    dumped = content.model_dump(mode="json")
    dumped.pop("sources")
    yield from walk(dumped, "content", "")


def sentences(text: str) -> list[str]:
    """Split at full stops and colons before a capital, and at every semicolon."""
    return re.split(r"(?<=[.:])\s+(?=[A-Z0-9])|;\s+", text)


# ---------------------------------------------------------------- STAR*D

def star_d_levels(content: ContentSet) -> list[float]:
    return [level.remission_percent for level in content.timelines.star_d.levels]


PERCENT = r"(\d+(?:\.\d+)?)%?"
FOUR_PERCENTS = re.compile(rf"{PERCENT},\s+{PERCENT},\s+{PERCENT},?\s+(?:and\s+)?{PERCENT}%")
AT_STEP = re.compile(r"(\d+(?:\.\d+)?)% at (?:step|level) (\d)")


def test_star_d_remission_by_step_is_quoted_the_same_everywhere(content):
    expected = star_d_levels(content)
    assert expected == [36.8, 30.6, 13.7, 13.0]  # Rush 2006, QIDS-SR16
    quoted = []  # (where, figures as quoted, figures in timelines.yaml)
    for where, text in texts(content):
        if "STAR*D" not in text:
            continue
        for match in FOUR_PERCENTS.finditer(text):
            quoted.append((where, [float(n) for n in match.groups()], expected))
        for match in AT_STEP.finditer(text):
            quoted.append((where, [float(match.group(1))], [expected[int(match.group(2)) - 1]]))
    assert len(quoted) >= 4, "the STAR*D step figures should be found in several places"
    wrong = [(where, got) for where, got, want in quoted if got != want]
    assert not wrong, f"STAR*D step remission differs from timelines.yaml {expected}: {wrong}"


def test_ladder_headlines_citing_star_d_levels_match_the_timeline(content):
    expected = star_d_levels(content)
    checked = 0
    for option in content.treatments.options:
        for headline in option.evidence.headlines:
            for end in (headline.low, headline.high):
                level = re.search(r"STAR\*D level (\d), all level", end.context)
                if end.source == "star-d-rush-2006" and level:
                    checked += 1
                    assert end.scale == "QIDS-SR", option.id
                    assert end.value == expected[int(level.group(1)) - 1], option.id
    assert checked


# ---------------------------------------------------------------- regulatory years

# Words that name one ladder option in running text, most specific first.
OPTION_WORDS: dict[str, str] = {
    r"\baripiprazole\b": "aripiprazole",
    r"\bbrexpiprazole\b": "brexpiprazole",
    r"\bcariprazine\b": "cariprazine",
    r"\bquetiapine\b": "quetiapine-xr",
    r"\bolanzapine\b": "olanzapine-fluoxetine",
    r"\b(?:es)?ketamine\b|\bSpravato\b": "esketamine",
    r"\biTBS\b|\btheta[- ]burst\b": "itbs",
    r"\bSAINT\b|\baccelerated\b": "accelerated-tms",
    r"\bH-coil\b|\bdeep TMS\b": "deep-tms",
    r"\brTMS\b|\bTMS\b|transcranial magnetic": "rtms",
    r"\bECT\b|electroconvulsive": "ect",
    r"\bVNS\b|\bvagus\b": "vns",
}
YEAR_IN_BRACKETS = re.compile(r"^[^.;()]{0,25}\((?:[A-Z][a-z]+ )?((?:19|20)\d{2})\)")
DECISION_YEAR = re.compile(
    r"\b(?:approv|clear|reclassif)\w*\b[^.;]{0,40}?\b((?:19|20)\d{2})\b", re.IGNORECASE)


def regulatory_years(content: ContentSet) -> dict[str, set[int]]:
    return {option.id: {event.year for event in option.regulatory if event.year}
            for option in content.treatments.options}


def test_approval_years_in_any_text_match_the_ladder(content):
    years = regulatory_years(content)

    def options_named(text: str) -> set[str]:
        return {option for pattern, option in OPTION_WORDS.items()
                if re.search(pattern, text, re.IGNORECASE)}

    checked, wrong = 0, []
    for where, text, context in texts_in_context(content):
        for sentence in sentences(text):
            # "aripiprazole (2007), quetiapine XR (2009)": the year belongs to the word before it.
            for pattern, option in OPTION_WORDS.items():
                for match in re.finditer(pattern, sentence, re.IGNORECASE):
                    year = YEAR_IN_BRACKETS.match(sentence[match.end():])
                    if year:
                        checked += 1
                        if int(year.group(1)) not in years[option]:
                            wrong.append((where, option, year.group(1)))
            # "FDA-approved in December 2022": the year belongs to an option named in the
            # sentence, or else to the entry the sentence sits in.
            named = options_named(sentence) or options_named(context)
            if not named or not re.search(r"FDA|cleared", sentence):
                continue
            allowed = set().union(*(years[option] for option in named))
            for match in DECISION_YEAR.finditer(sentence):
                checked += 1
                if int(match.group(1)) not in allowed:
                    wrong.append((where, sorted(named), match.group(1)))
    assert checked >= 20, "approval years should be found in many places"
    assert not wrong, f"years that differ from treatments.yaml regulatory events: {wrong}"


def test_cariprazine_adjunct_approval_is_2022(content):
    """Research correction: the add-on approval in major depression was 16 Dec 2022, not 2024."""
    assert regulatory_years(content)["cariprazine"] == {2022}


# ---------------------------------------------------------------- adequacy and thresholds

NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8, "ten": 10,
                "twelve": 12}
WEEK_NUMBERS = re.compile(
    r"\b(\d+|two|three|four|five|six|eight|ten|twelve)\b(?:\s*(?:to|–|-|or)\s*"
    r"\b(\d+|two|three|four|five|six|eight|ten|twelve)\b)?\s+weeks?\b", re.IGNORECASE)


def weeks_named(text: str) -> set[int]:
    found = set()
    for match in WEEK_NUMBERS.finditer(text):
        for group in match.groups():
            if group:
                found.add(int(NUMBER_WORDS.get(group.lower(), group)))
    return found


def test_adequate_trial_weeks_agree_with_the_checker_definitions(content):
    definitions = {d.minimum_weeks for d in content.referral.adequacy_definitions}
    assert definitions == {4, 6}
    term = next(t for t in content.glossary.terms if t.id == "adequate-trial")
    question = next(q for q in content.quiz.questions if q.id == "adequacy-how-long")
    node = next(n for n in content.map.nodes if n.id == "adequate-trial")
    described = {
        "glossary adequate-trial": term.definition,
        "quiz adequacy-how-long": question.explanation + " " + question.choices[question.answer],
        "map adequate-trial": node.summary,
    }
    for where, text in described.items():
        assert weeks_named(text) == definitions, f"{where}: {text}"


THRESHOLD = re.compile(
    r"\b(QIDS-SR16|QIDS-C16|HAM-D17|HRSD17|HRSD|MADRS)\s*(?:score\s+)?(?:of\s+)?"
    r"(?:≤\s*(\d+)|(\d+) or less)")
REMISSION_CUT_OFFS = {"QIDS-SR16": 5, "QIDS-C16": 5, "HAM-D17": 7, "HRSD17": 7, "HRSD": 7,
                      "MADRS": 10}


def test_remission_cut_offs_are_the_same_wherever_they_are_stated(content):
    found = []
    for where, text in texts(content):
        for match in THRESHOLD.finditer(text):
            scale, value = match.group(1), int(match.group(2) or match.group(3))
            found.append((where, scale, value))
    assert len(found) >= 8
    wrong = [f for f in found if REMISSION_CUT_OFFS[f[1]] != f[2]]
    assert not wrong, f"remission cut-offs that differ from the glossary: {wrong}"


def test_esketamine_observation_is_at_least_two_hours_everywhere(content):
    hours = []
    for where, text in texts(content):
        for match in re.finditer(r"(?:at least|≥)\s*(\d+|two)\s*(?:h\b|hours?)", text):
            if "observ" in text:
                hours.append((where, NUMBER_WORDS.get(match.group(1), match.group(1))))
    assert len(hours) >= 5
    assert {int(h) for _, h in hours} == {2}, hours
    esketamine = next(o for o in content.treatments.options if o.id == "esketamine")
    assert esketamine.course.minutes_per_visit.low >= 120


def test_ect_course_is_six_to_twelve_treatments_and_the_timeline_spans_it(content):
    counts = []
    course = re.compile(r"(\d+)\s*(?:to|–)\s*(\d+)\s*(?:treatments|in all|in a course)(?! a week)")
    for where, text in texts(content):
        for match in course.finditer(text):
            counts.append((where, (int(match.group(1)), int(match.group(2)))))
    assert len(counts) >= 4
    assert {c for _, c in counts} == {(6, 12)}, counts
    ect = next(o for o in content.treatments.options if o.id == "ect")
    step = next(s for s in content.timelines.sequence_steps if s.id == "ect-course")
    visits = ect.course.visits_per_week
    assert (step.weeks.low, step.weeks.high) == (ect.course.weeks.low, ect.course.weeks.high)
    assert ect.course.weeks.high >= 12 / visits.low and ect.course.weeks.low <= 6 / visits.high


def test_maudsley_bands_quoted_anywhere_match_the_checker(content):
    bands = [(band.low, band.high) for band in content.referral.maudsley.bands]
    assert bands == [(3, 6), (7, 10), (11, 15)]  # Fekadu 2018 standardisation
    quoted = re.compile(r"mild (\d+)\s*(?:–|to)\s*(\d+), moderate (\d+)\s*(?:–|to)\s*(\d+),?"
                        r" (?:and )?severe (\d+)\s*(?:–|to)\s*(\d+)")
    found = [(where, [int(n) for n in match.groups()])
             for where, text in texts(content) for match in quoted.finditer(text)]
    assert len(found) >= 2
    flat = [n for band in bands for n in band]
    assert all(numbers == flat for _, numbers in found), found


# ---------------------------------------------------------------- quiz links

def test_each_quiz_question_links_to_a_ladder_option_it_is_about(content):
    options = {o.id: o for o in content.treatments.options}
    linked = [q for q in content.quiz.questions
              if q.teaches.page == "ladder" and "option" in q.teaches.params]
    assert linked
    for question in linked:
        option = options[question.teaches.params["option"]]
        word = next(w for w in re.findall(r"[A-Za-z][A-Za-z-]*", option.short_name) if len(w) >= 3)
        text = " ".join([question.prompt, *question.choices, question.explanation])
        assert re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE), (
            f"quiz {question.id} sends learners to {option.id}, but never mentions {word!r}")


# ---------------------------------------------------------------- our own words

SEED_PAGE = Path("/work/shared/seed/trd-map-page.txt")  # the product brief: facts only, not wording
COPIED_RUN = 8


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))


@pytest.mark.skipif(not SEED_PAGE.exists(), reason="the seed page is not on this machine")
def test_no_sentence_copies_a_run_of_eight_words_from_the_seed_page(content):
    seed = words(SEED_PAGE.read_text(encoding="utf-8"))
    runs = {tuple(seed[i:i + COPIED_RUN]) for i in range(len(seed) - COPIED_RUN + 1)}
    copied = []
    for where, text in texts(content):
        ours = words(text)
        copied += [(where, " ".join(ours[i:i + COPIED_RUN]))
                   for i in range(len(ours) - COPIED_RUN + 1)
                   if tuple(ours[i:i + COPIED_RUN]) in runs]
    assert not copied, f"rewrite these in our own words: {copied}"
