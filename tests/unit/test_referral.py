"""Referral rules: trial adequacy, classification, red-flag triage, staging and the summary text."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from components.content import ContentError, read_content
from components.referral import (
    MAX_TRIALS,
    TrialInput,
    assess_trial,
    assess_trials,
    case_trials,
    check_answer,
    check_trial_fields,
    classify_episode,
    expected_case_answer,
    find_definition,
    referral_summary_text,
    triage_red_flags,
)
from components.schema.cases import CasesFile
from components.schema.referral import ReferralFile
from components.staging import maudsley_stage
from tests.conftest import DATA_DIR


def _load(model, stem: str, data_dir: Path = DATA_DIR):
    return model.model_validate(yaml.safe_load((data_dir / f"{stem}.yaml").read_text()))


REFERRAL: ReferralFile = _load(ReferralFile, "referral")
CASES = _load(CasesFile, "cases").cases
SIX = find_definition(REFERRAL, "six-weeks")
FOUR = find_definition(REFERRAL, "four-weeks")


def trial(drug="sertraline", dose=100.0, weeks=8.0, adherence="good", outcome="no-response",
          side_effects=False) -> TrialInput:
    return TrialInput(drug, dose, weeks, adherence, outcome, side_effects)


def classify(*trials: TrialInput, definition=SIX):
    return classify_episode(REFERRAL, assess_trials(REFERRAL, list(trials), definition))


# ---------------------------------------------------------------- content


def test_the_fifteen_antidepressants_are_listed_with_the_unofficial_source_said_plainly():
    ids = {d.id for d in REFERRAL.antidepressants}
    assert ids == {"sertraline", "fluoxetine", "citalopram", "escitalopram", "paroxetine",
                   "venlafaxine", "desvenlafaxine", "duloxetine", "bupropion", "mirtazapine",
                   "vortioxetine", "nortriptyline", "amitriptyline", "phenelzine", "trazodone"}
    for drug in REFERRAL.antidepressants:
        assert "unofficial transcription" in drug.note
        assert "chandler-2010-mgh-atrq" in drug.sources


def test_the_default_definition_is_six_weeks_and_the_other_is_four():
    assert find_definition(REFERRAL, None).minimum_weeks == 6
    assert FOUR.minimum_weeks == 4
    assert find_definition(REFERRAL, "no-such-definition").id == "six-weeks"


def test_a_schema_rejects_a_label_maximum_below_the_minimum_dose():
    raw = yaml.safe_load((DATA_DIR / "referral.yaml").read_text())
    raw["antidepressants"][0]["label_maximum_mg_per_day"] = 10
    with pytest.raises(ValueError, match="below the minimum adequate dose"):
        ReferralFile.model_validate(raw)


def test_a_schema_rejects_maudsley_bands_with_a_gap():
    raw = yaml.safe_load((DATA_DIR / "referral.yaml").read_text())
    raw["maudsley"]["bands"][1]["low"] = 8
    with pytest.raises(ValueError, match="should start at 7"):
        ReferralFile.model_validate(raw)


# ---------------------------------------------------------------- one trial


def test_an_adequate_trial_names_the_threshold_and_its_sources():
    result = assess_trial(REFERRAL, trial(dose=50, weeks=6), SIX)
    assert result.verdict == "adequate" and result.failed
    assert "50 mg/day" in result.reasons[0] and "6 weeks" in result.reasons[0]
    assert {"chandler-2010-mgh-atrq", "plos1-2020-trd-staging-panel"} <= set(result.source_ids)


def test_a_dose_below_the_minimum_is_not_adequate_and_says_the_minimum():
    result = assess_trial(REFERRAL, trial(drug="citalopram", dose=10, weeks=16))
    assert result.verdict == "not-adequate"
    assert result.reasons == (
        "Dose 10 mg/day is below the minimum adequate dose of 20 mg/day for citalopram "
        "(MGH Antidepressant Treatment Response Questionnaire (MGH-ATRQ), minimum-dose column; "
        "provisional).",
    )


def test_weeks_count_under_one_definition_and_not_the_other():
    short = trial(drug="fluoxetine", dose=20, weeks=4)
    assert assess_trial(REFERRAL, short, SIX).verdict == "not-adequate"
    assert "fewer than the 6 weeks" in assess_trial(REFERRAL, short, SIX).reasons[0]
    assert assess_trial(REFERRAL, short, FOUR).verdict == "adequate"


@pytest.mark.parametrize("adherence, verdict", [("good", "adequate"), ("partial", "not-adequate"),
                                                ("poor", "not-adequate")])
def test_only_good_adherence_counts(adherence, verdict):
    assert assess_trial(REFERRAL, trial(adherence=adherence)).verdict == verdict


def test_every_reason_is_listed_when_several_fail_at_once():
    result = assess_trial(REFERRAL, trial(dose=25, weeks=2, adherence="poor"))
    assert len(result.reasons) == 3


def test_stopping_for_side_effects_is_intolerance_not_failure():
    result = assess_trial(REFERRAL, trial(weeks=2, side_effects=True))
    assert result.verdict == "intolerance" and not result.failed


def test_remission_after_an_adequate_trial_is_not_a_failure():
    result = assess_trial(REFERRAL, trial(outcome="remission"))
    assert result.verdict == "adequate" and not result.failed


@pytest.mark.parametrize("dose, weeks, field, message", [
    (0, 8, "dose", "more than 0 mg"),
    (-50, 8, "dose", "more than 0 mg"),
    (None, 8, "dose", "Enter the daily dose"),
    (100, 0, "weeks", "more than 0"),
    (100, -3, "weeks", "more than 0"),
    (100, None, "weeks", "Enter the number of weeks"),
    (100, 600, "weeks", "check the number"),
])
def test_nonsense_numbers_get_a_message_for_their_field_and_no_exception(dose, weeks, field,
                                                                       message):
    problems = check_trial_fields(REFERRAL, trial(dose=dose, weeks=weeks))
    assert message in problems.errors[field]
    assert assess_trial(REFERRAL, trial(dose=dose, weeks=weeks)).verdict == "invalid"


def test_an_unknown_drug_is_reported_not_raised():
    result = assess_trial(REFERRAL, trial(drug="unobtainium"))
    assert result.verdict == "invalid"
    assert "not in the checker's list" in result.reasons[0]


def test_a_dose_above_the_label_maximum_is_flagged_and_still_assessed():
    above = assess_trial(REFERRAL, trial(dose=250))
    far = assess_trial(REFERRAL, trial(dose=2000))
    assert above.verdict == far.verdict == "adequate"
    assert "above the label maximum of 200" in above.warnings[0]
    assert "far above" in far.warnings[0]


def test_a_drug_without_a_confirmed_maximum_gives_no_maximum_warning():
    assert assess_trial(REFERRAL, trial(drug="amitriptyline", dose=400)).warnings == ()


def test_the_eleventh_trial_is_refused_beside_the_field():
    assert "trials" in check_trial_fields(REFERRAL, trial(), MAX_TRIALS).errors
    assert "trials" not in check_trial_fields(REFERRAL, trial(), MAX_TRIALS - 1).errors


# ---------------------------------------------------------------- the episode


def test_no_trials_is_its_own_classification():
    assert classify().id == "no-trials"


def test_two_different_adequate_failures_are_treatment_resistant():
    result = classify(trial(), trial(drug="venlafaxine", dose=150, outcome="partial-response"))
    assert result.id == "treatment-resistant"
    assert result.failed_drugs == ("sertraline", "venlafaxine")


def test_the_same_drug_failing_twice_is_still_one_failure():
    result = classify(trial(dose=100), trial(dose=200))
    assert result.id == "one-adequate-failure"
    assert "different antidepressants" in result.reasoning[-1]


def test_trials_stopped_for_side_effects_alone_are_intolerance():
    assert classify(trial(weeks=2, side_effects=True),
                    trial(drug="paroxetine", dose=20, weeks=3, side_effects=True)
                    ).id == "intolerance"


def test_intolerance_and_an_unfinished_trial_mean_finish_a_trial():
    assert classify(trial(weeks=2, side_effects=True), trial(drug="fluoxetine", dose=10)).id == (
        "no-adequate-trial")


def test_remission_on_the_latest_trial_wins():
    result = classify(trial(), trial(drug="venlafaxine", dose=150),
                      trial(drug="mirtazapine", dose=30, outcome="remission"))
    assert result.id == "remission"


def test_mixed_adherence_counts_only_the_well_taken_trial():
    result = classify(trial(adherence="poor"), trial(drug="bupropion", dose=300,
                                                     adherence="partial"),
                      trial(drug="mirtazapine", dose=30))
    assert result.id == "one-adequate-failure" and result.failed_drugs == ("mirtazapine",)


def test_the_most_trials_allowed_classify_without_trouble_and_reason_about_each():
    drugs = [d for d in REFERRAL.antidepressants][:MAX_TRIALS]
    trials = [trial(drug=d.id, dose=d.minimum_adequate_dose_mg_per_day) for d in drugs]
    result = classify(*trials)
    assert result.id == "treatment-resistant" and len(result.failed_drugs) == len(drugs)
    # one line per trial, the threshold, and the note on near-identical pairs
    assert len(result.reasoning) == len(drugs) + 2


def test_the_reasoning_states_the_threshold_and_cites_its_sources():
    result = classify(trial(), trial(drug="venlafaxine", dose=150))
    assert result.reasoning[-1] == (
        "Two different antidepressants failed after adequate trials (sertraline, venlafaxine): "
        "two different antidepressants are enough.")
    assert set(REFERRAL.resistance_threshold.sources) <= set(result.source_ids)


def _with_threshold(data_dir: Path, failed_antidepressants: int) -> ReferralFile:
    """The content of a copy of data/ whose resistance threshold a clinician has changed."""
    path = data_dir / "referral.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  failed_antidepressants: 2\n" in text
    path.write_text(text.replace("  failed_antidepressants: 2\n",
                                 f"  failed_antidepressants: {failed_antidepressants}\n"),
                    encoding="utf-8")
    return _load(ReferralFile, "referral", data_dir)


def test_raising_the_threshold_in_the_content_changes_the_classification(data_copy):
    referral = _with_threshold(data_copy, 3)
    two = [trial(), trial(drug="venlafaxine", dose=150)]
    result = classify_episode(referral, assess_trials(referral, two, SIX))
    assert result.id == "one-adequate-failure"
    assert result.reasoning[-1] == (
        "Two different antidepressants failed after adequate trials: resistance needs three "
        "different antidepressants to fail, so one more must fail too.")
    three = [*two, trial(drug="mirtazapine", dose=30)]
    result = classify_episode(referral, assess_trials(referral, three, SIX))
    assert result.id == "treatment-resistant"
    assert result.reasoning[-1].endswith("three different antidepressants are enough.")
    # The practice cases were written for two: the validator names each one that now disagrees.
    with pytest.raises(ContentError) as caught:
        read_content(data_copy)
    assert "data/cases.yaml: tms-course: expected_answer: the checker's rules conclude " \
        "'one-adequate-failure'" in str(caught.value)


def test_lowering_the_threshold_in_the_content_makes_one_failure_enough(data_copy):
    referral = _with_threshold(data_copy, 1)
    result = classify_episode(referral, assess_trials(referral, [trial()], SIX))
    assert result.id == "treatment-resistant"
    assert result.reasoning[-1].endswith("one different antidepressant is enough.")


def test_invalid_trials_are_left_out_and_the_reasoning_says_so():
    result = classify(trial(dose=0), trial())
    assert result.id == "one-adequate-failure"
    assert any("left out" in step for step in result.reasoning)


def test_only_invalid_trials_count_as_no_trials():
    assert classify(trial(dose=-1)).id == "no-trials"


# ---------------------------------------------------------------- red flags and staging


def test_urgent_flags_come_first_and_set_the_advice():
    triage = triage_red_flags(REFERRAL, ["anxiety", "substance-use", "suicidal-intent"],
                              "no-adequate-trial")
    assert triage.advice_id == "urgent"
    assert [f.id for f in triage.flags] == ["suicidal-intent", "substance-use", "anxiety"]
    assert [f.id for f in triage.urgent_flags] == ["suicidal-intent"]


@pytest.mark.parametrize("flags, classification, advice", [
    (["bipolar-screen"], "treatment-resistant", "reconsider-diagnosis"),
    (["anxiety"], "treatment-resistant", "routine"),
    ([], "treatment-resistant", "routine"),
    ([], "one-adequate-failure", "not-yet"),
    (["not-a-flag"], "one-adequate-failure", "not-yet"),
])
def test_the_advice_follows_the_most_pressing_flag(flags, classification, advice):
    assert triage_red_flags(REFERRAL, flags, classification).advice_id == advice


@pytest.mark.parametrize("duration, severity, failures, augmentation, ect, total, band", [
    ("acute", "subsyndromal", 1, False, False, 3, "mild"),
    ("acute", "moderate", 2, False, False, 5, "mild"),
    ("subacute", "severe", 3, True, False, 9, "moderate"),
    ("chronic", "severe-psychotic", 11, True, True, 15, "severe"),
    ("chronic", "severe", 7, False, False, 11, "severe"),
])
def test_maudsley_totals_and_bands(duration, severity, failures, augmentation, ect, total, band):
    stage = maudsley_stage(REFERRAL.maudsley, duration, severity, failures, augmentation, ect)
    assert (stage.total, stage.band_id, stage.maximum) == (total, band, 15)


def test_maudsley_gives_no_stage_without_a_failed_antidepressant_or_with_odd_answers():
    assert not maudsley_stage(REFERRAL.maudsley, "acute", "mild", 0).applicable
    assert not maudsley_stage(REFERRAL.maudsley, "acute", "mild", -2).applicable
    assert not maudsley_stage(REFERRAL.maudsley, "decades", "mild", 2).applicable


# ---------------------------------------------------------------- summary and cases


def test_the_summary_lists_trials_classification_stage_and_flags_urgent_first():
    assessments = assess_trials(REFERRAL, [trial(), trial(drug="citalopram", dose=10)])
    result = classify_episode(REFERRAL, assessments)
    stage = maudsley_stage(REFERRAL.maudsley, "acute", "moderate", len(result.failed_drugs))
    triage = triage_red_flags(REFERRAL, ["psychosis"], result.id)
    text = referral_summary_text(assessments, SIX, result, stage, triage)
    assert text.index("URGENT") < text.index("Trials in the current episode")
    assert ("1. Sertraline 100 mg/day for 8 weeks; adherence good; no response (less than 25% "
            "better). Adequate, failed.") in text
    assert "below the minimum adequate dose of 20 mg/day" in text
    assert "Classification: One adequate trial failed" in text
    assert "Maudsley Staging Method: 5 of 15, mild resistance" in text
    assert "- Psychosis (delusions or hallucinations) (urgent)" in text


def test_every_practice_case_expects_what_the_rules_conclude():
    for case in CASES:
        result = classify_episode(REFERRAL, assess_trials(REFERRAL, case_trials(case)))
        answer = expected_case_answer(REFERRAL, case, result)
        assert answer == case.expected_answer, case.id
        assert check_answer(case, answer)


def test_the_cases_cover_every_classification_but_no_trials_and_a_diagnostic_review():
    expected = {case.expected_answer for case in CASES}
    assert expected == ({c.id for c in REFERRAL.classifications} - {"no-trials"}
                        | {"reconsider-diagnosis"})


def test_the_two_seed_stories_are_cases():
    ids = {case.id for case in CASES}
    assert {"half-working-ssri", "tms-course"} <= ids and len(CASES) >= 8
