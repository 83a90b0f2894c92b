"""The Orders and Parcels pages over a real database: an order typed in and moved on with one
keystroke, an agreed quote's price for a new item, sides typed in any order shown sorted, the
free-storage warning, photos."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from app.domain.consolidation.orders import OrderStatus
from app.domain.negotiation.payment import PLAN_A, AgreedTerms
from app.ui.consolidation.order_form import CURRENCY, PRICE, PRODUCT, QUANTITY
from app.ui.consolidation.records_model import ID_ROLE
from app.ui.consolidation.tab import ConsolidationTab
from app.ui.consolidation.tab_view import ORDERS, PARCELS
from tests.conftest import TODAY
from tests.ui.conftest import DialogAnswers
from tests.ui.consolidation.conftest import World

D = Decimal


def _column(model, header: str) -> int:
    return next(c for c in range(model.columnCount()) if model.columns[c].header.startswith(header))


def _cell(tab_model, row: int, header: str) -> str:
    return tab_model.index(row, _column(tab_model, header)).data()


def _row_of_code(tab: ConsolidationTab, code: str) -> int:
    model = tab.parcels.model
    return next(r for r in range(model.rowCount()) if model.record(r).code == code)


def test_a_new_order_is_saved_and_moves_on_with_one_keystroke(
    tab: ConsolidationTab, world: World
) -> None:
    tab.pages.setCurrentIndex(ORDERS)
    tab.orders.table.setFocus()
    QTest.keyClick(tab.orders.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = tab.orders.form
    assert form.isEnabled() and form.current_order() is not None
    assert form.current_order().id is None  # a new order, not a new supplier elsewhere
    form.supplier_box.setCurrentIndex(form.supplier_box.findData(world.hengda))
    form.number_edit.setText("3421658712345679999")
    items = form.items
    items.setData(items.index(0, PRODUCT), str(world.tote))
    items.setData(items.index(0, QUANTITY), "200")
    items.setData(items.index(0, PRICE), "9,5")  # a decimal comma
    form.shipping_edit.setText("15")
    form.save_button.click()

    saved = world.service.find_order_id("3421658712345679999")
    assert saved is not None and tab.orders.current_id() == saved
    order = world.service.order(saved)
    assert order.items[0].unit_price == D("9.5") and order.status is OrderStatus.PENDING_PAYMENT
    row = tab.orders.model.row_of(saved)
    assert "帆布托特包 · Canvas tote bag ×200" in _cell(tab.orders.model, row, "Items")

    tab.orders.table.setFocus()
    QTest.keyClick(tab.orders.table, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert world.service.order(saved).status is OrderStatus.PENDING_SHIPMENT
    assert world.service.order(saved).paid_on == TODAY  # the step's date is stamped
    QTest.keyClick(tab.orders.table, Qt.Key.Key_BracketRight)
    assert world.service.order(saved).status is OrderStatus.SHIPPED
    row = tab.orders.model.row_of(saved)
    assert _cell(tab.orders.model, row, "Status") == "Shipped · 已发货"
    assert tab.orders.selected_ids() == [saved]  # still selected: press again to go on


def test_several_selected_orders_move_on_together_and_a_status_can_be_set(
    tab: ConsolidationTab, world: World
) -> None:
    second = world.service.save_order(
        world.service.order(world.order).__class__(supplier_id=world.hengda)
    ).created[0]
    tab.reload()
    tab.orders.table.selectAll()
    tab.advance_action.trigger()
    assert world.service.order(second).status is OrderStatus.PENDING_SHIPMENT
    assert world.service.order(world.order).status is OrderStatus.COMPLETE
    tab.set_status([second], OrderStatus.CANCELLED)
    assert world.service.order(second).status is OrderStatus.CANCELLED
    tab.set_status([world.order], OrderStatus.PENDING_PAYMENT)  # never back: refused, said
    assert world.service.order(world.order).status is OrderStatus.COMPLETE


def test_a_new_item_starts_from_the_agreed_quote(tab: ConsolidationTab, world: World) -> None:
    world.workbench.negotiation.mark_agreed(
        world.stand,
        world.hengda,
        AgreedTerms(
            supplier_id=world.hengda,
            product="",
            unit_price=D("12.35"),
            quantity=300,
            payment_plan=PLAN_A,
        ),
    )
    tab.new_order()
    items = tab.orders.form.items
    items.setData(items.index(0, PRODUCT), str(world.stand))
    assert items.cells[0][PRICE] == "12.35" and items.cells[0][CURRENCY] == "CNY"
    assert items.cells[0][QUANTITY] == "300"


def test_delete_asks_first_then_removes_the_order(
    tab: ConsolidationTab, world: World, dialogs: DialogAnswers
) -> None:
    tab.orders.table.selectRow(0)
    dialogs.answer = QMessageBox.StandardButton.No
    tab.delete_action.trigger()
    assert "Delete 1 order(s)" in dialogs.asked[-1]
    assert tab.orders.model.rowCount() == 1
    dialogs.answer = QMessageBox.StandardButton.Yes
    tab.delete_action.trigger()
    assert tab.orders.model.rowCount() == 0
    assert _cell(tab.parcels.model, 0, "Orders") == ""  # the parcels stay, unlinked


def test_the_status_filter_and_the_text_filter(tab: ConsolidationTab, world: World) -> None:
    page = tab.orders
    page.status_filter.setCurrentIndex(page.status_filter.findData("pending_payment"))
    assert page.proxy.rowCount() == 0
    page.status_filter.setCurrentIndex(page.status_filter.findData("delivered"))
    assert page.proxy.rowCount() == 1
    tab.find_action.trigger()
    assert page.filter_edit.hasFocus()
    page.filter_edit.setText("canvas 恒达")
    assert page.proxy.rowCount() == 1
    page.filter_edit.setText("nothing like this")
    assert page.proxy.rowCount() == 0


def test_sides_typed_in_any_order_are_shown_sorted(tab: ConsolidationTab, world: World) -> None:
    tab.pages.setCurrentIndex(PARCELS)
    tab.new_action.trigger()
    form = tab.parcels.form
    form.code_edit.setText("SF1402938475600")
    form.label_edit.setText("long flat box")
    form.weight_edit.setText("1,25")  # a decimal comma
    form.side_edits["length_cm"].setText("50×100×50")  # all three typed in one field
    form.side_edits["length_cm"].editingFinished.emit()
    assert [form.side_edits[k].text() for k in ("length_cm", "width_cm", "height_cm")] == [
        "50",
        "100",
        "50",
    ]
    assert "100 × 50 × 50 cm" in form.sorted_label.text()
    form.save_button.click()
    row = _row_of_code(tab, "SF1402938475600")
    assert _cell(tab.parcels.model, row, "L × W × H") == "100 × 50 × 50 cm"
    assert _cell(tab.parcels.model, row, "Actual") == "1.25 kg"
    assert tab.parcels.current_id() == tab.parcels.model.record(row).id


def test_a_wrong_size_is_explained_beside_the_field(tab: ConsolidationTab) -> None:
    tab.parcels.new_button.click()
    form = tab.parcels.form
    form.weight_edit.setText("heavy")
    form.save_button.click()
    assert "not a number" in form.errors["weight_kg"].text()
    form.weight_edit.setText("2")
    form.save_button.click()
    assert "cm" in form.errors["length_cm"].text()  # the service's own words
    assert tab.parcels.model.rowCount() == 2


def test_the_free_storage_warning_is_said_in_words(tab: ConsolidationTab, world: World) -> None:
    world.add_parcel("old stock", "2", (30, 20, 10), code="OLD", arrived_on=TODAY - timedelta(80))
    world.add_parcel("older", "2", (30, 20, 10), code="OLDER", arrived_on=TODAY - timedelta(95))
    tab.reload()
    model = tab.parcels.model
    soon, over = _row_of_code(tab, "OLD"), _row_of_code(tab, "OLDER")
    assert _cell(model, soon, "Free storage") == "⚠ 10 days left: ship soon"  # 90 free days
    assert _cell(model, over, "Free storage") == "⚠ ended 5 days ago: fees running"
    column = _column(model, "Free storage")
    assert model.index(soon, column).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "storage fees are running" in model.index(over, column).data(Qt.ItemDataRole.ToolTipRole)
    assert _cell(model, _row_of_code(tab, "YT7538192046371"), "Free storage") == "85 days left"
    warning = tab.parcels.warning_label.text()
    assert "2 parcel(s)" in warning and "OLD" in warning


def test_restricted_goods_are_written_out(tab: ConsolidationTab, world: World) -> None:
    from app.domain.consolidation.parcels import RestrictedTag

    world.add_parcel(
        "chargers", "2", (30, 20, 10), code="BAT", tags=frozenset({RestrictedTag.BATTERY})
    )
    tab.reload()
    assert _cell(tab.parcels.model, _row_of_code(tab, "BAT"), "Restricted") == "带电 Battery"


def test_photos_are_imported_listed_and_removed(
    tab: ConsolidationTab, world: World, tmp_path: Path, dialogs: DialogAnswers, monkeypatch
) -> None:
    from PIL import Image

    photo = tmp_path / "包裹 parcel.jpg"
    Image.new("RGB", (64, 48), "orange").save(photo)
    tab.parcels.table.selectRow(0)
    parcel_id = tab.parcels.current_id()
    tab.parcel_control.import_photos([photo])
    form = tab.parcels.form
    assert form.photos.rowCount() == 1 and form.photos.record(0).original_name == photo.name
    row = tab.parcels.model.row_of(parcel_id)
    assert _cell(tab.parcels.model, row, "Photos") == "1"
    form.photos_view.selectRow(0)
    form.caption_edit.setText("外箱 outer box")
    form.caption_edit.returnPressed.emit()
    assert world.service.parcel_photos(parcel_id)[0].caption == "外箱 outer box"
    dialogs.answer = QMessageBox.StandardButton.Yes
    form.remove_photo_button.click()
    assert world.service.parcel_photos(parcel_id) == []
    assert tab.parcels.model.index(row, 0).data(ID_ROLE) == parcel_id


def test_the_status_menu_offers_only_the_moves_the_rules_allow(tab: ConsolidationTab) -> None:
    tab.orders.table.selectRow(0)  # delivered: only complete lies ahead
    menu = tab.status_menu(tab.orders.selected_ids())
    actions = {a.text(): a for a in menu.actions() if a.text().startswith("Set: ")}
    assert actions["Set: Complete · 交易成功"].isEnabled()
    cancel = actions["Set: Cancelled · 交易关闭"]
    assert not cancel.isEnabled() and "only an order not yet shipped" in cancel.toolTip()
    assert not actions["Set: Pending payment · 待付款"].isEnabled()
    actions["Set: Complete · 交易成功"].trigger()
    assert tab.orders.model.record(0).order.status is OrderStatus.COMPLETE
