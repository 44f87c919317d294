"""Referral rules: is each trial adequate, is the episode treatment-resistant, what do the red flags change.

Pure functions over plain data and the validated content of data/referral.yaml; no Streamlit here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from components.schema.cases import PracticeCase
from components.schema.referral import AdequacyDefinition, Antidepressant, RedFlag, ReferralFile
from components.staging import StageResult, maudsley_stage

# Input sanity limits, not clinical thresholds: they catch typing slips before a trial is assessed.
# Fifteen trials leave room for the Maudsley method's top level (more than ten failed drugs).
MAX_TRIALS = 15
MAX_WEEKS = 520
FAR_ABOVE_FACTOR = 2  # a dose this many times the label maximum is probably a typing slip

URGENCY_ORDER = ("urgent", "reconsider-diagnosis", "routine")
ADVICE_ORDER = (*URGENCY_ORDER, "not-yet")  # the advice when no flag is ticked comes last
URGENCY_LABELS = {"urgent": "Urgent", "reconsider-diagnosis": "Reconsider the diagnosis",
                  "routine": "Routine"}


@dataclass(frozen=True)
class TrialInput:
    """One antidepressant trial as the user typed it; numbers may be missing or wrong."""

    drug: str
    dose_mg_per_day: float | None
    weeks: float | None
    adherence: str = "good"
    outcome: str = "no-response"
    stopped_for_side_effects: bool = False


@dataclass(frozen=True)
class FieldProblems:
    """Messages to show beside the fields: errors stop a trial being added, warnings don't."""

    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TrialAssessment:
    trial: TrialInput
    drug_name: str
    verdict: str  # "adequate", "not-adequate", "intolerance" or "invalid"
    reasons: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()
    failed: bool = False  # adequate, and the outcome counts as a failure
    outcome_label: str = ""

    def describe(self) -> str:
        """A one-line description such as 'Sertraline 100 mg/day for 8 weeks'."""
        dose = "?" if self.trial.dose_mg_per_day is None else f"{self.trial.dose_mg_per_day:g}"
        weeks = "?" if self.trial.weeks is None else f"{self.trial.weeks:g}"
        return f"{self.drug_name} {dose} mg/day for {weeks} weeks"


@dataclass(frozen=True)
class ClassificationResult:
    id: str
    label: str
    next_step: str
    reasoning: tuple[str, ...]
    failed_drugs: tuple[str, ...]
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class Triage:
    advice_id: str
    heading: str
    text: str
    flags: tuple[RedFlag, ...]  # most urgent first
    source_ids: tuple[str, ...]

    @property
    def urgent_flags(self) -> tuple[RedFlag, ...]:
        return tuple(f for f in self.flags if f.urgency == "urgent")


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

VERDICT_LABELS = {"adequate": "Adequate", "not-adequate": "Not adequate",
                  "intolerance": "Intolerance", "invalid": "Cannot assess"}


def find_drug(referral: ReferralFile, drug_id: str) -> Antidepressant | None:
    return next((d for d in referral.antidepressants if d.id == drug_id), None)


def find_definition(referral: ReferralFile, definition_id: str | None) -> AdequacyDefinition:
    """The named adequacy definition, or the default one if the id is unknown or missing."""
    wanted = definition_id or referral.default_adequacy_definition
    by_id = {d.id: d for d in referral.adequacy_definitions}
    return by_id.get(wanted, by_id[referral.default_adequacy_definition])


def check_trial_fields(referral: ReferralFile, trial: TrialInput, trials_so_far: int = 0
                       ) -> FieldProblems:
    """What is wrong with each field of a trial the user is about to add."""
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    drug = find_drug(referral, trial.drug)
    if drug is None:
        errors["drug"] = f"“{trial.drug}” is not in the checker's list of antidepressants."
    dose = trial.dose_mg_per_day
    if dose is None:
        errors["dose"] = "Enter the daily dose in mg."
    elif dose <= 0:
        errors["dose"] = "The daily dose must be more than 0 mg."
    elif drug is not None and drug.label_maximum_mg_per_day is not None:
        maximum = drug.label_maximum_mg_per_day
        if dose > FAR_ABOVE_FACTOR * maximum:
            warnings["dose"] = (f"{dose:g} mg/day is far above the label maximum of {maximum:g} "
                                f"mg/day for {drug.name.lower()}: check for a typing slip.")
        elif dose > maximum:
            warnings["dose"] = (f"{dose:g} mg/day is above the label maximum of {maximum:g} "
                                f"mg/day for {drug.name.lower()}.")
    weeks = trial.weeks
    if weeks is None:
        errors["weeks"] = "Enter the number of weeks at this dose."
    elif weeks <= 0:
        errors["weeks"] = "The weeks at this dose must be more than 0."
    elif weeks > MAX_WEEKS:
        errors["weeks"] = f"More than {MAX_WEEKS} weeks (ten years) at one dose: check the number."
    if trial.adherence not in {a.id for a in referral.adherence_levels}:
        errors["adherence"] = "Choose good, partial or poor adherence."
    if trial.outcome not in {o.id for o in referral.outcomes}:
        errors["outcome"] = "Choose the outcome of the trial."
    if trials_so_far >= MAX_TRIALS:
        errors["trials"] = (f"The checker holds up to {MAX_TRIALS} trials for one episode; "
                            "remove one to add another.")
    return FieldProblems(errors, warnings)


def assess_trial(referral: ReferralFile, trial: TrialInput,
                 definition: AdequacyDefinition | None = None) -> TrialAssessment:
    """Adequate, not adequate (and exactly why), intolerance, or cannot assess; never raises."""
    definition = definition or find_definition(referral, None)
    drug = find_drug(referral, trial.drug)
    name = drug.name if drug else trial.drug
    problems = check_trial_fields(referral, trial)
    if problems.errors:
        return TrialAssessment(trial, name, "invalid", tuple(problems.errors.values()),
                               outcome_label=trial.outcome.replace("-", " "))
    assert drug is not None and trial.dose_mg_per_day is not None and trial.weeks is not None
    warnings = tuple(problems.warnings.values())
    reasons: list[str] = []
    sources: list[str] = []
    minimum = drug.minimum_adequate_dose_mg_per_day
    if trial.dose_mg_per_day < minimum:
        reasons.append(f"Dose {trial.dose_mg_per_day:g} mg/day is below the minimum adequate dose "
                       f"of {minimum:g} mg/day for {drug.name.lower()} "
                       f"({referral.dose_reference.name}; provisional).")
        sources += drug.sources
    if trial.weeks < definition.minimum_weeks:
        reasons.append(f"{trial.weeks:g} weeks at this dose is fewer than the "
                       f"{definition.minimum_weeks:g} weeks the {definition.name.lower()} requires.")
        sources += definition.sources
    adherence = next(a for a in referral.adherence_levels if a.id == trial.adherence)
    if not adherence.counts_toward_adequacy:
        reasons.append(f"Adherence was {adherence.label.lower()}: {adherence.explanation}")
        sources += adherence.sources
    intolerance = referral.intolerance
    outcome = next(o for o in referral.outcomes if o.id == trial.outcome)
    if reasons and trial.stopped_for_side_effects:  # stopped short of a fair test
        return TrialAssessment(trial, name, "intolerance", (*reasons, intolerance.explanation),
                               warnings, tuple(dict.fromkeys([*sources, *intolerance.sources])),
                               outcome_label=outcome.label)
    if reasons:
        return TrialAssessment(trial, name, "not-adequate", tuple(reasons), warnings,
                               tuple(dict.fromkeys(sources)), outcome_label=outcome.label)
    why = (f"At least {minimum:g} mg/day (the minimum adequate dose) for at least "
           f"{definition.minimum_weeks:g} weeks ({definition.name.lower()}), "
           f"with {adherence.label.lower()} adherence.")
    reasons = [why, f"{outcome.label}: {outcome.explanation}"]
    sources = [*drug.sources, *definition.sources, *adherence.sources, *outcome.sources]
    if trial.stopped_for_side_effects and outcome.counts_as_failure:
        reasons.append(intolerance.failed_after_adequate)
        sources += intolerance.sources
    return TrialAssessment(trial, name, "adequate", tuple(reasons), warnings,
                           tuple(dict.fromkeys(sources)), outcome.counts_as_failure, outcome.label)


def assess_trials(referral: ReferralFile, trials: list[TrialInput],
                  definition: AdequacyDefinition | None = None) -> list[TrialAssessment]:
    return [assess_trial(referral, trial, definition) for trial in trials]


def classify_episode(referral: ReferralFile, assessments: list[TrialAssessment]
                     ) -> ClassificationResult:
    """Classify the episode from its assessed trials, listing the reasoning step by step."""
    reasoning = [f"Trial {n}, {a.describe()}: {VERDICT_LABELS[a.verdict].lower()}"
                 + (" and failed." if a.failed else ".") for n, a in enumerate(assessments, 1)]
    valid = [a for a in assessments if a.verdict != "invalid"]
    if len(valid) < len(assessments):
        reasoning.append("Trials that cannot be assessed are left out until they are corrected.")
    needed = referral.resistance_threshold.failed_antidepressants
    failed_drugs = tuple(dict.fromkeys(a.trial.drug for a in valid if a.failed))
    failed_names = ", ".join(a.drug_name.lower() for a in valid if a.failed)
    latest = valid[-1] if valid else None
    if latest is None:
        verdict = "no-trials"
    elif latest.trial.outcome == "remission" and latest.verdict != "intolerance":
        verdict = "remission"
        reasoning.append(f"The latest trial ({latest.drug_name.lower()}) reached remission.")
    elif latest.trial.outcome == "response-not-remission" and latest.verdict == "adequate":
        verdict = "responding"
        reasoning.append(f"The latest trial ({latest.drug_name.lower()}) brought a response "
                         "without remission, which is not a failure.")
        if len(failed_drugs) >= needed:
            reasoning.append(f"Before it, {_failed(len(failed_drugs)).lower()} ({failed_names}): "
                             "the episode met the definition of treatment-resistance, which "
                             "belongs in the notes and any referral.")
    elif len(failed_drugs) >= needed:
        verdict = "treatment-resistant"
        reasoning.append(f"{_failed(len(failed_drugs))} ({failed_names}): {_in_words(needed)} "
                         f"different {_plural('antidepressant', needed)} "
                         f"{'is' if needed == 1 else 'are'} enough.")
    elif failed_drugs:
        verdict = "one-adequate-failure"
        repeated = sum(a.failed for a in valid) > len(failed_drugs)
        more = needed - len(failed_drugs)
        which = "more than once" if len(failed_drugs) == 1 else "some more than once"
        reasoning.append(_failed(len(failed_drugs))
                         + (f" ({which}; definitions count different antidepressants)"
                            if repeated else "")
                         + f": resistance needs {_in_words(needed)} different antidepressants to "
                         f"fail, so {_in_words(more)} more must fail too.")
    elif all(a.verdict == "intolerance" for a in valid):
        verdict = "intolerance"
        reasoning.append("Every trial stopped because of side effects: none tested whether the "
                         "drug works.")
    else:
        verdict = "no-adequate-trial"
        reasoning.append("No trial was adequate and failed, so none counts toward resistance.")
    entry = next(c for c in referral.classifications if c.id == verdict)
    sources = [*entry.sources]
    if verdict in ("treatment-resistant", "one-adequate-failure"):  # the threshold was applied
        sources += referral.resistance_threshold.sources
    if any(a.failed and a.trial.outcome == "partial-response" for a in valid):
        rule = referral.non_response_rule
        reasoning.append(f"{rule.applied} {rule.alternative}")
        sources += rule.sources
    related = _related_pairs(referral, failed_drugs)
    if related:
        reasoning.append(f"{'; '.join(related).capitalize()}. {referral.related_drugs.note}")
        sources += referral.related_drugs.sources
    return ClassificationResult(entry.id, entry.label, entry.next_step, tuple(reasoning),
                                failed_drugs, tuple(dict.fromkeys(sources)))


def _related_pairs(referral: ReferralFile, failed_drugs: tuple[str, ...]) -> list[str]:
    """How each pair of near-identical drugs that both failed is related, in words."""
    return [pair.relation for pair in referral.related_drugs.pairs
            if set(pair.drugs) <= set(failed_drugs)]


def _in_words(count: int) -> str:
    return _NUMBER_WORDS[count] if count < len(_NUMBER_WORDS) else str(count)


def _plural(noun: str, count: int) -> str:
    return noun if count == 1 else f"{noun}s"


def _failed(count: int) -> str:
    """'One antidepressant failed after an adequate trial', 'Two different antidepressants failed…'."""
    if count == 1:
        return "One antidepressant failed after an adequate trial"
    return f"{_in_words(count).capitalize()} different antidepressants failed after adequate trials"


def maudsley_stage_for(referral: ReferralFile, classification: ClassificationResult,
                       duration_id: str | None, severity_id: str | None,
                       augmentation_used: bool = False, ect_used: bool = False) -> StageResult:
    """The Maudsley stage, only for a treatment-resistant episode and only once both are chosen."""
    staging = referral.maudsley
    if classification.id != "treatment-resistant":
        return StageResult(False, message=staging.not_applicable)
    if duration_id is None or severity_id is None:
        return StageResult(False, message=staging.unanswered)
    return maudsley_stage(staging, duration_id, severity_id, len(classification.failed_drugs),
                          augmentation_used, ect_used)


def triage_red_flags(referral: ReferralFile, flag_ids: list[str], classification_id: str
                     ) -> Triage:
    """The advice for the most pressing ticked flag; unknown flag ids are ignored."""
    flags = sorted((f for f in referral.red_flags if f.id in set(flag_ids)),
                   key=lambda f: URGENCY_ORDER.index(f.urgency))
    urgencies = {f.urgency for f in flags}
    if "urgent" in urgencies:
        advice_id = "urgent"
    elif "reconsider-diagnosis" in urgencies:
        advice_id = "reconsider-diagnosis"
    elif classification_id == "treatment-resistant":
        advice_id = "routine"
    else:
        advice_id = "not-yet"
    advice = next(a for a in referral.advice if a.id == advice_id)
    sources = [*advice.sources, *(s for f in flags for s in f.sources)]
    return Triage(advice.id, advice.heading, advice.text, tuple(flags),
                  tuple(dict.fromkeys(sources)))


def case_trials(case: PracticeCase) -> list[TrialInput]:
    """A practice case's trials as checker inputs."""
    return [TrialInput(t.drug, t.dose_mg_per_day, t.weeks, t.adherence, t.outcome,
                       t.stopped_for_side_effects) for t in case.trials]


def referral_summary_text(assessments: list[TrialAssessment], definition: AdequacyDefinition,
                          classification: ClassificationResult, stage: StageResult,
                          triage: Triage) -> str:
    """A plain-text summary a clinician could paste into a referral letter."""
    lines = ["Antidepressant trial summary (made with TRD Map, an educational tool: check every "
             "line against the notes before use)", ""]
    if triage.urgent_flags:
        lines += [f"URGENT: {triage.heading}", ""]
    lines.append(f"Adequacy definition applied: {definition.name} (at least "
                 f"{definition.minimum_weeks:g} weeks at or above the minimum adequate dose).")
    lines += ["", "Trials in the current episode:"]
    if not assessments:
        lines.append("- None recorded.")
    for n, assessment in enumerate(assessments, 1):
        trial = assessment.trial
        status = VERDICT_LABELS[assessment.verdict] + (", failed" if assessment.failed else "")
        lines.append(f"{n}. {assessment.describe()}; adherence {trial.adherence}; "
                     f"{assessment.outcome_label.lower()}"
                     + ("; stopped for side effects" if trial.stopped_for_side_effects else "")
                     + f". {status}.")
        lines += [f"   - {reason}" for reason in (*assessment.reasons, *assessment.warnings)
                  if assessment.verdict != "adequate" or reason in assessment.warnings]
    lines += ["", f"Classification: {classification.label}."]
    lines += [f"- {step}" for step in classification.reasoning]
    lines += ["", "Maudsley Staging Method: " + (
        f"{stage.total} of {stage.maximum}, {stage.band_label.lower()} ("
        + "; ".join(f"{i.label}: {i.answer}" for i in stage.items) + ")."
        if stage.applicable else f"no stage. {stage.message}")]
    lines += ["", "Red flags:" + (" none ticked." if not triage.flags else "")]
    lines += [f"- {flag.label} ({URGENCY_LABELS[flag.urgency].lower()})" for flag in triage.flags]
    lines += ["", f"Advice: {triage.heading}. {triage.text}"]
    return "\n".join(lines) + "\n"


def expected_case_answer(referral: ReferralFile, case: PracticeCase,
                         classification: ClassificationResult) -> str:
    """A diagnostic red flag (and no urgent one) comes before the count; otherwise the count."""
    urgencies = {f.urgency for f in referral.red_flags if f.id in case.red_flags}
    if "reconsider-diagnosis" in urgencies and "urgent" not in urgencies:
        return "reconsider-diagnosis"
    return classification.id


def case_answers(referral: ReferralFile) -> dict[str, tuple[str, str]]:
    """What a learner may answer for a practice case: id -> (label, what it means next)."""
    answers = {k.id: (k.label, k.next_step) for k in referral.classifications if k.id != "no-trials"}
    review = next(a for a in referral.advice if a.id == "reconsider-diagnosis")
    return {**answers, "reconsider-diagnosis": (review.heading, review.text)}


def check_answer(case: PracticeCase, answer_id: str) -> bool:
    return case.expected_answer == answer_id
