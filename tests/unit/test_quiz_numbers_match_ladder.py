"""Quiz explanations and glossary definitions quote the same percentages as the ladder's headlines.

A number taught twice must be the same number (the clinical review's "one fact, one value"). The
ladder (data/treatments.yaml) holds each option's headline figures with their source. A quiz
explanation, a glossary definition or a map card's key fact that cites the same source often
restates one of them in running text ("remission was 15.9% with lithium"). This test pairs each
restatement with the ladder figures for the same option, source and outcome (remission, response
or relapse), on the same rating scale where both name one and at the same time point. A pair
whose values differ fails.

The files are read as plain YAML, not through the schema, so the check keeps working while the
headline fields are being extended. It asserts that it found enough pairs to mean something, and
the last tests change one number in a copy of the content and see the check fail.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA_DIR

# Phrases that name one ladder option (or a family of options) in running text, most specific
# first: the first pattern that matches at a place wins there.
OPTION_PHRASES: list[tuple[str, frozenset[str]]] = [
    (r"switch(?:ing|ed)? to bupropion|bupropion switch", frozenset({"switch-bupropion"})),
    (r"(?:add(?:ing|ed)?|plus) bupropion|bupropion (?:SR )?(?:added|plus)",
     frozenset({"combine-bupropion"})),
    (r"\bbupropion\b", frozenset({"switch-bupropion", "combine-bupropion"})),
    (r"venlafaxine (?:XR )?(?:plus|\+) mirtazapine|mirtazapine (?:added )?(?:to|with) venlafaxine",
     frozenset({"combine-mirtazapine"})),
    (r"switch(?:ing|ed)? to mirtazapine", frozenset({"switch-mirtazapine"})),
    (r"\bmirtazapine\b", frozenset({"switch-mirtazapine", "combine-mirtazapine"})),
    (r"\bvenlafaxine\b", frozenset({"switch-venlafaxine"})),
    (r"\bnortriptyline\b|\btricyclic", frozenset({"switch-tricyclic"})),
    (r"\btranylcypromine\b|\bMAOI\b", frozenset({"switch-maoi"})),
    (r"\blithium\b", frozenset({"lithium"})),
    (r"\bT3\b|\bliothyronine\b", frozenset({"liothyronine"})),
    (r"\baripiprazole\b", frozenset({"aripiprazole"})),
    (r"\bbrexpiprazole\b", frozenset({"brexpiprazole"})),
    (r"\bquetiapine\b", frozenset({"quetiapine-xr"})),
    (r"\bcariprazine\b", frozenset({"cariprazine"})),
    (r"\bolanzapine\b", frozenset({"olanzapine-fluoxetine"})),
    (r"\besketamine\b|\bSpravato\b", frozenset({"esketamine"})),
    (r"\bketamine\b", frozenset({"iv-ketamine"})),
    (r"\bECT\b|\belectroconvulsive\b", frozenset({"ect"})),
    (r"\biTBS\b|\btheta[- ]burst\b", frozenset({"itbs"})),
    (r"\bSAINT\b|\baccelerated\b", frozenset({"accelerated-tms"})),
    (r"\bdeep TMS\b|\bH-coil\b", frozenset({"deep-tms"})),
    (r"\brTMS\b|\bTMS\b", frozenset({"rtms"})),
    (r"\bVNS\b|\bvagus\b", frozenset({"vns"})),
    (r"\bpsilocybin\b", frozenset({"psilocybin"})),
]
WINDOW = 45  # characters between a percentage and the option phrase it belongs to
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?%(?!\s?(?:CI|confidence|agreement))")
OUTCOMES = {"remission": "remission", "remitted": "remission", "remit": "remission",
            "response": "response", "responded": "response",
            "relapse": "relapse", "relapsed": "relapse"}
OUTCOME = re.compile(r"\b(" + "|".join(OUTCOMES) + r")\b", re.IGNORECASE)
SCALES = [("QIDS-SR", r"QIDS-SR"), ("QIDS-C", r"QIDS-C"),
          ("HAM-D", r"HAM-D|HAMD|HRSD|HDRS|Hamilton"), ("MADRS", r"MADRS"), ("CGI", r"CGI")]
TIME = re.compile(r"\b(day|week)s?\s+(\d+)\b|\b(\d+)[\s-](day|week)s?\b", re.IGNORECASE)
# Enough pairs that a passing run means the texts really were compared, not skipped.
MINIMUM_PAIRS = 12


@dataclass(frozen=True)
class Figure:
    """One percentage for one option, from one source, for one outcome."""

    option: str
    source: str
    outcome: str
    value: float
    scale: str | None  # a scale family, or None when mixed, unnamed or several
    times: frozenset[tuple[str, int]]
    where: str
    from_comparator: bool = False  # named in a headline's comparator, not one of its two ends


def scale_family(text: str) -> str | None:
    found = {family for family, pattern in SCALES if re.search(pattern, text)}
    return found.pop() if len(found) == 1 else None


def time_points(text: str) -> frozenset[tuple[str, int]]:
    points = set()
    for match in TIME.finditer(text):
        unit = (match.group(1) or match.group(4)).lower()
        points.add((unit, int(match.group(2) or match.group(3))))
    return frozenset(points)


def outcome_of(text: str) -> str | None:
    match = OUTCOME.search(text)
    return OUTCOMES[match.group(1).lower()] if match else None


def options_near(text: str, start: int, end: int) -> frozenset[str]:
    """The options named by the phrase nearest after a percentage, else nearest before it."""
    taken: list[tuple[int, int, frozenset[str]]] = []
    for pattern, options in OPTION_PHRASES:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            if not any(a < match.end() and match.start() < b for a, b, _ in taken):
                taken.append((match.start(), match.end(), options))
    after = [(s - end, opts) for s, _, opts in taken if 0 <= s - end <= WINDOW]
    if after:
        return min(after, key=lambda item: item[0])[1]
    before = [(start - e, opts) for _, e, opts in taken if 0 <= start - e <= WINDOW]
    return min(before, key=lambda item: item[0])[1] if before else frozenset()


def clauses(text: str) -> list[str]:
    """Sentences and semicolon clauses: one claim each, as far as plain text allows."""
    return [c for c in re.split(r"(?<=[.;])\s+", " ".join(text.split())) if c]


def ladder_figures(treatments: dict) -> list[Figure]:
    """Every percentage a headline gives: its two ends, and the comparator figures it names."""
    figures = []
    for option in treatments["options"]:
        for index, headline in enumerate((option.get("evidence") or {}).get("headlines") or []):
            if headline.get("unit") not in (None, "%", "percent"):
                continue  # odds ratios and other units are not percentages
            outcome = outcome_of(headline.get("outcome", ""))
            if not outcome:
                continue
            where = f"treatments.yaml {option['id']} headlines[{index}]"
            ends = [headline["low"], headline["high"]]
            for end in ends:
                figures.append(Figure(
                    option["id"], end["source"], outcome, float(end["value"]),
                    scale_family(str(end.get("scale", ""))),
                    time_points(f"{end.get('time_point', '')} {headline.get('outcome', '')}"),
                    where))
            comparator = headline.get("comparator") or ""
            for piece in re.split(r";\s*", comparator):
                match = PERCENT.search(piece)
                others = options_near(piece, match.start(), match.end()) if match else frozenset()
                for other in others:
                    for end in ends:
                        figures.append(Figure(
                            other, end["source"], outcome, float(match.group(1)),
                            scale_family(str(end.get("scale", ""))),
                            time_points(f"{end.get('time_point', '')} {headline.get('outcome', '')}"),
                            f"{where} comparator", from_comparator=True))
    return figures


def restated_figures(quiz: dict, glossary: dict, concept_map: dict) -> list[list[Figure]]:
    """Percentages in quiz explanations, glossary definitions and the map cards' key facts, tied
    to an option and outcome.

    Each item is one quoted figure, read once for every source its entry cites: an entry with
    several sources may quote a figure from any of them.
    """
    entries = [(f"quiz.yaml {q['id']} explanation", q["explanation"], q["sources"])
               for q in quiz["questions"]]
    entries += [(f"glossary.yaml {t['id']} definition", t["definition"], t["sources"])
                for t in glossary["terms"]]
    entries += [(f"map.yaml {n['id']} key_facts[{i}]", fact["text"], fact["sources"])
                for n in concept_map["nodes"] for i, fact in enumerate(n["key_facts"])]
    figures = []
    for where, text, sources in entries:
        for clause in clauses(text):
            for match in PERCENT.finditer(clause):
                options = options_near(clause, match.start(), match.end())
                before = OUTCOME.findall(clause[:match.start()])
                outcome = OUTCOMES[before[-1].lower()] if before else outcome_of(clause)
                if not options or not outcome:
                    continue
                for option in options:
                    figures.append([Figure(option, source, outcome, float(match.group(1)),
                                           scale_family(clause), time_points(clause),
                                           f"{where}: {clause}") for source in sources])
    return figures


def comparable(quoted: Figure, ladder: Figure) -> bool:
    """Same option, source and outcome; the same scale where both name one; the same time point.

    A figure at "week 2" is not the end-of-course figure, so a time point named on one side only
    makes the two incomparable.
    """
    if (quoted.option, quoted.source, quoted.outcome) != (ladder.option, ladder.source,
                                                            ladder.outcome):
        return False
    if quoted.scale and ladder.scale and quoted.scale != ladder.scale:
        return False
    if bool(quoted.times) != bool(ladder.times):
        return False
    return not quoted.times or bool(quoted.times & ladder.times)


def compare(data_dir: Path) -> tuple[list[tuple[Figure, list[float]]], list[str]]:
    """(every quoted figure that has ladder figures to compare with, the mismatches)."""
    def load(name: str) -> dict:
        return yaml.safe_load((data_dir / name).read_text(encoding="utf-8"))

    ladder = ladder_figures(load("treatments.yaml"))
    pairs, wrong = [], []
    for readings in restated_figures(load("quiz.yaml"), load("glossary.yaml"),
                                     load("map.yaml")):
        matches = [f for quoted in readings for f in ladder if comparable(quoted, f)]
        # A headline's own ends win over figures merely named in another headline's comparator.
        own = [f for f in matches if not f.from_comparator]
        values = sorted({f.value for f in (own or matches)})
        if not values:
            continue
        quoted = next(q for q in readings if any(comparable(q, f) for f in (own or matches)))
        pairs.append((quoted, values))
        if not any(abs(quoted.value - value) < 0.05 for value in values):
            wrong.append(f"{quoted.where} gives {quoted.value:g}% for {quoted.option} "
                         f"({quoted.outcome}, {quoted.source}); the ladder gives "
                         f"{', '.join(f'{v:g}%' for v in values)}")
    return pairs, wrong


def test_every_option_phrase_names_a_ladder_option():
    treatments = yaml.safe_load((DATA_DIR / "treatments.yaml").read_text(encoding="utf-8"))
    known = {option["id"] for option in treatments["options"]}
    named = set().union(*(options for _, options in OPTION_PHRASES))
    assert named <= known, f"phrases point at options that are not on the ladder: {named - known}"


def test_quiz_and_glossary_percentages_match_the_ladder_headlines():
    pairs, wrong = compare(DATA_DIR)
    compared = {(q.where.split(":")[0], q.value, q.option) for q, _ in pairs}
    assert len(compared) >= MINIMUM_PAIRS, (
        f"only {len(compared)} quoted figures could be paired with a ladder headline; the check "
        f"would pass without checking anything: {sorted(compared)}")
    assert not wrong, "\n".join(wrong)


def test_the_pairs_cover_both_files_and_several_trials():
    pairs, _ = compare(DATA_DIR)
    files = {q.where.split(" ")[0] for q, _ in pairs}
    sources = {q.source for q, _ in pairs}
    assert {"quiz.yaml", "glossary.yaml"} <= files, files
    assert len(sources) >= 4, sources


@pytest.mark.parametrize("file,entry,old,new", [
    ("quiz.yaml", "augmentation-lithium-t3", "was 15.9% with lithium", "was 19.5% with lithium"),
    ("quiz.yaml", "augmentation-vast-d", "28.9% with aripiprazole", "31.9% with aripiprazole"),
    ("glossary.yaml", "liothyronine", "was 24.7% with T3", "was 27.4% with T3"),
])
def test_a_changed_copy_of_a_restated_figure_fails(data_copy, file, entry, old, new):
    path = data_copy / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{file} no longer says {old!r}: update this test's example"
    path.write_text(text.replace(old, new), encoding="utf-8")
    _, wrong = compare(data_copy)
    assert len(wrong) == 1 and entry in wrong[0] and new.split("%")[0].split()[-1] in wrong[0]


def test_a_changed_ladder_headline_is_caught_from_the_other_side(data_copy):
    path = data_copy / "treatments.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    lithium = next(o for o in document["options"] if o["id"] == "lithium")
    headline = next(h for h in lithium["evidence"]["headlines"]
                    if h["low"]["source"] == "star-d-nierenberg-2006")
    headline["low"]["value"] = headline["high"]["value"] = 17.5
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    _, wrong = compare(data_copy)
    assert any("lithium" in w and "15.9%" in w and "17.5%" in w for w in wrong), wrong
