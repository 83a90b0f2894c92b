"""The figures the app itself gives for a NegotiationExport, straight from the domain rules
(price_quote, landed_cost, price_for_margin), to compare a recalculated workbook with."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.domain.negotiation.comparison import settings_for_order
from app.domain.negotiation.landed_cost import Component, LandedCost, landed_cost
from app.domain.negotiation.quotes import PricedQuote, price_quote
from app.domain.negotiation.selling import price_for_margin
from app.exports.negotiation.data import NegotiationExport


@dataclass(frozen=True)
class Expected:
    supplier: str
    priced: PricedQuote | None
    reason: str  # the domain's reason when not priced, or why there is no landed cost
    landed: LandedCost | None
    selling: Decimal | None
    rank: int | None


def expected_rows(data: NegotiationExport) -> list[Expected]:
    rows = []
    for entry in data.quotes:
        result = price_quote(entry.quote, data.planned_qty)
        if not isinstance(result, PricedQuote):
            rows.append(Expected(entry.supplier_name, None, result.message, None, None, None))
            continue
        if result.domestic_shipping is None:
            rows.append(Expected(entry.supplier_name, result, "unknown shipping", None, None, None))
            continue
        try:
            settings = settings_for_order(
                data.settings, data.freight_per_unit, result.ordered_qty, data.home
            )
            landed = landed_cost(result, settings, data.rates, data.home, data.today)
        except ValueError as error:  # a missing exchange rate
            rows.append(Expected(entry.supplier_name, result, str(error), None, None, None))
            continue
        selling = price_for_margin(
            landed.total,
            data.target_margin_pct,
            data.selling_fee_pct,
            units=landed.units,
            currency=data.home,
        )
        rows.append(Expected(entry.supplier_name, result, "", landed, selling, None))
    costs = [r.landed.per_unit for r in rows if r.landed is not None]
    return [
        Expected(
            r.supplier,
            r.priced,
            r.reason,
            r.landed,
            r.selling,
            None if r.landed is None else 1 + sum(c < r.landed.per_unit for c in costs),
        )
        for r in rows
    ]


# Comparison working columns -> the landed-cost component they hold.
COMPONENT_COLUMNS = {
    "Goods total (home)": Component.GOODS,
    "Domestic shipping": Component.DOMESTIC_SHIPPING,
    "Agent service fee": Component.AGENT_FEE,
    "Payment fee": Component.PAYMENT_FEE,
    "International freight": Component.FREIGHT,
    "Insurance": Component.INSURANCE,
    "Import duty": Component.DUTY,
    "Transport after the border": Component.POST_BORDER,
    "Import VAT": Component.VAT,
}
