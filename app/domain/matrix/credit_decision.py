"""The effective credit rating: the rule's suggestion (app.domain.matrix.credit) or the user's
own rating with its reason, which wins; both are kept side by side and explained."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.kit.message import QT_TRANSLATE_NOOP, Message
from app.domain.matrix.credit import (
    MESSAGES,
    CreditAssessment,
    CreditInputs,
    CreditRating,
    suggest_rating,
)


class RatingSource(StrEnum):
    SUGGESTED = "suggested"
    MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class CreditOverride:
    """The user's own rating and why; a reason is required."""

    rating: CreditRating
    reason: str

    def __post_init__(self) -> None:
        if self.rating is CreditRating.UNKNOWN:
            raise ValueError("A manual rating must be one of AAA, AA, A, B, C.")
        if not self.reason.strip():
            raise ValueError("Give a reason for overriding the suggested rating.")


@dataclass(frozen=True, slots=True)
class CreditDecision:
    """Both ratings side by side; a manual override, when present, is the effective one."""

    assessment: CreditAssessment
    override: CreditOverride | None = None

    @property
    def suggested(self) -> CreditRating:
        return self.assessment.suggested

    @property
    def effective(self) -> CreditRating:
        return self.override.rating if self.override else self.assessment.suggested

    @property
    def source(self) -> RatingSource:
        return RatingSource.MANUAL if self.override else RatingSource.SUGGESTED

    @property
    def explanation_said(self) -> tuple[Message, ...]:
        """The explanation line by line, for the interface to say in its language."""
        if self.override is None:
            return self.assessment.explanation_said
        manual = Message(
            MESSAGES,
            QT_TRANSLATE_NOOP(
                "domain.matrix",
                "Manual rating {rating} (reason: {reason}); the rule suggests {suggested}.",
            ),
            rating=self.override.rating.value,
            reason=self.override.reason.strip(),
            suggested=self.suggested.said,
        )
        return (manual, *self.assessment.explanation_said)

    @property
    def explanation(self) -> str:
        return "\n".join(str(line) for line in self.explanation_said)


def decide_rating(inputs: CreditInputs, override: CreditOverride | None = None) -> CreditDecision:
    """The suggested rating and, if given, the user's override, which wins."""
    return CreditDecision(suggest_rating(inputs), override)
