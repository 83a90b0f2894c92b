"""The Consolidation tab's behaviour: 1688 orders (status moves in one keystroke) and the tab
protocol; the parcels are tab_parcels.py's, agents and lines, the planner and shipments
tab_shipping.py's. Reads go through the Workbench's ConsolidationService; every
write runs through the window's Operations, which hands the Change to every tab."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from app.domain.consolidation.orders import OrderStatus
from app.domain.kit.money import Money
from app.errors import WorkbenchError
from app.services.changes import Change, Topic
from app.services.consolidation.orders import move_problem
from app.services.consolidation.records import ConsolidationChange, Order
from app.services.exporting import ExportRequest
from app.services.workbench import Workbench
from app.ui.consolidation.entry import both
from app.ui.consolidation.records_model import ID_ROLE, select_row
from app.ui.consolidation.tab_parcels import ParcelsControl
from app.ui.consolidation.tab_shipping import ShipmentDialog, ShippingControl
from app.ui.consolidation.tab_view import (
    AGENTS,
    ORDERS,
    PARCELS,
    SHIPMENTS,
    ConsolidationTabView,
)
from app.ui.widgets.operations import Operations, Outcome


class ConsolidationTab(ConsolidationTabView):
    """Emits `message` for the status bar; follows every Change on the window's bus."""

    message = Signal(str)

    def __init__(
        self,
        workbench: Workbench,
        operations: Operations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.operations = operations or Operations(workbench, self)
        self.operations.changed.connect(self.apply_change)
        self._loaded = False
        self._suppliers: list[tuple[int, str, str]] = []
        self._menu: QMenu | None = None  # the status menu shown last
        self.shipping = ShippingControl(self)
        self.parcel_control = ParcelsControl(self)
        self._connect()

    @property
    def service(self) -> Any:
        return self.workbench.consolidation

    def _connect(self) -> None:
        orders = self.orders
        orders.table.selectionModel().currentRowChanged.connect(self._on_order)
        orders.table.customContextMenuRequested.connect(self._status_menu)
        orders.new_button.clicked.connect(self.new_order)
        orders.advance_button.clicked.connect(self.advance_selected)
        orders.form.save_requested.connect(self.save_order)
        orders.form.message.connect(self.message)
        orders.form.suggest = self._suggested_price
        self.new_action.triggered.connect(self.new_record)
        self.new_agent_action.triggered.connect(self._new_agent)
        self.new_order_action.triggered.connect(self.new_order)
        self.advance_action.triggered.connect(self.advance_selected)
        self.delete_action.triggered.connect(self.delete_selected)
        self.plan_action.triggered.connect(self.parcel_control.plan_selected)
        self.find_action.triggered.connect(self.focus_filter)

    # --- loading -------------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        """Everything the pages show: small lists, read when the tab is first shown."""
        self._loaded = True
        try:
            self._read_names()
            self.shipping.refresh_agents()  # first: the parcel form's agent choices
            self.parcel_control.refresh_parcels()
            self.refresh_orders()
            self.shipping.refresh_shipments()
        except WorkbenchError as error:
            self.say(str(error))
        self._show_if_empty()

    def _show_if_empty(self) -> None:
        models = (self.agents.agents, self.orders.model, self.parcels.model, self.shipments.model)
        self.show_empty_state(all(model.rowCount() == 0 for model in models))

    def _read_names(self) -> None:
        from app.services.suppliers.listing import supplier_choices

        self._suppliers = supplier_choices(self.workbench.path)
        products = {p.id: _product_name(p) for p in self.workbench.samples.products()}
        self.orders.form.set_choices(self._suppliers, products)

    def refresh_orders(self) -> None:
        page = self.orders
        keep = page.current_id()
        rows = self.service.orders()
        page.model.set_rows(rows)
        self.parcels.form.set_choices(self.shipping.agent_choices(), rows)
        if keep is not None:
            page.select(keep)
        form_order = page.form.current_order()
        if form_order is not None and form_order.id is not None and not page.form.is_dirty():
            shown = page.model.row_of(form_order.id)
            page.form.show_order(None if shown is None else page.model.record(shown).order)

    # --- orders --------------------------------------------------------------------------------
    def _on_order(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        order_id = current.data(ID_ROLE)
        if not self._keep_order_edits(order_id):
            row = self.orders.model.row_of(order_id)
            self.orders.form.show_order(
                None if row is None else self.orders.model.record(row).order
            )

    def _keep_order_edits(self, order_id: int | None) -> bool:
        """Unsaved edits of another order: save them (if they can be) or drop them."""
        form = self.orders.form
        shown = form.current_order()
        if not form.is_dirty() or shown is None or shown.id == order_id:
            return form.is_dirty()
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved order"),
            self.tr("The order form has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save and (order := form.order()) is not None:
            self.save_order(order)
        return False

    def _suggested_price(self, product_id: int) -> Any:
        try:
            return self.service.items_from_agreed_quote(product_id)
        except WorkbenchError:
            return None

    def new_order(self) -> None:
        if not self._suppliers:
            self.say(self.tr("Add the supplier on the Suppliers tab first."))
            return
        self.show_content()
        self.pages.setCurrentIndex(ORDERS)
        self.orders.table.clearSelection()
        supplier = self.orders.form.supplier_box.currentData() or self._suppliers[0][0]
        self.orders.form.show_order(Order(supplier_id=supplier, ordered_on=self.workbench.today()))
        self.orders.form.supplier_box.setFocus()

    def save_order(self, order: Order) -> None:
        form = self.orders.form
        outcome = self.run(lambda: self.service.save_order(order), form)
        if outcome.ok:
            form.saved()
            order_id = (outcome.result.created or outcome.result.updated)[0]
            self.orders.select(order_id)
            row = self.orders.model.row_of(order_id)
            if row is not None:
                form.show_order(self.orders.model.record(row).order)
            self.say(self.tr("Order {order} saved.").format(order=order.order_number or order_id))

    def advance_selected(self) -> None:
        """One step on for every selected order (Ctrl+Right or ])."""
        ids = self.orders.selected_ids()
        if not ids:
            self.say(self.tr("Select the orders to move on."))
            return
        moved = []
        for order_id in ids:
            outcome = self.run(partial(self.service.advance_status, order_id))
            if outcome.ok:
                moved.append(order_id)
        self._reselect_orders(ids)
        if moved:
            rows = [self.orders.model.row_of(i) for i in moved]
            statuses = {self.orders.model.record(r).order.status for r in rows if r is not None}
            now = ", ".join(both(s.label, s.label_zh) for s in statuses)
            self.say(
                self.tr("{count} order(s) moved on: now {status}.").format(
                    count=len(moved), status=now
                )
            )

    def set_status(self, ids: list[int], status: OrderStatus) -> None:
        for order_id in ids:
            self.run(partial(self.service.set_status, order_id, status))
        self._reselect_orders(ids)

    def _reselect_orders(self, ids: list[int]) -> None:
        """The orders just moved stay selected (press again to move them on again)."""
        page = self.orders
        rows = [page.model.row_of(i) for i in ids]
        proxy_rows = [
            page.proxy.mapFromSource(page.model.index(row, 0)).row()
            for row in rows
            if row is not None
        ]
        proxy_rows = [row for row in proxy_rows if row >= 0]
        if not proxy_rows:
            return
        select_row(page.table, proxy_rows[0])
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in proxy_rows[1:]:
            page.table.selectionModel().select(page.proxy.index(row, 0), flags)

    def _status_menu(self, position: QPoint) -> None:
        """Right-click (or the menu key) on the orders: advance, or set any status."""
        menu = self.status_menu(self.orders.selected_ids())
        if menu is not None:
            menu.popup(self.orders.table.viewport().mapToGlobal(position))

    def status_menu(self, ids: list[int]) -> QMenu | None:
        """Advance, and every status; a move the rules forbid is disabled, its tooltip says
        why."""
        rows = [
            self.orders.model.record(r)
            for i in ids
            if (r := self.orders.model.row_of(i)) is not None
        ]
        if not rows:
            return None
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        menu.addAction(self.advance_action)
        menu.addSeparator()
        for status in OrderStatus:
            text = self.tr("Set: {status}").format(status=both(status.label, status.label_zh))
            action = QAction(text, menu)
            problems = [p for row in rows if (p := move_problem(row.order.status, status))]
            action.setEnabled(not problems and any(row.order.status is not status for row in rows))
            if problems:
                action.setToolTip(problems[0])
            action.triggered.connect(partial(self.set_status, ids, status))
            menu.addAction(action)
        if self._menu is not None:
            self._menu.deleteLater()
        self._menu = menu  # kept until the next one: a popup must outlive its caller
        return menu

    def delete_orders(self) -> None:
        ids = self.orders.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete orders"),
            self.tr(
                "Delete {count} order(s) with their items? The parcels that carry them stay."
            ).format(count=len(ids)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            for order_id in ids:
                self.run(partial(self.service.delete_order, order_id))
            self.orders.form.show_order(None)

    # --- helpers -------------------------------------------------------------------------------
    def run(self, operation: Any, form: Any = None) -> Outcome:
        outcome = self.operations.run(operation, form=form)
        if outcome.refusal is not None:
            self.say(outcome.refusal.text)
        return outcome

    def say(self, text: str) -> None:
        self.message.emit(text)

    def ask_shipment(self, name: str, estimate: Money, summary: str) -> tuple[str, Money] | None:
        """The new shipment's name and estimated charge, or None (cancelled)."""
        dialog = ShipmentDialog(self, name, estimate, summary)
        return dialog.result_value if dialog.exec() else None

    def new_record(self) -> None:
        """Ctrl+N: a new order on the Orders page, a new line on Agents & lines, else a parcel."""
        page = self.pages.currentIndex()
        if page == ORDERS:
            self.new_order()
        elif page == AGENTS:
            self.shipping.new_line()
        else:
            self.show_content()
            self.parcel_control.new_parcel()

    def _new_agent(self) -> None:
        self.show_content()
        self.shipping.new_agent()

    def delete_selected(self) -> None:
        """Del: delete what is selected in the current page's table (asks first)."""
        page = self.pages.currentIndex()
        if page == ORDERS:
            self.delete_orders()
        elif page == PARCELS:
            self.parcel_control.delete_parcels()
        elif page == AGENTS:
            self.shipping.delete_on_agents_page()
        elif page == SHIPMENTS:
            self.shipping.delete_shipment()

    # --- the tab protocol ----------------------------------------------------------------------
    def apply_change(self, change: Change) -> None:
        """Own writes refresh the pages the change's tuples name; supplier and product names
        come from the Suppliers and Samples tabs; agreed prices are read when an item's product
        is chosen, so a Negotiation change needs nothing re-read here."""
        if not self._loaded:
            return
        try:
            if isinstance(change, ConsolidationChange):
                self._apply_own(change)
            elif change.topic in (Topic.SUPPLIERS, Topic.SAMPLES):
                self._read_names()
                self.parcel_control.refresh_parcels()
                self.refresh_orders()
                if change.topic is Topic.SAMPLES:
                    self.shipping.refresh_shipments()  # the allocation's product names
        except WorkbenchError as error:
            self.say(str(error))
        self._show_if_empty()

    def _apply_own(self, change: ConsolidationChange) -> None:
        if change.parcels or change.orders or change.agents or change.shipments:
            self.parcel_control.refresh_parcels()
        if change.orders or change.parcels:
            self.refresh_orders()
        if change.agents or change.lines:
            self.shipping.refresh_agents()
            self.refresh_orders()  # the parcel form's agent choices
        if change.shipments or change.parcels or change.orders:
            self.shipping.refresh_shipments()
        if change.parcels or change.lines or change.agents:
            self.shipping.plan_changed()

    def edit_actions(self) -> list[QAction | None]:
        return [
            self.new_action,
            self.advance_action,
            self.delete_action,
            None,
            self.plan_action,
            None,
            self.find_action,
        ]

    def export_request(self) -> ExportRequest:
        """The shipment selected on the Shipments page, else the waiting parcels' plan."""
        shipment = None
        if self.pages.currentIndex() == SHIPMENTS:
            chosen = self.shipments.current_id()
            shipment = None if chosen is None else str(chosen)
        return ExportRequest("consolidation", shipment=shipment)

    def confirm_leave(self) -> bool:
        """Unsaved order or parcel edits are saved, dropped or kept (Cancel)."""
        orders, parcels = self.orders.form, self.parcels.form
        return _settle(
            self,
            orders,
            (self.tr("Unsaved order"), self.tr("The order form has unsaved changes. Save them?")),
            lambda: _saved(orders.order(), self.save_order),
        ) and _settle(
            self,
            parcels,
            (self.tr("Unsaved parcel"), self.tr("The parcel form has unsaved changes. Save them?")),
            lambda: _saved(parcels.parcel(), self.parcel_control.save_parcel),
        )

    def leave(self) -> None:
        """Nothing to store: everything is saved as it is made."""

    def wait_until_loaded(self) -> None:
        """The lists load on the GUI thread when shown: nothing to wait for."""


def _saved(record: Any, save: Any) -> None:
    if record is not None:
        save(record)


def _settle(
    parent: QWidget, form: Any, question: tuple[str, str], save: Callable[[], None]
) -> bool:
    """Ask about a form's unsaved edits (the question's title and text): True when they are
    saved or dropped."""
    if not form.is_dirty():
        return True
    answer = QMessageBox.question(
        parent,
        *question,
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )
    if answer == QMessageBox.StandardButton.Cancel:
        return False
    if answer == QMessageBox.StandardButton.Save:
        save()
        return not form.is_dirty()
    return True


def _product_name(product: Any) -> str:
    parts = [part for part in (product.name_zh.strip(), product.name.strip()) if part]
    return " · ".join(parts) or QCoreApplication.translate(
        "ConsolidationTab", "product #{id}"
    ).format(id=product.id)
