"""Plain records the consolidation service takes and returns (the UI's and the exports' side of
the tab), the tables it reads, and its Change. No SQL here beyond naming the tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.allocation import AllocationBasis
from app.domain.consolidation.boxes import PackingRules
from app.domain.consolidation.estimate import EstimateCheck
from app.domain.consolidation.orders import OrderStatus, next_status
from app.domain.consolidation.parcels import Parcel, RestrictedTag, StorageStatus
from app.domain.consolidation.planner import ShipmentPlan, Way
from app.domain.consolidation.rate_card import RateCard
from app.domain.consolidation.split import DEFAULT_PACKING
from app.domain.kit.money import DEFAULT_CURRENCY, Money
from app.services.changes import Change, Topic
from app.services.samples.records import SkippedPhoto
from app.services.sql import table_of
from app.store.models.consolidation import (
    AgentRow,
    OrderItemRow,
    ParcelOrderRow,
    ParcelPhotoRow,
    PurchaseOrderRow,
    ShipmentRow,
    ShippingLineRow,
    WarehouseParcelRow,
)
from app.store.models.samples import ProductRow
from app.store.models.suppliers import SupplierRow

AGENTS = table_of(AgentRow)
LINES = table_of(ShippingLineRow)
ORDERS = table_of(PurchaseOrderRow)
ITEMS = table_of(OrderItemRow)
PARCELS = table_of(WarehouseParcelRow)
PARCEL_ORDERS = table_of(ParcelOrderRow)
PARCEL_PHOTOS = table_of(ParcelPhotoRow)
SHIPMENTS = table_of(ShipmentRow)
PRODUCTS = table_of(ProductRow)
SUPPLIERS = table_of(SupplierRow)


# --- the change ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class ConsolidationChange(Change):
    """What a consolidation write changed. created / updated / deleted hold the ids of the
    record the call is about (an order, a parcel, an agent, a line or a shipment); the tuples
    below say, per kind, every record whose shown data may have changed (so a panel refreshes
    when its tuple is not empty)."""

    topic: Topic = Topic.CONSOLIDATION
    orders: tuple[int, ...] = ()
    parcels: tuple[int, ...] = ()
    agents: tuple[int, ...] = ()
    lines: tuple[int, ...] = ()
    shipments: tuple[int, ...] = ()
    # Photo files no parcel shows any more: hand them to workbench.photos.forget_unreferenced,
    # which keeps any a sample or an audit still shows.
    unreferenced_hashes: tuple[str, ...] = ()
    added_photos: tuple[int, ...] = ()  # parcel_photos ids, in gallery order
    skipped_photos: tuple[SkippedPhoto, ...] = ()


# --- orders -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class OrderItem:
    """A line of an order. The unit price is exact (1688 shows 3 places at times)."""

    product_id: int
    quantity: int
    unit_price: Decimal
    currency: str = DEFAULT_CURRENCY
    hs_code: str = ""  # customs tariff number, digits (dots allowed)
    id: int | None = None

    @property
    def value(self) -> Money:
        """quantity × unit price, unrounded (rounded where it is shown or summed)."""
        return Money(self.unit_price * self.quantity, self.currency)


@dataclass(frozen=True, slots=True)
class Order:
    supplier_id: int
    order_number: str = ""  # 1688's 订单号 (18-19 digits; kept as text)
    status: OrderStatus = OrderStatus.PENDING_PAYMENT
    items: tuple[OrderItem, ...] = ()
    domestic_shipping: Money | None = None  # charged per order inside China
    tracking_number: str = ""  # the supplier's domestic tracking number
    ordered_on: date | None = None
    paid_on: date | None = None
    shipped_on: date | None = None
    delivered_on: date | None = None  # signed for at the agent's warehouse
    note: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class OrderRow:
    """A row of the orders list."""

    order: Order
    supplier_name_zh: str
    supplier_name_en: str
    product_names: tuple[str, ...]  # one per item, "帆布托特包 · Canvas tote bag"
    goods_total: Money | None  # None: no items, or items in several currencies
    parcel_ids: tuple[int, ...]  # the parcels that carry it

    @property
    def next_status(self) -> OrderStatus | None:
        return next_status(self.order.status)

    @property
    def supplier_name(self) -> str:
        return self.supplier_name_zh or self.supplier_name_en


@dataclass(frozen=True, slots=True)
class SuggestedPrice:
    """The agreed quote of the Negotiation tab for a product: what a new item starts from."""

    unit_price: Decimal
    currency: str
    supplier_id: int
    quantity: int | None = None


# --- parcels ------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ParcelInput:
    """A parcel as the user typed it; the service checks every field (sides in any order)."""

    weight_kg: Decimal | None
    length_cm: Decimal | None
    width_cm: Decimal | None
    height_cm: Decimal | None
    code: str = ""  # the tracking number or the agent's parcel code: the import's key
    label: str = ""  # what is in it, in the user's words
    agent_id: int | None = None  # whose warehouse holds it (its free storage days)
    arrived_on: date | None = None
    tags: frozenset[RestrictedTag] = frozenset()
    declared_value: Money | None = None
    order_ids: tuple[int, ...] = ()
    note: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class OrderRef:
    id: int
    order_number: str
    supplier_id: int
    supplier_name: str


@dataclass(frozen=True, slots=True)
class ParcelRow:
    """A row of the parcels list: the domain parcel (id = the parcel's id, sides sorted) and
    what the tab shows beside it."""

    parcel: Parcel
    code: str
    agent_id: int | None
    agent_name: str
    orders: tuple[OrderRef, ...]
    storage: StorageStatus | None  # None: no arrival date, or it has left the warehouse
    shipment_id: int | None
    shipment_name: str
    shipment_status: ShipmentStatus | None
    photo_count: int
    note: str

    @property
    def id(self) -> int:
        return int(self.parcel.id)

    @property
    def waiting(self) -> bool:
        """At the warehouse and in no shipment yet."""
        return self.shipment_id is None

    @property
    def supplier_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(ref.supplier_name for ref in self.orders))

    def as_input(self) -> ParcelInput:
        """What the editor starts from."""
        parcel = self.parcel
        return ParcelInput(
            parcel.actual_kg,
            *parcel.dimensions.sides,
            code=self.code,
            label=parcel.label,
            agent_id=self.agent_id,
            arrived_on=parcel.arrived_on,
            tags=parcel.tags,
            declared_value=parcel.declared_value,
            order_ids=tuple(ref.id for ref in self.orders),
            note=self.note,
            id=self.id,
        )


@dataclass(frozen=True, slots=True)
class ParcelPhoto:
    id: int
    parcel_id: int
    hash: str
    original_name: str
    caption: str
    position: int


# --- agents and lines ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AgentEntry:
    id: int
    name: str
    fees: AgentFees  # fees.name is the agent's name
    note: str
    line_count: int
    parcel_count: int
    packing: PackingRules = DEFAULT_PACKING  # carton tare, packing and repack factors


@dataclass(frozen=True, slots=True)
class LineEntry:
    id: int
    agent_id: int
    agent_name: str
    card: RateCard  # card.name is the line's name

    @property
    def name(self) -> str:
        return self.card.name


@dataclass(frozen=True, slots=True)
class PlanView:
    """A plan and, for each of its lines (same order), which stored line it is."""

    plan: ShipmentPlan
    lines: tuple[LineEntry, ...]

    def line_id(self, index: int) -> int:
        return self.lines[index].id


# --- shipments ----------------------------------------------------------------------------------
class ShipmentStatus(StrEnum):
    PLANNED = "planned"
    PAID = "paid"  # the agent's freight deposit is paid
    SHIPPED = "shipped"
    DELIVERED = "delivered"

    @property
    def label(self) -> str:
        return _SHIPMENT_LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return _SHIPMENT_LABELS[self][1]


_SHIPMENT_LABELS = {
    ShipmentStatus.PLANNED: ("Planned", "已计划"),
    ShipmentStatus.PAID: ("Paid", "已付运费"),
    ShipmentStatus.SHIPPED: ("Shipped", "已发出"),
    ShipmentStatus.DELIVERED: ("Delivered", "已签收"),
}
SHIPMENT_FLOW = tuple(ShipmentStatus)
# The date a status stamps when a shipment reaches it.
SHIPMENT_DATES = {
    ShipmentStatus.PLANNED: "planned_on",
    ShipmentStatus.PAID: "paid_on",
    ShipmentStatus.SHIPPED: "shipped_on",
    ShipmentStatus.DELIVERED: "delivered_on",
}


@dataclass(frozen=True, slots=True)
class ShipmentEntry:
    id: int
    name: str
    status: ShipmentStatus
    line_id: int | None  # None: the line was deleted since (its name and card are kept)
    line_name: str
    agent_name: str
    card: RateCard  # the line's card when the shipment was made
    way: Way
    parcel_ids: tuple[int, ...]
    box_parcels: tuple[tuple[int, ...], ...]  # parcel ids per box, as planned
    boxes: int
    actual_kg: Decimal
    chargeable_kg: Decimal
    estimate: Money  # the estimated charge: the agent's freight deposit
    actual: Money | None  # the charge after weighing, once recorded
    planned_on: date | None
    paid_on: date | None
    shipped_on: date | None
    delivered_on: date | None
    summary: str
    tracking_number: str
    note: str

    @property
    def check(self) -> EstimateCheck | None:
        """Estimate against actual (None until the actual charge is recorded)."""
        from app.domain.consolidation.estimate import compare_estimate

        return None if self.actual is None else compare_estimate(self.estimate, self.actual)

    @property
    def charge(self) -> Money:
        """What the freight allocation shares out: the actual charge, else the estimate."""
        return self.actual if self.actual is not None else self.estimate

    @property
    def dated(self) -> date | None:
        """The date a history sorts it by: shipped, else paid, else planned."""
        return self.shipped_on or self.paid_on or self.planned_on


@dataclass(frozen=True, slots=True)
class EstimateRecord:
    """One shipment of a line in the estimate-against-actual history."""

    shipment_id: int
    shipment_name: str
    line_id: int | None
    line_name: str
    agent_name: str
    on: date | None
    check: EstimateCheck


# --- allocation ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AllocatedItem:
    """An order item's part of a shipment's charge."""

    item_id: int
    order_id: int
    order_number: str
    product_id: int
    product_name: str
    quantity: int
    basis_value: Decimal  # kg, cm³, value, pieces or 1, per the basis
    share: Money  # to the cent; the shares sum exactly to the charge
    per_unit: Money  # share / quantity, 6 decimal places half up


@dataclass(frozen=True, slots=True)
class AllocationResult:
    total: Money
    basis: AllocationBasis
    items: tuple[AllocatedItem, ...] = ()
    note: str = ""  # e.g. every basis was 0 and the charge was shared equally
    unassigned_parcels: tuple[int, ...] = field(default=())  # parcels carrying no order
