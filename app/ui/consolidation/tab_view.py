"""The Consolidation tab's widgets: five pages (orders, parcels, agents and lines, the planner,
shipments) and the tab's actions, whose shortcuts fire only while the tab shows. Layout only;
tab.py adds the behaviour."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.ui.consolidation.agents_page import AgentsPage
from app.ui.consolidation.orders_page import OrdersPage
from app.ui.consolidation.parcels_page import ParcelsPage
from app.ui.consolidation.planner_page import PlannerPage
from app.ui.consolidation.shipments_page import ShipmentsPage
from app.ui.widgets.empty_state import EmptyState, EmptySwitch
from app.ui.widgets.tab_protocol import tab_action

ORDERS, PARCELS, AGENTS, PLANNER, SHIPMENTS = range(5)
NEW_TEXTS = {
    ORDERS: str(QT_TRANSLATE_NOOP("ConsolidationTabView", "&New order")),
    PARCELS: str(QT_TRANSLATE_NOOP("ConsolidationTabView", "&New parcel")),
    AGENTS: str(QT_TRANSLATE_NOOP("ConsolidationTabView", "&New line")),
    PLANNER: str(QT_TRANSLATE_NOOP("ConsolidationTabView", "&New parcel")),
    SHIPMENTS: str(QT_TRANSLATE_NOOP("ConsolidationTabView", "&New parcel")),
}


class ConsolidationTabView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parcel_names: dict[int, str] = {}  # parcel id → code, for the orders table
        self.orders = OrdersPage(self.parcel_names)
        self.parcels = ParcelsPage()
        self.agents = AgentsPage()
        self.planner = PlannerPage()
        self.shipments = ShipmentsPage(self.parcel_names)
        self.pages = QTabWidget()
        for page, title in (
            (self.orders, self.tr("&Orders / 订单")),
            (self.parcels, self.tr("Pa&rcels / 包裹")),
            (self.agents, self.tr("&Agents && lines / 代理与线路")),
            (self.planner, self.tr("P&lanner / 方案")),
            (self.shipments, self.tr("S&hipments / 发货")),
        ):
            self.pages.addTab(page, title)

        # The tab's own actions: their shortcuts fire only while this tab shows (tab_protocol).
        self.new_action = tab_action(self, _new_text(ORDERS), QKeySequence.StandardKey.New)
        self.advance_action = self._table_action(
            self.tr("Ad&vance status"),
            (self.orders.table,),
            QKeySequence("Ctrl+Right"),
            QKeySequence("]"),
        )
        self.delete_action = self._table_action(
            self.tr("&Delete…"),
            (
                self.orders.table,
                self.parcels.table,
                self.agents.agents_view,
                self.agents.lines_view,
                self.shipments.table,
            ),
            QKeySequence(QKeySequence.StandardKey.Delete),
        )
        self.plan_action = tab_action(self, self.tr("&Plan selected parcels"), "Ctrl+L")
        self.find_action = tab_action(self, self.tr("&Find"), QKeySequence.StandardKey.Find)
        self.pages.currentChanged.connect(self._page_shown)
        # The empty state's next steps (Ctrl+N's text and target follow the page shown).
        self.new_agent_action = tab_action(self, self.tr("New a&gent"), None)
        self.new_order_action = tab_action(self, _new_text(ORDERS), None)

        # No agent, order or parcel yet: what the tab is for and the first step (issue 14).
        self.empty_switch = EmptySwitch(
            self.pages,
            EmptyState(
                self.tr("No agents or orders yet"),
                self.tr(
                    "Follow your 1688 orders until their parcels wait at your agent's warehouse, "
                    "then let the planner find the cheapest way home on the agent's lines, and "
                    "record the shipment.<br><br>First add your agent with its fees, then its "
                    "lines (rate cards) on the Agents &amp; lines page; then record each order "
                    "as you place it (its supplier comes from the Suppliers tab)."
                ),
                [self.new_agent_action, self.new_order_action],
            ),
        )
        self._empty_dismissed = False  # the user went past the empty state to a form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_switch)

    def _table_action(self, text: str, tables: tuple[QWidget, ...], *keys: QKeySequence) -> QAction:
        """An action whose keys act only in these tables (Delete never deletes from a field);
        the Edit menu triggers it from anywhere on the tab."""
        action = QAction(text, self)
        action.setShortcuts(list(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shown = self.tr(" or ").join(key.toString() for key in keys)
        name = text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
        if name.endswith(")") and "(" in name:  # "删除(D)": the Chinese mnemonic goes too
            name = name[: name.rindex("(")]
        action.setToolTip(f"{name} ({shown})")
        for table in tables:
            table.addAction(action)
        return action

    def show_empty_state(self, nothing: bool) -> None:
        """What the tab is for while it holds nothing, unless the user went past it to a
        form; once records came and went, it shows again."""
        if not nothing:
            self._empty_dismissed = False
        self.empty_switch.set_empty(nothing and not self._empty_dismissed)

    def show_content(self) -> None:
        """The pages, for a new record's form, even while the tab holds nothing yet."""
        self._empty_dismissed = True
        self.empty_switch.set_empty(False)

    def _page_shown(self, page: int) -> None:
        self.new_action.setText(_new_text(page))

    def focus_filter(self) -> None:
        """Ctrl+F: the current page's filter (the orders' on pages without one)."""
        page = self.pages.currentIndex()
        if page == PARCELS:
            self.parcels.focus_filter()
        elif page == SHIPMENTS:
            self.shipments.focus_filter()
        elif page == AGENTS:
            self.agents.agents_view.setFocus()
        elif page == PLANNER:
            self.planner.table.setFocus()
        else:
            self.orders.focus_filter()


def _new_text(page: int) -> str:
    """Ctrl+N's text on a page, in the interface language."""
    return QCoreApplication.translate(
        "ConsolidationTabView", NEW_TEXTS.get(page, NEW_TEXTS[ORDERS])
    )
