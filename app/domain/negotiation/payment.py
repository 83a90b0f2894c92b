"""Payment plans and the agreed terms of a negotiation (domain.md: Negotiation: payment plans
A, B, C; escrow first for new suppliers; the agreed quote records ...).

Rules, decided once:
- Built-in plans (domain.md): A 30 % deposit + 70 % before shipment (medium risk), B 50 % deposit
  + 50 % on delivery (low), C 100 % on delivery (very low; needs good credit).
- A custom plan is a schedule of (percent, due event or date); each percent above 0, with at
  most 2 decimals, adding up to exactly 100 %.
- Risk of a custom plan, by the same yardstick the built-ins meet: more than 50 % due on order
  is high; otherwise by the share due before delivery (on order, before shipment, or on a date,
  since a date may come before delivery): 0 very low, up to 50 % low, above 50 % medium.
- The amounts of a plan for a total are to the currency's minor unit and sum exactly to the
  total, by largest remainder (amounts module: each exact share rounded down, the leftover cents
  one at a time to the largest remainders, ties to the earlier instalment). The remainder is
  NOT put on the last instalment.
- The agreed total is unit price x quantity, rounded once half up: it is derived, never typed,
  so it cannot disagree with the price.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from app.domain.kit.money import DEFAULT_CURRENCY, exponent
from app.domain.kit.numbers import number_problem
from app.domain.negotiation.amounts import (
    HUNDRED,
    ZERO,
    decimal_places,
    round_money,
    split_by_percent,
)
from app.domain.negotiation.quotes import (
    NOTE_LENGTH,
    TEXT_LENGTH,
    PricedQuote,
    TradeTerm,
    amount_problems,
    price_problems,
)

PERCENT_PLACES = 2
HIGH_UPFRONT_PCT = Decimal(50)  # more than this due on order is high risk
ESCROW_ADVICE = "Pay a new supplier through Alipay escrow (支付宝担保交易) first."  # domain.md


class Risk(StrEnum):
    VERY_LOW = "very_low"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def label_zh(self) -> str:
        return {Risk.VERY_LOW: "很低", Risk.LOW: "低", Risk.MEDIUM: "中", Risk.HIGH: "高"}[self]


class PaymentEvent(StrEnum):
    ON_ORDER = "on_order"
    BEFORE_SHIPMENT = "before_shipment"
    ON_DELIVERY = "on_delivery"

    @property
    def label(self) -> str:
        return _EVENT_LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return _EVENT_LABELS[self][1]


_EVENT_LABELS = {
    PaymentEvent.ON_ORDER: ("Deposit on order", "下单付定金"),
    PaymentEvent.BEFORE_SHIPMENT: ("Before shipment", "发货前付款"),
    PaymentEvent.ON_DELIVERY: ("On delivery", "货到付款"),
}


@dataclass(frozen=True, slots=True)
class Instalment:
    percent: Decimal
    due: PaymentEvent | date

    @property
    def due_label(self) -> str:
        return self.due.label if isinstance(self.due, PaymentEvent) else self.due.isoformat()


@dataclass(frozen=True, slots=True)
class PaymentPlan:
    code: str  # "A", "B", "C" or "custom"
    name: str
    instalments: tuple[Instalment, ...]
    risk: Risk
    note: str = ""


@dataclass(frozen=True, slots=True)
class InstalmentAmount:
    instalment: Instalment
    amount: Decimal


def _plan(
    code: str, name: str, parts: tuple[tuple[int, PaymentEvent], ...], risk: Risk
) -> PaymentPlan:
    instalments = tuple(Instalment(Decimal(pct), due) for pct, due in parts)
    note = "Needs good credit with the supplier." if code == "C" else ""
    return PaymentPlan(code, name, instalments, risk, note)


_ORDER, _SHIP, _DELIVERY = (
    PaymentEvent.ON_ORDER,
    PaymentEvent.BEFORE_SHIPMENT,
    PaymentEvent.ON_DELIVERY,
)
PLAN_A = _plan("A", "30 % deposit + 70 % before shipment", ((30, _ORDER), (70, _SHIP)), Risk.MEDIUM)
PLAN_B = _plan("B", "50 % deposit + 50 % on delivery", ((50, _ORDER), (50, _DELIVERY)), Risk.LOW)
PLAN_C = _plan("C", "100 % on delivery", ((100, _DELIVERY),), Risk.VERY_LOW)
BUILT_IN_PLANS = (PLAN_A, PLAN_B, PLAN_C)


def schedule_problems(instalments: object) -> list[str]:
    """Every broken rule of a payment schedule; empty when usable."""
    if not isinstance(instalments, tuple | list) or not instalments:
        return ["Add at least one instalment (a percentage and when it is due)."]
    problems: list[str] = []
    total = ZERO
    for number, item in enumerate(instalments, start=1):
        if not isinstance(item, Instalment):
            problems.append(f"Instalment {number} needs a percentage and when it is due.")
            continue
        label = f"Instalment {number}'s percentage"
        problem = number_problem(item.percent, label, maximum=HUNDRED)
        if problem:
            problems.append(problem)
        elif item.percent <= 0:
            problems.append(f"{label} must be above 0.")
        elif decimal_places(Decimal(item.percent)) > PERCENT_PLACES:
            problems.append(f"{label} has more than {PERCENT_PLACES} decimals.")
        else:
            total += item.percent
        due = item.due
        if isinstance(due, datetime) or not isinstance(due, PaymentEvent | date):
            problems.append(f"Instalment {number}: say when it is due (an event or a date).")
    if not problems and total != HUNDRED:
        problems.append(f"The instalments must add up to exactly 100 %; they add up to {total} %.")
    return problems


def custom_plan(instalments: tuple[Instalment, ...], name: str = "Custom") -> PaymentPlan:
    """A plan of the user's own schedule, its risk rated by the module rules."""
    problems = schedule_problems(instalments)
    if problems:
        raise ValueError(" ".join(problems))
    return PaymentPlan("custom", name, tuple(instalments), risk_of(instalments))


def risk_of(instalments: tuple[Instalment, ...]) -> Risk:
    """The risk of a schedule (module rules); the built-in plans rate as domain.md says."""
    upfront = sum((i.percent for i in instalments if i.due is PaymentEvent.ON_ORDER), ZERO)
    before = sum((i.percent for i in instalments if i.due is not PaymentEvent.ON_DELIVERY), ZERO)
    if upfront > HIGH_UPFRONT_PCT:
        return Risk.HIGH
    if before == 0:
        return Risk.VERY_LOW
    return Risk.LOW if before <= HIGH_UPFRONT_PCT else Risk.MEDIUM


def plan_amounts(plan: PaymentPlan, total: Decimal, currency: str) -> tuple[InstalmentAmount, ...]:
    """Each instalment's amount of `total`, to the cent, summing exactly to it."""
    problems = amount_problems(total, "The total", currency, needed=True)
    problems += schedule_problems(plan.instalments)
    if problems:
        raise ValueError(" ".join(problems))
    amounts = split_by_percent(
        Decimal(total), [i.percent for i in plan.instalments], exponent(currency)
    )
    return tuple(InstalmentAmount(i, a) for i, a in zip(plan.instalments, amounts, strict=True))


# --- agreed terms ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AgreedTerms:
    """domain.md: the agreed quote records these; the total is derived."""

    supplier_id: int
    product: str
    unit_price: Decimal
    quantity: int
    currency: str = DEFAULT_CURRENCY
    payment_plan: PaymentPlan | None = None
    trade_term: TradeTerm = TradeTerm.EXW
    valid_until: date | None = None  # the price's validity
    lead_time_days: int | None = None
    quality_standard: str = ""
    packaging: str = ""  # packaging and labelling
    after_sales: str = ""
    agreed_on: date | None = None
    note: str = ""

    @property
    def total(self) -> Decimal:
        return round_money(self.unit_price * self.quantity, self.currency)


def agreed_from(priced: PricedQuote, plan: PaymentPlan, agreed_on: date) -> AgreedTerms:
    """The agreed terms a priced quote starts from (the user fills in the rest)."""
    quote = priced.quote
    return AgreedTerms(
        supplier_id=quote.supplier_id,
        product=quote.product,
        unit_price=priced.unit_price,
        quantity=priced.ordered_qty,
        currency=quote.currency,
        payment_plan=plan,
        trade_term=quote.trade_term,
        valid_until=quote.valid_until,
        lead_time_days=quote.lead_time_days,
        agreed_on=agreed_on,
    )


def agreed_terms_problems(terms: AgreedTerms) -> list[str]:
    """Every broken rule of the agreed terms; empty when they can be stored."""
    problems: list[str] = []
    if isinstance(terms.supplier_id, bool) or not isinstance(terms.supplier_id, int):
        problems.append("Choose the supplier.")
    if not isinstance(terms.product, str) or not terms.product.strip():
        problems.append("Enter the product.")
    if not isinstance(terms.currency, str) or not re.fullmatch(r"[A-Z]{3}", terms.currency):
        problems.append(f"{terms.currency!r} is not a currency code like CNY or USD.")
    problems += price_problems(terms.unit_price, "The unit price")
    quantity = terms.quantity
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        problems.append("The quantity must be a whole number of 1 or more.")
    if terms.payment_plan is None:
        problems.append("Choose the payment plan (A, B, C or your own).")
    elif isinstance(terms.payment_plan, PaymentPlan):
        problems += schedule_problems(terms.payment_plan.instalments)
    if not isinstance(terms.trade_term, TradeTerm):
        problems.append("Choose the trade term (EXW, FOB, CIF or DDP).")
    lead = terms.lead_time_days
    if lead is not None and (isinstance(lead, bool) or not isinstance(lead, int) or lead < 0):
        problems.append("The lead time must be a whole number of days, 0 or more.")
    problems += _date_problems(terms)
    texts = (
        (terms.quality_standard, "the quality standard", NOTE_LENGTH),
        (terms.packaging, "packaging and labelling", NOTE_LENGTH),
        (terms.after_sales, "the after-sales terms", NOTE_LENGTH),
        (terms.note, "the note", NOTE_LENGTH),
        (terms.product, "the product", TEXT_LENGTH),
    )
    for value, label, limit in texts:
        if isinstance(value, str) and len(value) > limit:
            problems.append(f"Keep {label} under {limit:,} characters.")
    return problems


def _date_problems(terms: AgreedTerms) -> list[str]:
    problems: list[str] = []
    for value, label in ((terms.valid_until, "valid until"), (terms.agreed_on, "agreed on")):
        if value is not None and (isinstance(value, datetime) or not isinstance(value, date)):
            problems.append(f"Give the '{label}' date as a date or leave it empty.")
    if problems or terms.valid_until is None or terms.agreed_on is None:
        return problems
    if terms.valid_until < terms.agreed_on:
        problems.append(
            f"The price is valid until {terms.valid_until}, before it was agreed "
            f"({terms.agreed_on}): check the dates."
        )
    return problems
