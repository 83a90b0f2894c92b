"""Order statuses, parcel dimensions and tags, and free storage (every rule)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.consolidation.orders import (
    ORDER_FLOW,
    OrderStatus,
    can_cancel,
    is_shipped,
    next_status,
)
from app.domain.consolidation.parcels import (
    Dimensions,
    Parcel,
    RestrictedTag,
    storage_status,
    tags_text,
)
from app.domain.kit.money import Money

D = Decimal


def test_the_six_statuses_run_in_order_with_both_labels() -> None:
    assert [s.label_zh for s in ORDER_FLOW] == [
        "待付款",
        "待发货",
        "已发货",
        "运输中",
        "已签收",
        "交易成功",
    ]
    assert OrderStatus.DELIVERED.label == "Delivered (signed for)"
    assert next_status(OrderStatus.PENDING_PAYMENT) is OrderStatus.PENDING_SHIPMENT
    assert next_status(OrderStatus.DELIVERED) is OrderStatus.COMPLETE
    assert next_status(OrderStatus.COMPLETE) is None


def test_cancelled_is_outside_the_flow_and_only_before_shipment() -> None:
    assert OrderStatus.CANCELLED.label_zh == "交易关闭"
    assert next_status(OrderStatus.CANCELLED) is None
    assert can_cancel(OrderStatus.PENDING_SHIPMENT)
    assert not can_cancel(OrderStatus.SHIPPED)
    assert is_shipped(OrderStatus.IN_TRANSIT) and not is_shipped(OrderStatus.PENDING_SHIPMENT)
    assert not is_shipped(OrderStatus.CANCELLED)


def test_dimensions_are_sorted_longest_first() -> None:
    box = Dimensions(D(50), D(100), D(50))
    assert (box.length, box.width, box.height) == (100, 50, 50)
    assert box.volume_cm3 == 250_000
    assert box.volume_m3 == D("0.25")
    assert box.girth == 200
    assert box.length_plus_girth == 300
    assert box.sum_of_sides == 200
    assert str(box) == "100 × 50 × 50 cm"


def test_dhl_rounds_each_side_to_the_nearest_cm_half_up() -> None:
    box = Dimensions(D("30.5"), D("20.4"), D("0.3")).rounded_to_cm()
    assert box.sides == (31, 20, 1)  # never below 1 cm


@pytest.mark.parametrize(
    ("sides", "message"),
    [
        ((D(0), D(1), D(1)), "Length must be more than 0"),
        ((D(1), D(-2), D(1)), "Width must be more than 0, not -2"),
        ((D(1), D(1), 1.5), "Height must be an exact number, not a float"),
    ],
)
def test_a_side_must_be_an_exact_number_above_zero(sides: tuple, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Dimensions(*sides)


def test_a_parcel_needs_a_weight_above_zero_named_by_its_label() -> None:
    with pytest.raises(ValueError, match="The weight of parcel 'Cables' must be more than 0"):
        Parcel(1, "Cables", D(0), Dimensions(D(1), D(1), D(1)))
    assert Parcel(7, " ", D(1), Dimensions(D(1), D(1), D(1))).title == "Parcel #7"


def test_tags_are_restricted_goods_with_chinese_labels() -> None:
    parcel = Parcel(1, "Power bank", D(1), Dimensions(D(1), D(1), D(1)), tags={"battery"})  # type: ignore[arg-type]
    assert parcel.tags == frozenset({RestrictedTag.BATTERY})
    assert [t.label_zh for t in RestrictedTag] == ["带电", "液体", "带磁", "粉末", "品牌"]
    assert (
        tags_text({RestrictedTag.MAGNET, RestrictedTag.BATTERY}) == "Battery (带电), Magnet (带磁)"
    )


def test_a_negative_declared_value_is_refused() -> None:
    with pytest.raises(ValueError, match="declared value"):
        Parcel(1, "A", D(1), Dimensions(D(1), D(1), D(1)), declared_value=Money(D(-1)))


def test_storage_days_count_from_arrival_with_a_two_week_warning() -> None:
    arrived = date(2026, 1, 1)
    fresh = storage_status(arrived, arrived, 180)
    assert (fresh.days_stored, fresh.days_left, fresh.warning, fresh.overdue) == (
        0,
        180,
        False,
        False,
    )
    warned = storage_status(arrived, date(2026, 6, 16), 180)  # 166 days stored
    assert (warned.days_left, warned.warning) == (14, True)
    assert "ends in 14 days" in warned.message
    assert not storage_status(arrived, date(2026, 6, 15), 180).warning  # 15 days left
    last = storage_status(arrived, date(2026, 6, 30), 180)
    assert (last.days_left, last.warning, last.overdue) == (0, True, False)
    over = storage_status(arrived, date(2026, 7, 2), 180)
    assert (over.days_left, over.overdue, over.warning) == (-2, True, False)
    assert "ended 2 days ago" in over.message


def test_storage_refuses_an_arrival_in_the_future() -> None:
    with pytest.raises(ValueError, match="after"):
        storage_status(date(2026, 2, 1), date(2026, 1, 1), 180)
