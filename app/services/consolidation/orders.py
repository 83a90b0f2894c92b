"""1688 orders and their items (domain.md: Orders and parcels): list, edit, one-keystroke status
moves, and the Negotiation tab's agreed price as a new item's starting point.

Rules decided here:
- An order belongs to a stored supplier; each item to a stored product, with a whole quantity
  of 1 or more, an exact unit price of 0 or more in a three-letter currency, and an optional
  HS code (digits and dots). The 1688 order number is text (18-19 digits do not survive a
  float) and, when given, belongs to one order only.
- Status moves follow the domain (app.domain.consolidation.orders): forward along the six
  statuses (skipping is allowed: a supplier may ship before the buyer looks), or to cancelled
  while not shipped; never back. `advance_status` is the one step forward and stamps the date
  it stands for when empty (paid on reaching pending shipment, shipped, delivered).
- Dates: ordered ≤ paid ≤ shipped ≤ delivered where given, none after today.
- The agreed quote is read through the schema only: the Negotiation tab's `worksheets` table,
  its row with agreed = 1 for the product; a database without that table gives None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from itertools import pairwise
from typing import Any

from sqlalchemy import Connection, delete, insert, inspect, select, text, update

from app.domain.consolidation.orders import ORDER_FLOW, OrderStatus, can_cancel, next_status
from app.domain.consolidation.units import problem
from app.domain.kit.money import Money
from app.errors import NotFound, ValidationError
from app.services.consolidation.base import (
    CURRENCY,
    NOTE_LIMIT,
    ServiceBase,
    money_problem,
    product_names,
    require_row,
    supplier_names,
    text_problem,
)
from app.services.consolidation.records import (
    ITEMS,
    ORDERS,
    PARCEL_ORDERS,
    PRODUCTS,
    SUPPLIERS,
    ConsolidationChange,
    Order,
    OrderItem,
    OrderRow,
    SuggestedPrice,
)
from app.services.sql import inserted_id
from app.store.types import utc_now

HS_CODE = re.compile(r"[0-9][0-9.]{0,19}")
MAX_QUANTITY = 10**9
# The date an order's status stands for, stamped by advance_status when still empty.
STATUS_DATES = {
    OrderStatus.PENDING_SHIPMENT: "paid_on",
    OrderStatus.SHIPPED: "shipped_on",
    OrderStatus.DELIVERED: "delivered_on",
}
_DATE_FIELDS = ("ordered_on", "paid_on", "shipped_on", "delivered_on")
_DATE_LABELS = {
    "ordered_on": "ordered",
    "paid_on": "paid",
    "shipped_on": "shipped",
    "delivered_on": "delivered",
}


class OrderService(ServiceBase):
    # --- reading -------------------------------------------------------------------------------
    def orders(self, status: OrderStatus | None = None) -> list[OrderRow]:
        """Every order (or those with this status), newest order date first."""
        with self.database.transaction() as session:
            connection = session.connection()
            condition = None if status is None else ORDERS.c.status == status
            orders = read_orders(connection, condition)
            suppliers = supplier_names(connection, (o.supplier_id for o in orders))
            names = product_names(connection, (i.product_id for o in orders for i in o.items))
            carried: dict[int, list[int]] = {}
            for parcel_id, order_id in connection.execute(
                select(PARCEL_ORDERS.c.parcel_id, PARCEL_ORDERS.c.order_id).order_by(
                    PARCEL_ORDERS.c.parcel_id
                )
            ):
                carried.setdefault(order_id, []).append(parcel_id)
        rows = [
            OrderRow(
                order,
                *suppliers.get(order.supplier_id, ("", "")),
                tuple(names.get(item.product_id, "") for item in order.items),
                goods_total(order.items),
                tuple(carried.get(order.id or 0, ())),
            )
            for order in orders
        ]
        rows.sort(key=lambda row: (row.order.ordered_on or date.min, row.order.id), reverse=True)
        return rows

    def order(self, order_id: int) -> Order:
        with self.database.transaction() as session:
            found = read_orders(session.connection(), ORDERS.c.id == order_id)
        if not found:
            raise NotFound(f"Order {order_id} no longer exists.")
        return found[0]

    def find_order_id(self, order_number: str) -> int | None:
        """The order with this 1688 order number, if any."""
        number = order_number.strip()
        if not number:
            return None
        with self.database.transaction() as session:
            return session.scalar(select(ORDERS.c.id).where(ORDERS.c.order_number == number))

    def items_from_agreed_quote(self, product_id: int) -> SuggestedPrice | None:
        """The agreed unit price, currency and supplier of the product on the Negotiation tab,
        or None (nothing agreed yet, or a database without negotiations)."""
        with self.database.transaction() as session:
            return agreed_price(session.connection(), product_id)

    # --- writing -------------------------------------------------------------------------------
    def save_order(self, order: Order) -> ConsolidationChange:
        """Store a new order (id None) or replace one with all its items."""
        errors = order_problems(order, self.today())
        if errors:
            raise ValidationError(errors)
        now = utc_now()
        with self.database.transaction() as session:
            connection = session.connection()
            errors = _stored_problems(connection, order)
            if order.id is not None:
                old = require_row(connection, ORDERS, order.id, "Order")
                move = move_problem(old.status, order.status)
                if move:
                    errors["status"] = move
            if errors:
                raise ValidationError(errors)
            values = order_values(order)
            if order.id is None:
                order_id = inserted_id(
                    connection.execute(
                        insert(ORDERS).values(**values, created_at=now, updated_at=now)
                    )
                )
            else:
                order_id = order.id
                connection.execute(
                    update(ORDERS).where(ORDERS.c.id == order_id).values(**values, updated_at=now)
                )
                connection.execute(delete(ITEMS).where(ITEMS.c.order_id == order_id))
            write_items(connection, order_id, order.items)
        new = order.id is None
        return ConsolidationChange(
            created=(order_id,) if new else (),
            updated=() if new else (order_id,),
            orders=(order_id,),
        )

    def delete_order(self, order_id: int) -> ConsolidationChange:
        """Delete an order with its items; the parcels that carried it stay (unlinked)."""
        with self.database.transaction() as session:
            connection = session.connection()
            require_row(connection, ORDERS, order_id, "Order")
            parcels = tuple(
                connection.scalars(
                    select(PARCEL_ORDERS.c.parcel_id).where(PARCEL_ORDERS.c.order_id == order_id)
                )
            )
            connection.execute(delete(ORDERS).where(ORDERS.c.id == order_id))
        return ConsolidationChange(deleted=(order_id,), orders=(order_id,), parcels=parcels)

    def advance_status(self, order_id: int) -> ConsolidationChange:
        """One step forward (the one-keystroke move); stamps the step's date when empty."""
        with self.database.transaction() as session:
            connection = session.connection()
            row = require_row(connection, ORDERS, order_id, "Order")
            following = next_status(row.status)
            if following is None:
                raise ValidationError(
                    {"status": f"The order is {row.status.label.lower()}: no status follows."}
                )
            _set_status(connection, row, following, self.today())
        return ConsolidationChange(updated=(order_id,), orders=(order_id,))

    def set_status(self, order_id: int, status: OrderStatus) -> ConsolidationChange:
        """Move to `status` (forward, or cancelled before shipment); stamps its date."""
        if not isinstance(status, OrderStatus):
            raise ValidationError({"status": f"{status!r} is not an order status."})
        with self.database.transaction() as session:
            connection = session.connection()
            row = require_row(connection, ORDERS, order_id, "Order")
            move = move_problem(row.status, status)
            if move:
                raise ValidationError({"status": move})
            _set_status(connection, row, status, self.today())
        return ConsolidationChange(updated=(order_id,), orders=(order_id,))


# --- rules --------------------------------------------------------------------------------------
def move_problem(old: OrderStatus, new: OrderStatus) -> str | None:
    """Why an order cannot move from `old` to `new` (None: it can)."""
    if new is old:
        return None
    if old is OrderStatus.CANCELLED:
        return "A cancelled order stays cancelled: enter a new order instead."
    if new is OrderStatus.CANCELLED:
        if can_cancel(old):
            return None
        return f"The order is already {old.label.lower()}: only an order not yet shipped can be cancelled."
    if ORDER_FLOW.index(new) < ORDER_FLOW.index(old):
        return (
            f"An order does not go back from {old.label.lower()} to {new.label.lower()} "
            "(a return is a new after-sales case)."
        )
    return None


def order_problems(order: Order, today: date) -> dict[str, str]:
    """Field → what is wrong, for everything that needs no database."""
    errors: dict[str, str] = {}
    if isinstance(order.supplier_id, bool) or not isinstance(order.supplier_id, int):
        errors["supplier_id"] = "Choose the supplier of the order."
    if not isinstance(order.status, OrderStatus):
        errors["status"] = f"{order.status!r} is not an order status."
    for key, limit in (("order_number", 40), ("tracking_number", 100), ("note", NOTE_LIMIT)):
        label = {"order_number": "The order number", "tracking_number": "The tracking number"}
        found = text_problem(getattr(order, key), label.get(key, "The note"), limit)
        if found:
            errors[key] = found
    shipping = order.domestic_shipping
    if shipping is not None:
        found = money_problem(shipping, "The domestic shipping")
        if found:
            errors["domestic_shipping"] = found
    errors.update(_date_problems(order, today))
    if not isinstance(order.items, tuple | list):
        errors["items"] = "The items must be a list."
        return errors
    for index, item in enumerate(order.items):
        for key, message in item_problems(item).items():
            errors[f"items[{index}].{key}"] = message
    return errors


def item_problems(item: OrderItem) -> dict[str, str]:
    errors: dict[str, str] = {}
    if isinstance(item.product_id, bool) or not isinstance(item.product_id, int):
        errors["product_id"] = "Choose the product."
    quantity = item.quantity
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        errors["quantity"] = f"The quantity must be a whole number of 1 or more, not {quantity!r}."
    elif quantity > MAX_QUANTITY:
        errors["quantity"] = f"The quantity must be at most {MAX_QUANTITY:,}."
    price = problem(item.unit_price, "The unit price", minimum=0)
    if price:
        errors["unit_price"] = price
    if not isinstance(item.currency, str) or not CURRENCY.fullmatch(item.currency):
        errors["currency"] = f"The currency must be a code such as CNY, not {item.currency!r}."
    if not isinstance(item.hs_code, str) or (
        item.hs_code.strip() and not HS_CODE.fullmatch(item.hs_code.strip())
    ):
        errors["hs_code"] = "An HS code is digits, with dots if you like (6307.90), at most 20."
    return errors


def _date_problems(order: Order, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    given: list[tuple[str, date]] = []
    for key in _DATE_FIELDS:
        value = getattr(order, key)
        if value is None:
            continue
        if not isinstance(value, date):
            errors[key] = "Enter a date."
        elif value > today:
            errors[key] = f"The {_DATE_LABELS[key]} date {value} is after today."
        else:
            given.append((key, value))
    for (first, early), (second, late) in pairwise(given):
        if late < early:
            errors[second] = (
                f"The {_DATE_LABELS[second]} date {late} is before the "
                f"{_DATE_LABELS[first]} date {early}."
            )
    return errors


def _stored_problems(connection: Connection, order: Order) -> dict[str, str]:
    errors: dict[str, str] = {}
    if connection.scalar(select(SUPPLIERS.c.id).where(SUPPLIERS.c.id == order.supplier_id)) is None:
        errors["supplier_id"] = f"Supplier {order.supplier_id} no longer exists."
    number = order.order_number.strip()
    if number:
        other = connection.execute(
            select(ORDERS.c.id).where(
                ORDERS.c.order_number == number, ORDERS.c.id != (order.id or 0)
            )
        ).first()
        if other is not None:
            errors["order_number"] = f"Order number {number} is already order #{other.id}."
    wanted = {item.product_id for item in order.items}
    stored = set(connection.scalars(select(PRODUCTS.c.id).where(PRODUCTS.c.id.in_(wanted))))
    for index, item in enumerate(order.items):
        if item.product_id not in stored:
            errors[f"items[{index}].product_id"] = f"Product {item.product_id} no longer exists."
    return errors


def _set_status(connection: Connection, row: Any, status: OrderStatus, today: date) -> None:
    values: dict[str, Any] = {"status": status, "updated_at": utc_now()}
    stamp = STATUS_DATES.get(status)
    if stamp and getattr(row, stamp) is None:
        values[stamp] = today
    connection.execute(update(ORDERS).where(ORDERS.c.id == row.id).values(**values))


# --- rows to records and back -------------------------------------------------------------------
def order_values(order: Order) -> dict[str, Any]:
    shipping = order.domestic_shipping
    return {
        "supplier_id": order.supplier_id,
        "order_number": order.order_number.strip(),
        "status": order.status,
        "ordered_on": order.ordered_on,
        "paid_on": order.paid_on,
        "shipped_on": order.shipped_on,
        "delivered_on": order.delivered_on,
        "domestic_shipping_minor": None if shipping is None else shipping.to_minor(),
        "domestic_shipping_currency": "CNY" if shipping is None else shipping.currency,
        "tracking_number": order.tracking_number.strip(),
        "note": order.note.strip(),
    }


def write_items(connection: Connection, order_id: int, items: Sequence[OrderItem]) -> None:
    if not items:
        return
    connection.execute(
        insert(ITEMS),
        [
            {
                "order_id": order_id,
                "product_id": item.product_id,
                "quantity": item.quantity,
                "unit_price": item.unit_price,
                "currency": item.currency,
                "hs_code": item.hs_code.strip(),
                "position": position,
            }
            for position, item in enumerate(items)
        ],
    )


def read_orders(connection: Connection, condition: Any = None) -> list[Order]:
    query = select(ORDERS).order_by(ORDERS.c.id)
    if condition is not None:
        query = query.where(condition)
    rows = connection.execute(query).all()
    items: dict[int, list[OrderItem]] = {}
    item_query = select(ITEMS).order_by(ITEMS.c.order_id, ITEMS.c.position, ITEMS.c.id)
    if condition is not None:
        item_query = item_query.where(ITEMS.c.order_id.in_([row.id for row in rows]))
    for item in connection.execute(item_query):
        items.setdefault(item.order_id, []).append(
            OrderItem(
                item.product_id,
                item.quantity,
                item.unit_price,
                item.currency,
                item.hs_code,
                item.id,
            )
        )
    return [order_from_row(row, items.get(row.id, [])) for row in rows]


def order_from_row(row: Any, items: Sequence[OrderItem]) -> Order:
    shipping = None
    if row.domestic_shipping_minor is not None:
        shipping = Money.from_minor(row.domestic_shipping_minor, row.domestic_shipping_currency)
    return Order(
        supplier_id=row.supplier_id,
        order_number=row.order_number,
        status=row.status,
        items=tuple(items),
        domestic_shipping=shipping,
        tracking_number=row.tracking_number,
        ordered_on=row.ordered_on,
        paid_on=row.paid_on,
        shipped_on=row.shipped_on,
        delivered_on=row.delivered_on,
        note=row.note,
        id=row.id,
    )


def goods_total(items: Sequence[OrderItem]) -> Money | None:
    """The sum of quantity × unit price, rounded once to the cent; None without items or when
    they are in several currencies (no rate is guessed)."""
    currencies = {item.currency for item in items}
    if len(currencies) != 1:
        return None
    currency = currencies.pop()
    total = sum((item.unit_price * item.quantity for item in items), Decimal(0))
    return Money.from_minor(Money(total, currency).to_minor(), currency)


def agreed_price(connection: Connection, product_id: int) -> SuggestedPrice | None:
    """The product's agreed worksheet, read through the schema (see the module's rules)."""
    if not inspect(connection).has_table("worksheets"):
        return None
    row = connection.execute(
        text(
            "SELECT supplier_id, agreed_unit_price, agreed_currency, currency, agreed_quantity "
            "FROM worksheets WHERE product_id = :product AND agreed = 1 "
            "ORDER BY id DESC LIMIT 1"
        ),
        {"product": product_id},
    ).first()
    if row is None or row.agreed_unit_price is None:
        return None
    return SuggestedPrice(
        Decimal(row.agreed_unit_price),
        row.agreed_currency or row.currency or "CNY",
        row.supplier_id,
        row.agreed_quantity,
    )
