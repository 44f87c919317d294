"""Property tests: whatever trials are typed, the rules never call resistance below the content's threshold."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from components.referral import (
    MAX_TRIALS,
    TrialInput,
    assess_trials,
    classify_episode,
    find_definition,
    referral_summary_text,
    triage_red_flags,
)
from components.staging import maudsley_stage
from tests.unit.test_referral import REFERRAL

DRUG_IDS = [d.id for d in REFERRAL.antidepressants] + ["unknown-drug"]
numbers = st.one_of(st.none(), st.floats(min_value=-1000, max_value=5000, allow_nan=False))
trials = st.builds(
    TrialInput,
    drug=st.sampled_from(DRUG_IDS),
    dose_mg_per_day=numbers,
    weeks=numbers,
    adherence=st.sampled_from(["good", "partial", "poor"]),
    outcome=st.sampled_from(["no-response", "partial-response", "remission"]),
    stopped_for_side_effects=st.booleans(),
)
definitions = st.sampled_from([d.id for d in REFERRAL.adequacy_definitions])


@settings(max_examples=300, deadline=None)
@given(st.lists(trials, max_size=MAX_TRIALS), definitions)
def test_never_treatment_resistant_with_fewer_failures_than_the_threshold(typed, definition):
    assessments = assess_trials(REFERRAL, typed, find_definition(REFERRAL, definition))
    result = classify_episode(REFERRAL, assessments)
    adequate_failures = [a for a in assessments if a.verdict == "adequate" and a.failed]
    needed = REFERRAL.resistance_threshold.failed_antidepressants
    if result.id == "treatment-resistant":
        assert len(adequate_failures) >= needed
        assert len({a.trial.drug for a in adequate_failures}) >= needed


@settings(max_examples=200, deadline=None)
@given(st.lists(trials, max_size=MAX_TRIALS), definitions,
       st.lists(st.sampled_from([f.id for f in REFERRAL.red_flags]), unique=True))
def test_any_input_gives_a_classification_a_stage_and_a_summary(typed, definition, flags):
    chosen = find_definition(REFERRAL, definition)
    assessments = assess_trials(REFERRAL, typed, chosen)
    result = classify_episode(REFERRAL, assessments)
    stage = maudsley_stage(REFERRAL.maudsley, "acute", "moderate", len(result.failed_drugs))
    triage = triage_red_flags(REFERRAL, flags, result.id)
    text = referral_summary_text(assessments, chosen, result, stage, triage)
    assert result.label in text
    assert (triage.advice_id == "urgent") == ("URGENT" in text)


@settings(max_examples=200, deadline=None)
@given(st.lists(trials, min_size=1, max_size=MAX_TRIALS))
def test_the_four_week_definition_never_finds_fewer_failures_than_the_six_week_one(typed):
    six = classify_episode(REFERRAL, assess_trials(REFERRAL, typed,
                                                   find_definition(REFERRAL, "six-weeks")))
    four = classify_episode(REFERRAL, assess_trials(REFERRAL, typed,
                                                    find_definition(REFERRAL, "four-weeks")))
    assert set(six.failed_drugs) <= set(four.failed_drugs)
