"""Quotes (domain.md: Negotiation; Price breaks): one supplier's price breaks for one product and
what a quantity costs under them. Pure Python: no Qt, no SQL.

Rules, decided once:
- Breaks are all-units: the whole quantity takes the price of the break with the largest minimum
  not above it, the minimum included (exactly 100 takes the "≥ 100" price; 99 does not).
- The quantity is first rounded UP to the order multiple (95 at a multiple of 12 orders 96); the
  MOQ, the break and the seller minimum are all checked on that ordered quantity.
- The MOQ is the item's own when given, else the first break's minimum. From the MOQ the first
  break's price applies, even when the MOQ is below that break's minimum. Below the MOQ the quote
  is not priceable (never silently at the first break): `Unpriceable` says so and gives the least
  quantity that can be ordered.
- A seller-level minimum ("¥300 or 30 pieces, mixed batch") is met by the goods amount OR the
  pieces, each inclusive; when only one of the two is set, only that one counts. The amount is
  compared with the rounded goods total (what the shop shows). Priced alone, the quote's own
  goods must meet it; pass the rest of the same shop order (other_amount, other_pieces) for a
  mixed batch.
- Goods total = unit price x ordered quantity, exact, then rounded once to the currency's minor
  unit ROUND_HALF_UP.
- Domestic shipping is per order (domain.md: Orders), in the quote's currency: 0 when included,
  None when neither included nor known (a landed cost then refuses to guess it).
- Validity on a date: before valid_from is not yet valid; after valid_until is expired (a quote
  is valid ON its until date); with 0 to `warn_days` days left (default 7, both ends inclusive:
  the until day itself and the day 7 days before it) it is expiring; otherwise valid. A quote
  without dates is valid. An expired quote still prices: it is flagged, not refused.
- Unit prices have at most 4 decimals (1688 shows 2, sometimes 3 for tiny parts); amounts have at
  most the currency's decimals; prices are above 0.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from app.domain.kit.message import QT_TRANSLATE_NOOP, Field, Listing, Message
from app.domain.kit.money import DEFAULT_CURRENCY, exponent
from app.domain.kit.numbers import number_problem, number_problem_said
from app.domain.negotiation.amounts import (
    MAX_AMOUNT,
    MAX_QUANTITY,
    ZERO,
    decimal_places,
    format_money,
    round_money,
)

PRICE_PLACES = 4  # decided here: 1688 shows 2 decimals, 3 for tiny parts; 4 leaves room
EXPIRY_WARNING_DAYS = 7  # brief: "expiring within N days (default 7)"
TEXT_LENGTH = 300
NOTE_LENGTH = 40_000
_CURRENCY = re.compile(r"[A-Z]{3}")
MESSAGES = "domain.negotiation"  # the catalogue context of the sentences (kit.message)
UNKNOWN_SHIPPING_MESSAGE = Message(
    MESSAGES,
    QT_TRANSLATE_NOOP(
        "domain.negotiation",
        "The domestic shipping of this quote is unknown: enter it, or tick 'shipping included'.",
    ),
)
UNKNOWN_SHIPPING = str(UNKNOWN_SHIPPING_MESSAGE)
OR = Message(MESSAGES, QT_TRANSLATE_NOOP("domain.negotiation", " or "))


class TradeTerm(StrEnum):
    """domain.md: the agreed quote records the trade term (Incoterms)."""

    EXW = "EXW"
    FOB = "FOB"
    CIF = "CIF"
    DDP = "DDP"

    @property
    def label(self) -> str:
        return _TERM_LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return _TERM_LABELS[self][1]


_TERM_LABELS = {
    TradeTerm.EXW: ("EXW: ex works (collected at the factory)", "工厂交货"),
    TradeTerm.FOB: ("FOB: free on board (loaded at the Chinese port)", "离岸价"),
    TradeTerm.CIF: ("CIF: cost, insurance and freight to your port", "到岸价"),
    TradeTerm.DDP: ("DDP: delivered duty paid (to your door, duties paid)", "完税后交货"),
}


class Validity(StrEnum):
    NOT_YET_VALID = "not_yet_valid"
    VALID = "valid"
    EXPIRING = "expiring"
    EXPIRED = "expired"

    @property
    def label(self) -> str:
        return _VALIDITY_LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return _VALIDITY_LABELS[self][1]


_VALIDITY_LABELS = {
    Validity.NOT_YET_VALID: ("Not yet valid", "未生效"),
    Validity.VALID: ("Valid", "有效"),
    Validity.EXPIRING: ("Expiring soon", "即将过期"),
    Validity.EXPIRED: ("Expired", "已过期"),
}


@dataclass(frozen=True, slots=True)
class PriceBreak:
    min_qty: int  # the break applies from this quantity, inclusive
    unit_price: Decimal


@dataclass(frozen=True, slots=True)
class Quote:
    supplier_id: int
    product: str
    currency: str = DEFAULT_CURRENCY
    breaks: tuple[PriceBreak, ...] = ()  # by min_qty, strictly rising
    moq: int | None = None  # the item's MOQ; None: the first break's min_qty
    order_multiple: int = 1
    seller_min_amount: Decimal | None = None  # shop minimum, in the quote's currency
    seller_min_qty: int | None = None  # shop minimum in pieces (met by amount OR pieces)
    valid_from: date | None = None
    valid_until: date | None = None  # valid on this day itself
    lead_time_days: int | None = None
    domestic_shipping: Decimal | None = None  # per order, in the quote's currency
    shipping_included: bool = False
    payment_terms: str = ""
    trade_term: TradeTerm = TradeTerm.EXW
    note: str = ""
    id: int | None = None

    @property
    def effective_moq(self) -> int:
        """The least quantity the quote prices (before rounding to the order multiple)."""
        if self.moq is not None:
            return self.moq
        return self.breaks[0].min_qty if self.breaks else 1


@dataclass(frozen=True, slots=True)
class PricedQuote:
    quote: Quote
    quantity: int  # as asked
    ordered_qty: int  # rounded up to the order multiple
    price_break: PriceBreak
    unit_price: Decimal
    goods_total: Decimal  # unit price x ordered quantity, rounded once
    domestic_shipping: Decimal | None  # 0 when included; None when unknown

    @property
    def currency(self) -> str:
        return self.quote.currency

    @property
    def total(self) -> Decimal | None:
        """Goods + domestic shipping; None while the shipping is unknown."""
        if self.domestic_shipping is None:
            return None
        return self.goods_total + self.domestic_shipping


class UnpriceableReason(StrEnum):
    BELOW_MOQ = "below_moq"
    SELLER_MINIMUM = "seller_minimum"


@dataclass(frozen=True, slots=True)
class Unpriceable:
    quote: Quote
    quantity: int
    ordered_qty: int
    reason: UnpriceableReason
    said: Message  # for the user, in the interface's language: "Below the MOQ of 100 pieces ..."
    least_qty: int | None = None  # the least orderable quantity that meets the MOQ

    @property
    def message(self) -> str:
        """The English sentence (exports, CLI)."""
        return str(self.said)


PriceResult = PricedQuote | Unpriceable


def round_to_multiple(quantity: int, multiple: int) -> int:
    """Up to the next multiple (95 -> 96 at 12); a multiple of 1 changes nothing."""
    return -(-quantity // multiple) * multiple


def price_quote(
    quote: Quote, quantity: int, *, other_amount: Decimal = ZERO, other_pieces: int = 0
) -> PriceResult:
    """What `quantity` costs under the quote, or why it cannot be priced (module rules).

    Raises ValueError for a quote with problems or a quantity below 1.
    """
    problems = quote_problems(quote)
    if problems:
        raise ValueError(" ".join(problems))
    _check_quantity(quantity)
    return price_checked(quote, quantity, other_amount, other_pieces)


def price_checked(
    quote: Quote, quantity: int, other_amount: Decimal = ZERO, other_pieces: int = 0
) -> PriceResult:
    """`price_quote` for a quote and quantity already checked (the advisor's fast path)."""
    multiple = quote.order_multiple
    ordered = round_to_multiple(quantity, multiple)
    moq = quote.effective_moq
    if ordered < moq:
        least = round_to_multiple(moq, multiple)
        if ordered == quantity:
            text = Message(
                MESSAGES,
                QT_TRANSLATE_NOOP(
                    "domain.negotiation", "Below the MOQ of {moq} pieces: order at least {least}."
                ),
                moq=f"{moq:,}",
                least=f"{least:,}",
            )
        else:
            text = Message(
                MESSAGES,
                QT_TRANSLATE_NOOP(
                    "domain.negotiation",
                    "Below the MOQ of {moq} pieces ({quantity} rounds up to {ordered}, a multiple"
                    " of {multiple}): order at least {least}.",
                ),
                moq=f"{moq:,}",
                quantity=f"{quantity:,}",
                ordered=f"{ordered:,}",
                multiple=f"{multiple:,}",
                least=f"{least:,}",
            )
        return Unpriceable(quote, quantity, ordered, UnpriceableReason.BELOW_MOQ, text, least)
    breaks = quote.breaks
    index = bisect_right([b.min_qty for b in breaks], ordered) - 1
    chosen = breaks[max(index, 0)]  # from the MOQ, the first break applies below its minimum
    goods = round_money(chosen.unit_price * ordered, quote.currency)
    shortfall = seller_minimum_shortfall(quote, goods + other_amount, ordered + other_pieces)
    if shortfall is not None:
        return Unpriceable(
            quote, quantity, ordered, UnpriceableReason.SELLER_MINIMUM, shortfall, None
        )
    shipping = ZERO if quote.shipping_included else quote.domestic_shipping
    return PricedQuote(quote, quantity, ordered, chosen, chosen.unit_price, goods, shipping)


def seller_minimum_shortfall(quote: Quote, amount: Decimal, pieces: int) -> Message | None:
    """Why the shop minimum is not met by `amount` and `pieces`; None when it is (or is unset)."""
    min_amount, min_qty = quote.seller_min_amount, quote.seller_min_qty
    if min_amount is None and min_qty is None:
        return None
    if min_amount is not None and amount >= min_amount:
        return None
    if min_qty is not None and pieces >= min_qty:
        return None
    wants: list[str | Message] = []
    if min_amount is not None:
        wants.append(format_money(min_amount, quote.currency))
    if min_qty is not None:
        wants.append(_pieces(min_qty))
    return Message(
        MESSAGES,
        QT_TRANSLATE_NOOP(
            "domain.negotiation",
            "Below the shop's minimum order of {minimum}: this order is {amount} and {pieces}.",
        ),
        minimum=Listing(tuple(wants), OR),
        amount=format_money(amount, quote.currency),
        pieces=_pieces(pieces),
    )


def _pieces(count: int) -> Message:
    return Message(
        MESSAGES, QT_TRANSLATE_NOOP("domain.negotiation", "{count} pieces"), count=f"{count:,}"
    )


def validity_on(quote: Quote, on: date, warn_days: int = EXPIRY_WARNING_DAYS) -> Validity:
    """The quote's validity on a day (module rules: valid on its until date)."""
    if quote.valid_from is not None and on < quote.valid_from:
        return Validity.NOT_YET_VALID
    left = days_left(quote, on)
    if left is None:
        return Validity.VALID
    if left < 0:
        return Validity.EXPIRED
    return Validity.EXPIRING if left <= warn_days else Validity.VALID


def days_left(quote: Quote, on: date) -> int | None:
    """Days from `on` to the until date (0 on the day itself, -1 the day after); None if open."""
    if quote.valid_until is None:
        return None
    return (quote.valid_until - on).days


# --- validation -----------------------------------------------------------------------------
def quote_problems(quote: Quote) -> list[str]:
    """Every broken rule of a quote as a sentence the user can act on; empty when usable."""
    problems: list[str] = []
    if isinstance(quote.supplier_id, bool) or not isinstance(quote.supplier_id, int):
        problems.append("Choose the supplier.")
    if not isinstance(quote.product, str) or not quote.product.strip():
        problems.append("Enter the product.")
    elif len(quote.product) > TEXT_LENGTH:
        problems.append(f"Keep the product under {TEXT_LENGTH} characters.")
    currency_ok = isinstance(quote.currency, str) and bool(_CURRENCY.fullmatch(quote.currency))
    if not currency_ok:
        problems.append(f"{quote.currency!r} is not a currency code like CNY or USD.")
    problems += break_problems(quote.breaks)
    problems += _count_problem(quote.moq, "The MOQ", minimum=1)
    problems += _count_problem(quote.order_multiple, "The order multiple", minimum=1, needed=True)
    problems += _count_problem(quote.seller_min_qty, "The shop's minimum pieces", minimum=1)
    problems += _count_problem(quote.lead_time_days, "The lead time (days)", minimum=0)
    currency = quote.currency if currency_ok else DEFAULT_CURRENCY
    problems += amount_problems(quote.seller_min_amount, "The shop's minimum amount", currency)
    problems += amount_problems(quote.domestic_shipping, "Domestic shipping", currency)
    if not isinstance(quote.shipping_included, bool):
        problems.append("Say whether shipping is included (yes or no).")
    elif quote.shipping_included and quote.domestic_shipping:
        problems.append("Shipping is included: leave domestic shipping empty or 0.")
    problems += _date_problems(quote)
    if not isinstance(quote.trade_term, TradeTerm):
        problems.append(f"{quote.trade_term!r} is not a trade term (EXW, FOB, CIF or DDP).")
    for value, label, limit in (
        (quote.payment_terms, "the payment terms", TEXT_LENGTH),
        (quote.note, "the note", NOTE_LENGTH),
    ):
        if not isinstance(value, str):
            problems.append(f"Enter {label} as text.")
        elif len(value) > limit:
            problems.append(f"Keep {label} under {limit:,} characters.")
    return problems


def break_problems(breaks: object) -> list[str]:
    """What is wrong with a list of price breaks (also used for a pasted table)."""
    if not isinstance(breaks, tuple) or not breaks:
        return ["Enter at least one price break (a quantity and its unit price)."]
    problems: list[str] = []
    previous: int | None = None
    for number, item in enumerate(breaks, start=1):
        if not isinstance(item, PriceBreak):
            problems.append(f"Price break {number} must be a quantity and a unit price.")
            continue
        count = _count_problem(item.min_qty, f"The quantity of price break {number}", 1, True)
        problems += count
        problems += price_problems(item.unit_price, f"The unit price of price break {number}")
        if count:
            continue
        if previous is not None and item.min_qty <= previous:
            problems.append(
                f"Price breaks must go up in quantity: {item.min_qty:,} comes after {previous:,}."
            )
        previous = item.min_qty
    return problems


def price_problems(value: object, label: str) -> list[str]:
    """A unit price: an exact number above 0 with at most PRICE_PLACES decimals."""
    problem = number_problem(value, label, maximum=MAX_AMOUNT)
    if problem:
        return [problem]
    price = Decimal(value)  # type: ignore[arg-type]
    if price <= 0:
        return [f"{label} must be above 0."]
    if decimal_places(price) > PRICE_PLACES:
        return [f"{label} has more than {PRICE_PLACES} decimals: {value}."]
    return []


def amount_problems(value: object, label: str, currency: str, needed: bool = False) -> list[str]:
    """An amount of money: 0 or more, with at most the currency's decimals."""
    entered = label.lower().removeprefix("the ")
    return [str(said) for said in amount_problems_said(value, label, currency, needed, entered)]


def amount_problems_said(
    value: object, label: Field, currency: str, needed: bool = False, entered: Field = ""
) -> list[Message]:
    """`amount_problems` as messages; `entered` names the amount after "Enter" (lower case)."""
    if value is None:
        enter = QT_TRANSLATE_NOOP("domain.negotiation", "Enter {what}.")
        return [Message(MESSAGES, enter, what=entered)] if needed else []
    problem = number_problem_said(value, label, minimum=ZERO, maximum=MAX_AMOUNT)
    if problem:
        return [problem]
    places = exponent(currency)
    if decimal_places(Decimal(value)) > places:  # type: ignore[arg-type]
        too_fine = QT_TRANSLATE_NOOP(
            "domain.negotiation", "{label} has more than {places} decimals for {currency}: {value}."
        )
        return [
            Message(
                MESSAGES, too_fine, label=label, places=places, currency=currency, value=str(value)
            )
        ]
    return []


def _count_problem(value: object, label: str, minimum: int, needed: bool = False) -> list[str]:
    if value is None:
        return [f"Enter {label.lower().removeprefix('the ')}."] if needed else []
    if isinstance(value, bool) or not isinstance(value, int):
        return [f"{label} must be a whole number, not {value!r}."]
    if not minimum <= value <= MAX_QUANTITY:
        return [f"{label} must be between {minimum} and {MAX_QUANTITY:,}, not {value:,}."]
    return []


def _check_quantity(quantity: object) -> None:
    problems = _count_problem(quantity, "The quantity", minimum=1, needed=True)
    if problems:
        raise ValueError(problems[0])


def _date_problems(quote: Quote) -> list[str]:
    problems: list[str] = []
    dates: list[date] = []
    for value, label in ((quote.valid_from, "valid from"), (quote.valid_until, "valid until")):
        if value is None:
            continue
        if isinstance(value, datetime) or not isinstance(value, date):
            problems.append(f"Give the '{label}' date as a date or leave it empty.")
        else:
            dates.append(value)
    if len(dates) == 2 and dates[1] < dates[0]:
        problems.append(f"The quote cannot end ({dates[1]}) before it starts ({dates[0]}).")
    return problems
