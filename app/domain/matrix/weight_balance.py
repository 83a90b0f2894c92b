"""Keep four whole-percent weights at exactly 100 % while the user moves one of them.

Rule: the weight the user set keeps its value (0-100); the other weights share what is left in
proportion to their current values, rounded by largest remainder so the total is exactly 100
(ties go to the criterion listed first). If the others are all 0 they share it equally.
"""

from __future__ import annotations

from decimal import Decimal

from app.domain.matrix.scoring import WEIGHT_TOTAL, Criterion, Weights

TOTAL = int(WEIGHT_TOTAL)


def rebalance(current: Weights, changed: Criterion, value: int) -> Weights:
    """New weights where `changed` is `value` (clamped to 0-100) and the total stays 100."""
    value = max(0, min(TOTAL, int(value)))
    weights = current.as_dict()
    others = [c for c in Criterion if c is not changed]
    left = TOTAL - value
    basis = [weights[c] for c in others]
    if sum(basis) <= 0:
        basis = [Decimal(1)] * len(others)
    shares = _largest_remainder([b * left / sum(basis) for b in basis], left)
    result = {changed: Decimal(value)}
    result.update({c: Decimal(share) for c, share in zip(others, shares, strict=True)})
    return Weights.from_dict(result, current.min_known)


def _largest_remainder(exact: list[Decimal], total: int) -> list[int]:
    floors = [int(x) for x in exact]  # exact values are >= 0, so int() is floor
    short = total - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: exact[i] - floors[i], reverse=True)
    for i in order[:short]:
        floors[i] += 1
    return floors
