"""The checker rules the clinical review of November 2026 found wrong (R1–R14), one test each.

docs/clinical-review.md maps each finding id to the test that now protects it.
"""
from __future__ import annotations

import pytest

from components.referral import (
    assess_trial,
    case_trials,
    classify_episode,
    maudsley_stage_for,
    triage_red_flags,
)
from components.staging import maudsley_stage
from tests.unit.test_referral import CASES, REFERRAL, SIX, classify, trial


def _flag(flag_id: str):
    return next(f for f in REFERRAL.red_flags if f.id == flag_id)


# ---------------------------------------------------------------- R1: intolerance vs failure


def test_r1_adequate_trials_that_failed_then_stopped_for_side_effects_are_resistant():
    sertraline = trial("sertraline", 200, 12, side_effects=True)
    venlafaxine = trial("venlafaxine", 225, 10, side_effects=True)
    assessment = assess_trial(REFERRAL, sertraline, SIX)
    assert assessment.verdict == "adequate" and assessment.failed
    assert any("side effects" in reason for reason in assessment.reasons)
    assert classify(sertraline, venlafaxine).id == "treatment-resistant"


def test_r1_a_trial_stopped_for_side_effects_at_week_two_is_intolerance():
    assessment = assess_trial(REFERRAL, trial("sertraline", 100, 2, side_effects=True), SIX)
    assert assessment.verdict == "intolerance" and not assessment.failed
    assert any("2 weeks" in reason for reason in assessment.reasons)


def test_r1_the_intolerance_text_limits_itself_to_trials_stopped_before_they_were_adequate():
    assert "before" in REFERRAL.intolerance.explanation
    intolerance = next(c for c in REFERRAL.classifications if c.id == "intolerance")
    assert "before" in intolerance.next_step


# ---------------------------------------------------------------- R5 and R10: response, partial response


def test_r5_response_without_remission_is_an_outcome_and_not_a_failure():
    outcome = next(o for o in REFERRAL.outcomes if o.id == "response-not-remission")
    assert not outcome.counts_as_failure and "50%" in outcome.label
    result = classify(trial("sertraline", 100, 8, outcome="response-not-remission"),
                      trial("fluoxetine", 40, 8, outcome="response-not-remission"))
    assert result.id == "responding"
    assert result.failed_drugs == ()


def test_r5_a_response_after_two_failures_says_the_episode_met_the_definition():
    result = classify(trial("sertraline", 100, 8), trial("fluoxetine", 40, 8),
                      trial("bupropion", 300, 8, outcome="response-not-remission"))
    assert result.id == "responding"
    assert any("met the definition" in step for step in result.reasoning)


def test_r10_a_partial_response_names_the_rule_it_was_counted_under():
    result = classify(trial("sertraline", 100, 8, outcome="partial-response"))
    text = " ".join(result.reasoning)
    assert "less than 50%" in text and "25%" in text


def test_r10_partial_response_explanation_names_both_non_response_rules():
    outcome = next(o for o in REFERRAL.outcomes if o.id == "partial-response")
    assert "less than 50%" in outcome.explanation and "25" in outcome.explanation
    assert "sforzini-2022-eupearl-delphi" in outcome.sources


# ---------------------------------------------------------------- R2, R3, R4: triage


def test_r2_current_mania_is_urgent_and_past_mania_means_reconsider_the_diagnosis():
    assert _flag("current-mania-hypomania").urgency == "urgent"
    assert "switch" in _flag("current-mania-hypomania").label.lower()
    assert _flag("past-mania-hypomania").urgency == "reconsider-diagnosis"
    triage = triage_red_flags(REFERRAL, ["current-mania-hypomania"], "treatment-resistant")
    assert triage.advice_id == "urgent"


@pytest.mark.parametrize("flag_id", ["recent-suicide-attempt", "cannot-safety-plan",
                                     "risk-to-others"])
def test_r4_attempts_safety_planning_and_risk_to_others_are_urgent(flag_id):
    assert _flag(flag_id).urgency == "urgent"
    assert triage_red_flags(REFERRAL, [flag_id], "no-trials").advice_id == "urgent"


def test_r3_urgent_advice_says_stay_assess_now_secure_means_involve_family_and_988_as_adjunct():
    intent = _flag("suicidal-intent").advice.lower()
    urgent = next(a for a in REFERRAL.advice if a.id == "urgent").text.lower()
    for text in (intent, urgent):
        assert "do not leave" in text
        assert "emergency" in text
        assert "means" in text
        assert "family" in text
    assert "same day" not in intent
    assert intent.index("988") > intent.index("do not leave")


def test_r3_the_plan_and_intent_case_teaches_that_he_does_not_leave_alone():
    case = next(c for c in CASES if c.id == "plan-and-intent")
    assert "not leave" in case.teaching_point.lower() or "not left alone" in \
        case.teaching_point.lower()
    assert "same-day referral" not in case.teaching_point.lower()


# ---------------------------------------------------------------- R6: next step after one failure


def test_r6_after_one_failure_augmentation_is_an_option_and_when_to_prefer_it_is_said():
    step = next(c for c in REFERRAL.classifications if c.id == "one-adequate-failure").next_step
    assert "augmentation" in step.lower()
    assert "partial response" in step.lower() and "no response" in step.lower()
    case = next(c for c in CASES if c.id == "half-working-ssri")
    assert "add-on" in case.teaching_point.lower() or "augment" in case.teaching_point.lower()


# ---------------------------------------------------------------- R7, R14: Maudsley staging


def test_r7_no_stage_unless_the_episode_is_treatment_resistant():
    one = classify(trial("sertraline", 100, 8))
    assert not maudsley_stage_for(REFERRAL, one, "acute", "moderate").applicable
    remitted = classify(trial("sertraline", 100, 8), trial("fluoxetine", 40, 8),
                        trial("bupropion", 300, 8, outcome="remission"))
    assert not maudsley_stage_for(REFERRAL, remitted, "acute", "moderate").applicable


def test_r7_no_stage_until_duration_and_severity_are_chosen():
    resistant = classify(trial("sertraline", 100, 8), trial("fluoxetine", 40, 8))
    unanswered = maudsley_stage_for(REFERRAL, resistant, None, None)
    assert not unanswered.applicable and "Choose" in unanswered.message
    assert maudsley_stage_for(REFERRAL, resistant, "acute", "moderate").applicable


def test_r7_the_maximum_shown_is_reachable_with_more_than_ten_earlier_failures():
    staging = REFERRAL.maudsley
    top = maudsley_stage(staging, "chronic", "severe-psychotic", 11, True, True)
    assert top.total == top.maximum == 15


def test_r7_the_checker_holds_enough_trials_to_reach_the_top_failure_level():
    from components.referral import MAX_TRIALS
    assert REFERRAL.maudsley.failure_levels[-1].min_antidepressants < MAX_TRIALS


def test_r14_the_prediction_names_its_population_and_sits_with_the_method():
    assert "specialist" in REFERRAL.maudsley.note and "inpatients" in REFERRAL.maudsley.note
    assert not any("predicted" in band.meaning for band in REFERRAL.maudsley.bands)


# ---------------------------------------------------------------- R8: hypomania case


def test_r8_a_case_with_a_diagnostic_red_flag_expects_reconsider_the_diagnosis():
    for case in CASES:
        urgencies = {_flag(f).urgency for f in case.red_flags}
        if "reconsider-diagnosis" in urgencies and "urgent" not in urgencies:
            assert case.expected_answer == "reconsider-diagnosis", case.id
    assert next(c for c in CASES if c.id == "hypomania-history").expected_answer == \
        "reconsider-diagnosis"


# ---------------------------------------------------------------- R9, R11, R12, R13


def test_r9_the_dose_caveat_says_its_form_asked_for_eight_to_ten_weeks():
    caveat = REFERRAL.dose_reference.caveat
    assert "8–10 weeks" in caveat and "mgh-atrq-comp006-transcription" in \
        REFERRAL.dose_reference.sources


def test_r11_escitalopram_above_twenty_mg_is_flagged_and_paroxetine_cr_is_not():
    from components.referral import check_trial_fields
    assert "dose" in check_trial_fields(REFERRAL, trial("escitalopram", 30, 8)).warnings
    assert "dose" not in check_trial_fields(REFERRAL, trial("paroxetine", 62.5, 8)).warnings


def test_r12_the_medical_cause_flag_says_check_tsh():
    assert "TSH" in _flag("medical-cause").advice


@pytest.mark.parametrize("pair", [("citalopram", 40, "escitalopram", 20),
                                  ("venlafaxine", 225, "desvenlafaxine", 50)])
def test_r13_enantiomer_or_metabolite_pairs_still_count_with_a_note(pair):
    first, first_dose, second, second_dose = pair
    result = classify(trial(first, first_dose, 8), trial(second, second_dose, 8))
    assert result.id == "treatment-resistant"
    assert any("different classes" in step for step in result.reasoning)


def test_r13_two_unrelated_drugs_get_no_class_note():
    result = classify(trial("sertraline", 100, 8), trial("bupropion", 300, 8))
    assert not any("different classes" in step for step in result.reasoning)


# ---------------------------------------------------------------- the cases agree with the rules


def test_a_case_whose_answer_disagrees_with_the_rules_is_caught():
    from components.referral import expected_case_answer
    case = next(c for c in CASES if c.id == "hypomania-history")
    classification = classify_episode(REFERRAL, [assess_trial(REFERRAL, t, SIX)
                                                 for t in case_trials(case)])
    assert classification.id == "treatment-resistant"  # the count alone
    assert expected_case_answer(REFERRAL, case, classification) == "reconsider-diagnosis"
    stale = case.model_copy(update={"expected_answer": "treatment-resistant"})
    assert expected_case_answer(REFERRAL, stale, classification) != stale.expected_answer
