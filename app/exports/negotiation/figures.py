"""What the app itself computes for a NegotiationExport, from the domain rules only: each quote
priced at the planned quantity, its landed cost, selling price and rank, the market statistics,
the rates in force on the export date, and the chosen supplier's worksheet. The PDF prints
these figures; the .xlsx writes formulas that give the same ones (and its tests compare).

Decisions:
- The date of import (rates, low-value relief) is the export's `today`.
- Rank: by exact landed cost per unit, lowest first; equal costs share a rank (1, 2, 2, 4);
  a quote without a landed cost has no rank.
- Market statistics need one currency (domain rule), so they are given per quote currency.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from app.domain.negotiation.amounts import ZERO
from app.domain.negotiation.comparison import settings_for_order
from app.domain.negotiation.destinations import ReliefRule
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.landed_cost import LandedCost, landed_cost
from app.domain.negotiation.market import MarketEntry, MarketStats, market_stats
from app.domain.negotiation.payment import InstalmentAmount, plan_amounts
from app.domain.negotiation.quotes import (
    PriceBreak,
    PricedQuote,
    Quote,
    Validity,
    price_quote,
    quote_problems,
    validity_on,
)
from app.domain.negotiation.selling import price_for_margin
from app.domain.negotiation.worksheet import RoundsReview, review_rounds
from app.exports.negotiation.data import NegotiationExport, QuoteEntry, WorksheetEntry


@dataclass(frozen=True, slots=True)
class QuoteFigures:
    entry: QuoteEntry
    priced: PricedQuote | None  # None: not priceable at the planned quantity
    reason: str  # why not priceable ("" when priced)
    landed: LandedCost | None
    landed_problem: str  # why there is no landed cost ("" when there is one, or not priced)
    selling: Decimal | None  # for the target margin after the selling fee, up to the cent
    selling_problem: str
    validity: Validity
    rank: int | None = None
    market: MarketEntry | None = None


@dataclass(frozen=True, slots=True)
class WorksheetFigures:
    entry: WorksheetEntry
    review: RoundsReview | None  # None without targets (or with broken rounds)
    review_problem: str
    instalments: tuple[InstalmentAmount, ...]
    plan_problem: str
    landed: LandedCost | None  # the agreed terms' (else the chosen quote's at the planned qty)
    landed_title: str
    landed_problem: str


def rate_in_use(data: NegotiationExport, currency: str) -> ExchangeRate | None:
    """The rate fx.rate_for uses on the export date: the latest dated on or before it."""
    wanted = currency.upper()
    usable = [r for r in data.rates if r.currency.upper() == wanted and r.as_of <= data.today]
    return max(usable, key=lambda r: r.as_of) if usable else None


def relief_rule(data: NegotiationExport) -> ReliefRule | None:
    """The destination's low-value relief in force on the export date; None: none."""
    return data.settings.destination.rule_on(data.today)


def relief_applies(data: NegotiationExport) -> bool:
    """Whether a threshold is compared at all (landed_cost.prepare: a duty-free limit)."""
    rule = relief_rule(data)
    return rule is not None and rule.duty_free_up_to is not None


def workbook_currencies(data: NegotiationExport) -> list[str]:
    """Home first, then every other currency the export meets, alphabetically."""
    home = data.home.upper()
    found = {entry.quote.currency.upper() for entry in data.quotes}
    found |= {rate.currency.upper() for rate in data.rates}
    found.add(data.settings.agent_currency.upper())
    if data.settings.destination.currency:
        found.add(data.settings.destination.currency.upper())
    found.discard(home)
    return [home, *sorted(found)]


def quote_figures(data: NegotiationExport) -> list[QuoteFigures]:
    """Every quote at the planned quantity, in the order given, ranked and flagged."""
    rows = [_figures(data, entry) for entry in data.quotes]
    ranks = competition_ranks([r.landed.per_unit if r.landed else None for r in rows])
    markets = _market_entries(data)
    return [
        replace(row, rank=rank, market=markets.get(index))
        for index, (row, rank) in enumerate(zip(rows, ranks, strict=True))
    ]


def competition_ranks(values: Sequence[Decimal | None]) -> list[int | None]:
    """Lowest first, ties share a rank (1, 2, 2, 4); None stays unranked."""
    present = [v for v in values if v is not None]
    return [None if v is None else 1 + sum(1 for o in present if o < v) for v in values]


def market_by_currency(data: NegotiationExport) -> list[MarketStats]:
    """market_stats over the usable quotes of each currency, currencies alphabetically."""
    result = []
    for quotes in _usable_by_currency(data).values():
        result.append(market_stats([q for _, q in quotes], data.planned_qty))
    return result


def worksheet_figures(data: NegotiationExport) -> WorksheetFigures | None:
    entry = data.worksheet
    if entry is None:
        return None
    review, review_problem = None, ""
    if entry.targets is not None and entry.rounds:
        try:
            review = review_rounds(entry.rounds, entry.targets)
        except ValueError as error:
            review_problem = str(error)
    instalments: tuple[InstalmentAmount, ...] = ()
    plan_problem = ""
    agreed = entry.agreed
    if agreed is not None and agreed.payment_plan is not None:
        try:
            instalments = plan_amounts(agreed.payment_plan, agreed.total, agreed.currency)
        except ValueError as error:
            plan_problem = str(error)
    landed, title, problem = _chosen_landed_cost(data, entry)
    return WorksheetFigures(
        entry, review, review_problem, instalments, plan_problem, landed, title, problem
    )


# --- internals -------------------------------------------------------------------------------


def _figures(data: NegotiationExport, entry: QuoteEntry) -> QuoteFigures:
    quote = entry.quote
    validity = validity_on(quote, data.today)
    try:
        result = price_quote(quote, data.planned_qty)
    except ValueError as error:
        return QuoteFigures(entry, None, str(error), None, "", None, "", validity)
    if not isinstance(result, PricedQuote):
        return QuoteFigures(entry, None, result.message, None, "", None, "", validity)
    landed, problem = _landed(data, result)
    selling, selling_problem = None, ""
    if landed is not None:
        try:
            selling = price_for_margin(
                landed.total,
                data.target_margin_pct,
                data.selling_fee_pct,
                units=landed.units,
                currency=data.home,
            )
        except ValueError as error:
            selling_problem = str(error)
    return QuoteFigures(entry, result, "", landed, problem, selling, selling_problem, validity)


def _landed(data: NegotiationExport, priced: PricedQuote) -> tuple[LandedCost | None, str]:
    try:
        settings = settings_for_order(
            data.settings, data.freight_per_unit, priced.ordered_qty, data.home
        )
        return landed_cost(priced, settings, data.rates, data.home, data.today), ""
    except ValueError as error:
        return None, str(error)


def _usable_by_currency(data: NegotiationExport) -> dict[str, list[tuple[int, Quote]]]:
    groups: dict[str, list[tuple[int, Quote]]] = {}
    for index, entry in enumerate(data.quotes):
        if not quote_problems(entry.quote) and data.planned_qty >= 1:
            groups.setdefault(entry.quote.currency, []).append((index, entry.quote))
    return dict(sorted(groups.items()))


def _market_entries(data: NegotiationExport) -> dict[int, MarketEntry]:
    found: dict[int, MarketEntry] = {}
    for quotes in _usable_by_currency(data).values():
        stats = market_stats([q for _, q in quotes], data.planned_qty)
        for (index, _), market in zip(quotes, stats.entries, strict=True):
            found[index] = market
    return found


def _chosen_landed_cost(
    data: NegotiationExport, entry: WorksheetEntry
) -> tuple[LandedCost | None, str, str]:
    """The landed cost of the agreed terms (agreed price x agreed quantity, with the chosen
    quote's domestic shipping), or of the chosen quote at the planned quantity."""
    agreed = entry.agreed
    matched = _chosen_quote(data, entry)
    if agreed is None:
        if matched is None:
            return None, "", "No quote of this supplier to cost."
        try:
            result = price_quote(matched, data.planned_qty)
        except ValueError as error:
            return None, "", str(error)
        if not isinstance(result, PricedQuote):
            return None, "", result.message
        title = f"Chosen quote at {result.ordered_qty:,} pieces"
        landed, problem = _landed(data, result)
        return landed, title, problem
    shipping: Decimal | None = None
    base = Quote(agreed.supplier_id, agreed.product, currency=agreed.currency)
    if matched is not None and matched.currency == agreed.currency:
        base = matched
        shipping = ZERO if matched.shipping_included else matched.domestic_shipping
    priced = PricedQuote(
        quote=base,
        quantity=agreed.quantity,
        ordered_qty=agreed.quantity,
        price_break=PriceBreak(agreed.quantity, agreed.unit_price),
        unit_price=agreed.unit_price,
        goods_total=agreed.total,
        domestic_shipping=shipping,
    )
    title = f"Agreed terms: {agreed.quantity:,} pieces at the agreed price"
    landed, problem = _landed(data, priced)
    return landed, title, problem


def _chosen_quote(data: NegotiationExport, entry: WorksheetEntry) -> Quote | None:
    if entry.agreed is not None:
        for item in data.quotes:
            if item.quote.supplier_id == entry.agreed.supplier_id:
                return item.quote
    for item in data.quotes:
        if item.supplier_name == entry.supplier_name:
            return item.quote
    return None
