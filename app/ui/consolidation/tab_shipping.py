"""The Consolidation tab's behaviour for agents and lines, the planner and shipments (the orders
and parcels are tab.py's). Reads go through the service; every write runs through the tab's
`run` (the window's Operations), which hands the Change to every tab."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from app.domain.consolidation.units import fmt
from app.domain.kit.money import Money
from app.errors import WorkbenchError
from app.services.consolidation.records import AgentEntry, LineEntry, ShipmentStatus
from app.ui.consolidation.agents_page import CARD, FEES
from app.ui.consolidation.entry import money_text, read_amount
from app.ui.consolidation.records_model import select_row
from app.ui.consolidation.tab_view import AGENTS, PLANNER, SHIPMENTS
from app.ui.i18n import label_of
from app.ui.widgets.parsing import ParseError

if TYPE_CHECKING:
    from app.ui.consolidation.tab import ConsolidationTab


class ShipmentDialog(QDialog):
    """Name the new shipment and give the estimated charge (the agent's deposit)."""

    def __init__(self, parent: QWidget | None, name: str, estimate: Money, summary: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create shipment / 创建发货"))
        self.currency = estimate.currency
        self.name_edit = QLineEdit(name)
        self.estimate_edit = QLineEdit(f"{estimate.amount:f}")
        self.problem = QLabel()
        form = QFormLayout(self)
        form.addRow(QLabel(summary))
        form.addRow(self.tr("Name / 名称"), self.name_edit)
        form.addRow(
            self.tr("Estimated charge / 预付运费 ({currency})").format(currency=estimate.currency),
            self.estimate_edit,
        )
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.result_value: tuple[str, Money] | None = None

    def _accept(self) -> None:
        try:
            amount = read_amount(self.estimate_edit.text(), self.tr("the estimated charge"))
        except ParseError as error:
            self.problem.setText(f"⚠ {error}")
            return
        if amount is None or not self.name_edit.text().strip():
            self.problem.setText(self.tr("⚠ Give the shipment a name and its estimated charge."))
            return
        self.result_value = (self.name_edit.text().strip(), Money(amount, self.currency))
        self.accept()


class ShippingControl:
    """Agents & lines, Planner and Shipments pages of one ConsolidationTab."""

    def tr(self, text: str) -> str:
        """`text` in the interface language (the context lupdate gives `self.tr` here)."""
        return QCoreApplication.translate("ShippingControl", text)

    def __init__(self, tab: ConsolidationTab) -> None:
        self.tab = tab
        self.agent_entries: list[AgentEntry] = []
        self._plan_stale = False
        self._selected: list[int] = []  # the Parcels page's selection when it was planned
        agents, planner, shipments = tab.agents, tab.planner, tab.shipments
        agents.agents_view.selectionModel().currentRowChanged.connect(self._on_agent)
        agents.lines_view.selectionModel().currentRowChanged.connect(self._on_line)
        agents.new_agent_button.clicked.connect(self.new_agent)
        agents.delete_agent_button.clicked.connect(self.delete_agent)
        agents.new_line_button.clicked.connect(self.new_line)
        agents.delete_line_button.clicked.connect(self.delete_line)
        agents.fees_form.save_requested.connect(self.save_agent)
        agents.line_form.save_requested.connect(self.save_line)
        planner.plan_requested.connect(self.plan)
        planner.create_requested.connect(self.create_shipment)
        shipments.table.selectionModel().currentRowChanged.connect(lambda *_: self._on_shipment())
        shipments.status_button.clicked.connect(self.set_status)
        shipments.actual_button.clicked.connect(self.record_actual)
        shipments.basis_box.currentIndexChanged.connect(lambda *_: self._show_allocation())

    @property
    def service(self) -> Any:
        return self.tab.service

    def agent_choices(self) -> list[tuple[int, str]]:
        return [(agent.id, agent.name) for agent in self.agent_entries]

    # --- agents and lines ------------------------------------------------------------------------
    def refresh_agents(self) -> None:
        page = self.tab.agents
        keep_agent, keep_line = page.current_agent_id(), page.current_line_id()
        self.agent_entries = self.service.agents()
        page.agents.set_rows(self.agent_entries)
        page.line_form.set_agents(self.agent_choices())
        row = page.agents.row_of(keep_agent) if keep_agent is not None else None
        if row is None and self.agent_entries:
            row = 0
        if row is not None:
            select_row(page.agents_view, row)
        else:
            page.fees_form.show_agent(None)
            self._show_lines(None)
        if keep_line is not None and (line_row := page.lines.row_of(keep_line)) is not None:
            select_row(page.lines_view, line_row)

    def _on_agent(self, current: QModelIndex, _previous: QModelIndex) -> None:
        page = self.tab.agents
        if not current.isValid():
            return
        agent = page.agents.record(current.row())
        page.fees_form.show_agent(agent)
        page.editors.setCurrentIndex(FEES)
        self._show_lines(agent)

    def _show_lines(self, agent: AgentEntry | None) -> None:
        page = self.tab.agents
        lines: list[LineEntry] = [] if agent is None else self.service.lines(agent.id)
        page.lines.set_rows(lines)
        page.lines_title.setText(
            self.tr("<b>Lines / 线路</b>")
            if agent is None
            else self.tr("<b>Lines / 线路</b> of {agent}").format(agent=agent.name)
        )
        page.line_form.show_line(None, self.agent_choices())

    def _on_line(self, current: QModelIndex, _previous: QModelIndex) -> None:
        page = self.tab.agents
        if not current.isValid():
            return
        line = page.lines.record(current.row())
        page.line_form.show_line(
            line.card, self.agent_choices(), line_id=line.id, agent_id=line.agent_id
        )
        page.editors.setCurrentIndex(CARD)

    def new_agent(self) -> None:
        page = self.tab.agents
        self.tab.pages.setCurrentIndex(AGENTS)
        page.agents_view.clearSelection()
        page.fees_form.show_agent(None, new=True)
        page.editors.setCurrentIndex(FEES)
        page.fees_form.name_edit.setFocus()

    def save_agent(self, fees: Any, note: str, packing: Any) -> None:
        form = self.tab.agents.fees_form
        agent_id = form.agent_id
        outcome = self.tab.run(
            lambda: self.service.save_agent(fees, agent_id=agent_id, note=note, packing=packing),
            form,
        )
        if outcome.ok:
            saved = (outcome.result.created or outcome.result.updated)[0]
            self.refresh_agents()
            row = self.tab.agents.agents.row_of(saved)
            if row is not None:
                select_row(self.tab.agents.agents_view, row)
            self.tab.say(self.tr("Agent {agent} saved.").format(agent=fees.name))

    def delete_agent(self) -> None:
        page = self.tab.agents
        agent_id = page.current_agent_id()
        if agent_id is None:
            return
        agent = page.agents.record(page.agents.row_of(agent_id) or 0)
        answer = QMessageBox.question(
            self.tab,
            self.tr("Delete agent"),
            self.tr(
                "Delete {agent} with its {count} line(s)? Its parcels stay, with no agent "
                "(180 free storage days then count).",
            ).format(agent=agent.name, count=agent.line_count),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.tab.run(lambda: self.service.delete_agent(agent_id))

    def new_line(self) -> None:
        page = self.tab.agents
        self.tab.pages.setCurrentIndex(AGENTS)
        if not self.agent_entries:
            self.tab.say(self.tr("Add the agent that runs the line first (New agent)."))
            return
        agent_id = page.current_agent_id() or self.agent_entries[0].id
        page.lines_view.clearSelection()
        page.line_form.show_line(None, self.agent_choices(), agent_id=agent_id, new=True)
        page.editors.setCurrentIndex(CARD)
        page.line_form.name_edit.setFocus()

    def save_line(self, agent_id: int, card: Any) -> None:
        form = self.tab.agents.line_form
        line_id = form.line_id
        outcome = self.tab.run(
            lambda: self.service.save_line(agent_id, card, line_id=line_id), form
        )
        if outcome.ok:
            saved = (outcome.result.created or outcome.result.updated)[0]
            page = self.tab.agents
            row = page.agents.row_of(agent_id)
            if row is not None:
                select_row(page.agents_view, row)
            self._show_lines(page.agents.record(row) if row is not None else None)
            line_row = page.lines.row_of(saved)
            if line_row is not None:
                select_row(page.lines_view, line_row)
            self.tab.say(self.tr("Line {line} saved.").format(line=card.name))

    def delete_line(self) -> None:
        line_id = self.tab.agents.current_line_id()
        if line_id is None:
            return
        answer = QMessageBox.question(
            self.tab,
            self.tr("Delete line"),
            self.tr(
                "Delete this line? Shipments made on it keep its name and rate card.",
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.tab.run(lambda: self.service.delete_line(line_id))

    def delete_on_agents_page(self) -> None:
        if self.tab.agents.lines_view.hasFocus():
            self.delete_line()
        else:
            self.delete_agent()

    # --- the planner -----------------------------------------------------------------------------
    def plan_parcels(self, parcel_ids: list[int]) -> None:
        """Plan these parcels (the Parcels page's selection) and show the plan."""
        page = self.tab.planner
        page.selected_radio.setChecked(True)
        self._selected = list(parcel_ids)
        self.tab.pages.setCurrentIndex(PLANNER)
        self.plan()

    def plan(self) -> None:
        page = self.tab.planner
        waiting = [row.id for row in self.tab.parcels.model.rows if row.waiting]
        chosen = self._selected
        if page.selected_radio.isChecked():
            ids = [i for i in chosen if i in set(waiting)]
            scope = self.tr("{count} selected parcel(s)").format(count=len(ids))
        else:
            ids = waiting
            scope = self.tr("All {count} waiting parcel(s)").format(count=len(ids))
        if not ids:
            page.show_plan(
                None,
                [],
                self.tr(
                    "No waiting parcel to plan: select parcels on the Parcels "
                    "page (Ctrl+L), or choose all waiting parcels.",
                ),
            )
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            view = self.service.plan_view(
                ids,
                repack=page.repack_box.isChecked(),
                insure=page.insure_box.isChecked(),
                ship_on=page.ship_on.value(),
            )
        except (WorkbenchError, ValueError) as error:
            page.show_plan(None, [], str(error))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self._plan_stale = False
        kg = sum((p.actual_kg for p in view.plan.parcels), Decimal(0))
        page.show_plan(
            view,
            ids,
            self.tr("{scope}, {kg} kg actual, priced on {count} line(s).").format(
                scope=scope, kg=fmt(kg), count=len(view.lines)
            ),
        )

    def plan_changed(self) -> None:
        """Parcels, lines or agents changed: the plan shown may be out of date."""
        page = self.tab.planner
        if page.view_data is not None and not self._plan_stale:
            self._plan_stale = True
            page.scope_label.setText(
                page.scope_label.text()
                + self.tr("  ⚠ Parcels or lines changed since: press Plan again.")
            )

    def create_shipment(self) -> None:
        page = self.tab.planner
        chosen = page.current_way()
        if chosen is None or page.view_data is None:
            self.tab.say(self.tr("Choose a line that takes the parcels, and a way it accepts."))
            return
        row, cost = chosen
        today: date = self.tab.workbench.today()
        asked = self.tab.ask_shipment(
            f"{row.entry.name} {today.isoformat()}",
            cost.total,
            self.tr("{line} ({agent}), {way}: {boxes} box(es), {cost}").format(
                line=row.entry.name,
                agent=row.entry.agent_name,
                way=label_of(cost.way),
                boxes=cost.boxes,
                cost=money_text(cost.total),
            ),
        )
        if asked is None:
            return
        name, estimate = asked
        ids, line_id, way = list(page.parcel_ids), row.entry.id, cost.way
        insure, ship_on = page.insure_box.isChecked(), page.ship_on.value()
        outcome = self.tab.run(
            lambda: self.service.create_shipment(
                name, ids, line_id, way, insure=insure, ship_on=ship_on, estimate=estimate
            )
        )
        if outcome.ok:
            page.show_plan(
                None,
                [],
                self.tr("Shipment {name} created: its parcels left the waiting list.").format(
                    name=name
                ),
            )
            self.tab.pages.setCurrentIndex(SHIPMENTS)
            self.tab.shipments.select(outcome.result.created[0])
            self.tab.say(
                self.tr("Shipment {name} created ({estimate} estimated).").format(
                    name=name, estimate=money_text(estimate)
                )
            )

    # --- shipments -------------------------------------------------------------------------------
    def refresh_shipments(self) -> None:
        page = self.tab.shipments
        keep = page.current_id()
        page.model.set_rows(self.service.shipments())
        page.show_history(self.service.estimate_history())
        if keep is not None and page.model.row_of(keep) is not None:
            page.select(keep)
        elif page.proxy.rowCount():
            select_row(page.table, 0)
        self._on_shipment()

    def _on_shipment(self) -> None:
        page = self.tab.shipments
        page.show_shipment(page.current())
        self._show_allocation()

    def _show_allocation(self) -> None:
        page = self.tab.shipments
        entry = page.current()
        if entry is None:
            page.show_allocation(None)
            return
        try:
            result = self.service.allocation_result(entry.id, page.basis())
        except (WorkbenchError, ValueError) as error:
            page.show_allocation(None, f"⚠ {error}")
            return
        page.show_allocation(result, from_actual=entry.actual is not None)

    def set_status(self) -> None:
        page = self.tab.shipments
        shipment_id = page.current_id()
        if shipment_id is not None:
            status = ShipmentStatus(page.status_box.currentData())
            self.tab.run(lambda: self.service.set_shipment_status(shipment_id, status))

    def record_actual(self) -> None:
        page = self.tab.shipments
        entry = page.current()
        if entry is None:
            return
        try:
            amount = read_amount(
                page.actual_edit.text(),
                self.tr("the actual charge"),
            )
        except ParseError as error:
            self.tab.say(str(error))
            return
        actual = None if amount is None else Money(amount, entry.estimate.currency)
        outcome = self.tab.run(lambda: self.service.record_actual_charge(entry.id, actual))
        if outcome.ok and actual is not None:
            self.tab.say(
                self.tr("{shipment}: actual charge {amount} recorded.").format(
                    shipment=entry.name, amount=money_text(actual)
                )
            )

    def delete_shipment(self) -> None:
        entry = self.tab.shipments.current()
        if entry is None:
            return
        answer = QMessageBox.question(
            self.tab,
            self.tr("Delete shipment"),
            self.tr(
                "Delete the shipment {name}? Its {count} parcel(s) go back to waiting.",
            ).format(name=entry.name, count=len(entry.parcel_ids)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.tab.run(lambda: self.service.delete_shipment(entry.id))
