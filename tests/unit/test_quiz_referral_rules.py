"""Referral quiz keys agree with the trial checker's rules in data/referral.yaml.

Each question that describes trials or red flags is rebuilt here as checker input: the rules must
give the classification and advice the key teaches, the key must name that advice, and the
question must cite every source the rules cite for the flags it describes. Change a rule and the
question that teaches the old one fails here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from components.referral import (
    TrialInput,
    assess_trials,
    classify_episode,
    find_definition,
    maudsley_stage_for,
    referral_summary_text,
    triage_red_flags,
)

# Words a choice uses to name each answer to "refer now or later?".
ADVICE_WORDS = {
    "urgent": ("urgent", "emergency"),
    "reconsider-diagnosis": ("reconsider the diagnosis",),
    "routine": ("routine", "refer routinely"),
    "not-yet": ("not yet", "keep going in primary care"),
}
# The two referral questions written before issue 11; they teach NICE wording, not a checker rule.
EARLIER_REFERRAL_QUESTIONS = {"referral-before-combining", "referral-urgent"}


def trial(drug: str, dose: float, weeks: float, outcome: str = "no-response",
          side_effects: bool = False) -> TrialInput:
    return TrialInput(drug, dose, weeks, "good", outcome, side_effects)


@dataclass(frozen=True)
class Scenario:
    """A question's story as checker input, and what the rules must make of it."""

    trials: tuple[TrialInput, ...]
    classification: str
    advice: str
    flags: tuple[str, ...] = field(default_factory=tuple)


SCENARIOS: dict[str, Scenario] = {
    "referral-side-effects-after-adequate": Scenario(
        (trial("fluoxetine", 20, 8), trial("sertraline", 100, 8, side_effects=True)),
        "treatment-resistant", "routine"),
    "referral-side-effects-before-adequate": Scenario(
        (trial("citalopram", 20, 8), trial("venlafaxine", 150, 3, side_effects=True)),
        "one-adequate-failure", "not-yet"),
    "referral-partial-response-counts": Scenario(
        (trial("sertraline", 150, 8), trial("venlafaxine", 150, 8, "partial-response")),
        "treatment-resistant", "routine"),
    "referral-response-not-remission": Scenario(
        (trial("sertraline", 100, 8), trial("mirtazapine", 30, 8, "response-not-remission")),
        "responding", "not-yet"),
    "referral-one-failure-next-step": Scenario(
        (trial("sertraline", 100, 8, "partial-response"),), "one-adequate-failure", "not-yet"),
    "referral-related-drugs": Scenario(
        (trial("citalopram", 40, 8), trial("escitalopram", 20, 8)),
        "treatment-resistant", "routine"),
    "referral-alcohol-use": Scenario(
        (trial("sertraline", 100, 8), trial("mirtazapine", 30, 8)),
        "treatment-resistant", "reconsider-diagnosis", ("substance-use",)),
    "referral-past-hypomania": Scenario(
        (trial("sertraline", 100, 8), trial("mirtazapine", 30, 8)),
        "treatment-resistant", "reconsider-diagnosis", ("past-mania-hypomania",)),
    "referral-current-hypomania": Scenario(
        (trial("sertraline", 100, 3),), "no-adequate-trial", "urgent",
        ("current-mania-hypomania",)),
    "referral-risk-to-others": Scenario(
        (trial("sertraline", 100, 4),), "no-adequate-trial", "urgent", ("risk-to-others",)),
    "referral-cannot-safety-plan": Scenario((), "no-trials", "urgent", ("cannot-safety-plan",)),
    "referral-suicidal-plan-means": Scenario(
        (trial("sertraline", 100, 8),), "one-adequate-failure", "urgent", ("suicidal-intent",)),
    "referral-psychosis-before-two-failures": Scenario(
        (trial("sertraline", 100, 6),), "one-adequate-failure", "urgent", ("psychosis",)),
}

# "Which of these patients needs a routine referral?": one scenario per choice, in choice order.
WHICH_IS_ROUTINE = "referral-which-is-routine"
WHICH_IS_ROUTINE_CHOICES = (
    Scenario((trial("sertraline", 100, 8), trial("mirtazapine", 30, 8)),
             "treatment-resistant", "routine"),
    Scenario((trial("sertraline", 100, 8),), "one-adequate-failure", "not-yet"),
    Scenario((trial("sertraline", 100, 2, side_effects=True),
              trial("mirtazapine", 30, 2, side_effects=True)), "intolerance", "not-yet"),
    Scenario((trial("sertraline", 100, 8),), "one-adequate-failure", "urgent",
             ("suicidal-intent",)),
)
LETTER = "referral-letter-trial-details"


def decide(referral, scenario: Scenario):
    """What the checker makes of a scenario: its classification and its triage."""
    classification = classify_episode(referral, assess_trials(referral, list(scenario.trials)))
    return classification, triage_red_flags(referral, list(scenario.flags), classification.id)


def question(content, question_id: str):
    return next(q for q in content.quiz.questions if q.id == question_id)


def names_advice(text: str, advice_id: str) -> bool:
    return any(word in text.lower() for word in ADVICE_WORDS[advice_id])


@pytest.mark.parametrize("question_id", SCENARIOS)
def test_the_rules_give_the_classification_and_advice_the_question_teaches(content, question_id):
    scenario = SCENARIOS[question_id]
    classification, triage = decide(content.referral, scenario)
    assert (classification.id, triage.advice_id) == (scenario.classification, scenario.advice)


@pytest.mark.parametrize("question_id", SCENARIOS)
def test_the_key_names_the_advice_the_rules_give(content, question_id):
    asked = question(content, question_id)
    key = asked.choices[asked.answer]
    assert names_advice(key, SCENARIOS[question_id].advice), (
        f"{question_id}: the key {key!r} does not say {SCENARIOS[question_id].advice!r}")


@pytest.mark.parametrize("question_id", [q for q, s in SCENARIOS.items() if s.flags])
def test_a_question_about_a_flag_cites_every_source_the_flag_cites(content, question_id):
    flagged = [f for f in content.referral.red_flags if f.id in SCENARIOS[question_id].flags]
    cited = set(question(content, question_id).sources)
    for flag in flagged:
        assert set(flag.sources) <= cited, f"{question_id} leaves out sources of {flag.id}"


@pytest.mark.parametrize("question_id", SCENARIOS)
def test_a_question_cites_a_source_of_the_decision_it_teaches(content, question_id):
    classification, triage = decide(content.referral, SCENARIOS[question_id])
    cited = set(question(content, question_id).sources)
    assert cited & {*classification.source_ids, *triage.source_ids}


def test_only_the_key_of_the_which_is_routine_question_is_a_routine_referral(content):
    asked = question(content, WHICH_IS_ROUTINE)
    assert len(asked.choices) == len(WHICH_IS_ROUTINE_CHOICES)
    advice = []
    for scenario in WHICH_IS_ROUTINE_CHOICES:
        classification, triage = decide(content.referral, scenario)
        assert (classification.id, triage.advice_id) == (scenario.classification, scenario.advice)
        advice.append(triage.advice_id)
    assert [i for i, a in enumerate(advice) if a == "routine"] == [asked.answer]


def test_two_related_drugs_count_as_two_and_the_reasoning_names_the_caveat(content):
    classification, _ = decide(content.referral, SCENARIOS["referral-related-drugs"])
    reasoning = " ".join(classification.reasoning).lower()
    assert "escitalopram is the active enantiomer of citalopram" in reasoning
    assert content.referral.related_drugs.note.lower() in reasoning
    asked = question(content, "referral-related-drugs")
    assert "enantiomer" in asked.choices[asked.answer]
    assert set(content.referral.related_drugs.sources) <= set(asked.sources)


def test_the_letter_question_asks_for_what_the_checkers_referral_summary_lists(content):
    referral = content.referral
    trials = [trial("sertraline", 100, 8, side_effects=True), trial("mirtazapine", 30, 8)]
    assessments = assess_trials(referral, trials)
    classification = classify_episode(referral, assessments)
    summary = referral_summary_text(
        assessments, find_definition(referral, None), classification,
        maudsley_stage_for(referral, classification, None, None),
        triage_red_flags(referral, [], classification.id))
    assert "Sertraline 100 mg/day for 8 weeks; adherence good; no response" in summary
    assert "stopped for side effects" in summary
    asked = question(content, LETTER)
    key = asked.choices[asked.answer].lower()
    for detail in ("daily dose", "weeks", "taken as prescribed", "outcome", "side effects",
                   "current episode"):
        assert detail in key


def test_every_new_referral_question_is_checked_against_the_rules(content):
    referral_questions = {q.id for q in content.quiz.questions if q.topic == "referral"}
    new = referral_questions - EARLIER_REFERRAL_QUESTIONS
    assert len(new) >= 10
    assert new == {*SCENARIOS, WHICH_IS_ROUTINE, LETTER}


def test_new_referral_questions_send_learners_to_the_refer_page_or_the_checker(content):
    for question_id in {*SCENARIOS, WHICH_IS_ROUTINE, LETTER}:
        assert question(content, question_id).teaches.page in {"refer", "checker"}, question_id


# How the psychosis question names each urgent flag of data/referral.yaml.
URGENT_FLAG_WORDS = {
    "suicidal-intent": "suicidal plan, intent or means", "recent-suicide-attempt": "recent attempt",
    "cannot-safety-plan": "unable to safety-plan", "risk-to-others": "risk to others",
    "psychosis": "psychotic", "catatonia": "catatonia", "self-care": "unable to care",
    "current-mania-hypomania": "current mania or hypomania",
}


def test_the_psychosis_question_names_every_urgent_flag_the_checker_has(content):
    urgent = {f.id for f in content.referral.red_flags if f.urgency == "urgent"}
    assert urgent == set(URGENT_FLAG_WORDS)
    explanation = question(content, "referral-psychosis-before-two-failures").explanation
    for flag_id, words in URGENT_FLAG_WORDS.items():
        assert words in " ".join(explanation.split()), flag_id
