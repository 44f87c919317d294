"""When to refer: the four tiers follow the checker's own flags, threshold and classifications."""
from __future__ import annotations

from components.referral_guide import referral_tiers
from tests.unit.test_referral import REFERRAL


def test_the_tiers_run_from_most_pressing_to_not_yet():
    assert [t.id for t in referral_tiers(REFERRAL)] == [
        "urgent", "reconsider-diagnosis", "routine", "not-yet"]


def test_every_red_flag_appears_under_its_own_urgency_and_nowhere_else():
    tiers = {t.id: {trigger.label for trigger in t.triggers} for t in referral_tiers(REFERRAL)}
    for flag in REFERRAL.red_flags:
        assert flag.label in tiers[flag.urgency]
        assert sum(flag.label in labels for labels in tiers.values()) == 1


def test_routine_referral_starts_with_the_resistance_threshold():
    routine = next(t for t in referral_tiers(REFERRAL) if t.id == "routine")
    assert routine.triggers[0].label.startswith("Treatment-resistant")
    assert routine.triggers[0].detail == REFERRAL.resistance_threshold.explanation
    assert set(REFERRAL.resistance_threshold.sources) <= set(routine.sources)


def test_not_yet_names_each_classification_that_keeps_care_in_primary_care():
    not_yet = next(t for t in referral_tiers(REFERRAL) if t.id == "not-yet")
    labels = [t.label for t in not_yet.triggers]
    assert any(label.startswith("One adequate trial failed") for label in labels)
    assert any(label.startswith("Responding") for label in labels)
    assert not any(label.startswith("Treatment-resistant") for label in labels)
