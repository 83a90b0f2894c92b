"""Selling price from a cost (domain.md: Selling price).

Rules, decided once:
- Margin on price: P = C / (1 - m). Markup on cost: P = C x (1 + k). With a fee f taken from the
  selling price (a marketplace's referral fee): P = C / (1 - f - m), and break-even
  P = C / (1 - f). A markup with a fee keeps C x (1 + k) after the fee: P = C x (1 + k) / (1 - f)
  (decided here; domain.md gives the fee only with a margin). m, k and f are typed as percent.
- The cost is the exact landed cost per unit: pass the landed total and its units, and the price
  is worked out from total / units as an exact fraction, never from a rounded per-unit cost.
- The price is rounded UP to the cent (the currency's minor unit) from the exact value, so the
  target is always met; half-up could land just below it.
- Refused with a message: a fee plus margin of 100 % or more (no price gives that), a negative
  percentage or cost, a margin or fee of 100 % or more.
- A markup is not a margin: margin_of_markup(30) is 23.08 (k / (1 + k), shown to 0.01 half up),
  and `describe_markup` says so in a sentence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from app.domain.kit.message import QT_TRANSLATE_NOOP, Field, Message, MessageError, Term
from app.domain.kit.numbers import number_problem_said
from app.domain.negotiation.amounts import (
    HUNDRED,
    MAX_AMOUNT,
    ZERO,
    ceil_money,
    format_percent,
)

MAX_MARKUP = Decimal(100_000)  # a 1000x markup: beyond it a typing slip is likelier
PERCENT_SHOWN = Decimal("0.01")  # margins and markups are shown to 0.01 %
MESSAGES = "domain.negotiation"  # the catalogue context of the sentences (kit.message)
_MARGIN = Term("The margin %", "毛利率 %")
_FEE = Term("The fee %", "销售费用 %")
_MARKUP = Term("The markup %", "加价率 %")
_COST = Term("The cost", "成本")


class PricingMethod(StrEnum):
    MARGIN = "margin"
    MARKUP = "markup"
    BREAK_EVEN = "break_even"

    @property
    def label(self) -> str:
        return _METHOD_LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return _METHOD_LABELS[self][1]


_METHOD_LABELS = {
    PricingMethod.MARGIN: ("Margin on the selling price", "毛利率"),
    PricingMethod.MARKUP: ("Markup on cost", "加价率"),
    PricingMethod.BREAK_EVEN: ("Break-even (no profit)", "保本价"),
}


@dataclass(frozen=True, slots=True)
class SellingPrice:
    price: Decimal  # rounded up to the cent
    currency: str
    method: PricingMethod
    target_pct: Decimal  # the margin or markup asked for (0 for break-even)
    fee_pct: Decimal
    margin_pct: Decimal  # what the rounded price really earns on price, after the fee (0.01)
    markup_pct: Decimal  # the same profit as a markup on cost (0.01)
    explanation_said: Message  # how the price was reached; the interface says it in its language

    @property
    def explanation(self) -> str:
        """How the price was reached, in English."""
        return str(self.explanation_said)


def selling_price(
    cost: Decimal,
    method: PricingMethod,
    target_pct: Decimal = ZERO,
    fee_pct: Decimal = ZERO,
    *,
    units: int = 1,
    currency: str,
) -> SellingPrice:
    """The price for a method and target, with the margin and markup it really gives."""
    if method is PricingMethod.MARGIN:
        price = price_for_margin(cost, target_pct, fee_pct, units=units, currency=currency)
    elif method is PricingMethod.MARKUP:
        price = price_for_markup(cost, target_pct, fee_pct, units=units, currency=currency)
    else:
        target_pct = ZERO
        price = break_even_price(cost, fee_pct, units=units, currency=currency)
    unit_cost = Fraction(cost) / units
    margin = _shown(_margin(price, unit_cost, fee_pct))
    markup = _shown(_markup(price, unit_cost, fee_pct))
    explanation = _explanation(method, target_pct, fee_pct, margin, markup)
    return SellingPrice(price, currency, method, target_pct, fee_pct, margin, markup, explanation)


def _explanation(
    method: PricingMethod, target_pct: Decimal, fee_pct: Decimal, margin: Decimal, markup: Decimal
) -> Message:
    """'Margin on the selling price: 30 %, after a 15 % fee; the price earns a 30 % margin on
    price (a 42.86 % markup on cost).'"""
    words: Field = Term(method.label, method.label_zh)
    if target_pct:
        target = QT_TRANSLATE_NOOP("domain.negotiation", "{method}: {target}")
        words = Message(MESSAGES, target, method=words, target=format_percent(target_pct))
    if fee_pct:
        fee = QT_TRANSLATE_NOOP("domain.negotiation", "{words}, after a {fee} fee")
        words = Message(MESSAGES, fee, words=words, fee=format_percent(fee_pct))
    earns = QT_TRANSLATE_NOOP(
        "domain.negotiation",
        "{words}; the price earns a {margin} margin on price (a {markup} markup on cost).",
    )
    return Message(
        MESSAGES,
        earns,
        words=words,
        margin=format_percent(margin),
        markup=format_percent(markup),
    )


def price_for_margin(
    cost: Decimal, margin_pct: Decimal, fee_pct: Decimal = ZERO, *, units: int = 1, currency: str
) -> Decimal:
    """P = C / (1 - f - m), rounded up to the cent."""
    unit_cost = _unit_cost(cost, units)
    margin = _percent(margin_pct, _MARGIN, HUNDRED)
    fee = _percent(fee_pct, _FEE, HUNDRED)
    if fee + margin >= 1:
        too_much = QT_TRANSLATE_NOOP(
            "domain.negotiation",
            "The fee ({fee}) and the margin ({margin}) add up to 100 % or more: no price can "
            "give that margin. Lower one of them.",
        )
        raise MessageError(
            Message(
                MESSAGES,
                too_much,
                fee=format_percent(fee_pct),
                margin=format_percent(margin_pct),
            )
        )
    return ceil_money(unit_cost / (1 - fee - margin), currency)


def price_for_markup(
    cost: Decimal, markup_pct: Decimal, fee_pct: Decimal = ZERO, *, units: int = 1, currency: str
) -> Decimal:
    """P = C x (1 + k) / (1 - f), rounded up to the cent."""
    unit_cost = _unit_cost(cost, units)
    markup = _percent(markup_pct, _MARKUP, MAX_MARKUP)
    fee = _fee(fee_pct)
    return ceil_money(unit_cost * (1 + markup) / (1 - fee), currency)


def break_even_price(
    cost: Decimal, fee_pct: Decimal = ZERO, *, units: int = 1, currency: str
) -> Decimal:
    """P = C / (1 - f): the least price that loses nothing after the fee, up to the cent."""
    return ceil_money(_unit_cost(cost, units) / (1 - _fee(fee_pct)), currency)


def margin_of_markup(markup_pct: Decimal) -> Decimal:
    """The margin on price a markup on cost gives: k / (1 + k), to 0.01 % (30 -> 23.08)."""
    k = _percent(markup_pct, _MARKUP, MAX_MARKUP)
    return _shown(k / (1 + k) * 100)


def markup_of_margin(margin_pct: Decimal) -> Decimal:
    """The markup on cost a margin on price needs: m / (1 - m), to 0.01 % (23.08 -> 30.01)."""
    m = _percent(margin_pct, _MARGIN, HUNDRED)
    if m >= 1:
        endless = QT_TRANSLATE_NOOP(
            "domain.negotiation",
            "A margin of 100 % or more needs an endless markup: lower the margin.",
        )
        raise MessageError(Message(MESSAGES, endless))
    return _shown(m / (1 - m) * 100)


def describe_markup(markup_pct: Decimal) -> str:
    """'A 30 % markup on cost is a 23.08 % margin on the selling price.'"""
    margin = margin_of_markup(markup_pct)
    return (
        f"A {format_percent(markup_pct)} markup on cost is a {format_percent(margin)} margin "
        "on the selling price."
    )


def _margin(price: Decimal, unit_cost: Fraction, fee_pct: Decimal) -> Fraction:
    if price == 0:
        return Fraction(0)
    kept = Fraction(price) * (1 - Fraction(fee_pct) / 100)
    return (kept - unit_cost) / Fraction(price) * 100


def _markup(price: Decimal, unit_cost: Fraction, fee_pct: Decimal) -> Fraction:
    if unit_cost == 0:
        return Fraction(0)
    kept = Fraction(price) * (1 - Fraction(fee_pct) / 100)
    return (kept - unit_cost) / unit_cost * 100


def _shown(value: Fraction) -> Decimal:
    """Exactly to 0.01, half away from zero (Decimal's ROUND_HALF_UP), with no 28-digit step."""
    hundredths = math.floor(abs(value) * 100 + Fraction(1, 2))
    return Decimal(-hundredths if value < 0 else hundredths).scaleb(-2).quantize(PERCENT_SHOWN)


def _unit_cost(cost: object, units: object) -> Fraction:
    problem = number_problem_said(cost, _COST, minimum=ZERO, maximum=MAX_AMOUNT)
    if problem:
        raise MessageError(problem)
    if isinstance(units, bool) or not isinstance(units, int) or units < 1:
        one = QT_TRANSLATE_NOOP("domain.negotiation", "The cost must be for 1 unit or more.")
        raise MessageError(Message(MESSAGES, one))
    return Fraction(Decimal(cost)) / units  # type: ignore[arg-type]


def _percent(value: object, label: Term, maximum: Decimal) -> Fraction:
    problem = number_problem_said(value, label, minimum=ZERO, maximum=maximum)
    if problem:
        raise MessageError(problem)
    return Fraction(Decimal(value)) / 100  # type: ignore[arg-type]


def _fee(fee_pct: Decimal) -> Fraction:
    fee = _percent(fee_pct, _FEE, HUNDRED)
    if fee >= 1:
        nothing = QT_TRANSLATE_NOOP(
            "domain.negotiation", "A fee of 100 % leaves nothing of the price: lower the fee."
        )
        raise MessageError(Message(MESSAGES, nothing))
    return fee
