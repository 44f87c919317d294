"""The Maudsley Staging Method as a pure calculator over the items and bands in data/referral.yaml."""
from __future__ import annotations

from dataclasses import dataclass

from components.schema.referral import MaudsleyStaging


@dataclass(frozen=True)
class StageItem:
    label: str
    answer: str
    score: int


@dataclass(frozen=True)
class StageResult:
    """A total and its band, or `applicable=False` with the reason in `message`."""

    applicable: bool
    total: int = 0
    maximum: int = 0
    band_id: str = ""
    band_label: str = ""
    meaning: str = ""
    items: tuple[StageItem, ...] = ()
    message: str = ""

    def headline(self) -> str:
        if not self.applicable:
            return "No stage"
        return f"{self.total} of {self.maximum}: {self.band_label.lower()}"


def maudsley_stage(staging: MaudsleyStaging, duration_id: str, severity_id: str,
                   failed_antidepressants: int, augmentation_used: bool = False,
                   ect_used: bool = False) -> StageResult:
    """Score the five dimensions and name the band; never raises on odd input."""
    duration = next((o for o in staging.duration.options if o.id == duration_id), None)
    severity = next((o for o in staging.severity.options if o.id == severity_id), None)
    if duration is None or severity is None:
        return StageResult(False, message="Choose the duration and the severity of the episode.")
    level = next((lv for lv in staging.failure_levels if lv.min_antidepressants
                  <= failed_antidepressants <= (lv.max_antidepressants or failed_antidepressants)),
                 None)
    if failed_antidepressants < 1 or level is None:
        return StageResult(False, message=staging.not_applicable)
    items = (
        StageItem(staging.duration.label, duration.label, duration.score),
        StageItem(staging.severity.label, severity.label, severity.score),
        StageItem(staging.failures_label, f"{failed_antidepressants}: {level.label}", level.score),
        StageItem(staging.augmentation.label, "Yes" if augmentation_used else "No",
                  staging.augmentation.score_if_used if augmentation_used else 0),
        StageItem(staging.ect.label, "Yes" if ect_used else "No",
                  staging.ect.score_if_used if ect_used else 0),
    )
    total = sum(item.score for item in items)
    band = next(b for b in staging.bands if b.low <= total <= b.high)
    return StageResult(True, total, staging.bands[-1].high, band.id, band.label, band.meaning, items)
