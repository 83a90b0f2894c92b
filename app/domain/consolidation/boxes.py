"""The box model: what the agent's scale and tape will say about a box of several parcels.

The real size of a consolidated box is only known after the agent packs it, so the app
estimates it, always rounding towards the larger box (an estimate that under-states the volume
would under-state the freight). Rules, decided once:
- A parcel sent alone as it is keeps its own weight and dimensions: no new carton, no tare.
- A consolidated box (two or more parcels) is a new carton: weight = the parcels' actual
  weights + the agent's carton tare (kg, a setting, may be 0). Its volume is the parcels'
  volumes × the packing factor (>= 1: the gaps between cartons of different sizes).
  Its sides: longest = the longest parcel side, or the cube root of the volume when the box is
  bulkier than a cube of that side; middle = the square root of (volume ÷ longest), never less
  than the largest parcel middle side; shortest = volume ÷ (longest × middle), never less than
  the largest parcel short side. Derived sides are rounded UP to whole cm; sides taken from a
  parcel are kept as measured. So the estimate is never smaller than the packing-factor volume,
  and every parcel fits in it side by side.
- Repack (the agent removes the suppliers' boxes): volume = the parcels' volumes × the repack
  factor (< 1, e.g. 0.8), also for a parcel alone; the longest side stays the longest parcel
  side (a long item stays long) and the two other sides are derived from the volume with no
  floor (the goods are no longer in their cartons). A repacked box is a new carton: tare added.
  The repack fee (per parcel) is the agent's (agent_fees).
- Defaults below (tare 0.5 kg, packing 1.1, repack 0.8) are project defaults: each agent's
  own settings replace them (stored per agent; an agent that never set them packs by these).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.domain.consolidation.parcels import Dimensions, Parcel
from app.domain.consolidation.units import WIDE, ceil_cbrt, ceil_div, ceil_sqrt, problem

DEFAULT_TARE_KG = Decimal("0.5")  # a double-wall export carton of 60 × 40 × 40 cm weighs ~0.5 kg
DEFAULT_PACKING_FACTOR = Decimal("1.1")
DEFAULT_REPACK_FACTOR = Decimal("0.8")  # brief: "volume × a repack factor, e.g. 0.8"


@dataclass(frozen=True, slots=True)
class PackingRules:
    """How the agent packs: carton tare, packing factor and repack factor."""

    carton_tare_kg: Decimal = DEFAULT_TARE_KG
    packing_factor: Decimal = DEFAULT_PACKING_FACTOR
    repack_factor: Decimal = DEFAULT_REPACK_FACTOR

    def __post_init__(self) -> None:
        found = packing_problems(self.carton_tare_kg, self.packing_factor, self.repack_factor)
        if found:
            raise ValueError(" ".join(found.values()))


def packing_problems(
    carton_tare_kg: object, packing_factor: object, repack_factor: object
) -> dict[str, str]:
    """What is wrong with each packing rule, by PackingRules field name (empty: all usable)."""
    problems = {
        "carton_tare_kg": problem(carton_tare_kg, "The carton weight", minimum=Decimal(0)),
        "packing_factor": problem(packing_factor, "The packing factor", minimum=Decimal(1)),
        "repack_factor": problem(repack_factor, "The repack factor", positive=True),
    }
    if problems["repack_factor"] is None and Decimal(repack_factor) > 1:  # type: ignore[arg-type]
        problems["repack_factor"] = f"The repack factor must be 1 or less, not {repack_factor}."
    return {name: text for name, text in problems.items() if text}


@dataclass(frozen=True, slots=True)
class Box:
    """One outgoing box: its parcels and its estimated weight and size."""

    parcels: tuple[Parcel, ...]
    actual_kg: Decimal
    dimensions: Dimensions
    repacked: bool = False

    @property
    def consolidated(self) -> bool:
        return len(self.parcels) > 1

    @property
    def new_carton(self) -> bool:
        return self.consolidated or self.repacked


@dataclass(frozen=True, slots=True)
class ParcelTotals:
    """What the box estimate needs of a group of parcels (kept as sums and maxima)."""

    count: int
    kg: Decimal
    volume_cm3: Decimal
    max_length: Decimal
    max_width: Decimal
    max_height: Decimal

    @classmethod
    def of(cls, parcels: Sequence[Parcel]) -> ParcelTotals:
        if not parcels:
            raise ValueError("A box needs at least one parcel.")
        return cls(
            len(parcels),
            sum((p.actual_kg for p in parcels), Decimal(0)),
            sum((p.dimensions.volume_cm3 for p in parcels), Decimal(0)),
            max(p.dimensions.length for p in parcels),
            max(p.dimensions.width for p in parcels),
            max(p.dimensions.height for p in parcels),
        )

    def plus(self, other: ParcelTotals) -> ParcelTotals:
        return ParcelTotals(
            self.count + other.count,
            self.kg + other.kg,
            self.volume_cm3 + other.volume_cm3,
            max(self.max_length, other.max_length),
            max(self.max_width, other.max_width),
            max(self.max_height, other.max_height),
        )


def make_box(parcels: Sequence[Parcel], rules: PackingRules, repack: bool = False) -> Box:
    """The box the agent would make of `parcels` (see the module's rules)."""
    kg, dimensions = box_size(ParcelTotals.of(parcels), rules, repack)
    return Box(tuple(parcels), kg, dimensions, repack)


def box_size(totals: ParcelTotals, rules: PackingRules, repack: bool) -> tuple[Decimal, Dimensions]:
    """(actual kg, dimensions) of the box made of parcels with these totals."""
    if totals.count == 1 and not repack:
        sides = Dimensions.trusted(totals.max_length, totals.max_width, totals.max_height)
        return totals.kg, sides
    kg = totals.kg + rules.carton_tare_kg
    if repack:
        volume = WIDE.multiply(totals.volume_cm3, rules.repack_factor)
        return kg, estimate_sides(volume, totals.max_length, Decimal(0), Decimal(0))
    volume = WIDE.multiply(totals.volume_cm3, rules.packing_factor)
    return kg, estimate_sides(volume, totals.max_length, totals.max_width, totals.max_height)


def estimate_sides(
    volume_cm3: Decimal, longest: Decimal, middle_floor: Decimal, short_floor: Decimal
) -> Dimensions:
    """Sides of a box of at least `volume_cm3`, longest side at least `longest`."""
    whole = int(longest)  # a cube of the whole part of the longest side holds the volume:
    cube = Decimal(whole) if volume_cm3 <= whole**3 else Decimal(ceil_cbrt(volume_cm3))
    length = max(longest, cube)  # so the cube root cannot lengthen the box (fast path)
    width = max(middle_floor, Decimal(_smallest_square_side(volume_cm3, length)))
    height = max(short_floor, Decimal(ceil_div(volume_cm3, WIDE.multiply(length, width))))
    return Dimensions.trusted(length, width, height)


def _smallest_square_side(volume_cm3: Decimal, length: Decimal) -> int:
    """The smallest whole w >= 1 with w × w × length >= volume (exact)."""
    side = ceil_sqrt(WIDE.divide(volume_cm3, length))
    while WIDE.multiply(side * side, length) < volume_cm3:
        side += 1
    while side > 1 and WIDE.multiply((side - 1) * (side - 1), length) >= volume_cm3:
        side -= 1
    return side
