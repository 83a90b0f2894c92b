"""The quantity advisor: for one quote, the cost per unit at every order quantity of a range, and
the points where moving up to the next price break pays (domain.md: Price breaks are
all-units, so 100 pieces at ¥2.80 can cost less than 99 at ¥3.20).

Rules, decided once:
- Each quantity of the range is priced by the quote's rules (quotes module): rounded up to the
  order multiple, unpriceable below the MOQ or the shop minimum (the point then says why).
- With landed-cost settings the cost is the landed total in home currency (landed_cost module,
  the same calculation line for line), else the goods total in the quote's currency. Per unit =
  total / ordered quantity, exact. The settings' freight is the whole-order amount at every
  quantity unless `freight_per_unit` is given (then freight = that x ordered quantity, rounded):
  the advisor does not re-rate freight by weight.
- A break "pays" when the total at its least orderable quantity is LOWER than the total at the
  orderable quantity just below it. `buy_up_from` is the least quantity below the break from
  which ordering the break's quantity costs no more (totals rise within a break, so it is found
  by bisection). Savings cover every break of the quote, whatever the range shown.
- Every ordered quantity is computed once (a range of 10,000 with a multiple of 12 prices 834
  quantities), in one decimal context: 10,000 quantities take well under 200 ms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from app.domain.kit.message import QT_TRANSLATE_NOOP, Message
from app.domain.kit.numbers import number_problem
from app.domain.negotiation.amounts import MAX_QUANTITY, ZERO, format_money, round_money
from app.domain.negotiation.cost_settings import LandedCostSettings
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.landed_cost import prepare
from app.domain.negotiation.quotes import (
    UNKNOWN_SHIPPING,
    PricedQuote,
    Quote,
    price_checked,
    quote_problems,
    round_to_multiple,
)

MESSAGES = "domain.negotiation"  # the catalogue context of the advisor's sentences (kit.message)
MAX_RANGE = 100_000  # quantities in one chart: far more than a chart can show
_PRECISION = 34


@dataclass(frozen=True, slots=True)
class AdvisorPoint:
    quantity: int
    ordered_qty: int
    unit_price: Decimal | None  # None: not priceable at this quantity
    total: Decimal | None
    per_unit: Decimal | None  # exact total / ordered quantity
    reason: str = ""  # why it is not priceable


@dataclass(frozen=True, slots=True)
class BreakSaving:
    from_qty: int  # the orderable quantity just below the break
    to_qty: int  # the break's least orderable quantity
    saving: Decimal  # total(from_qty) - total(to_qty), above 0
    currency: str
    buy_up_from: int  # from here to from_qty, ordering to_qty costs no more
    sentence_message: Message  # for the interface to show in its language

    @property
    def sentence(self) -> str:
        return str(self.sentence_message)


@dataclass(frozen=True, slots=True)
class QuantityAdvice:
    quote: Quote
    currency: str  # of the totals: home with settings, else the quote's
    landed: bool  # True: landed totals; False: goods totals
    points: tuple[AdvisorPoint, ...]
    savings: tuple[BreakSaving, ...]

    def point(self, quantity: int) -> AdvisorPoint:
        start = self.points[0].quantity
        return self.points[quantity - start]


_Cost = tuple[Decimal | None, Decimal | None, Decimal | None, str]  # unit, total, per unit, why


def quantity_advice(
    quote: Quote,
    start: int = 1,
    stop: int = 10_000,
    *,
    settings: LandedCostSettings | None = None,
    rates: Iterable[ExchangeRate] = (),
    home: str | None = None,
    on: date | None = None,
    freight_per_unit: Decimal | None = None,
) -> QuantityAdvice:
    """Cost per unit for every quantity from `start` to `stop` (inclusive) and the break savings.

    With `settings`, `home` and `on` (the date of import) are needed. Raises ValueError for a
    broken quote, range or settings, or a missing exchange rate.
    """
    problems = quote_problems(quote)
    if problems:
        raise ValueError(" ".join(problems))
    _check_range(start, stop)
    if freight_per_unit is not None:
        problem = number_problem(freight_per_unit, "Freight per unit", minimum=ZERO)
        if problem:
            raise ValueError(problem)
    cost_of = _cost_function(quote, settings, rates, home, on, freight_per_unit)
    currency = home if settings is not None and home is not None else quote.currency
    cache: dict[int, _Cost] = {}
    points: list[AdvisorPoint] = []
    multiple = quote.order_multiple
    with localcontext() as context:
        context.prec = _PRECISION
        for quantity in range(start, stop + 1):
            ordered = round_to_multiple(quantity, multiple)
            cost = cache.get(ordered)
            if cost is None:
                cost = cache[ordered] = cost_of(ordered)
            points.append(AdvisorPoint(quantity, ordered, *cost))
        savings = _savings(quote, currency, cache, cost_of)
    return QuantityAdvice(quote, currency, settings is not None, tuple(points), savings)


def _check_range(start: object, stop: object) -> None:
    for value, label in ((start, "The first quantity"), (stop, "The last quantity")):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_QUANTITY:
            raise ValueError(f"{label} must be a whole number from 1 to {MAX_QUANTITY:,}.")
    assert isinstance(start, int) and isinstance(stop, int)
    if stop < start:
        raise ValueError(f"The range must run upwards: {start:,} to {stop:,}.")
    if stop - start + 1 > MAX_RANGE:
        raise ValueError(f"Show at most {MAX_RANGE:,} quantities at a time.")


def _cost_function(
    quote: Quote,
    settings: LandedCostSettings | None,
    rates: Iterable[ExchangeRate],
    home: str | None,
    on: date | None,
    freight_per_unit: Decimal | None,
) -> Callable[[int], _Cost]:
    """ordered quantity -> (unit price, total, per unit, reason) for goods or landed totals."""
    if settings is None:

        def goods_cost(ordered: int) -> _Cost:
            priced = price_checked(quote, ordered)
            if not isinstance(priced, PricedQuote):
                return None, None, None, priced.message
            return priced.unit_price, priced.goods_total, priced.goods_total / ordered, ""

        return goods_cost
    if home is None or on is None:
        raise ValueError("Give the home currency and the date of import for landed costs.")
    domestic = ZERO if quote.shipping_included else quote.domestic_shipping
    if domestic is None:
        raise ValueError(UNKNOWN_SHIPPING)
    calculator = prepare(settings, quote.currency, rates, home, on)
    shipping: Decimal = domestic

    def landed_cost_at(ordered: int) -> _Cost:
        priced = price_checked(quote, ordered)
        if not isinstance(priced, PricedQuote):
            return None, None, None, priced.message
        freight = None
        if freight_per_unit is not None:
            freight = round_money(freight_per_unit * ordered, home)
        total = calculator.parts(priced.goods_total, shipping, freight).total
        return priced.unit_price, total, total / ordered, ""

    return landed_cost_at


def _savings(
    quote: Quote, currency: str, cache: dict[int, _Cost], cost_of: Callable[[int], _Cost]
) -> tuple[BreakSaving, ...]:
    multiple = quote.order_multiple

    def total(ordered: int) -> Decimal | None:
        cost = cache.get(ordered)
        if cost is None:
            cost = cache[ordered] = cost_of(ordered)
        return cost[1]

    found: list[BreakSaving] = []
    for previous, current in zip(quote.breaks, quote.breaks[1:], strict=False):
        to_qty = round_to_multiple(current.min_qty, multiple)
        from_qty = to_qty - multiple
        after, before = total(to_qty), total(from_qty) if from_qty >= 1 else None
        if after is None or before is None or after >= before:
            continue
        low = max(round_to_multiple(previous.min_qty, multiple), multiple)
        buy_up_from = _least_not_cheaper(low, from_qty, multiple, after, total)
        found.append(_saving(from_qty, to_qty, before - after, currency, buy_up_from))
    return tuple(found)


def _least_not_cheaper(
    low: int, high: int, step: int, target: Decimal, total: Callable[[int], Decimal | None]
) -> int:
    """The least multiple of `step` in [low, high] whose total is at least `target` (`high`'s
    is): totals rise with quantity inside one break, and unpriceable ones count as cheaper."""
    lo, hi = low // step, high // step
    while lo < hi:
        middle = (lo + hi) // 2
        value = total(middle * step)
        if value is not None and value >= target:
            hi = middle
        else:
            lo = middle + 1
    return hi * step


def _saving(
    from_qty: int, to_qty: int, saving: Decimal, currency: str, buy_up_from: int
) -> BreakSaving:
    figures = {
        "to_qty": f"{to_qty:,}",
        "from_qty": f"{from_qty:,}",
        "saving": format_money(saving, currency),
    }
    if buy_up_from < from_qty:
        sentence = Message(
            MESSAGES,
            QT_TRANSLATE_NOOP(
                "domain.negotiation",
                "Ordering {to_qty} instead of {from_qty} costs {saving} less; "
                "from {buy_up_from} pieces up, ordering {to_qty} costs no more.",
            ),
            buy_up_from=f"{buy_up_from:,}",
            **figures,
        )
    else:
        sentence = Message(
            MESSAGES,
            QT_TRANSLATE_NOOP(
                "domain.negotiation", "Ordering {to_qty} instead of {from_qty} costs {saving} less."
            ),
            **figures,
        )
    return BreakSaving(from_qty, to_qty, saving, currency, buy_up_from, sentence)
