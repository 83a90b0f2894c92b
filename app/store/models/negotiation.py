"""Tables of the Negotiation tab: quotes with their price breaks, the worksheet of each
(product, supplier) pair with its rounds and agreed terms, typed-in exchange rates, the planned
quantity of each product, and the user's own phrases. The pure rules are in
app.domain.negotiation; data-wide negotiation settings live in `app_settings` (models.matrix).

Every link is ON DELETE CASCADE: deleting a product or a supplier takes its quotes and
worksheets with them. Money is Decimal stored as text (DecimalText), dates as dates.

The chosen supplier of a product is the supplier of its agreed worksheet: at most one per
product (a partial unique index), so the products table needs no column for it.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.negotiation.phrasebook import Category
from app.domain.negotiation.quotes import TradeTerm
from app.store.models.base import Base
from app.store.types import ChoiceCode, DecimalText, UTCDateTime

# The partial unique index that allows one agreed worksheet per product; the migration uses it.
ONE_AGREED_INDEX = "ix_worksheets_one_agreed_per_product"
AGREED_ONLY = "agreed = 1"


class QuoteRow(Base):
    """One supplier's current quote for one product (a re-quote updates it)."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No separate index on product_id: the unique constraint's index starts with it.
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    supplier_id: Mapped[int] = mapped_column(
        ForeignKey("suppliers.id", ondelete="CASCADE"), index=True
    )
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    moq: Mapped[int | None] = mapped_column(Integer)
    order_multiple: Mapped[int] = mapped_column(Integer, default=1)
    seller_min_amount: Mapped[Decimal | None] = mapped_column(DecimalText)
    seller_min_qty: Mapped[int | None] = mapped_column(Integer)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    lead_time_days: Mapped[int | None] = mapped_column(Integer)
    domestic_shipping: Mapped[Decimal | None] = mapped_column(DecimalText)
    shipping_included: Mapped[bool] = mapped_column(Boolean, default=False)
    payment_terms: Mapped[str] = mapped_column(String(300), default="")
    trade_term: Mapped[TradeTerm] = mapped_column(ChoiceCode(TradeTerm), default=TradeTerm.EXW)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (UniqueConstraint("product_id", "supplier_id"),)


class QuoteBreakRow(Base):
    """A price break: from `min_qty` pieces (inclusive) the whole order costs `unit_price`."""

    __tablename__ = "quote_breaks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No separate index: the unique constraint's index starts with quote_id.
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"))
    min_qty: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal] = mapped_column(DecimalText)

    __table_args__ = (UniqueConstraint("quote_id", "min_qty"),)


class WorksheetRow(Base):
    """The negotiation with one supplier about one product: targets, the estimate of the
    supplier's cost structure, and (when agreed) the agreed terms."""

    __tablename__ = "worksheets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    supplier_id: Mapped[int] = mapped_column(
        ForeignKey("suppliers.id", ondelete="CASCADE"), index=True
    )
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    target: Mapped[Decimal | None] = mapped_column(DecimalText)
    acceptable: Mapped[Decimal | None] = mapped_column(DecimalText)
    walk_away: Mapped[Decimal | None] = mapped_column(DecimalText)
    # The user's cost-structure shares in percent; NULL: the defaults (50/20/15/15).
    share_material: Mapped[Decimal | None] = mapped_column(DecimalText)
    share_labour: Mapped[Decimal | None] = mapped_column(DecimalText)
    share_overhead: Mapped[Decimal | None] = mapped_column(DecimalText)
    share_profit: Mapped[Decimal | None] = mapped_column(DecimalText)
    note: Mapped[str] = mapped_column(Text, default="")
    agreed: Mapped[bool] = mapped_column(Boolean, default=False)
    # The agreed terms (NULL / empty while not agreed). The total is derived, never stored.
    agreed_unit_price: Mapped[Decimal | None] = mapped_column(DecimalText)
    agreed_quantity: Mapped[int | None] = mapped_column(Integer)
    agreed_currency: Mapped[str | None] = mapped_column(String(3))
    agreed_valid_until: Mapped[date | None] = mapped_column(Date)
    payment_plan: Mapped[str | None] = mapped_column(String(10))  # "A", "B", "C", "custom"
    payment_schedule: Mapped[str | None] = mapped_column(Text)  # custom plan: JSON
    agreed_trade_term: Mapped[TradeTerm | None] = mapped_column(ChoiceCode(TradeTerm))
    agreed_lead_time_days: Mapped[int | None] = mapped_column(Integer)
    quality_standard: Mapped[str] = mapped_column(Text, default="")
    packaging: Mapped[str] = mapped_column(Text, default="")
    after_sales: Mapped[str] = mapped_column(Text, default="")
    agreed_note: Mapped[str] = mapped_column(Text, default="")
    agreed_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        UniqueConstraint("product_id", "supplier_id"),
        # At most one agreed worksheet (the chosen supplier) per product.
        Index(ONE_AGREED_INDEX, "product_id", unique=True, sqlite_where=text(AGREED_ONLY)),
    )


class NegotiationRoundRow(Base):
    """One round of offers on a worksheet, in `position` order."""

    __tablename__ = "negotiation_rounds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    worksheet_id: Mapped[int] = mapped_column(
        ForeignKey("worksheets.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    # "held_on", not "on": ON is an SQL keyword, and every hand-written query would quote it.
    held_on: Mapped[date] = mapped_column(Date)
    our_offer: Mapped[Decimal] = mapped_column(DecimalText)
    their_counter: Mapped[Decimal | None] = mapped_column(DecimalText)
    concession: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class ExchangeRateRow(Base):
    """A rate the user typed: 1 HOME = per_home CCY, as of a date (the app is offline)."""

    __tablename__ = "exchange_rates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    currency: Mapped[str] = mapped_column(String(3))
    per_home: Mapped[Decimal] = mapped_column(DecimalText)
    as_of: Mapped[date] = mapped_column(Date)

    __table_args__ = (UniqueConstraint("currency", "as_of"),)


class ProductPlanRow(Base):
    """How many pieces of a product the user plans to order (the comparison's default)."""

    __tablename__ = "product_plans"

    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), primary_key=True
    )
    planned_qty: Mapped[int] = mapped_column(Integer)


class PhraseRow(Base):
    """A phrase the user added to the glossary (the built-in ones are in the domain)."""

    __tablename__ = "phrases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chinese: Mapped[str] = mapped_column(Text)
    english: Mapped[str] = mapped_column(Text)
    category: Mapped[Category] = mapped_column(ChoiceCode(Category))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
