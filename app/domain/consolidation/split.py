"""Minimum-total-cost split of a selection of parcels into boxes on one line (consolidation).

Rules, decided once (the box model is boxes.py's, the searches search.py's):
- The line refuses the whole selection, naming the parcel, when a parcel carries restricted
  goods the line does not accept, or cannot go on it in a box of its own (in the chosen packing
  mode: as it is, or repacked); otherwise every parcel alone is a valid split, so a split
  always exists.
- The agent's fees must be in the line's currency (no rate is guessed): else the line refuses.
- What is minimised: the line's freight + fuel surcharge + per-box fees, plus the agent's fees
  the split changes (consolidation per box of 2+ parcels, repack per parcel). Ties: fewer boxes.
- Exact up to search.EXACT_MAX_PARCELS parcels (weight-priced lines) or
  search.EXACT_MAX_SEA_PARCELS (sea lines), `proven_optimal=True`; above, heuristic.py, never
  worse than sending every parcel alone, `proven_optimal=False`.
- A split's boxes are listed in the order of their first parcel in the selection.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.boxes import Box, PackingRules, make_box
from app.domain.consolidation.heuristic import heuristic
from app.domain.consolidation.parcels import Parcel
from app.domain.consolidation.pricing import (
    BoxQuote,
    Refusal,
    SeaQuote,
    limit_refusal,
    quote_box,
    quote_sea,
    tag_refusal,
)
from app.domain.consolidation.rate_card import RateCard
from app.domain.consolidation.search import (
    EXACT_MAX_PARCELS,
    EXACT_MAX_SEA_PARCELS,
    Engine,
    Shapes,
    exact_additive,
    exact_sea,
)
from app.domain.consolidation.units import MESSAGES, add_money, zero_money
from app.domain.kit.message import QT_TRANSLATE_NOOP, Listing, Message
from app.domain.kit.money import Money

DEFAULT_PACKING = PackingRules()


@dataclass(frozen=True, slots=True)
class LineRefusal:
    """Why a line cannot take the selection (the parcel named when one parcel is the cause)."""

    line: RateCard
    reason: Refusal
    parcel: Parcel | None = None
    box: tuple[Parcel, ...] = ()  # the parcels of a refused box of a given split

    @property
    def reason_message(self) -> Message:
        """The sentence, for the interface to show in its language."""
        reason = self.reason.reason_message
        if self.parcel is not None:
            return Message(
                MESSAGES,
                QT_TRANSLATE_NOOP("domain.consolidation", "{parcel}: {reason}"),
                parcel=self.parcel.title_message,
                reason=reason,
            )
        if self.box:
            return Message(
                MESSAGES,
                QT_TRANSLATE_NOOP("domain.consolidation", "The box of {parcels}: {reason}"),
                parcels=Listing(tuple(p.name_message for p in self.box)),
                reason=reason,
            )
        return reason

    @property
    def message(self) -> str:
        return str(self.reason_message)


@dataclass(frozen=True, slots=True)
class PricedBox:
    box: Box
    quote: BoxQuote | None  # None on a sea line: the consignment is priced as a whole
    agent_fee: Money  # consolidation + repack fees of this box


@dataclass(frozen=True, slots=True)
class Split:
    """One way of sending a selection on one line, and what it costs."""

    line: RateCard
    boxes: tuple[PricedBox, ...]
    sea: SeaQuote | None
    freight: Money
    fuel_surcharge: Money
    box_fees: Money  # the line's per-box fees
    agent_box_fees: Money  # the agent's consolidation and repack fees
    proven_optimal: bool
    repacked: bool

    @property
    def shipping(self) -> Money:
        return add_money(self.freight, self.fuel_surcharge, self.box_fees)

    @property
    def total(self) -> Money:
        return add_money(self.shipping, self.agent_box_fees)

    @property
    def actual_kg(self) -> Decimal:
        return sum((b.box.actual_kg for b in self.boxes), Decimal(0))

    @property
    def volumetric_kg(self) -> Decimal | None:
        if self.sea is not None:
            return self.sea.tons.volumetric_kg
        values = [b.quote.weighing.volumetric_kg for b in self.boxes if b.quote is not None]
        known = [v for v in values if v is not None]
        return sum(known, Decimal(0)) if known else None

    @property
    def chargeable_kg(self) -> Decimal:
        if self.sea is not None:
            return self.sea.tons.chargeable_kg
        return sum(
            (b.quote.weighing.chargeable_kg for b in self.boxes if b.quote is not None), Decimal(0)
        )


def check_line(
    parcels: Sequence[Parcel],
    line: RateCard,
    agent: AgentFees,
    rules: PackingRules = DEFAULT_PACKING,
    repack: bool = False,
) -> LineRefusal | None:
    """Why `line` cannot take these parcels at all, or None."""
    if not parcels:
        raise ValueError("Choose at least one parcel to ship.")
    if agent.currency != line.currency:
        detail = Message(
            MESSAGES,
            QT_TRANSLATE_NOOP(
                "domain.consolidation",
                "Priced in {line_currency} but the agent's fees are in {agent_currency}: "
                "enter both in one currency",
            ),
            line_currency=line.currency,
            agent_currency=agent.currency,
        )
        return LineRefusal(line, Refusal("Currency", detail=detail))
    for parcel in parcels:
        refusal = tag_refusal(parcel, line) or _alone_refusal(parcel, line, rules, repack)
        if refusal is not None:
            return LineRefusal(line, refusal, parcel)
    return None


def _alone_refusal(
    parcel: Parcel, line: RateCard, rules: PackingRules, repack: bool
) -> Refusal | None:
    box = make_box([parcel], rules, repack)
    found: BoxQuote | SeaQuote | Refusal
    if line.is_sea:
        found = quote_sea([(box.actual_kg, box.dimensions)], line)
    else:
        found = quote_box(box.actual_kg, box.dimensions, line)
    return found if isinstance(found, Refusal) else None


def best_split(
    parcels: Sequence[Parcel],
    line: RateCard,
    agent: AgentFees,
    rules: PackingRules = DEFAULT_PACKING,
    repack: bool = False,
    exact_limit: int | None = None,
    shapes: Shapes | None = None,
    checked: bool = False,
) -> Split | LineRefusal:
    """The cheapest split of `parcels` into boxes on `line` (see the module's rules).

    `shapes` (search.Shapes of the same parcels and packing rules) lets several lines share
    the box sizes already worked out; the result is the same with or without it. `checked`:
    the caller has had check_line(parcels, line, agent, rules, repack) say None already.
    """
    refusal = None if checked else check_line(parcels, line, agent, rules, repack)
    if refusal is not None:
        return refusal
    engine = Engine(parcels, line, agent, rules, repack, shapes)
    limit = exact_limit
    if limit is None:
        limit = EXACT_MAX_SEA_PARCELS if line.is_sea else EXACT_MAX_PARCELS
    exact = len(parcels) <= limit
    if not exact:
        blocks = heuristic(engine)
    else:
        blocks = exact_sea(engine, heuristic(engine)) if line.is_sea else exact_additive(engine)
    groups = [[p for i, p in enumerate(engine.parcels) if mask >> i & 1] for mask in blocks]
    return price_split(groups, line, agent, rules, repack, exact, parcels, checked=True)


def separate(
    parcels: Sequence[Parcel],
    line: RateCard,
    agent: AgentFees,
    rules: PackingRules = DEFAULT_PACKING,
    repack: bool = False,
    checked: bool = False,
) -> Split | LineRefusal:
    """Every parcel in a box of its own (as it is, or repacked)."""
    return price_split([[p] for p in parcels], line, agent, rules, repack, checked=checked)


def one_box(
    parcels: Sequence[Parcel],
    line: RateCard,
    agent: AgentFees,
    rules: PackingRules = DEFAULT_PACKING,
    repack: bool = False,
    checked: bool = False,
) -> Split | LineRefusal:
    """Everything in one box (refused when that box breaks a limit)."""
    return price_split([list(parcels)], line, agent, rules, repack, checked=checked)


def price_split(
    groups: Sequence[Sequence[Parcel]],
    line: RateCard,
    agent: AgentFees,
    rules: PackingRules = DEFAULT_PACKING,
    repack: bool = False,
    proven_optimal: bool = False,
    ordered: Sequence[Parcel] | None = None,
    checked: bool = False,
) -> Split | LineRefusal:
    """The cost of sending `groups` (each group one box) on `line`, or why it is refused
    (`checked`: as in best_split)."""
    parcels = [p for group in groups for p in group]
    refusal = None if checked else check_line(parcels, line, agent, rules, repack)
    if refusal is not None:
        return refusal
    position = {id(p): i for i, p in enumerate(ordered or parcels)}
    chosen = sorted(groups, key=lambda g: min(position.get(id(p), 0) for p in g))
    boxes = [make_box(group, rules, repack) for group in chosen]
    fees = [_agent_box_fee(box, agent) for box in boxes]
    zero = zero_money(line.currency)
    agent_total = add_money(zero, *fees)
    for box in boxes:
        limit = limit_refusal(box.actual_kg, box.dimensions, line)
        if limit is not None:
            return LineRefusal(line, limit, box=box.parcels)
    if line.is_sea:
        sea = quote_sea([(b.actual_kg, b.dimensions) for b in boxes], line)
        if isinstance(sea, Refusal):
            return LineRefusal(line, sea)
        priced = tuple(PricedBox(b, None, f) for b, f in zip(boxes, fees, strict=True))
        return Split(
            line,
            priced,
            sea,
            sea.freight,
            sea.fuel_surcharge,
            sea.box_fees,
            agent_total,
            proven_optimal,
            repack,
        )
    quotes: list[BoxQuote] = []
    for box in boxes:
        quote = quote_box(box.actual_kg, box.dimensions, line)
        if isinstance(quote, Refusal):
            return LineRefusal(line, quote, box=box.parcels)
        quotes.append(quote)
    priced = tuple(PricedBox(b, q, f) for b, q, f in zip(boxes, quotes, fees, strict=True))
    return Split(
        line,
        priced,
        None,
        add_money(zero, *(q.freight for q in quotes)),
        add_money(zero, *(q.fuel_surcharge for q in quotes)),
        add_money(zero, *(q.box_fee for q in quotes)),
        agent_total,
        proven_optimal,
        repack,
    )


def _agent_box_fee(box: Box, agent: AgentFees) -> Money:
    consolidation = agent.consolidation_fee(1 if box.consolidated else 0)
    repack = agent.repack_fee(len(box.parcels) if box.repacked else 0)
    return add_money(consolidation, repack)
