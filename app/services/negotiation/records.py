"""Plain records the negotiation service returns, its Change, and how stored rows become domain
values and back (quotes with their breaks, worksheets with their rounds and agreed terms)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, select

from app.domain.negotiation.payment import (
    BUILT_IN_PLANS,
    AgreedTerms,
    Instalment,
    PaymentEvent,
    PaymentPlan,
    custom_plan,
)
from app.domain.negotiation.phrasebook import Category, Kind
from app.domain.negotiation.quotes import PriceBreak, Quote, TradeTerm
from app.domain.negotiation.worksheet import CostPart, NegotiationRound, Targets
from app.errors import NotFound
from app.services.changes import Change, Topic
from app.services.samples.records import PRODUCTS
from app.services.sql import table_of
from app.store.models.negotiation import (
    ExchangeRateRow,
    NegotiationRoundRow,
    PhraseRow,
    ProductPlanRow,
    QuoteBreakRow,
    WorksheetRow,
)
from app.store.models.negotiation import QuoteRow as QuoteModel
from app.store.models.suppliers import SupplierRow

QUOTES = table_of(QuoteModel)
BREAKS = table_of(QuoteBreakRow)
WORKSHEETS = table_of(WorksheetRow)
ROUNDS = table_of(NegotiationRoundRow)
RATES = table_of(ExchangeRateRow)
PLANS = table_of(ProductPlanRow)
PHRASES = table_of(PhraseRow)
SUPPLIERS = table_of(SupplierRow)

SHARE_COLUMNS = {
    CostPart.RAW_MATERIAL: "share_material",
    CostPart.LABOUR: "share_labour",
    CostPart.OVERHEAD: "share_overhead",
    CostPart.PROFIT: "share_profit",
}
_PLANS = {plan.code: plan for plan in BUILT_IN_PLANS}


class Subject(StrEnum):
    """What kind of record the ids of a NegotiationChange are."""

    QUOTES = "quotes"  # ids: quotes
    WORKSHEETS = "worksheets"  # ids: worksheets (rounds and agreed terms are part of them)
    PLANS = "plans"  # planned quantities (ids: products)
    RATES = "rates"  # exchange rates (ids: exchange_rates)
    SETTINGS = "settings"  # home currency, landed-cost settings, thresholds (no ids)
    PHRASES = "phrases"  # the user's phrases (ids: phrases)


@dataclass(frozen=True)
class NegotiationChange(Change):
    """What a negotiation write changed: created / updated / deleted hold ids of `subject`,
    `products` the products whose quotes, worksheets or plan changed."""

    topic: Topic = Topic.NEGOTIATION
    subject: Subject = Subject.QUOTES
    products: tuple[int, ...] = ()
    new_products: tuple[int, ...] = field(default=())  # products an import created


@dataclass(frozen=True, slots=True)
class ProductQuotes:
    """A row of the Negotiation tab's product list."""

    id: int
    name: str
    name_zh: str
    quote_count: int
    chosen_supplier_id: int | None  # the supplier of the agreed worksheet
    chosen_supplier_name: str  # "" when none is chosen
    planned_qty: int | None

    @property
    def display_name(self) -> str:
        return product_name(self.name, self.name_zh)


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A quote of a product with its supplier's names."""

    quote: Quote  # with its id and breaks
    supplier_name_zh: str
    supplier_name_en: str

    @property
    def supplier_name(self) -> str:
        return supplier_name(self.supplier_name_zh, self.supplier_name_en)


@dataclass(frozen=True)
class Worksheet:
    """The negotiation with one supplier about one product, as the UI edits it.

    `currency` is the currency of the targets and the rounds' prices (the quote's, usually);
    `shares` the cost-structure percentages (None: the defaults 50/20/15/15); `agreed` the
    agreed terms (None: not agreed). The agreed terms' product and supplier are filled in by
    the service from the worksheet's own."""

    product_id: int
    supplier_id: int
    currency: str = "CNY"
    targets: Targets | None = None
    shares: Mapping[CostPart, Decimal] | None = None
    rounds: tuple[NegotiationRound, ...] = ()
    agreed: AgreedTerms | None = None
    note: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Phrase:
    """A glossary entry: built-in (id None) or the user's own."""

    chinese: str
    english: str
    category: Category
    kind: Kind = Kind.PHRASE
    id: int | None = None

    @property
    def built_in(self) -> bool:
        return self.id is None


@dataclass(frozen=True, slots=True)
class SellingTargets:
    """The target margin on the selling price and the marketplace fee, in percent."""

    margin_pct: Decimal
    fee_pct: Decimal


# --- names ---------------------------------------------------------------------------------
def supplier_name(name_zh: str, name_en: str) -> str:
    """'义乌市恒达工艺品厂 · Yiwu Hengda Crafts Factory', or the one name there is."""
    return " · ".join(part for part in (name_zh.strip(), name_en.strip()) if part)


def product_name(name: str, name_zh: str) -> str:
    """'硅胶解压玩具 · Silicone fidget toy', or the one name there is."""
    return " · ".join(part for part in (name_zh.strip(), name.strip()) if part)


# --- quotes --------------------------------------------------------------------------------
def quote_values(quote: Quote) -> dict[str, Any]:
    return {
        "supplier_id": quote.supplier_id,
        "currency": quote.currency,
        "moq": quote.moq,
        "order_multiple": quote.order_multiple,
        "seller_min_amount": quote.seller_min_amount,
        "seller_min_qty": quote.seller_min_qty,
        "valid_from": quote.valid_from,
        "valid_until": quote.valid_until,
        "lead_time_days": quote.lead_time_days,
        "domestic_shipping": quote.domestic_shipping,
        "shipping_included": quote.shipping_included,
        "payment_terms": quote.payment_terms.strip(),
        "trade_term": quote.trade_term,
        "note": quote.note,
    }


def quote_from_row(row: Any, breaks: Iterable[Any], product: str) -> Quote:
    return Quote(
        supplier_id=row.supplier_id,
        product=product,
        currency=row.currency,
        breaks=tuple(PriceBreak(b.min_qty, b.unit_price) for b in breaks),
        moq=row.moq,
        order_multiple=row.order_multiple,
        seller_min_amount=row.seller_min_amount,
        seller_min_qty=row.seller_min_qty,
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        lead_time_days=row.lead_time_days,
        domestic_shipping=row.domestic_shipping,
        shipping_included=row.shipping_included,
        payment_terms=row.payment_terms,
        trade_term=row.trade_term,
        note=row.note,
        id=row.id,
    )


def read_quotes(connection: Connection, condition: Any) -> list[tuple[int, Quote]]:
    """(product id, quote) for the quotes matching `condition`, in the order entered."""
    rows = connection.execute(
        select(QUOTES, PRODUCTS.c.name.label("p_name"), PRODUCTS.c.name_zh.label("p_zh"))
        .join(PRODUCTS, PRODUCTS.c.id == QUOTES.c.product_id)
        .where(condition)
        .order_by(QUOTES.c.id)
    ).all()
    if not rows:
        return []
    breaks: dict[int, list[Any]] = {}
    found = connection.execute(
        select(BREAKS)
        .where(BREAKS.c.quote_id.in_([row.id for row in rows]))
        .order_by(BREAKS.c.quote_id, BREAKS.c.min_qty)
    )
    for item in found:
        breaks.setdefault(item.quote_id, []).append(item)
    return [
        (
            row.product_id,
            quote_from_row(row, breaks.get(row.id, ()), product_name(row.p_name, row.p_zh)),
        )
        for row in rows
    ]


# --- worksheets ----------------------------------------------------------------------------
def worksheet_values(sheet: Worksheet) -> dict[str, Any]:
    """The columns of a worksheet row but the agreed terms (agreed_values)."""
    targets = sheet.targets
    shares = sheet.shares or {}
    return {
        "currency": sheet.currency,
        "target": targets.target if targets else None,
        "acceptable": targets.acceptable if targets else None,
        "walk_away": targets.walk_away if targets else None,
        **{column: shares.get(part) for part, column in SHARE_COLUMNS.items()},
        "note": sheet.note,
    }


def agreed_values(terms: AgreedTerms | None) -> dict[str, Any]:
    """The agreed-terms columns: cleared (agreed = False) for None."""
    if terms is None:
        return {
            "agreed": False,
            "agreed_unit_price": None,
            "agreed_quantity": None,
            "agreed_currency": None,
            "agreed_valid_until": None,
            "payment_plan": None,
            "payment_schedule": None,
            "agreed_trade_term": None,
            "agreed_lead_time_days": None,
            "quality_standard": "",
            "packaging": "",
            "after_sales": "",
            "agreed_note": "",
            "agreed_on": None,
        }
    plan = terms.payment_plan
    return {
        "agreed": True,
        "agreed_unit_price": terms.unit_price,
        "agreed_quantity": terms.quantity,
        "agreed_currency": terms.currency,
        "agreed_valid_until": terms.valid_until,
        "payment_plan": None if plan is None else plan.code,
        "payment_schedule": encode_schedule(plan),
        "agreed_trade_term": terms.trade_term,
        "agreed_lead_time_days": terms.lead_time_days,
        "quality_standard": terms.quality_standard,
        "packaging": terms.packaging,
        "after_sales": terms.after_sales,
        "agreed_note": terms.note,
        "agreed_on": terms.agreed_on,
    }


def encode_schedule(plan: PaymentPlan | None) -> str | None:
    """A custom plan as JSON: {"name": ..., "instalments": [{"percent": "30", "due": ...}]};
    None for a built-in plan (its code says it all)."""
    if plan is None or plan.code in _PLANS:
        return None
    instalments = [
        {
            "percent": str(item.percent),
            "due": item.due.value if isinstance(item.due, PaymentEvent) else item.due.isoformat(),
        }
        for item in plan.instalments
    ]
    return json.dumps({"name": plan.name, "instalments": instalments}, ensure_ascii=False)


def decode_plan(code: str | None, schedule: str | None) -> PaymentPlan | None:
    """The stored plan; an unreadable custom schedule (a hand-edited file) reads as None."""
    if code is None:
        return None
    if code in _PLANS:
        return _PLANS[code]
    try:
        data = json.loads(schedule or "")
        instalments = tuple(
            Instalment(Decimal(item["percent"]), _due(item["due"])) for item in data["instalments"]
        )
        return custom_plan(instalments, str(data.get("name") or "Custom"))
    except (ValueError, KeyError, TypeError, ArithmeticError):
        return None


def _due(text: str) -> PaymentEvent | date:
    try:
        return PaymentEvent(text)
    except ValueError:
        return date.fromisoformat(text)


def worksheet_from_row(row: Any, rounds: Iterable[Any], product: str) -> Worksheet:
    targets = None
    if row.target is not None and row.acceptable is not None and row.walk_away is not None:
        targets = Targets(row.target, row.acceptable, row.walk_away, row.currency)
    stored = {part: getattr(row, column) for part, column in SHARE_COLUMNS.items()}
    shares = stored if all(value is not None for value in stored.values()) else None
    return Worksheet(
        product_id=row.product_id,
        supplier_id=row.supplier_id,
        currency=row.currency,
        targets=targets,
        shares=shares,
        rounds=tuple(round_from_row(item) for item in rounds),
        agreed=agreed_from_row(row, product) if row.agreed else None,
        note=row.note,
        id=row.id,
    )


def agreed_from_row(row: Any, product: str) -> AgreedTerms:
    return AgreedTerms(
        supplier_id=row.supplier_id,
        product=product,
        unit_price=row.agreed_unit_price,
        quantity=row.agreed_quantity,
        currency=row.agreed_currency or row.currency,
        payment_plan=decode_plan(row.payment_plan, row.payment_schedule),
        trade_term=row.agreed_trade_term or TradeTerm.EXW,
        valid_until=row.agreed_valid_until,
        lead_time_days=row.agreed_lead_time_days,
        quality_standard=row.quality_standard,
        packaging=row.packaging,
        after_sales=row.after_sales,
        agreed_on=row.agreed_on,
        note=row.agreed_note,
    )


def round_from_row(row: Any) -> NegotiationRound:
    return NegotiationRound(
        on=row.held_on,
        our_offer=row.our_offer,
        their_counter=row.their_counter,
        concession=row.concession,
        note=row.note,
    )


def round_values(worksheet_id: int, position: int, item: NegotiationRound) -> dict[str, Any]:
    return {
        "worksheet_id": worksheet_id,
        "position": position,
        "held_on": item.on,
        "our_offer": item.our_offer,
        "their_counter": item.their_counter,
        "concession": item.concession,
        "note": item.note,
    }


def read_rounds(connection: Connection, worksheet_id: int) -> list[Any]:
    query = (
        select(ROUNDS)
        .where(ROUNDS.c.worksheet_id == worksheet_id)
        .order_by(ROUNDS.c.position, ROUNDS.c.id)
    )
    return list(connection.execute(query))


def require(connection: Connection, table: Any, row_id: object, label: str) -> Any:
    """The row with this id, or NotFound ("Product 7 no longer exists.")."""
    row = connection.execute(select(table).where(table.c.id == row_id)).first()
    if row is None:
        raise NotFound(f"{label} {row_id} no longer exists.")
    return row


def stored_product_name(connection: Connection, product_id: int) -> str:
    row = require(connection, PRODUCTS, product_id, "Product")
    return product_name(row.name, row.name_zh)
