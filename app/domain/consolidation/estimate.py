"""Estimate against actual freight of a shipment (domain.md: the agent charges an estimated
freight deposit first and refunds the difference after weighing).

Rules, decided once:
- difference = actual - estimate: above 0 the agent asks for an extra charge (补款), below 0 it
  refunds part of the deposit (退款), 0 is settled exactly.
- The % is of the estimate, rounded half up to 0.1 %; None when the estimate is 0.
- Both amounts must be in one currency (no rate is guessed).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from app.domain.kit.money import Money

ONE_DECIMAL = Decimal("0.1")


class Settlement(StrEnum):
    REFUND = "refund"
    EXTRA_CHARGE = "extra_charge"
    EXACT = "exact"

    @property
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return _LABELS[self][1]


_LABELS = {
    Settlement.REFUND: ("Deposit refund", "退款"),
    Settlement.EXTRA_CHARGE: ("Extra charge", "补款"),
    Settlement.EXACT: ("Settled exactly", "无差额"),
}


@dataclass(frozen=True, slots=True)
class EstimateCheck:
    estimate: Money
    actual: Money
    difference: Money  # actual - estimate
    percent: Decimal | None  # of the estimate, 0.1 half up
    settlement: Settlement


def compare_estimate(estimate: Money, actual: Money) -> EstimateCheck:
    """How far the actual freight is from the estimate, and who pays whom."""
    if estimate.currency != actual.currency:
        raise ValueError(
            f"The estimate is in {estimate.currency} and the actual freight in "
            f"{actual.currency}: enter both in one currency."
        )
    difference = actual.amount - estimate.amount
    percent = None
    if estimate.amount != 0:
        percent = (difference * 100 / estimate.amount).quantize(ONE_DECIMAL, ROUND_HALF_UP)
    if difference > 0:
        settlement = Settlement.EXTRA_CHARGE
    elif difference < 0:
        settlement = Settlement.REFUND
    else:
        settlement = Settlement.EXACT
    return EstimateCheck(estimate, actual, Money(difference, actual.currency), percent, settlement)
