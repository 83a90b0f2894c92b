"""Saved views on the Consolidation tab's Orders and Parcels pages (issue 14): Views ▾ keeps a
page's filters, sort and columns under a name, brings them back in one click, remembers them
between runs, and opens from the keyboard (Ctrl+Shift+F) only while its page shows."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

from app.domain.consolidation.orders import OrderStatus
from app.services.consolidation.records import Order
from app.ui.consolidation import orders_page, parcels_page
from app.ui.consolidation.tab import ConsolidationTab
from app.ui.consolidation.tab_view import AGENTS, ORDERS, PARCELS, SHIPMENTS
from app.ui.settings import CONSOLIDATION_ORDERS_VIEWS, Settings
from app.ui.widgets.saved_views import VIEWS_SHORTCUT, SavedViewsButton
from tests.conftest import TODAY
from tests.ui.consolidation.conftest import World

TRACKING = orders_page.COLUMN_KEYS.index("tracking")
RESTRICTED = parcels_page.COLUMN_KEYS.index("restricted")
ACTUAL = parcels_page.COLUMN_KEYS.index("actual_kg")


@pytest.fixture
def more(world: World) -> World:
    """Four orders (three delivered) and three parcels, one of them in no order's box yet."""
    for number, status, days in (
        ("3421658712345670002", OrderStatus.DELIVERED, 3),
        ("3421658712345670003", OrderStatus.PENDING_PAYMENT, 1),
        ("3421658712345670004", OrderStatus.DELIVERED, 20),
    ):
        world.service.save_order(
            Order(
                supplier_id=world.hengda,
                order_number=number,
                status=status,
                ordered_on=TODAY - timedelta(days=days),
            )
        )
    world.parcels.append(
        world.add_parcel(
            "mugs", "9.5", (40, 40, 30), code="YT7538192046373", arrived_on=TODAY - timedelta(40)
        )
    )
    return world


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


def open_tab(qtbot, world: World, settings_path: Path) -> ConsolidationTab:
    """The tab as the window builds it: each table page with its saved views."""
    tab = ConsolidationTab(world.workbench)
    settings = Settings(settings_path)
    tab.orders.use_saved_views(settings)
    tab.parcels.use_saved_views(settings)
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    tab.show()
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab)  # for the window's keys
    qtbot.waitUntil(lambda: tab.parcels.model.rowCount() == 3)
    return tab


def button(page: orders_page.OrdersPage | parcels_page.ParcelsPage) -> SavedViewsButton:
    assert page.views_button is not None
    return page.views_button


def save_from_menu(views: SavedViewsButton, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (name, True))
    views.fill_menu()
    save = next(a for a in views.menu().actions() if a.text() == "&Save current view…")
    save.trigger()


def pick_from_menu(views: SavedViewsButton, name: str) -> None:
    views.fill_menu()
    next(a for a in views.menu().actions() if a.text() == name).trigger()


def order_numbers(tab: ConsolidationTab) -> list[str]:
    proxy = tab.orders.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def parcel_codes(tab: ConsolidationTab) -> list[str]:
    proxy = tab.parcels.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_an_orders_view_brings_back_filters_sort_and_hidden_column(
    qtbot, more: World, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = open_tab(qtbot, more, settings_path)
    page, header = tab.orders, tab.orders.table.horizontalHeader()
    assert button(page).text() == "Views ▾" and button(page).isVisible()
    page.status_filter.setCurrentIndex(page.status_filter.findData("delivered"))
    page.filter_edit.setText("恒达")
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    header.setSectionHidden(TRACKING, True)
    wanted = ["3421658712345670002", "3421658712345670004", "3421658712345678901"]
    assert order_numbers(tab) == wanted
    save_from_menu(button(page), "已签收 · 恒达", monkeypatch)

    page.status_filter.setCurrentIndex(0)
    page.filter_edit.setText("")
    page.table.sortByColumn(orders_page.ORDERED, Qt.SortOrder.DescendingOrder)
    header.setSectionHidden(TRACKING, False)
    assert len(order_numbers(tab)) == 4 and order_numbers(tab) != wanted
    assert button(page).current_name() is None

    pick_from_menu(button(page), "已签收 · 恒达")
    assert order_numbers(tab) == wanted
    assert header.isSectionHidden(TRACKING)
    assert page.status_filter.currentData() == "delivered" and page.filter_edit.text() == "恒达"
    assert page.count_label.text() == "3 of 4"
    assert button(page).current_name() == "已签收 · 恒达"


def test_a_parcels_view_brings_back_filters_sort_and_hidden_column(
    qtbot, more: World, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = open_tab(qtbot, more, settings_path)
    tab.pages.setCurrentIndex(PARCELS)
    page, header = tab.parcels, tab.parcels.table.horizontalHeader()
    page.show_box.setCurrentIndex(parcels_page.ALL)
    page.filter_edit.setText("YT753")
    page.table.sortByColumn(ACTUAL, Qt.SortOrder.DescendingOrder)  # heaviest first
    header.setSectionHidden(RESTRICTED, True)
    wanted = ["YT7538192046373", "YT7538192046371", "YT7538192046372"]
    assert parcel_codes(tab) == wanted
    save_from_menu(button(page), "Heaviest", monkeypatch)

    page.show_box.setCurrentIndex(parcels_page.IN_SHIPMENT)
    page.filter_edit.setText("mugs")
    page.table.sortByColumn(parcels_page.ARRIVED, Qt.SortOrder.AscendingOrder)
    header.setSectionHidden(RESTRICTED, False)
    assert parcel_codes(tab) == []

    pick_from_menu(button(page), "Heaviest")
    assert parcel_codes(tab) == wanted
    assert header.isSectionHidden(RESTRICTED)
    assert page.show_box.currentIndex() == parcels_page.ALL
    assert button(tab.orders).names() == []  # each page keeps its own views


def test_views_survive_a_new_settings_on_the_same_file(
    qtbot, more: World, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = open_tab(qtbot, more, settings_path)
    first.orders.status_filter.setCurrentIndex(first.orders.status_filter.findData("delivered"))
    first.orders.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    first.orders.table.horizontalHeader().setSectionHidden(TRACKING, True)
    wanted = order_numbers(first)
    save_from_menu(button(first.orders), "Delivered", monkeypatch)
    first.parcels.filter_edit.setText("mugs")
    save_from_menu(button(first.parcels), "Mugs", monkeypatch)
    first.close()
    assert Settings(settings_path).get(CONSOLIDATION_ORDERS_VIEWS)  # on disk

    second = open_tab(qtbot, more, settings_path)
    assert button(second.orders).names() == ["Delivered"]
    assert button(second.parcels).names() == ["Mugs"]
    assert order_numbers(second) != wanted
    assert button(second.orders).apply("Delivered")
    assert order_numbers(second) == wanted
    assert second.orders.table.horizontalHeader().isSectionHidden(TRACKING)
    assert button(second.parcels).apply("Mugs")
    assert parcel_codes(second) == ["YT7538192046373"]


def _key_actions(tab: QWidget) -> set[QAction]:
    """Every action or shortcut of the tab bound to Ctrl+Shift+F."""
    keys = QKeySequence(VIEWS_SHORTCUT)
    widgets = [tab, *tab.findChildren(QWidget)]
    found = {
        action for widget in widgets for action in widget.actions() if action.shortcut() == keys
    }
    assert not [s for s in tab.findChildren(QShortcut) if s.key() == keys]
    return found


def _press_views_key(qtbot, tab: ConsolidationTab) -> QWidget | None:
    """Ctrl+Shift+F on the tab: the popup it opened (closed again), or None."""
    seen: list[QWidget | None] = []

    def look_and_close() -> None:
        popup = QApplication.activePopupWidget()
        seen.append(popup)
        if popup is not None:
            popup.close()

    tab.activateWindow()  # again after a popup
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab)
    QTimer.singleShot(0, look_and_close)
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(tab, Qt.Key.Key_F, keys)
    qtbot.waitUntil(lambda: bool(seen))
    return seen[0]


def test_ctrl_shift_f_opens_only_the_shown_pages_views(
    qtbot, more: World, settings_path: Path
) -> None:
    tab = open_tab(qtbot, more, settings_path)
    orders_action = button(tab.orders).defaultAction()
    parcels_action = button(tab.parcels).defaultAction()
    assert _key_actions(tab) == {orders_action, parcels_action}  # no clash on the tab
    assert orders_action.text() == "Saved views"
    assert orders_action.toolTip() == "Saved views (Ctrl+Shift+F)"

    tab.pages.setCurrentIndex(ORDERS)
    tab.orders.table.setFocus()
    assert _press_views_key(qtbot, tab) is button(tab.orders).menu()
    tab.pages.setCurrentIndex(PARCELS)
    tab.parcels.table.setFocus()
    assert _press_views_key(qtbot, tab) is button(tab.parcels).menu()
    for page in (AGENTS, SHIPMENTS):  # pages without saved views: the key does nothing
        tab.pages.setCurrentIndex(page)
        assert _press_views_key(qtbot, tab) is None
