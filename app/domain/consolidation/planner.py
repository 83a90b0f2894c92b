"""The consolidation plan: a selection of parcels priced on every line the user has.

Rules, decided once:
- Per line, four ways are priced: the cheapest split as the parcels are ("consolidated"), the
  cheapest split repacked (asked by default), every parcel alone ("separate") and everything
  in one box ("one box", refused when that box breaks a limit); separate and one box are as the
  parcels are, not repacked. They are shown beside the split because consolidating can lose
  (EMS counts volume only over 60 cm: one big box can cost more than two small parcels); the
  split itself is never dearer than separate (every parcel alone is one of the splits tried).
- A line's best is the cheaper of its consolidated and repacked splits (a tie keeps the parcels
  as they are: no repack work for nothing). A line is accepted when it has a best; otherwise
  the as-is refusal is its reason (which limit, which parcel, or which restricted goods).
- Boxes are made by the packing rules of the agent that runs the line (carton tare, packing and
  repack factors: LineOption.rules), else by the rules plan_shipment is given (the defaults).
- Agent fees of a way: handling per parcel, consolidation per box of 2+ parcels, repack per
  repacked parcel, insurance of the declared value (only when asked; every parcel needs a
  declared value in the agent's currency, else the line says so) and storage accrued up to the
  shipping date (only when one is given). Total = freight + fuel + per-box fees + agent fees.
- Cheapest: the lowest best total among accepted lines, ties all marked; only when every
  accepted line is in one currency (no exchange rate is guessed), else nothing is marked and
  the plan's note says why. Fastest: the fewest transit days (the longest figure a line gives,
  else its shortest), ties all marked; a line without transit days is never fastest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.boxes import PackingRules
from app.domain.consolidation.parcels import Parcel
from app.domain.consolidation.pricing import Refusal
from app.domain.consolidation.rate_card import RateCard
from app.domain.consolidation.search import Shapes
from app.domain.consolidation.split import (
    DEFAULT_PACKING,
    LineRefusal,
    Split,
    best_split,
    check_line,
    one_box,
    separate,
)
from app.domain.consolidation.units import MESSAGES, add_money
from app.domain.kit.message import AND, QT_TRANSLATE_NOOP, Listing, Message
from app.domain.kit.money import Money


class Way(StrEnum):
    CONSOLIDATED = "consolidated"
    REPACKED = "repacked"
    SEPARATE = "separate"
    ONE_BOX = "one_box"

    @property
    def label(self) -> str:
        return _WAY_LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return _WAY_LABELS[self][1]


_WAY_LABELS = {
    Way.CONSOLIDATED: ("Consolidated", "合箱"),
    Way.REPACKED: ("Consolidated and repacked", "合箱去包装"),
    Way.SEPARATE: ("Each parcel alone", "分开寄"),
    Way.ONE_BOX: ("All in one box", "全部一箱"),
}


@dataclass(frozen=True, slots=True)
class LineOption:
    """A line the user can ship on, with the fees of the agent that runs it and how that agent
    packs (None: the rules given to plan_shipment)."""

    line: RateCard
    agent: AgentFees
    rules: PackingRules | None = None


@dataclass(frozen=True, slots=True)
class AgentFeeBreakdown:
    handling: Money
    consolidation: Money
    repack: Money
    insurance: Money
    storage: Money

    @property
    def total(self) -> Money:
        return add_money(
            self.handling, self.consolidation, self.repack, self.insurance, self.storage
        )


@dataclass(frozen=True, slots=True)
class WayCost:
    """One way of sending the selection on one line."""

    way: Way
    split: Split
    fees: AgentFeeBreakdown

    @property
    def boxes(self) -> int:
        return len(self.split.boxes)

    @property
    def actual_kg(self) -> Decimal:
        return self.split.actual_kg

    @property
    def volumetric_kg(self) -> Decimal | None:
        return self.split.volumetric_kg

    @property
    def chargeable_kg(self) -> Decimal:
        return self.split.chargeable_kg

    @property
    def currency(self) -> str:
        return self.split.line.currency

    @property
    def freight(self) -> Money:
        """Freight + fuel surcharge + the line's per-box fees."""
        return self.split.shipping

    @property
    def total(self) -> Money:
        return add_money(self.split.shipping, self.fees.total)


WayResult = WayCost | LineRefusal


@dataclass(frozen=True, slots=True)
class LinePlan:
    option: LineOption
    consolidated: WayResult
    repacked: WayResult | None  # None: repacking was not compared
    separate: WayResult
    one_box: WayResult
    cheapest: bool = False
    fastest: bool = False

    @property
    def line(self) -> RateCard:
        return self.option.line

    @property
    def best(self) -> WayCost | None:
        ways = [w for w in (self.consolidated, self.repacked) if isinstance(w, WayCost)]
        return min(ways, key=lambda w: w.total.amount) if ways else None  # first wins a tie

    @property
    def accepted(self) -> bool:
        return self.best is not None

    @property
    def refusal_message(self) -> Message | None:
        """Why the line cannot take the selection (None when it can), for the interface."""
        if self.accepted:
            return None
        refused = self.consolidated
        return refused.reason_message if isinstance(refused, LineRefusal) else None

    @property
    def refusal(self) -> str:
        """Why the line cannot take the selection ('' when it can)."""
        found = self.refusal_message
        return "" if found is None else str(found)

    @property
    def saving_over_separate(self) -> Money | None:
        """Separate total - best total (0 when consolidating gains nothing)."""
        best = self.best
        if best is None or not isinstance(self.separate, WayCost):
            return None
        return Money(self.separate.total.amount - best.total.amount, best.total.currency)

    @property
    def transit_days(self) -> int | None:
        line = self.line
        return line.transit_days_max if line.transit_days_max is not None else line.transit_days_min


@dataclass(frozen=True, slots=True)
class ShipmentPlan:
    parcels: tuple[Parcel, ...]
    lines: tuple[LinePlan, ...]
    note_message: Message | None = None  # why no cheapest line is marked, when not obvious

    @property
    def note(self) -> str:
        return "" if self.note_message is None else str(self.note_message)

    @property
    def cheapest(self) -> tuple[LinePlan, ...]:
        return tuple(plan for plan in self.lines if plan.cheapest)

    @property
    def fastest(self) -> tuple[LinePlan, ...]:
        return tuple(plan for plan in self.lines if plan.fastest)


def plan_shipment(
    parcels: Sequence[Parcel],
    options: Sequence[LineOption],
    rules: PackingRules = DEFAULT_PACKING,
    *,
    insure: bool = False,
    ship_on: date | None = None,
    compare_repack: bool = True,
    exact_limit: int | None = None,
) -> ShipmentPlan:
    """Price `parcels` on every line of `options` (see the module's rules)."""
    if not parcels:
        raise ValueError("Choose at least one parcel to ship.")
    chosen = tuple(parcels)
    # Box sizes depend on the packing rules, not on the line: worked out once per agent's rules.
    shapes: dict[PackingRules, Shapes] = {}
    plans = []
    for option in options:
        used = rules if option.rules is None else option.rules
        if used not in shapes:
            shapes[used] = Shapes(chosen, used)
        plans.append(
            _line_plan(
                chosen, option, used, shapes[used], insure, ship_on, compare_repack, exact_limit
            )
        )
    marked, note = _mark(plans)
    return ShipmentPlan(chosen, tuple(marked), note)


def _line_plan(
    parcels: tuple[Parcel, ...],
    option: LineOption,
    rules: PackingRules,
    shapes: Shapes,
    insure: bool,
    ship_on: date | None,
    compare_repack: bool,
    exact_limit: int | None,
) -> LinePlan:
    line, agent = option.line, option.agent

    def costed(way: Way, result: Split | LineRefusal) -> WayResult:
        if isinstance(result, LineRefusal):
            return result
        return _way_cost(way, result, parcels, option, insure, ship_on)

    def split(repack: bool) -> WayResult:
        way = Way.REPACKED if repack else Way.CONSOLIDATED
        refused = check_line(parcels, line, agent, rules, repack)
        if refused is not None:
            return refused
        found = best_split(parcels, line, agent, rules, repack, exact_limit, shapes, checked=True)
        return costed(way, found)

    as_is = split(False)
    if isinstance(as_is, LineRefusal):  # separate and one box meet the same refusal
        alone: WayResult = as_is
        together: WayResult = as_is
    else:
        alone = costed(Way.SEPARATE, separate(parcels, line, agent, rules, checked=True))
        together = costed(Way.ONE_BOX, one_box(parcels, line, agent, rules, checked=True))
    return LinePlan(option, as_is, split(True) if compare_repack else None, alone, together)


def _way_cost(
    way: Way,
    split: Split,
    parcels: tuple[Parcel, ...],
    option: LineOption,
    insure: bool,
    ship_on: date | None,
) -> WayResult:
    agent = option.agent
    zero = agent.money(Decimal(0))
    consolidation = add_money(
        zero, *(agent.consolidation_fee(1) for b in split.boxes if b.box.consolidated)
    )
    repack = add_money(
        zero, *(agent.repack_fee(len(b.box.parcels)) for b in split.boxes if b.box.repacked)
    )
    insurance = zero
    if insure:
        problem = _uninsured(parcels, agent)
        if problem is not None:
            return LineRefusal(option.line, Refusal("Insurance", detail=problem))
        values = [p.declared_value.amount for p in parcels if p.declared_value is not None]
        insurance = agent.insurance_fee(Money(sum(values, Decimal(0)), agent.currency))
    storage = zero
    if ship_on is not None:
        storage = add_money(zero, *(agent.storage_fee(p, ship_on) for p in parcels))
    fees = AgentFeeBreakdown(
        agent.handling_fee(len(parcels)), consolidation, repack, insurance, storage
    )
    return WayCost(way, split, fees)


def _uninsured(parcels: tuple[Parcel, ...], agent: AgentFees) -> Message | None:
    for parcel in parcels:
        value = parcel.declared_value
        if value is None:
            return Message(
                MESSAGES,
                QT_TRANSLATE_NOOP(
                    "domain.consolidation",
                    "{parcel} has no declared value: enter one to insure the shipment",
                ),
                parcel=parcel.title_message,
            )
        if value.currency != agent.currency:
            return Message(
                MESSAGES,
                QT_TRANSLATE_NOOP(
                    "domain.consolidation",
                    "{parcel}'s declared value is in {value_currency} but the agent insures "
                    "in {agent_currency}",
                ),
                parcel=parcel.title_message,
                value_currency=value.currency,
                agent_currency=agent.currency,
            )
    return None


def _mark(plans: list[LinePlan]) -> tuple[list[LinePlan], Message | None]:
    accepted = [p for p in plans if p.best is not None]
    currencies = sorted({p.line.currency for p in accepted})
    note: Message | None = None
    cheapest_total: Decimal | None = None
    if len(currencies) > 1:
        note = Message(
            MESSAGES,
            QT_TRANSLATE_NOOP(
                "domain.consolidation",
                "Lines priced in {currencies}: not compared without an exchange rate.",
            ),
            currencies=Listing(tuple(currencies), AND),
        )
    elif accepted:
        cheapest_total = min(_best_total(p) for p in accepted)
    speeds = [p.transit_days for p in accepted if p.transit_days is not None]
    quickest = min(speeds) if speeds else None
    marked = []
    for plan in plans:
        cheap = plan.accepted and cheapest_total is not None and _best_total(plan) == cheapest_total
        fast = plan.accepted and quickest is not None and plan.transit_days == quickest
        marked.append(
            LinePlan(
                plan.option,
                plan.consolidated,
                plan.repacked,
                plan.separate,
                plan.one_box,
                cheap,
                fast,
            )
        )
    return marked, note


def _best_total(plan: LinePlan) -> Decimal:
    best = plan.best
    assert best is not None
    return best.total.amount
