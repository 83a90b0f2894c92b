"""1688 order statuses (domain.md: Orders and parcels), in the order an order moves through them.

Rules, decided once:
- The six statuses run in one line: 待付款 pending payment → 待发货 pending shipment → 已发货
  shipped → 运输中 in transit → 已签收 delivered (signed for) → 交易成功 complete.
- A seventh state, 交易关闭 cancelled (1688's "trade closed"), is added because a buyer does
  cancel unpaid or unshipped orders and the tab must show them; it is reachable only before
  shipment (pending payment or pending shipment) and nothing follows it.
- `next_status` is the one step forward; complete and cancelled have none. Going back is not a
  move the app offers (a return is a new after-sales case, not a status).
"""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    PENDING_PAYMENT = "pending_payment"
    PENDING_SHIPMENT = "pending_shipment"
    SHIPPED = "shipped"
    IN_TRANSIT = "in_transit"
    DELIVERED = "delivered"
    COMPLETE = "complete"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return _LABELS[self][1]


_LABELS = {
    OrderStatus.PENDING_PAYMENT: ("Pending payment", "待付款"),
    OrderStatus.PENDING_SHIPMENT: ("Pending shipment", "待发货"),
    OrderStatus.SHIPPED: ("Shipped", "已发货"),
    OrderStatus.IN_TRANSIT: ("In transit", "运输中"),
    OrderStatus.DELIVERED: ("Delivered (signed for)", "已签收"),
    OrderStatus.COMPLETE: ("Complete", "交易成功"),
    OrderStatus.CANCELLED: ("Cancelled", "交易关闭"),
}

# domain.md: the six statuses in order; cancelled is outside the line.
ORDER_FLOW = (
    OrderStatus.PENDING_PAYMENT,
    OrderStatus.PENDING_SHIPMENT,
    OrderStatus.SHIPPED,
    OrderStatus.IN_TRANSIT,
    OrderStatus.DELIVERED,
    OrderStatus.COMPLETE,
)
_CANCELLABLE = frozenset({OrderStatus.PENDING_PAYMENT, OrderStatus.PENDING_SHIPMENT})


def next_status(status: OrderStatus) -> OrderStatus | None:
    """The status after `status`; None for complete and cancelled."""
    if status is OrderStatus.CANCELLED:
        return None
    position = ORDER_FLOW.index(status)
    return ORDER_FLOW[position + 1] if position + 1 < len(ORDER_FLOW) else None


def can_cancel(status: OrderStatus) -> bool:
    """Only an order not yet shipped can be cancelled."""
    return status in _CANCELLABLE


def is_shipped(status: OrderStatus) -> bool:
    """The supplier has sent it: shipped, in transit, delivered or complete."""
    return status in ORDER_FLOW and ORDER_FLOW.index(status) >= ORDER_FLOW.index(
        OrderStatus.SHIPPED
    )
