"""Allocating a shared cost (a shipment's freight) to the items in it (domain.md: Allocation).

Rules, decided once:
- Bases: each item's chargeable weight (the default, best for consolidated parcels), volume,
  value, quantity, or equally. A basis is an exact number, 0 or more.
- Largest remainder, in the currency's minor unit (cents, fen; yen have none): each item first
  gets its exact share floored to the unit, then the units left over go one by one to the
  largest remainders; a tie goes to the earlier item. So the parts sum to the total exactly,
  each is within one unit of its exact share, and an item with a basis of 0 gets exactly 0.
- When every item's basis is 0 (nothing weighed yet, say), the cost is shared equally and the
  result says so (`fell_back_to_equal`, `note`): a cost must land somewhere.
- A negative total (a refund to share back) is allocated as its size and every part negated,
  so a refund mirrors the charge.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from app.domain.consolidation.units import WIDE, require
from app.domain.kit.money import Money


class AllocationBasis(StrEnum):
    CHARGEABLE_WEIGHT = "chargeable_weight"
    VOLUME = "volume"
    VALUE = "value"
    QUANTITY = "quantity"
    EQUAL = "equal"

    @property
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return _LABELS[self][1]


_LABELS = {
    AllocationBasis.CHARGEABLE_WEIGHT: ("By chargeable weight", "按计费重"),
    AllocationBasis.VOLUME: ("By volume", "按体积"),
    AllocationBasis.VALUE: ("By value", "按货值"),
    AllocationBasis.QUANTITY: ("By quantity", "按数量"),
    AllocationBasis.EQUAL: ("Equally", "平均分摊"),
}
_NOUNS = {
    AllocationBasis.CHARGEABLE_WEIGHT: "chargeable weight",
    AllocationBasis.VOLUME: "volume",
    AllocationBasis.VALUE: "value",
    AllocationBasis.QUANTITY: "quantity",
}


@dataclass(frozen=True, slots=True)
class AllocationItem:
    key: Hashable
    label: str = ""
    chargeable_kg: Decimal = Decimal(0)
    volume_cm3: Decimal = Decimal(0)
    value: Decimal = Decimal(0)  # in any one currency: only the ratios count
    quantity: int = 0

    def basis(self, basis: AllocationBasis) -> Decimal:
        if basis is AllocationBasis.EQUAL:
            return Decimal(1)
        raw = {
            AllocationBasis.CHARGEABLE_WEIGHT: self.chargeable_kg,
            AllocationBasis.VOLUME: self.volume_cm3,
            AllocationBasis.VALUE: self.value,
            AllocationBasis.QUANTITY: self.quantity,
        }[basis]
        name = self.label or str(self.key)
        return require(raw, f"The {_NOUNS[basis]} of {name}", minimum=Decimal(0))


@dataclass(frozen=True, slots=True)
class Allocation:
    parts: tuple[Money, ...]  # one per item, in the items' order
    basis: AllocationBasis  # the basis asked for
    fell_back_to_equal: bool = False
    note: str = ""


def allocate(
    total: Money,
    items: Sequence[AllocationItem],
    basis: AllocationBasis = AllocationBasis.CHARGEABLE_WEIGHT,
) -> Allocation:
    """Share `total` among `items` by `basis` (see the module's rules)."""
    if not items:
        raise ValueError("There is nothing to allocate the cost to: add at least one item.")
    weights = [item.basis(basis) for item in items]
    if any(weights):
        return Allocation(split_by_weights(total, weights), basis)
    note = f"Every item's {_NOUNS[basis]} is 0: the cost is shared equally."
    equal = split_by_weights(total, [Decimal(1)] * len(items))
    return Allocation(equal, basis, True, note)


def split_by_weights(total: Money, weights: Sequence[Decimal | int]) -> tuple[Money, ...]:
    """Largest-remainder split of `total` in proportion to `weights` (not all 0, none < 0)."""
    scaled = _as_integers(weights)
    whole = sum(scaled)
    if whole <= 0 or any(w < 0 for w in scaled):
        raise ValueError("Weights to split by must be 0 or more, and not all 0.")
    minor = total.to_minor()
    sign, size = (-1, -minor) if minor < 0 else (1, minor)
    floors = [size * w // whole for w in scaled]
    remainders = [size * w % whole for w in scaled]
    left = size - sum(floors)
    # Largest remainder first; a tie goes to the earlier item (the index breaks it).
    for index in sorted(range(len(scaled)), key=lambda i: (-remainders[i], i))[:left]:
        floors[index] += 1
    return tuple(Money.from_minor(sign * part, total.currency) for part in floors)


def _as_integers(weights: Sequence[Decimal | int]) -> list[int]:
    """The weights times one power of ten that makes every one a whole number (exact)."""
    numbers = [Decimal(w) for w in weights]
    places = max((-int(n.as_tuple().exponent) for n in numbers if n), default=0)
    factor = 10 ** max(places, 0)
    return [int(WIDE.multiply(n, factor)) for n in numbers]
