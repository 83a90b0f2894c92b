"""The Negotiation tab's export input: one product's quotes, the landed-cost settings and
rates they are compared with, and the chosen supplier's worksheet. Both exports take it (the
PDF a sequence of them); the services build it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.negotiation.cost_settings import LandedCostSettings
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.payment import AgreedTerms
from app.domain.negotiation.quotes import Quote
from app.domain.negotiation.worksheet import NegotiationRound, Targets


@dataclass(frozen=True)
class QuoteEntry:
    supplier_name: str  # "义乌市恒达工艺品厂 · Yiwu Hengda Crafts"
    quote: Quote  # app.domain.negotiation.quotes.Quote, with breaks


@dataclass(frozen=True)
class WorksheetEntry:
    supplier_name: str
    targets: Targets | None  # app.domain.negotiation.worksheet.Targets
    rounds: tuple[NegotiationRound, ...]
    agreed: AgreedTerms | None  # app.domain.negotiation.payment.AgreedTerms


@dataclass(frozen=True)
class NegotiationExport:
    product_name: str
    planned_qty: int
    home: str
    rates: tuple[ExchangeRate, ...]
    settings: LandedCostSettings
    target_margin_pct: Decimal
    selling_fee_pct: Decimal
    quotes: tuple[QuoteEntry, ...]
    worksheet: WorksheetEntry | None  # the chosen (agreed) supplier's, else None
    today: date
    # Freight measured on a shipment, per unit in home currency: it replaces settings.freight
    # (domain.negotiation.comparison.settings_for_order); None: the typed whole-order freight.
    freight_per_unit: Decimal | None = None
