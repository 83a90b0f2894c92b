"""The searches behind split.py: which parcels go in which box on one line, cheapest first.

A split is a set partition of the parcels (bit masks over their positions). Rules, decided once:
- The objective is the cost in minor units (freight + fuel + per-box fee + the agent's
  consolidation and repack fees); among equal costs, fewer boxes; then the first found.
  Both are one integer: cost × (n + 1) + number of boxes.
- Weight-priced lines cost box by box (additive): the exact search prices every subset once
  (2^n quotes) and runs a DP over subsets for the min-cost set partition (about 3^n / 2 steps;
  n <= 12 takes well under a second), which proves optimality.
- Sea (W/M) lines price the consignment as a whole (max of total m³ and total tonnes), which is
  not additive: the exact search walks every partition into acceptable boxes, cut by a lower
  bound (weights only grow, volumes never shrink below the parcels' own × the packing or repack
  factor, fees only grow); exact up to EXACT_MAX_SEA_PARCELS.
- Above those sizes, heuristic.py.
- A sea change that adds volume and weight cannot lower the freight: asked with a bar to beat,
  the engine answers "no" without working the freight out (the searches stay exact).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.boxes import PackingRules, ParcelTotals, box_size
from app.domain.consolidation.chargeable import measured
from app.domain.consolidation.parcels import Dimensions, Parcel
from app.domain.consolidation.pricing import (
    Refusal,
    limit_refusal,
    quote_box,
    sea_charge,
)
from app.domain.consolidation.rate_card import RateCard
from app.domain.consolidation.units import round_amount
from app.domain.kit.money import exponent

EXACT_MAX_PARCELS = 12  # 3^12 / 2 = 265,720 DP steps: about 0.3 s in CPython
EXACT_MAX_SEA_PARCELS = 10  # Bell(10) = 115,975 partitions at worst, fewer after the bound
SUMS_CACHE = 4096  # sea splits whose volume, weight and fee totals are kept
INFEASIBLE = 1 << 256  # larger than any cost key


@dataclass(frozen=True, slots=True)
class BoxEval:
    key: int  # additive lines: cost × (n + 1) + 1; sea: the agent's fees only
    fee_minor: int  # agent's consolidation + repack fees of the box, minor units
    kg: Decimal
    volume_cm3: Decimal  # as the line measures the box


class Shapes:
    """The weight and size of every box a search meets, for one selection and one packing:
    the same for every line, so a plan shares one between its lines."""

    def __init__(self, parcels: Sequence[Parcel], rules: PackingRules) -> None:
        self.parcels = tuple(parcels)
        self.rules = rules
        self._totals: dict[int, ParcelTotals] = {
            1 << i: ParcelTotals.of([p]) for i, p in enumerate(self.parcels)
        }
        self._sizes: dict[tuple[int, bool], tuple[Decimal, Dimensions]] = {}

    def totals(self, mask: int) -> ParcelTotals:
        found = self._totals.get(mask)
        if found is not None:
            return found
        rest = mask
        while rest:  # one parcel more than a group already summed (a move, the DP): one step
            low = rest & -rest
            part = self._totals.get(mask ^ low)
            if part is not None:
                found = self._totals[mask] = part.plus(self._totals[low])
                return found
            rest ^= low
        low = mask & -mask
        found = self._totals[mask] = self.totals(mask ^ low).plus(self._totals[low])
        return found

    def size(self, mask: int, repack: bool) -> tuple[Decimal, Dimensions]:
        """(actual kg, dimensions) of the box of the parcels in `mask`."""
        key = (mask, repack)
        found = self._sizes.get(key)
        if found is None:
            found = self._sizes[key] = box_size(self.totals(mask), self.rules, repack)
        return found


class Engine:
    """Box prices of one selection on one line in one packing mode, each worked out once."""

    def __init__(
        self,
        parcels: Sequence[Parcel],
        card: RateCard,
        agent: AgentFees,
        rules: PackingRules,
        repack: bool,
        shapes: Shapes | None = None,
    ) -> None:
        self.parcels = tuple(parcels)
        self.card, self.agent, self.rules, self.repack = card, agent, rules, repack
        self.n = len(self.parcels)
        self.scale = self.n + 1
        self.sea = card.is_sea
        if shapes is None or shapes.parcels != self.parcels or shapes.rules != rules:
            shapes = Shapes(self.parcels, rules)
        self.shapes = shapes
        self._boxes: dict[int, BoxEval | None] = {}
        self._fees: dict[int, int] = {}  # agent's box fees by number of parcels, minor units
        self._sums: dict[tuple[int, ...], tuple[Decimal, Decimal, int] | None] = {}
        self._exponent = exponent(card.currency)  # sea charges are whole minor units
        self._box_fee = int(round_amount(card.per_box_fee, card.currency).scaleb(self._exponent))

    @property
    def evaluated(self) -> int:
        """How many different boxes have been priced so far."""
        return len(self._boxes)

    def box(self, mask: int) -> BoxEval | None:
        """The box of the parcels in `mask`, or None when the line refuses it."""
        if mask in self._boxes:
            return self._boxes[mask]
        found = None if self._surely_refused(mask) else self._priced(mask)
        self._boxes[mask] = found
        return found

    def _surely_refused(self, mask: int) -> bool:
        """Too heavy, or a parcel longer than the line takes: known before the box is sized
        (the box weighs its parcels + tare, and is at least as long as its longest parcel)."""
        totals = self.shapes.totals(mask)
        limits = self.card.limits
        if limits.max_kg is not None:
            tare = self.rules.carton_tare_kg if totals.count > 1 or self.repack else 0
            if totals.kg + tare > limits.max_kg:
                return True
        longest = limits.max_longest_cm
        rounds = self.card.round_sides_to_cm  # a rounded side may come back under the limit
        return longest is not None and not rounds and totals.max_length > longest

    def _priced(self, mask: int) -> BoxEval | None:
        count = mask.bit_count()
        kg, sides = self.shapes.size(mask, self.repack)
        fee = self._fees.get(count)
        if fee is None:
            consolidation = self.agent.consolidation_fee(1 if count > 1 else 0)
            repack = self.agent.repack_fee(count if self.repack else 0)
            fee = self._fees[count] = consolidation.to_minor() + repack.to_minor()
        if self.sea:
            if limit_refusal(kg, sides, self.card) is not None:
                return None
            return BoxEval(fee, fee, kg, measured(sides, self.card).volume_cm3)
        quote = quote_box(kg, sides, self.card)
        if isinstance(quote, Refusal):
            return None
        cost = quote.total.to_minor() + fee
        return BoxEval(cost * self.scale + 1, fee, kg, sides.volume_cm3)

    def sea_key(self, volume: Decimal, kg: Decimal, fees: int, boxes: int) -> int:
        charge = sea_charge(volume, kg, boxes, self.card).scaleb(self._exponent)
        return (int(charge) + fees) * self.scale + boxes

    def change(
        self,
        blocks: Sequence[int],
        current: int,
        removed: tuple[int, ...],
        added: tuple[int, ...],
        bar: int | None = None,
    ) -> int:
        """The objective after replacing blocks at positions `removed` by `added` masks.

        With a `bar`, a sea split that surely does not beat it may come back as INFEASIBLE
        without its freight being worked out (moves that only add volume and weight).
        """
        if self.sea:
            return self._sea_change(blocks, current, removed, added, bar)
        key = current
        for mask in added:
            found = self.box(mask)
            if found is None:
                return INFEASIBLE
            key += found.key
        return key - sum(self._key(blocks[j]) for j in removed)

    def _sea_change(
        self,
        blocks: Sequence[int],
        current: int,
        removed: tuple[int, ...],
        added: tuple[int, ...],
        bar: int | None,
    ) -> int:
        sums = self._sea_sums(blocks)
        if sums is None:
            return INFEASIBLE
        volume, kg, fees = sums
        for j in removed:
            gone = self.box(blocks[j])
            assert gone is not None  # in a feasible split every box is accepted
            volume, kg, fees = volume - gone.volume_cm3, kg - gone.kg, fees - gone.fee_minor
        for mask in added:
            found = self.box(mask)
            if found is None:
                return INFEASIBLE
            volume, kg, fees = volume + found.volume_cm3, kg + found.kg, fees + found.fee_minor
        boxes = len(blocks) - len(removed) + len(added)
        if bar is not None and volume >= sums[0] and kg >= sums[1]:
            # The W/M freight cannot fall: only the per-box and agent fees can.
            before = len(blocks)
            freight = (current - before) // self.scale - sums[2] - self._box_fee * before
            if (freight + self._box_fee * boxes + fees) * self.scale + boxes >= bar:
                return INFEASIBLE
        return self.sea_key(volume, kg, fees, boxes)

    def _sea_sums(self, blocks: Sequence[int]) -> tuple[Decimal, Decimal, int] | None:
        """Total volume, kg and agent fees of a split's boxes (cached: searches ask often)."""
        key = tuple(blocks)
        if key in self._sums:
            return self._sums[key]
        evals = [self.box(mask) for mask in blocks]
        found = None
        if all(e is not None for e in evals):
            chosen = [e for e in evals if e is not None]
            found = (
                sum((e.volume_cm3 for e in chosen), Decimal(0)),
                sum((e.kg for e in chosen), Decimal(0)),
                sum(e.fee_minor for e in chosen),
            )
        if len(self._sums) > SUMS_CACHE:
            self._sums.clear()
        self._sums[key] = found
        return found

    def _key(self, mask: int) -> int:
        found = self.box(mask)
        return INFEASIBLE if found is None else found.key

    def total(self, blocks: Sequence[int]) -> int:
        """The objective of a whole split; INFEASIBLE when a box is refused."""
        evals = [self.box(mask) for mask in blocks]
        if any(e is None for e in evals):
            return INFEASIBLE
        chosen = [e for e in evals if e is not None]
        if not self.sea:
            return sum(e.key for e in chosen)
        sums = self._sea_sums(blocks)
        assert sums is not None
        return self.sea_key(*sums, len(chosen))


def exact_additive(engine: Engine, universe: int | None = None) -> list[int]:
    """The min-cost set partition of the parcels in `universe` (default: all) by a DP over
    its subsets (weight-priced lines). Subsets are numbered compactly, 0 .. 2^m - 1."""
    bits = [1 << i for i in range(engine.n) if universe is None or universe >> i & 1]
    full = (1 << len(bits)) - 1
    real = [0] * (full + 1)  # compact subset -> the parcels' own mask
    keys = [INFEASIBLE] * (full + 1)
    for mask in range(1, full + 1):
        low = mask & -mask
        real[mask] = real[mask ^ low] | bits[low.bit_length() - 1]
        found = engine.box(real[mask])
        if found is not None:
            keys[mask] = found.key
    best = [0] + [INFEASIBLE] * full
    choice = [0] * (full + 1)
    for mask in range(1, full + 1):
        low = mask & -mask
        others = mask ^ low
        sub = others
        value, chosen = INFEASIBLE, low
        while True:
            block = sub | low
            key = keys[block]
            if key < INFEASIBLE:
                total = key + best[mask ^ block]
                if total < value:
                    value, chosen = total, block
            if not sub:
                break
            sub = (sub - 1) & others
        best[mask], choice[mask] = value, chosen
    blocks, rest = [], full
    while rest:
        blocks.append(real[choice[rest]])
        rest ^= choice[rest]
    return blocks


def exact_sea(engine: Engine, start: list[int] | None = None) -> list[int]:
    """The cheapest partition on a sea line: every partition into acceptable boxes, cut by a
    lower bound against the best so far, which starts at `start` (a heuristic's split: a good
    first best makes the bound bite at once) or every parcel alone."""
    factor = engine.rules.repack_factor if engine.repack else Decimal(1)
    own = [p.dimensions.volume_cm3 * factor for p in engine.parcels]
    kgs = [p.actual_kg for p in engine.parcels]
    rounds = engine.card.round_sides_to_cm  # rounding may shrink a side: no volume bound then
    best_blocks = [1 << i for i in range(engine.n)]
    if start is not None and engine.total(start) < engine.total(best_blocks):
        best_blocks = list(start)
    best_key = engine.total(best_blocks)

    def rest_bounds(rest: int) -> tuple[Decimal, Decimal]:
        bits = [i for i in range(engine.n) if rest >> i & 1]
        volume = Decimal(0) if rounds else sum((own[i] for i in bits), Decimal(0))
        return volume, sum((kgs[i] for i in bits), Decimal(0))

    def walk(rest: int, blocks: list[int], volume: Decimal, kg: Decimal, fees: int) -> None:
        nonlocal best_key, best_blocks
        if not rest:
            key = engine.sea_key(volume, kg, fees, len(blocks))
            if key < best_key:
                best_key, best_blocks = key, list(blocks)
            return
        low_volume, low_kg = rest_bounds(rest)
        if engine.sea_key(volume + low_volume, kg + low_kg, fees, len(blocks) + 1) >= best_key:
            return
        low = rest & -rest
        others = rest ^ low
        sub = others
        while True:
            block = sub | low
            found = engine.box(block)
            if found is not None:
                blocks.append(block)
                walk(
                    rest ^ block,
                    blocks,
                    volume + found.volume_cm3,
                    kg + found.kg,
                    fees + found.fee_minor,
                )
                blocks.pop()
            if not sub:
                break
            sub = (sub - 1) & others

    walk((1 << engine.n) - 1, [], Decimal(0), Decimal(0), 0)
    return best_blocks
