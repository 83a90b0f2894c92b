"""The quote comparison of one product at one quantity (domain.md: Negotiation; Landed cost):
every supplier's quote priced at the quantity, its landed cost in the home currency, the selling
price for the target margin, a rank, and the market statistics with their flags.

Rules, decided once:
- Each quote is priced by the quote rules (quotes module). An unpriceable quote (below its MOQ or
  the shop minimum) keeps its row with the reason in `problem` and is not ranked.
- Goods in home currency: the quote's rounded goods total converted once (fx rules). Landed cost:
  the landed_cost module with the user's settings, rates and home currency, imported on `on`.
  When it cannot be computed (no exchange rate, unknown domestic shipping, broken settings), the
  row still shows its goods price and `problem` says why; it is not ranked.
- Rank: by the exact landed cost per unit, lowest first, competition ranking ("1, 2, 2, 4"):
  equal costs share a rank and the next rank skips. Every quote ranked 1 is the cheapest.
- Selling price: from the exact landed total and units, at the target margin on price after the
  selling fee (selling module: P = C / (1 - f - m), rounded up to the cent). A margin and fee
  that leave no price give no selling price and a `problem`.
- Validity on `on` (quotes module): expired, expiring within 7 days, not yet valid or valid. An
  expired quote is still priced and ranked: it is flagged, not refused.
- Market statistics (market module) over the unit prices of the priceable quotes. Quotes in one
  currency are compared as they are. With several currencies, every unit price is converted to
  the currency most quotes use (ties: the home currency if among them, else the first in
  alphabetical order) at the rates on `on`, rounded to 4 decimals half up (a unit price's
  precision; these converted prices serve the statistics only, never a cost). A quote whose
  currency has no rate is left out of the statistics and the note says so. The "too good to be
  true" flag and how far below the median come from those statistics.
- Rows keep the order the quotes were given in; sort by `rank` to list the cheapest first.
- Measured freight: when the goods already travelled (the Consolidation tab allocated a
  shipment's charge to the product), that freight per unit, converted to the home currency at
  the rate on `on` (exact; the order's freight is then per unit x ordered quantity, rounded
  once to the home currency's minor unit, as the quantity advisor does), replaces the settings' freight for every quote. Without a rate for
  its currency the settings' freight stays and `freight_per_unit` is None.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from app.domain.kit.message import QT_TRANSLATE_NOOP, SPACE, Field, Listing, Message, said
from app.domain.kit.money import Money
from app.domain.negotiation.amounts import round_money
from app.domain.negotiation.cost_settings import LandedCostSettings
from app.domain.negotiation.fx import ExchangeRate, rate_for, to_home
from app.domain.negotiation.landed_cost import LandedCost, landed_cost
from app.domain.negotiation.market import (
    NOTHING_PRICEABLE,
    TOO_GOOD_PCT,
    MarketStats,
    market_stats,
)
from app.domain.negotiation.quotes import (
    EXPIRY_WARNING_DAYS,
    PRICE_PLACES,
    PriceBreak,
    PricedQuote,
    Quote,
    Unpriceable,
    Validity,
    days_left,
    price_quote,
    validity_on,
)
from app.domain.negotiation.selling import PricingMethod, SellingPrice, selling_price

DEFAULT_MARGIN_PCT = Decimal(30)  # decided: a common target margin for a reseller
_PRICE_QUANTUM = Decimal(1).scaleb(-PRICE_PLACES)
MESSAGES = "domain.negotiation"  # the catalogue context of the sentences (kit.message)


@dataclass(frozen=True, slots=True)
class QuoteComparison:
    """One quote's row of the comparison."""

    quote: Quote
    priced: PricedQuote | None  # None: not priceable at the quantity
    unpriceable: Unpriceable | None  # why not (below the MOQ, shop minimum)
    goods_home: Decimal | None  # the goods total in home currency (None: no rate)
    landed: LandedCost | None  # None: see `problem`
    selling: SellingPrice | None  # for the target margin; None: see `problem`
    validity: Validity
    days_left: int | None  # to the quote's until date (None: open-ended)
    rank: int | None = None  # by landed cost per unit, 1 = cheapest; None: unranked
    too_good: bool = False  # "too good to be true": far below the median unit price
    below_median_pct: Decimal | None = None  # how far below the median (0.1 %)
    problems: tuple[Field, ...] = ()  # why something is missing, for the user (sentences)

    @property
    def problem_said(self) -> Listing:
        """The problems as one field, sentences apart: the interface says it in its language."""
        return Listing(self.problems, SPACE)

    @property
    def problem(self) -> str:
        """The problems in English ("" when none)."""
        return str(self.problem_said)

    @property
    def supplier_id(self) -> int:
        return self.quote.supplier_id

    @property
    def currency(self) -> str:
        return self.quote.currency

    @property
    def unit_price(self) -> Decimal | None:
        return None if self.priced is None else self.priced.unit_price

    @property
    def price_break(self) -> PriceBreak | None:
        return None if self.priced is None else self.priced.price_break

    @property
    def ordered_qty(self) -> int | None:
        return None if self.priced is None else self.priced.ordered_qty

    @property
    def goods_total(self) -> Decimal | None:
        """In the quote's currency."""
        return None if self.priced is None else self.priced.goods_total

    @property
    def landed_total(self) -> Decimal | None:
        return None if self.landed is None else self.landed.total

    @property
    def landed_per_unit(self) -> Decimal | None:
        """Exact (34 digits): show it at 4 decimals."""
        return None if self.landed is None else self.landed.per_unit

    @property
    def lead_time_days(self) -> int | None:
        return self.quote.lead_time_days

    @property
    def cheapest(self) -> bool:
        return self.rank == 1

    @property
    def expired(self) -> bool:
        return self.validity is Validity.EXPIRED

    @property
    def expiring(self) -> bool:
        return self.validity is Validity.EXPIRING


@dataclass(frozen=True, slots=True)
class Comparison:
    quantity: int
    on: date
    home: str
    target_margin_pct: Decimal
    selling_fee_pct: Decimal
    rows: tuple[QuoteComparison, ...]  # in the order the quotes were given
    market: MarketStats | None  # None: no quote could be compared
    market_note_said: Field = ""  # conversions made or quotes left out, in words
    measured_freight: Money | None = None  # per unit, from a shipment (its line's currency)
    freight_per_unit: Decimal | None = None  # the measured freight used, home currency

    @property
    def market_note(self) -> str:
        """The market note in English ("" when none); `market_note_said` for the interface."""
        return str(self.market_note_said)

    @property
    def ranked(self) -> tuple[QuoteComparison, ...]:
        """The rows cheapest first; unranked rows last, in the order given."""
        return tuple(sorted(self.rows, key=lambda r: (r.rank is None, r.rank or 0)))

    @property
    def cheapest(self) -> tuple[QuoteComparison, ...]:
        return tuple(row for row in self.rows if row.cheapest)

    def row_of(self, supplier_id: int) -> QuoteComparison:
        return next(row for row in self.rows if row.quote.supplier_id == supplier_id)


def compare_quotes(
    quotes: Sequence[Quote],
    quantity: int,
    settings: LandedCostSettings,
    rates: Iterable[ExchangeRate],
    home: str,
    on: date,
    too_good_pct: Decimal = TOO_GOOD_PCT,
    *,
    target_margin_pct: Decimal = DEFAULT_MARGIN_PCT,
    selling_fee_pct: Decimal = Decimal(0),
    warn_days: int = EXPIRY_WARNING_DAYS,
    measured_freight: Money | None = None,
) -> Comparison:
    """The comparison of `quotes` at `quantity` imported on `on` (module rules).

    Raises ValueError for a broken quote or quantity, or a broken threshold.
    """
    rates = tuple(rates)
    per_unit = measured_freight_per_unit(measured_freight, rates, home, on)
    rows = [
        replace(
            _row(
                quote,
                quantity,
                settings,
                rates,
                home,
                on,
                target_margin_pct,
                selling_fee_pct,
                per_unit,
            ),
            validity=validity_on(quote, on, warn_days),
            days_left=days_left(quote, on),
        )
        for quote in quotes
    ]
    ranks = competition_ranks([row.landed_per_unit for row in rows])
    rows = [replace(row, rank=rank) for row, rank in zip(rows, ranks, strict=True)]
    market, note, flags = _market(rows, quantity, rates, home, on, too_good_pct)
    rows = [
        replace(row, too_good=flags[i][0], below_median_pct=flags[i][1]) if i in flags else row
        for i, row in enumerate(rows)
    ]
    return Comparison(
        quantity,
        on,
        home,
        target_margin_pct,
        selling_fee_pct,
        tuple(rows),
        market,
        note,
        measured_freight,
        per_unit,
    )


def settings_for_order(
    settings: LandedCostSettings, freight_per_unit: Decimal | None, ordered_qty: int, home: str
) -> LandedCostSettings:
    """The settings an order is costed with: a measured freight per unit (home currency)
    replaces the typed whole-order freight, as per unit x ordered pieces rounded once."""
    if freight_per_unit is None:
        return settings
    return replace(settings, freight=round_money(freight_per_unit * ordered_qty, home))


def measured_freight_per_unit(
    measured: Money | None, rates: Iterable[ExchangeRate], home: str, on: date
) -> Decimal | None:
    """A shipment's freight per unit in home currency (exact); None: none, or no rate."""
    if measured is None:
        return None
    try:
        return measured.amount / rate_for(measured.currency, rates, home, on)
    except ValueError:
        return None


def competition_ranks(values: Sequence[Decimal | None]) -> list[int | None]:
    """1 + how many values are strictly lower; None stays unranked ("1, 2, 2, 4")."""
    known = sorted(value for value in values if value is not None)
    ranks: list[int | None] = []
    for value in values:
        if value is None:
            ranks.append(None)
            continue
        lower = 0
        while lower < len(known) and known[lower] < value:
            lower += 1
        ranks.append(lower + 1)
    return ranks


def _row(
    quote: Quote,
    quantity: int,
    settings: LandedCostSettings,
    rates: tuple[ExchangeRate, ...],
    home: str,
    on: date,
    margin_pct: Decimal,
    fee_pct: Decimal,
    freight_per_unit: Decimal | None = None,
) -> QuoteComparison:
    result = price_quote(quote, quantity)
    if isinstance(result, Unpriceable):
        return QuoteComparison(
            quote, None, result, None, None, None, Validity.VALID, None, problems=(result.said,)
        )
    settings = settings_for_order(settings, freight_per_unit, result.ordered_qty, home)
    problems: list[Field] = []
    goods_home = landed = selling = None
    try:
        goods_home = to_home(result.goods_total, quote.currency, rates, home, on)
    except ValueError as error:
        problems.append(said(error))
    try:
        landed = landed_cost(result, settings, rates, home, on)
    except ValueError as error:
        text = said(error)
        if text not in problems:
            problems.append(text)
    if landed is not None:
        try:
            selling = selling_price(
                landed.total,
                PricingMethod.MARGIN,
                margin_pct,
                fee_pct,
                units=landed.units,
                currency=home,
            )
        except ValueError as error:
            problems.append(said(error))
    return QuoteComparison(
        quote,
        result,
        None,
        goods_home,
        landed,
        selling,
        Validity.VALID,
        None,
        problems=tuple(problems),
    )


_Flags = dict[int, tuple[bool, Decimal | None]]


def _market(
    rows: list[QuoteComparison],
    quantity: int,
    rates: tuple[ExchangeRate, ...],
    home: str,
    on: date,
    too_good_pct: Decimal,
) -> tuple[MarketStats | None, Field, _Flags]:
    """The statistics over the priceable quotes (in one currency, converted if need be)."""
    priceable = [(i, row.quote) for i, row in enumerate(rows) if row.priced is not None]
    if not priceable:
        return None, NOTHING_PRICEABLE, {}
    currencies = Counter(quote.currency for _, quote in priceable)
    if len(currencies) == 1:
        stats = market_stats([quote for _, quote in priceable], quantity, too_good_pct)
        return stats, stats.note_said, _flags(priceable, stats)
    target = _common_currency(currencies, home)
    converted: list[tuple[int, Quote]] = []
    left_out: list[str] = []
    used: list[str] = []
    for index, quote in priceable:
        if quote.currency == target:
            converted.append((index, quote))
            continue
        try:
            factor = rate_for(target, rates, home, on) / rate_for(quote.currency, rates, home, on)
        except ValueError:
            left_out.append(quote.currency)
            continue
        converted.append((index, _converted(quote, target, factor)))
        used.append(quote.currency)
    notes: list[Field] = []
    if used:
        notes.append(
            Message(
                MESSAGES,
                QT_TRANSLATE_NOOP(
                    "domain.negotiation",
                    "Unit prices in {currencies} are converted to {currency} for the statistics.",
                ),
                currencies=Listing(tuple(sorted(set(used)))),
                currency=target,
            )
        )
    if left_out:
        notes.append(
            Message(
                MESSAGES,
                QT_TRANSLATE_NOOP(
                    "domain.negotiation",
                    "Quotes in {currencies} are left out of the statistics: no exchange rate.",
                ),
                currencies=Listing(tuple(sorted(set(left_out)))),
            )
        )
    stats = market_stats([quote for _, quote in converted], quantity, too_good_pct)
    if stats.note:
        notes.append(stats.note_said)
    return stats, Listing(tuple(notes), SPACE), _flags(converted, stats)


def _flags(indexed: list[tuple[int, Quote]], stats: MarketStats) -> _Flags:
    return {
        index: (entry.too_good, entry.below_median_pct)
        for (index, _quote), entry in zip(indexed, stats.entries, strict=True)
    }


def _common_currency(currencies: Counter[str], home: str) -> str:
    most = max(currencies.values())
    tied = sorted(code for code, count in currencies.items() if count == most)
    return home if home in tied else tied[0]


def _converted(quote: Quote, target: str, factor: Decimal) -> Quote:
    """The quote's breaks in `target` for the statistics only (see the module rules). The
    quote is known to be priceable, so the shop minimum is dropped rather than converted."""
    breaks = tuple(
        PriceBreak(b.min_qty, max(_PRICE_QUANTUM, _to_price(b.unit_price * factor)))
        for b in quote.breaks
    )
    return replace(
        quote,
        currency=target,
        breaks=breaks,
        seller_min_amount=None,
        seller_min_qty=None,
        domestic_shipping=None,
        shipping_included=False,
    )


def _to_price(value: Decimal) -> Decimal:
    return value.quantize(_PRICE_QUANTUM, ROUND_HALF_UP)
