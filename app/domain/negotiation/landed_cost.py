"""Landed cost of a priced quote in the home currency, one line per named cost (domain.md: Landed
cost per unit; Landed cost and freight: the rules in detail).

Rules, decided once (in the order the lines are computed):
- Every line is rounded to the home currency's cent ROUND_HALF_UP when computed; later bases use
  the rounded lines (customs assess cent amounts). The total is the sum of the counted lines, so
  the parts always sum exactly to it. Per unit = total / ordered units, kept exact (34 digits);
  the UI shows 4 decimals and a selling price starts from the exact value.
- Goods and domestic shipping: the quote's rounded amounts, each converted once (fx rules).
- Agent fee: computed in the agent's currency (CNY) on the CNY amounts (goods, or goods +
  domestic shipping, per the agent), at least the minimum (inclusive: a fee exactly at the
  minimum is the minimum), rounded in CNY, then converted and rounded again. A quote in another
  currency is first converted to CNY (once, rounded).
- Payment fee: a % of what is paid to the agent (goods + domestic shipping + agent fee), computed
  in the home currency, the currency the buyer pays in (decided here; domain.md does not say).
- Freight: the typed or allocated whole-order amount to the border, already in home currency.
- Insurance: insurance % of cover % (100, or 110 for the Incoterms CIF minimum) of goods +
  domestic shipping + freight.
- Customs value: CIF basis = goods + domestic shipping + freight + insurance (the agent's fee is a
  buying commission and is excluded; transport after the border too); FOB basis = goods +
  domestic shipping (delivered to the point of export).
- Duty: duty % of the customs value, unless the destination's relief on the date of import
  covers the goods' intrinsic value (destinations module), then 0 or the flat duty.
- Post-border transport (home currency): a cost line of its own, and part of the VAT base on a
  CIF basis (zoll.de's inland 300). Decided: `freight` is transport to the border only.
- VAT: VAT % of (customs value + duty + post-border transport) on a CIF basis, of (customs value
  + duty) on an FOB basis. Always shown; counted in the total only when not reclaimable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum
from typing import NamedTuple

from app.domain.kit.message import QT_TRANSLATE_NOOP, SPACE, Listing, Message, MessageError
from app.domain.negotiation.amounts import (
    HUNDRED,
    ZERO,
    format_money,
    format_percent,
    minor_unit,
    round_money,
)
from app.domain.negotiation.cost_settings import (
    FeeBasis,
    LandedCostSettings,
    settings_problems_said,
)
from app.domain.negotiation.destinations import DutyBasis, ReliefRule
from app.domain.negotiation.fx import ONE, ExchangeRate, rate_for
from app.domain.negotiation.quotes import UNKNOWN_SHIPPING_MESSAGE, PricedQuote

PER_UNIT_DIGITS = 34  # exact enough that a cent-level selling price never depends on it
MESSAGES = "domain.negotiation"  # the catalogue context of the sentences (kit.message)


class Component(StrEnum):
    GOODS = "goods"
    DOMESTIC_SHIPPING = "domestic_shipping"
    AGENT_FEE = "agent_fee"
    PAYMENT_FEE = "payment_fee"
    FREIGHT = "freight"
    INSURANCE = "insurance"
    DUTY = "duty"
    POST_BORDER = "post_border_transport"
    VAT = "vat"

    @property
    def label(self) -> str:
        return _COMPONENT_LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return _COMPONENT_LABELS[self][1]


_COMPONENT_LABELS = {
    Component.GOODS: ("Goods", "货款"),
    Component.DOMESTIC_SHIPPING: ("Domestic shipping", "国内运费"),
    Component.AGENT_FEE: ("Agent service fee", "代购服务费"),
    Component.PAYMENT_FEE: ("Payment fee", "支付手续费"),
    Component.FREIGHT: ("International freight", "国际运费"),
    Component.INSURANCE: ("Insurance", "保险费"),
    Component.DUTY: ("Import duty", "关税"),
    Component.POST_BORDER: ("Transport after the border", "入境后运费"),
    Component.VAT: ("Import VAT", "进口增值税"),
}


@dataclass(frozen=True, slots=True)
class CostLine:
    component: Component
    amount: Decimal  # home currency, rounded
    counted: bool = True  # False: shown but not in the total (reclaimable VAT)
    basis: Decimal | None = None  # what the percentage was taken of (home currency)
    percent: Decimal | None = None
    note: str = ""

    @property
    def label(self) -> str:
        return self.component.label


@dataclass(frozen=True, slots=True)
class LandedCost:
    currency: str  # home
    units: int  # the ordered quantity
    lines: tuple[CostLine, ...]
    customs_value: Decimal
    vat_base: Decimal
    total: Decimal
    relief: str = ""  # the low-value relief applied, in words; "" for none

    @property
    def per_unit(self) -> Decimal:
        """total / units, exact to 34 significant digits (display it at 4 decimals)."""
        with localcontext() as context:
            context.prec = PER_UNIT_DIGITS
            return self.total / self.units

    def line(self, component: Component) -> CostLine:
        for item in self.lines:
            if item.component is component:
                return item
        raise KeyError(component)

    def amount(self, component: Component) -> Decimal:
        return self.line(component).amount


class _Parts(NamedTuple):
    goods: Decimal
    domestic: Decimal
    agent_fee: Decimal
    payment_fee: Decimal
    freight: Decimal
    insurance: Decimal
    customs_value: Decimal
    duty: Decimal
    post_border: Decimal
    vat_base: Decimal
    vat: Decimal
    total: Decimal
    relieved_value: Decimal | None  # the intrinsic value a relief was granted on


@dataclass(frozen=True, slots=True)
class LandedCostCalculator:
    """Everything that does not depend on the quantity, resolved once (rates, relief rule)."""

    settings: LandedCostSettings  # amounts already at their currency's minor unit
    home: str
    currency: str  # the quote's
    quote_rate: Decimal  # x in 1 HOME = x quote currency
    agent_rate: Decimal
    destination_rate: Decimal | None  # None: no relief threshold to compare
    rule: ReliefRule | None

    def parts(self, goods: Decimal, domestic: Decimal, freight: Decimal | None = None) -> _Parts:
        """Every line for goods and domestic shipping in the quote's currency (module rules);
        `freight` (home currency, rounded) replaces the settings' when given."""
        s, cent = self.settings, minor_unit(self.home)
        if freight is None:
            freight = s.freight
        goods_h = (goods / self.quote_rate).quantize(cent, ROUND_HALF_UP)
        domestic_h = (domestic / self.quote_rate).quantize(cent, ROUND_HALF_UP)
        agent_h = self._agent_fee(goods, domestic)
        paid = goods_h + domestic_h + agent_h
        payment = (paid * s.payment_fee_pct / HUNDRED).quantize(cent, ROUND_HALF_UP)
        insured = (goods_h + domestic_h + freight) * s.insurance_cover_pct / HUNDRED
        insurance = (insured * s.insurance_pct / HUNDRED).quantize(cent, ROUND_HALF_UP)
        cif = s.duty_basis is DutyBasis.CIF
        customs = goods_h + domestic_h + (freight + insurance if cif else ZERO)
        duty, vat_free, relieved = self._duty(goods, customs)
        vat_base = customs + duty + (s.post_border_transport if cif else ZERO)
        vat = ZERO if vat_free else (vat_base * s.vat_pct / HUNDRED).quantize(cent, ROUND_HALF_UP)
        total = paid + payment + freight + insurance + duty + s.post_border_transport
        total += ZERO if s.vat_reclaimable else vat
        return _Parts(
            goods_h,
            domestic_h,
            agent_h,
            payment,
            freight,
            insurance,
            customs,
            duty,
            s.post_border_transport,
            vat_base,
            vat,
            total,
            relieved,
        )

    def _agent_fee(self, goods: Decimal, domestic: Decimal) -> Decimal:
        s = self.settings
        if s.agent_fee_pct == 0 and s.agent_fee_min == 0:
            return ZERO
        fen = minor_unit(s.agent_currency)
        if self.currency.upper() != s.agent_currency.upper():  # to CNY once, through home
            to_agent = self.agent_rate / self.quote_rate
            goods = (goods * to_agent).quantize(fen, ROUND_HALF_UP)
            domestic = (domestic * to_agent).quantize(fen, ROUND_HALF_UP)
        basis = goods + domestic if s.agent_fee_basis is FeeBasis.GOODS_AND_DOMESTIC else goods
        fee = max((basis * s.agent_fee_pct / HUNDRED).quantize(fen, ROUND_HALF_UP), s.agent_fee_min)
        return (fee / self.agent_rate).quantize(minor_unit(self.home), ROUND_HALF_UP)

    def _duty(self, goods: Decimal, customs: Decimal) -> tuple[Decimal, bool, Decimal | None]:
        """(duty, VAT relieved?, value relieved on) for goods in the quote's currency."""
        s, rule, cent = self.settings, self.rule, minor_unit(self.home)
        full = (customs * s.duty_pct / HUNDRED).quantize(cent, ROUND_HALF_UP)
        if rule is None or self.destination_rate is None:
            return full, False, None
        value = s.consignment_value
        if value is None:
            rate = self.destination_rate / self.quote_rate
            value = round_money(goods * rate, s.destination.currency)
        vat_free = rule.vat_free_up_to is not None and value <= rule.vat_free_up_to
        if rule.duty_free_up_to is None or value > rule.duty_free_up_to:
            return full, vat_free, None
        if rule.flat_duty_per_category is None:
            return ZERO, vat_free, value
        flat = rule.flat_duty_per_category * s.item_categories
        return (flat / self.destination_rate).quantize(cent, ROUND_HALF_UP), vat_free, value

    def relief_text(self, value: Decimal | None) -> str:
        """The relief granted on an intrinsic value, in words; "" for none."""
        rule, dest, s = self.rule, self.settings.destination, self.settings
        if value is None or rule is None or rule.duty_free_up_to is None:
            return ""
        shown = format_money(value, dest.currency)
        limit = format_money(rule.duty_free_up_to, dest.currency)
        vat = " No import VAT." if rule.vat_free_up_to and value <= rule.vat_free_up_to else ""
        if rule.flat_duty_per_category is None:
            return f"No duty: goods {shown} at or under {limit} ({dest.code.value} relief).{vat}"
        flat = format_money(rule.flat_duty_per_category, dest.currency)
        categories = f"{s.item_categories} item categor{'y' if s.item_categories == 1 else 'ies'}"
        return f"Goods {shown} at or under {limit}: flat duty {flat} x {categories}.{vat}"


def prepare(
    settings: LandedCostSettings,
    currency: str,
    rates: Iterable[ExchangeRate],
    home: str,
    on: date,
) -> LandedCostCalculator:
    """Check the settings and resolve the rates and relief rule for a quote currency and date.

    Raises ValueError for broken settings or a missing exchange rate.
    """
    problems = settings_problems_said(settings, home)
    if problems:  # one error, every sentence in it, said in the interface's language
        sentences = QT_TRANSLATE_NOOP("domain.negotiation", "{sentences}")
        raise MessageError(Message(MESSAGES, sentences, sentences=Listing(tuple(problems), SPACE)))
    rates = tuple(rates)
    quote_rate = rate_for(currency, rates, home, on)
    agent_needed = settings.agent_fee_pct > 0 or settings.agent_fee_min > 0
    agent_rate = rate_for(settings.agent_currency, rates, home, on) if agent_needed else ONE
    rule = settings.destination.rule_on(on)
    dest_rate = None
    if rule is not None and rule.duty_free_up_to is not None:
        dest_rate = rate_for(settings.destination.currency, rates, home, on)
    tidy = replace(
        settings,
        freight=round_money(settings.freight, home),
        post_border_transport=round_money(settings.post_border_transport, home),
        agent_fee_min=round_money(settings.agent_fee_min, settings.agent_currency),
    )
    return LandedCostCalculator(tidy, home, currency, quote_rate, agent_rate, dest_rate, rule)


def landed_cost(
    priced: PricedQuote,
    settings: LandedCostSettings,
    rates: Iterable[ExchangeRate],
    home: str,
    on: date,
) -> LandedCost:
    """The landed cost of a priced quote imported on `on`, one line per component."""
    if priced.domestic_shipping is None:
        raise MessageError(UNKNOWN_SHIPPING_MESSAGE)
    calculator = prepare(settings, priced.currency, rates, home, on)
    return build(calculator, priced.goods_total, priced.domestic_shipping, priced.ordered_qty)


def build(
    calculator: LandedCostCalculator, goods: Decimal, domestic: Decimal, units: int
) -> LandedCost:
    """The LandedCost record of prepared settings for goods and shipping in quote currency."""
    p = calculator.parts(goods, domestic)
    s = calculator.settings
    relief = calculator.relief_text(p.relieved_value)
    paid = p.goods + p.domestic + p.agent_fee
    insured = (p.goods + p.domestic + p.freight) * s.insurance_cover_pct / HUNDRED
    lines = (
        CostLine(Component.GOODS, p.goods),
        CostLine(Component.DOMESTIC_SHIPPING, p.domestic),
        CostLine(Component.AGENT_FEE, p.agent_fee, percent=s.agent_fee_pct, note=_agent_note(s)),
        CostLine(Component.PAYMENT_FEE, p.payment_fee, basis=paid, percent=s.payment_fee_pct),
        CostLine(Component.FREIGHT, p.freight),
        CostLine(Component.INSURANCE, p.insurance, basis=insured, percent=s.insurance_pct),
        CostLine(
            Component.DUTY,
            p.duty,
            basis=p.customs_value,
            percent=s.duty_pct,
            note=relief or (calculator.rule.note if calculator.rule else ""),
        ),
        CostLine(Component.POST_BORDER, p.post_border),
        CostLine(
            Component.VAT,
            p.vat,
            counted=not s.vat_reclaimable,
            basis=p.vat_base,
            percent=s.vat_pct,
            note="Reclaimable: shown, not counted in the total." if s.vat_reclaimable else "",
        ),
    )
    return LandedCost(calculator.home, units, lines, p.customs_value, p.vat_base, p.total, relief)


def _agent_note(settings: LandedCostSettings) -> str:
    """'5 % of goods, in CNY, at least ¥5.00'; "" without an agent fee."""
    s = settings
    if s.agent_fee_pct == 0 and s.agent_fee_min == 0:
        return ""
    basis = s.agent_fee_basis.label.lower()
    note = f"{format_percent(s.agent_fee_pct)} of {basis}, in {s.agent_currency}"
    if s.agent_fee_min:
        note += f", at least {format_money(s.agent_fee_min, s.agent_currency)}"
    return note + "."
