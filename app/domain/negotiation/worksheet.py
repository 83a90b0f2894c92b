"""The negotiation worksheet (domain.md: Negotiation): price targets, an estimate of the
supplier's cost structure, and the rounds of offers. Payment plans and the agreed terms are in
the payment module.

Rules, decided once:
- Targets: target (ideal) <= acceptable <= walk-away (maximum), each above 0; equal values are
  allowed. A price's position is judged to the better side at each boundary: at or below the
  target is "at target", up to the acceptable price "acceptable", up to the walk-away price
  "stretch", above it "beyond walk-away".
- Cost structure (domain.md: raw material 40-60 % low room, labour 15-25 % medium, overhead
  10-20 % medium, profit 10-25 % high room): the user's shares must add up to exactly 100 %
  (default 50/20/15/15, inside every typical range). The quoted price is split into the parts by
  largest remainder (amounts module) at the price's own decimals, at least the currency's, so
  the parts sum exactly to the price. A share outside its typical range is noted.
- Rounds are in date order (the same day twice is fine). Gap = their counter - our offer (None
  before they counter). A round whose offer is above the walk-away price is warned about.
- Trend, from the last two rounds that have a gap: smaller gap = converging, the same = stalled,
  larger = diverging; a last gap of 0 or less (their counter at or below our offer) = met.
  With fewer than two gaps the trend is unknown (unless the one gap is met).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from itertools import pairwise

from app.domain.kit.message import AND, QT_TRANSLATE_NOOP, Listing, Message, Term
from app.domain.kit.money import exponent
from app.domain.negotiation.amounts import (
    HUNDRED,
    ZERO,
    decimal_places,
    format_money,
    format_percent,
    split_by_percent,
)
from app.domain.negotiation.quotes import price_problems

GAP_PERCENT_SHOWN = Decimal("0.1")


# --- targets --------------------------------------------------------------------------------
class PricePosition(StrEnum):
    AT_TARGET = "at_target"
    ACCEPTABLE = "acceptable"
    STRETCH = "stretch"
    BEYOND_WALK_AWAY = "beyond_walk_away"

    @property
    def label(self) -> str:
        return _POSITION_LABELS[self]


_POSITION_LABELS = {
    PricePosition.AT_TARGET: "At or below the target price",
    PricePosition.ACCEPTABLE: "Acceptable",
    PricePosition.STRETCH: "Above acceptable, within the walk-away price",
    PricePosition.BEYOND_WALK_AWAY: "Beyond the walk-away price",
}


@dataclass(frozen=True, slots=True)
class Targets:
    target: Decimal  # the ideal price
    acceptable: Decimal
    walk_away: Decimal  # the maximum: above it, walk away
    currency: str


def target_problems(targets: Targets) -> list[str]:
    """Every broken rule of a set of targets; empty when usable."""
    problems: list[str] = []
    named = (
        (targets.target, "The target price"),
        (targets.acceptable, "The acceptable price"),
        (targets.walk_away, "The walk-away price"),
    )
    for value, label in named:
        problems += price_problems(value, label)
    if problems:
        return problems
    if targets.target > targets.acceptable:
        problems.append("The target price must not be above the acceptable price.")
    if targets.acceptable > targets.walk_away:
        problems.append("The acceptable price must not be above the walk-away price.")
    return problems


def position_of(price: Decimal, targets: Targets) -> PricePosition:
    """Where a price stands against the targets (module rules: boundaries to the better side)."""
    if price <= targets.target:
        return PricePosition.AT_TARGET
    if price <= targets.acceptable:
        return PricePosition.ACCEPTABLE
    if price <= targets.walk_away:
        return PricePosition.STRETCH
    return PricePosition.BEYOND_WALK_AWAY


# --- cost structure -------------------------------------------------------------------------
class Room(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def label_zh(self) -> str:
        return {Room.LOW: "低", Room.MEDIUM: "中", Room.HIGH: "高"}[self]


class CostPart(StrEnum):
    RAW_MATERIAL = "raw_material"
    LABOUR = "labour"
    OVERHEAD = "overhead"
    PROFIT = "profit"

    @property
    def label(self) -> str:
        return _PARTS[self][0]

    @property
    def label_zh(self) -> str:
        return _PARTS[self][1]

    @property
    def typical(self) -> tuple[Decimal, Decimal]:
        return _PARTS[self][2]

    @property
    def room(self) -> Room:
        return _PARTS[self][3]

    @property
    def lever(self) -> str:
        return str(self.lever_said)

    @property
    def lever_said(self) -> Message:
        """What moves this part of the price ('market driven'), for the interface to say."""
        return _PARTS[self][4]

    @property
    def term(self) -> Term:
        """The part named in a sentence: English as `label`, Chinese as `label_zh`."""
        return Term(self.label, self.label_zh)


MESSAGES = "domain.negotiation"  # the catalogue context of the sentences (kit.message)
_PARTS = {  # domain.md: cost structure of a supplier's price
    CostPart.RAW_MATERIAL: (
        "Raw material",
        "原材料",
        (Decimal(40), Decimal(60)),
        Room.LOW,
        Message(MESSAGES, QT_TRANSLATE_NOOP("domain.negotiation", "market driven")),
    ),
    CostPart.LABOUR: (
        "Labour",
        "人工",
        (Decimal(15), Decimal(25)),
        Room.MEDIUM,
        Message(MESSAGES, QT_TRANSLATE_NOOP("domain.negotiation", "efficiency")),
    ),
    CostPart.OVERHEAD: (
        "Overhead",
        "制造费用",
        (Decimal(10), Decimal(20)),
        Room.MEDIUM,
        Message(MESSAGES, QT_TRANSLATE_NOOP("domain.negotiation", "volume discounts")),
    ),
    CostPart.PROFIT: (
        "Profit",
        "利润",
        (Decimal(10), Decimal(25)),
        Room.HIGH,
        Message(MESSAGES, QT_TRANSLATE_NOOP("domain.negotiation", "negotiable")),
    ),
}
DEFAULT_SHARES = {  # decided: inside every typical range, adding up to 100
    CostPart.RAW_MATERIAL: Decimal(50),
    CostPart.LABOUR: Decimal(20),
    CostPart.OVERHEAD: Decimal(15),
    CostPart.PROFIT: Decimal(15),
}


@dataclass(frozen=True, slots=True)
class CostShare:
    part: CostPart
    percent: Decimal
    amount: Decimal
    in_typical_range: bool


@dataclass(frozen=True, slots=True)
class CostEstimate:
    price: Decimal
    currency: str
    shares: tuple[CostShare, ...]  # raw material, labour, overhead, profit
    notes_said: tuple[Message, ...]  # shares outside their typical range
    summary_said: Message  # where the room is, in words (for the interface to say)

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(str(note) for note in self.notes_said)

    @property
    def summary(self) -> str:
        """'Most room in profit ¥0.48 (negotiable); some in ...; little in ....'"""
        return str(self.summary_said)

    def share(self, part: CostPart) -> CostShare:
        return next(share for share in self.shares if share.part is part)


def estimate_cost_structure(
    price: Decimal, currency: str, shares: Mapping[CostPart, Decimal] | None = None
) -> CostEstimate:
    """The quoted price split into the supplier's likely costs, with where the room is."""
    problems = price_problems(price, "The quoted price")
    if problems:
        raise ValueError(problems[0])
    chosen = dict(DEFAULT_SHARES if shares is None else shares)
    missing = [part.label for part in CostPart if part not in chosen]
    if missing:
        raise ValueError(f"Give a share for: {', '.join(missing)}.")
    percents = [chosen[part] for part in CostPart]
    for part, value in zip(CostPart, percents, strict=True):
        problems += price_problems(value, f"The {part.label.lower()} share") if value else []
    if problems:
        raise ValueError(problems[0])
    total = sum(percents, ZERO)
    if total != HUNDRED:
        raise ValueError(f"The shares must add up to exactly 100 %; they add up to {total} %.")
    places = max(exponent(currency), decimal_places(price))
    amounts = split_by_percent(price, percents, places)
    result = tuple(
        CostShare(part, pct, amount, part.typical[0] <= pct <= part.typical[1])
        for part, pct, amount in zip(CostPart, percents, amounts, strict=True)
    )
    notes = tuple(
        Message(
            MESSAGES,
            QT_TRANSLATE_NOOP(
                "domain.negotiation", "{part} at {percent} is outside the typical {low}-{high} %."
            ),
            part=s.part.term,
            percent=format_percent(s.percent),
            low=str(s.part.typical[0]),
            high=str(s.part.typical[1]),
        )
        for s in result
        if not s.in_typical_range
    )
    return CostEstimate(price, currency, result, notes, _room_summary(result, currency))


def _room_summary(shares: tuple[CostShare, ...], currency: str) -> Message:
    def said(share: CostShare) -> Message:
        amount = f"{format_money(share.amount, currency)}"
        if decimal_places(share.amount) > exponent(currency):
            amount = f"{share.amount} {currency}"
        part = share.part
        return Message(
            MESSAGES,
            QT_TRANSLATE_NOOP("domain.negotiation", "{part} {amount} ({lever})"),
            part=Term(part.label.lower(), part.label_zh),
            amount=amount,
            lever=part.lever_said,
        )

    def room(level: Room) -> Listing:
        return Listing(tuple(said(s) for s in shares if s.part.room is level), AND)

    return Message(
        MESSAGES,
        QT_TRANSLATE_NOOP(
            "domain.negotiation", "Most room in {high}; some in {medium}; little in {low}."
        ),
        high=room(Room.HIGH),
        medium=room(Room.MEDIUM),
        low=room(Room.LOW),
    )


# --- rounds ---------------------------------------------------------------------------------
class Trend(StrEnum):
    CONVERGING = "converging"
    STALLED = "stalled"
    DIVERGING = "diverging"
    MET = "met"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return _TREND_LABELS[self]


_TREND_LABELS = {
    Trend.CONVERGING: "The offers are converging",
    Trend.STALLED: "The gap did not move",
    Trend.DIVERGING: "The gap is growing",
    Trend.MET: "Their counter meets our offer",
    Trend.UNKNOWN: "Too early to tell",
}


@dataclass(frozen=True, slots=True)
class NegotiationRound:
    on: date
    our_offer: Decimal
    their_counter: Decimal | None = None
    concession: str = ""  # what was given or asked for (volume, payment terms, ...)
    note: str = ""


@dataclass(frozen=True, slots=True)
class RoundReview:
    number: int  # 1-based
    round: NegotiationRound
    gap: Decimal | None  # their counter - our offer
    gap_pct: Decimal | None  # of our offer, 0.1 half up
    counter_position: PricePosition | None
    warning: str = ""


@dataclass(frozen=True, slots=True)
class RoundsReview:
    rounds: tuple[RoundReview, ...]
    trend: Trend
    warnings: tuple[str, ...]


def round_problems(rounds: Sequence[NegotiationRound]) -> list[str]:
    """Every broken rule of the rounds; empty when usable."""
    problems: list[str] = []
    for number, item in enumerate(rounds, start=1):
        if isinstance(item.on, datetime) or not isinstance(item.on, date):
            problems.append(f"Round {number}: give the date.")
        problems += price_problems(item.our_offer, f"Round {number}: our offer")
        if item.their_counter is not None:
            problems += price_problems(item.their_counter, f"Round {number}: their counter")
    if not problems:
        for number, (first, second) in enumerate(pairwise(rounds), start=2):
            if second.on < first.on:
                problems.append(f"Round {number} ({second.on}) is dated before round {number - 1}.")
    return problems


def review_rounds(rounds: Sequence[NegotiationRound], targets: Targets) -> RoundsReview:
    """Each round's gap and warnings, and whether the offers converge (module rules)."""
    problems = round_problems(rounds) + target_problems(targets)
    if problems:
        raise ValueError(" ".join(problems))
    reviews = tuple(_review(n, r, targets) for n, r in enumerate(rounds, start=1))
    warnings = tuple(r.warning for r in reviews if r.warning)
    return RoundsReview(reviews, _trend([r.gap for r in reviews if r.gap is not None]), warnings)


def _review(number: int, item: NegotiationRound, targets: Targets) -> RoundReview:
    gap = pct = position = None
    if item.their_counter is not None:
        gap = item.their_counter - item.our_offer
        pct = (gap * HUNDRED / item.our_offer).quantize(GAP_PERCENT_SHOWN, ROUND_HALF_UP)
        position = position_of(item.their_counter, targets)
    warning = ""
    if item.our_offer > targets.walk_away:
        warning = (
            f"Round {number}: our offer {format_money(item.our_offer, targets.currency)} is "
            f"above the walk-away price {format_money(targets.walk_away, targets.currency)}."
        )
    return RoundReview(number, item, gap, pct, position, warning)


def _trend(gaps: list[Decimal]) -> Trend:
    if gaps and gaps[-1] <= 0:
        return Trend.MET
    if len(gaps) < 2:
        return Trend.UNKNOWN
    if gaps[-1] < gaps[-2]:
        return Trend.CONVERGING
    return Trend.STALLED if gaps[-1] == gaps[-2] else Trend.DIVERGING
