"""Market research over several suppliers' quotes at one quantity (domain.md: Negotiation: quotes
from 5-10 suppliers; price range, mean and quantity-weighted mean).

Rules, decided once:
- Each quote is priced at the quantity by the quote rules; only the priceable ones count, the
  others are listed with the reason. All counted quotes must be in one currency (no rate is
  guessed): mixed currencies are refused with a message.
- Statistics are over unit prices: min, max, mean, median (the mean of the middle two for an
  even count) and the quantity-weighted mean = total goods / total units (each quote at its own
  ordered quantity, which differs when order multiples differ). Mean and weighted mean are
  rounded to 4 decimals half up (a unit price's precision); min, max and median are exact.
- The cheapest unit price is marked; ties are all marked.
- "Too good to be true": a unit price below the median by MORE than the threshold (default 30 %,
  editable; exactly 30 % below is not flagged). With fewer than 3 priceable quotes nothing is
  flagged: two prices have no meaningful median to fall below.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from app.domain.kit.message import QT_TRANSLATE_NOOP, Field, Message
from app.domain.kit.numbers import number_problem
from app.domain.negotiation.amounts import HUNDRED, ZERO
from app.domain.negotiation.quotes import PricedQuote, Quote, price_quote

TOO_GOOD_PCT = Decimal(30)  # brief: flagged below the median by more than 30 % (editable)
MIN_QUOTES_TO_FLAG = 3
STAT_PLACES = Decimal("0.0001")  # unit-price precision (quotes.PRICE_PLACES)
PERCENT_SHOWN = Decimal("0.1")
MESSAGES = "domain.negotiation"  # the catalogue context of the sentences (kit.message)
NOTHING_PRICEABLE = Message(
    MESSAGES, QT_TRANSLATE_NOOP("domain.negotiation", "No quote can be priced at this quantity.")
)


@dataclass(frozen=True, slots=True)
class MarketEntry:
    quote: Quote
    priced: PricedQuote | None  # None: not priceable at the quantity
    reason: str = ""  # why not priceable
    cheapest: bool = False
    too_good: bool = False  # "too good to be true": check quality and the supplier first
    below_median_pct: Decimal | None = None  # how far below the median (0.1, half up)


@dataclass(frozen=True, slots=True)
class MarketStats:
    quantity: int
    currency: str | None  # None when nothing is priceable
    count: int  # priceable quotes
    minimum: Decimal | None
    maximum: Decimal | None
    mean: Decimal | None
    median: Decimal | None
    weighted_mean: Decimal | None  # total goods / total units
    threshold_pct: Decimal
    entries: tuple[MarketEntry, ...]  # in the order given
    note_said: Field = ""  # e.g. why nothing is flagged; the interface says it in its language

    @property
    def note(self) -> str:
        """The note in English ("" when none)."""
        return str(self.note_said)


def market_stats(
    quotes: Iterable[Quote], quantity: int, too_good_pct: Decimal = TOO_GOOD_PCT
) -> MarketStats:
    """Statistics and flags for the quotes priced at `quantity` (module rules).

    Raises ValueError for a broken quote, quantity or threshold, or mixed currencies.
    """
    problem = number_problem(too_good_pct, "The 'too good to be true' threshold", ZERO, HUNDRED)
    if problem:
        raise ValueError(problem)
    results = [(quote, price_quote(quote, quantity)) for quote in quotes]
    priced = [result for _, result in results if isinstance(result, PricedQuote)]
    currencies = sorted({p.currency for p in priced})
    if len(currencies) > 1:
        raise ValueError(
            f"The quotes are in {' and '.join(currencies)}: compare quotes in one currency."
        )
    if not priced:
        entries = tuple(MarketEntry(q, None, getattr(r, "message", "")) for q, r in results)
        return MarketStats(
            quantity,
            None,
            0,
            None,
            None,
            None,
            None,
            None,
            too_good_pct,
            entries,
            NOTHING_PRICEABLE,
        )
    prices = sorted(p.unit_price for p in priced)
    lowest, median = prices[0], _median(prices)
    flagging = len(priced) >= MIN_QUOTES_TO_FLAG
    entries = tuple(
        _entry(quote, result, lowest, median, too_good_pct, flagging) for quote, result in results
    )
    note: Field = ""
    if not flagging:
        note = Message(
            MESSAGES,
            QT_TRANSLATE_NOOP(
                "domain.negotiation",
                "Fewer than {count} priceable quotes: nothing is flagged as too good.",
            ),
            count=MIN_QUOTES_TO_FLAG,
        )
    mean = (sum(prices, ZERO) / len(prices)).quantize(STAT_PLACES, ROUND_HALF_UP)
    goods = sum((p.goods_total for p in priced), ZERO)
    units = sum(p.ordered_qty for p in priced)
    weighted = (goods / units).quantize(STAT_PLACES, ROUND_HALF_UP)
    return MarketStats(
        quantity,
        currencies[0],
        len(priced),
        lowest,
        prices[-1],
        mean,
        median,
        weighted,
        too_good_pct,
        entries,
        note,
    )


def _median(ordered: list[Decimal]) -> Decimal:
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _entry(
    quote: Quote,
    result: object,
    lowest: Decimal,
    median: Decimal,
    threshold: Decimal,
    flagging: bool,
) -> MarketEntry:
    if not isinstance(result, PricedQuote):
        return MarketEntry(quote, None, getattr(result, "message", ""))
    gap = median - result.unit_price
    too_good = flagging and gap * HUNDRED > threshold * median  # exact: no division
    below = gap * HUNDRED / median
    shown = below.quantize(PERCENT_SHOWN, ROUND_HALF_UP) if below > 0 else None
    return MarketEntry(quote, result, "", result.unit_price == lowest, too_good, shown)
