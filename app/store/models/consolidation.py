"""Tables of the Consolidation tab (集运): 1688 orders and their items, parcels at the agent's
warehouse with their photos, agents with their fees and shipping lines (rate cards), and the
shipments made of parcels.

Agent fees and rate cards are stored as JSON documents of Decimals-as-strings with a version
key (`fees_version`, `card_version`; app.services.consolidation.cards reads and writes them),
plus the columns a list needs (name, currency, transit days). The domain validates a card when
it is read back, so a stored card is always one the planner can use. An agent's packing rules
(carton tare, packing and repack factors) are plain columns, NULL for the project default.

Links, decided once:
- An order belongs to a supplier and its items to products: deleting a supplier or a product
  takes its orders or items with it (ON DELETE CASCADE, restored whole by the undo of that
  delete, app.services.dependents), as samples do.
- A parcel links to the orders it carries (parcel_orders, both sides CASCADE), to the agent
  whose warehouse holds it and to the shipment it left in; deleting the agent or the shipment
  keeps the parcel (SET NULL): a deleted shipment puts its parcels back to waiting.
- A shipment keeps its line's name, agent name and rate card as they were when it was made, so
  editing or deleting the line later changes neither its estimate nor its freight allocation.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.consolidation.orders import OrderStatus
from app.domain.consolidation.planner import Way
from app.store.models.base import Base
from app.store.types import ChoiceCode, DecimalText, UTCDateTime

# Partial unique indexes (a blank order number or parcel code may repeat); the migration
# writes the same names and conditions.
ONE_ORDER_NUMBER_INDEX = "ix_purchase_orders_one_order_number"
ONE_PARCEL_CODE_INDEX = "ix_parcels_one_code"
NOT_BLANK_ORDER_NUMBER = "order_number != ''"
NOT_BLANK_CODE = "code != ''"


class AgentRow(Base):
    """A purchasing agent / forwarder (Superbuy, CSSBuy...) and its fees (domain AgentFees)."""

    __tablename__ = "agents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    fees: Mapped[str] = mapped_column(Text)  # JSON, {"fees_version": 1, ...}
    # How the agent packs (domain PackingRules); NULL: the project default (migration 0009).
    carton_tare_kg: Mapped[Decimal | None] = mapped_column(DecimalText)
    packing_factor: Mapped[Decimal | None] = mapped_column(DecimalText)
    repack_factor: Mapped[Decimal | None] = mapped_column(DecimalText)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ShippingLineRow(Base):
    """One of an agent's shipping lines; `card` is its whole rate card (domain RateCard)."""

    __tablename__ = "shipping_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No separate index: the unique constraint's index starts with agent_id.
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    transit_days_min: Mapped[int | None] = mapped_column(Integer)
    transit_days_max: Mapped[int | None] = mapped_column(Integer)
    card: Mapped[str] = mapped_column(Text)  # JSON, {"card_version": 1, ...}
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (UniqueConstraint("agent_id", "name"),)


class PurchaseOrderRow(Base):
    """A 1688 order placed with one supplier."""

    __tablename__ = "purchase_orders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(
        ForeignKey("suppliers.id", ondelete="CASCADE"), index=True
    )
    order_number: Mapped[str] = mapped_column(String(40), default="")  # 1688's 订单号
    status: Mapped[OrderStatus] = mapped_column(
        ChoiceCode(OrderStatus), default=OrderStatus.PENDING_PAYMENT
    )
    ordered_on: Mapped[date | None] = mapped_column(Date)
    paid_on: Mapped[date | None] = mapped_column(Date)
    shipped_on: Mapped[date | None] = mapped_column(Date)
    delivered_on: Mapped[date | None] = mapped_column(Date)
    # Domestic shipping inside China, per order: integer minor units plus currency.
    domestic_shipping_minor: Mapped[int | None] = mapped_column(Integer)
    domestic_shipping_currency: Mapped[str] = mapped_column(String(3), default="CNY")
    tracking_number: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index(
            ONE_ORDER_NUMBER_INDEX,
            "order_number",
            unique=True,
            sqlite_where=text(NOT_BLANK_ORDER_NUMBER),
        ),
    )


class OrderItemRow(Base):
    """A line of an order: a product, how many, at what unit price."""

    __tablename__ = "order_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(
        ForeignKey("purchase_orders.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal] = mapped_column(DecimalText)  # exact: 1688 prices have 3+ places
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    hs_code: Mapped[str] = mapped_column(String(20), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ShipmentRow(Base):
    """An international shipment: a chosen plan (line and way) for some parcels."""

    __tablename__ = "shipments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    line_id: Mapped[int | None] = mapped_column(
        ForeignKey("shipping_lines.id", ondelete="SET NULL"), index=True
    )
    line_name: Mapped[str] = mapped_column(String(200))  # as it was when the shipment was made
    agent_name: Mapped[str] = mapped_column(String(200))
    card: Mapped[str] = mapped_column(Text)  # the line's rate card then (JSON)
    way: Mapped[Way] = mapped_column(ChoiceCode(Way))
    status: Mapped[str] = mapped_column(String(40), default="planned")
    planned_on: Mapped[date | None] = mapped_column(Date)
    paid_on: Mapped[date | None] = mapped_column(Date)
    shipped_on: Mapped[date | None] = mapped_column(Date)
    delivered_on: Mapped[date | None] = mapped_column(Date)
    boxes: Mapped[int] = mapped_column(Integer, default=1)
    actual_kg: Mapped[Decimal] = mapped_column(DecimalText)
    chargeable_kg: Mapped[Decimal] = mapped_column(DecimalText)
    box_parcels: Mapped[str] = mapped_column(Text, default="[]")  # JSON: parcel ids per box
    # The estimated charge (the agent's freight deposit) and the actual one, in minor units.
    estimate_minor: Mapped[int] = mapped_column(Integer)
    actual_minor: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    summary: Mapped[str] = mapped_column(Text, default="")
    tracking_number: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class WarehouseParcelRow(Base):
    """A supplier's parcel as the agent weighed and measured it (sides stored longest first)."""

    __tablename__ = "parcels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(100), default="")  # tracking no. or agent's code
    label: Mapped[str] = mapped_column(String(300), default="")
    agent_id: Mapped[int | None] = mapped_column(
        ForeignKey("agents.id", ondelete="SET NULL"), index=True
    )
    shipment_id: Mapped[int | None] = mapped_column(
        ForeignKey("shipments.id", ondelete="SET NULL"), index=True
    )
    weight_kg: Mapped[Decimal] = mapped_column(DecimalText)
    length_cm: Mapped[Decimal] = mapped_column(DecimalText)
    width_cm: Mapped[Decimal] = mapped_column(DecimalText)
    height_cm: Mapped[Decimal] = mapped_column(DecimalText)
    arrived_on: Mapped[date | None] = mapped_column(Date)
    tags: Mapped[str] = mapped_column(String(100), default="")  # "battery,magnet"
    declared_minor: Mapped[int | None] = mapped_column(Integer)
    declared_currency: Mapped[str] = mapped_column(String(3), default="CNY")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index(ONE_PARCEL_CODE_INDEX, "code", unique=True, sqlite_where=text(NOT_BLANK_CODE)),
    )


class ParcelOrderRow(Base):
    """Which orders a parcel carries (one order may come in several parcels, and one parcel
    may carry several orders of a supplier)."""

    __tablename__ = "parcel_orders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No separate index on parcel_id: the unique constraint's index starts with it.
    parcel_id: Mapped[int] = mapped_column(ForeignKey("parcels.id", ondelete="CASCADE"))
    order_id: Mapped[int] = mapped_column(
        ForeignKey("purchase_orders.id", ondelete="CASCADE"), index=True
    )

    __table_args__ = (UniqueConstraint("parcel_id", "order_id"),)


class ParcelPhotoRow(Base):
    """A photo of a parcel (the agent's warehouse photo, or the buyer's): the photo store's
    content hash, as sample_photos; once per parcel."""

    __tablename__ = "parcel_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parcel_id: Mapped[int] = mapped_column(ForeignKey("parcels.id", ondelete="CASCADE"))
    hash: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(Text, default="")
    caption: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("parcel_id", "hash"),)
