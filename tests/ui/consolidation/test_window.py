"""The Consolidation tab in the window and as a whole: its keys act on it alone (never on the
hidden Suppliers tab), every model passes Qt's model checks, and every page fits 1280 × 720."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.consolidation.orders import OrderStatus
from app.ui.consolidation.tab import ConsolidationTab
from app.ui.consolidation.tab_view import AGENTS, ORDERS, PARCELS, PLANNER, SHIPMENTS
from app.ui.main_window import MainWindow
from tests.ui.conftest import DialogAnswers
from tests.ui.consolidation.conftest import World

PAGES = {
    ORDERS: "orders",
    PARCELS: "parcels",
    AGENTS: "agents",
    PLANNER: "planner",
    SHIPMENTS: "shipments",
}


@pytest.fixture
def shown(world: World, window: MainWindow) -> ConsolidationTab:
    world.workbench.close()  # the window has its own
    window.tabs.setCurrentWidget(window.host("consolidation"))
    QApplication.processEvents()
    tab = window.tab("consolidation")
    assert isinstance(tab, ConsolidationTab)
    return tab


def _press(key: Qt.Key, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
    QTest.keyClick(QApplication.focusWidget(), key, modifiers)
    QApplication.processEvents()


def test_ctrl_n_del_and_ctrl_f_act_on_this_tab_only(
    window: MainWindow, shown: ConsolidationTab, dialogs: DialogAnswers
) -> None:
    suppliers = window.tab("suppliers")
    suppliers.table.selectRow(0)
    chosen = suppliers._current_id
    shown.orders.table.setFocus()
    _press(Qt.Key.Key_F)
    assert QApplication.focusWidget() is shown.orders.filter_edit
    _press(Qt.Key.Key_N)
    assert shown.orders.form.current_order().id is None  # a new order here
    assert suppliers._current_id == chosen  # no new supplier on the hidden tab
    assert window.tabs.currentWidget() is window.host("consolidation")

    shown.orders.form.show_order(None)
    shown.orders.table.selectRow(0)
    shown.orders.table.setFocus()
    _press(Qt.Key.Key_Right)
    service = window.session.workbench.consolidation
    assert service.orders()[0].order.status is OrderStatus.COMPLETE
    dialogs.answer = QMessageBox.StandardButton.Yes
    _press(Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert service.orders() == []
    assert suppliers.model.total == 3  # no supplier deleted

    shown.pages.setCurrentIndex(PARCELS)
    shown.parcels.table.setFocus()
    _press(Qt.Key.Key_F)
    assert QApplication.focusWidget() is shown.parcels.filter_edit
    _press(Qt.Key.Key_N)
    assert shown.parcels.form.isEnabled() and shown.parcels.form.current_row() is None


def test_the_edit_menu_holds_this_tabs_actions(window: MainWindow, shown: ConsolidationTab) -> None:
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    items = [
        (a.text().replace("&", ""), a.shortcut().toString()) for a in edit.actions() if a.text()
    ]
    assert items == [
        ("New order", "Ctrl+N"),
        ("Advance status", "Ctrl+Right"),
        ("Delete…", "Del"),
        ("Plan selected parcels", "Ctrl+L"),
        ("Find", "Ctrl+F"),
    ]
    shown.pages.setCurrentIndex(PARCELS)
    assert shown.new_action.text().replace("&", "") == "New parcel"


def test_every_model_passes_the_model_tester(
    qtmodeltester, tab: ConsolidationTab, world: World, monkeypatch
) -> None:
    tab.parcels.table.selectAll()
    tab.plan_action.trigger()
    monkeypatch.setattr(tab, "ask_shipment", lambda name, estimate, _summary: (name, estimate))
    tab.planner.table.selectRow(0)
    planned = (tab.planner.lines, tab.planner.lines_proxy, tab.planner.boxes)
    for model in planned:
        qtmodeltester.check(model)
    tab.planner.create_button.click()
    tab.pages.setCurrentIndex(AGENTS)
    tab.agents.lines_view.selectRow(0)
    form = tab.orders.form
    tab.orders.table.selectRow(0)
    tab.parcels.show_box.setCurrentIndex(0)
    tab.parcels.table.selectRow(0)
    models = (
        tab.orders.model,
        tab.orders.proxy,
        form.items,
        tab.parcels.model,
        tab.parcels.proxy,
        tab.parcels.form.photos,
        tab.agents.agents,
        tab.agents.lines,
        tab.agents.fees_form.tiers,
        tab.agents.line_form.rounding,
        tab.agents.line_form.per_kg,
        tab.agents.line_form.brackets,
        tab.shipments.model,
        tab.shipments.proxy,
        tab.shipments.allocation,
    )
    assert tab.shipments.allocation.rowCount() == 2 and form.items.rowCount() == 3
    for model in models:
        qtmodeltester.check(model)


def test_every_page_fits_1280_by_720(tab: ConsolidationTab, world: World, monkeypatch) -> None:
    """Grabbed to /tmp/consolidation-<page>.png to be looked at."""
    tab.parcels.table.selectAll()
    tab.plan_action.trigger()
    monkeypatch.setattr(tab, "ask_shipment", lambda name, estimate, _summary: (name, estimate))
    tab.planner.create_button.click()
    world.add_parcel("long box", "5", (40, 130, 30), code="LONG")
    tab.reload()
    tab.parcel_control.plan_selected()
    tab.orders.table.selectRow(0)
    tab.parcels.show_box.setCurrentIndex(0)
    tab.parcels.table.selectRow(0)
    for page, name in PAGES.items():
        tab.pages.setCurrentIndex(page)
        QApplication.processEvents()
        assert tab.minimumSizeHint().width() <= 1280 and tab.minimumSizeHint().height() <= 720
        image = tab.grab()
        assert (image.width(), image.height()) == (1280, 720)
        assert image.save(str(Path("/tmp") / f"consolidation-{name}.png"))
