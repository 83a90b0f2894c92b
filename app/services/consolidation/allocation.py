"""Sharing a shipment's charge back to the order items it carried (domain.md: Allocation), and
the freight per unit of a product for the Negotiation tab's landed cost.

Rules decided here (the sharing itself is app.domain.consolidation.allocation's: largest
remainder to the cent, parts summing exactly to the total):
- What is shared: the shipment's actual charge once recorded, else its estimate (the agent's
  deposit): freight, fuel, per-box and the agent's parcel fees together, all that it cost to
  send the goods to the border.
- Which items: every item of every order a parcel of the shipment carries, once each. A
  parcel that carries no order has no items to take its part: its weight counts for nothing and
  the charge is shared among the other items (the result lists such parcels).
- Item bases: by chargeable weight (the default) and by volume, each parcel's own figure on the
  shipment's line (chargeable kg as the line weighs that parcel alone; for a W/M line,
  max(actual kg, m³ × kg per m³)), shared among the items the parcel carries by their value
  (quantity × unit price) when those are in one currency and not all 0, else by quantity; an
  item in several parcels adds up its parts. By value: quantity × unit price (one currency
  across the items, or the basis is refused). By quantity: pieces. Equally: 1 each. Bases are
  kept to 6 decimal places.
- Per unit = share ÷ quantity, 6 decimal places, half up (a price is built from it, the UI
  shows 4).
- `freight_per_unit(product)` is from the latest shipment (shipped, else paid, else planned
  date; then the newest) carrying an item of the product: the shares of its items of that
  product over their quantities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import Connection, select

from app.domain.consolidation.allocation import AllocationBasis, AllocationItem, allocate
from app.domain.consolidation.chargeable import measured, weigh
from app.domain.consolidation.parcels import Parcel
from app.domain.consolidation.rate_card import PerRevenueTon, RateCard
from app.domain.consolidation.units import WIDE
from app.domain.kit.money import Money
from app.errors import NotFound, ValidationError
from app.services.consolidation.base import ServiceBase, product_names
from app.services.consolidation.records import (
    ITEMS,
    ORDERS,
    PARCEL_ORDERS,
    PARCELS,
    SHIPMENTS,
    AllocatedItem,
    AllocationResult,
    ShipmentEntry,
)
from app.services.consolidation.shipments import load_parcels, read_shipments

SIX_PLACES = Decimal("0.000001")


@dataclass(frozen=True, slots=True)
class _Item:
    id: int
    order_id: int
    order_number: str
    product_id: int
    quantity: int
    unit_price: Decimal
    currency: str

    @property
    def value(self) -> Decimal:
        return self.unit_price * self.quantity


class AllocationService(ServiceBase):
    def allocation(
        self, shipment_id: int, basis: AllocationBasis = AllocationBasis.CHARGEABLE_WEIGHT
    ) -> list[AllocatedItem]:
        """Each order item's part of the shipment's charge (see the module's rules)."""
        return list(self.allocation_result(shipment_id, basis).items)

    def allocation_result(
        self, shipment_id: int, basis: AllocationBasis = AllocationBasis.CHARGEABLE_WEIGHT
    ) -> AllocationResult:
        """`allocation` with the total shared, the basis, and any note."""
        with self.database.transaction() as session:
            connection = session.connection()
            shipment = _shipment(connection, shipment_id)
            parcels = load_parcels(connection, shipment.parcel_ids)
            return allocate_charge(connection, parcels, shipment.card, shipment.charge, basis)

    def freight_per_unit(self, product_id: int) -> Money | None:
        """The allocated charge per unit of the product in the latest shipment carrying it
        (by chargeable weight), in the line's currency; None when no shipment carries it."""
        with self.database.transaction() as session:
            connection = session.connection()
            carrying = set(
                connection.scalars(
                    select(PARCELS.c.shipment_id)
                    .join(PARCEL_ORDERS, PARCEL_ORDERS.c.parcel_id == PARCELS.c.id)
                    .join(ITEMS, ITEMS.c.order_id == PARCEL_ORDERS.c.order_id)
                    .where(ITEMS.c.product_id == product_id, PARCELS.c.shipment_id.is_not(None))
                )
            )
            if not carrying:
                return None
            shipments = read_shipments(connection, SHIPMENTS.c.id.in_(carrying))
            latest = max(shipments, key=lambda s: (s.dated or date.min, s.id))
            parcels = load_parcels(connection, latest.parcel_ids)
            result = allocate_charge(connection, parcels, latest.card, latest.charge)
        mine = [item for item in result.items if item.product_id == product_id]
        quantity = sum(item.quantity for item in mine)
        if not mine or quantity == 0:
            return None
        share = sum((item.share.amount for item in mine), Decimal(0))
        return Money(_per_unit(share, quantity), result.total.currency)


def allocate_charge(
    connection: Connection,
    parcels: Sequence[Parcel],
    card: RateCard,
    total: Money,
    basis: AllocationBasis = AllocationBasis.CHARGEABLE_WEIGHT,
) -> AllocationResult:
    """Share `total` among the items the parcels carry, each parcel weighed on `card`."""
    items_by_parcel, items = _items_of(connection, [int(p.id) for p in parcels])
    unassigned = tuple(int(p.id) for p in parcels if not items_by_parcel.get(int(p.id)))
    if not items:
        note = "The parcels carry no order items: there is nothing to share the charge among."
        return AllocationResult(total, basis, (), note, unassigned)
    bases = _bases(parcels, card, items_by_parcel, items, basis)
    names = product_names(connection, (item.product_id for item in items))
    domain_items = [
        AllocationItem(
            key=item.id,
            label=names.get(item.product_id, ""),
            chargeable_kg=bases[item.id]
            if basis is AllocationBasis.CHARGEABLE_WEIGHT
            else Decimal(0),
            volume_cm3=bases[item.id] if basis is AllocationBasis.VOLUME else Decimal(0),
            value=bases[item.id] if basis is AllocationBasis.VALUE else Decimal(0),
            quantity=item.quantity,
        )
        for item in items
    ]
    shared = allocate(total, domain_items, basis)
    allocated = tuple(
        AllocatedItem(
            item_id=item.id,
            order_id=item.order_id,
            order_number=item.order_number,
            product_id=item.product_id,
            product_name=names.get(item.product_id, ""),
            quantity=item.quantity,
            basis_value=Decimal(1) if basis is AllocationBasis.EQUAL else bases[item.id],
            share=share,
            per_unit=Money(_per_unit(share.amount, item.quantity), share.currency),
        )
        for item, share in zip(items, shared.parts, strict=True)
    )
    return AllocationResult(total, basis, allocated, shared.note, unassigned)


def parcel_chargeable_kg(parcel: Parcel, card: RateCard) -> Decimal:
    """The parcel's chargeable weight on the line as if sent alone (see the module's rules)."""
    pricing = card.pricing
    if isinstance(pricing, PerRevenueTon):
        volume_kg = WIDE.multiply(measured(parcel.dimensions, card).volume_m3, pricing.kg_per_m3)
        return max(parcel.actual_kg, volume_kg)
    return weigh(parcel.actual_kg, parcel.dimensions, card).chargeable_kg


def _bases(
    parcels: Sequence[Parcel],
    card: RateCard,
    items_by_parcel: dict[int, list[_Item]],
    items: list[_Item],
    basis: AllocationBasis,
) -> dict[int, Decimal]:
    if basis is AllocationBasis.QUANTITY:
        return {item.id: Decimal(item.quantity) for item in items}
    if basis is AllocationBasis.EQUAL:
        return {item.id: Decimal(1) for item in items}
    if basis is AllocationBasis.VALUE:
        currencies = sorted({item.currency for item in items})
        if len(currencies) > 1:
            raise ValidationError(
                {
                    "basis": f"The items are priced in {' and '.join(currencies)}: share the charge "
                    "by weight, volume or quantity (no exchange rate is guessed)."
                }
            )
        return {item.id: _six(item.value) for item in items}
    found = {item.id: Decimal(0) for item in items}
    for parcel in parcels:
        carried = items_by_parcel.get(int(parcel.id), [])
        if not carried:
            continue
        if basis is AllocationBasis.CHARGEABLE_WEIGHT:
            figure = parcel_chargeable_kg(parcel, card)
        else:
            figure = measured(parcel.dimensions, card).volume_cm3
        weights = _within_parcel(carried)
        whole = sum(weights, Decimal(0))
        for item, weight in zip(carried, weights, strict=True):
            found[item.id] += WIDE.divide(WIDE.multiply(figure, weight), whole)
    return {key: _six(value) for key, value in found.items()}


def _within_parcel(items: list[_Item]) -> list[Decimal]:
    """How a parcel's figure is shared among its items: by value when one currency and not all
    0, else by quantity."""
    if len({item.currency for item in items}) == 1 and any(item.value for item in items):
        return [item.value for item in items]
    return [Decimal(item.quantity) for item in items]


def _items_of(
    connection: Connection, parcel_ids: list[int]
) -> tuple[dict[int, list[_Item]], list[_Item]]:
    """The items each parcel carries (through its orders), and every item once, in order."""
    query = (
        select(
            PARCEL_ORDERS.c.parcel_id,
            ITEMS.c.id,
            ITEMS.c.order_id,
            ORDERS.c.order_number,
            ITEMS.c.product_id,
            ITEMS.c.quantity,
            ITEMS.c.unit_price,
            ITEMS.c.currency,
        )
        .join(ORDERS, ORDERS.c.id == PARCEL_ORDERS.c.order_id)
        .join(ITEMS, ITEMS.c.order_id == ORDERS.c.id)
        .where(PARCEL_ORDERS.c.parcel_id.in_(parcel_ids))
        .order_by(ITEMS.c.order_id, ITEMS.c.position, ITEMS.c.id)
    )
    by_parcel: dict[int, list[_Item]] = {}
    every: dict[int, _Item] = {}
    for row in connection.execute(query):
        item = every.setdefault(
            row.id,
            _Item(
                row.id,
                row.order_id,
                row.order_number,
                row.product_id,
                row.quantity,
                row.unit_price,
                row.currency,
            ),
        )
        by_parcel.setdefault(row.parcel_id, []).append(item)
    return by_parcel, list(every.values())


def _shipment(connection: Connection, shipment_id: int) -> ShipmentEntry:
    found = read_shipments(connection, SHIPMENTS.c.id == shipment_id)
    if not found:
        raise NotFound(f"Shipment {shipment_id} no longer exists.")
    return found[0]


def _six(value: Decimal) -> Decimal:
    return value.quantize(SIX_PLACES, rounding=ROUND_HALF_UP, context=WIDE)


def _per_unit(share: Decimal, quantity: int) -> Decimal:
    return _six(WIDE.divide(share, Decimal(quantity)))
