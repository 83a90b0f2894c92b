"""The Negotiation tab's widgets: products on the left; the comparison, the quote, the worksheet,
the landed cost and the phrasebook as pages on the right. Layout only; tab.py adds behaviour."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.negotiation.comparison_page import ComparisonPage
from app.ui.negotiation.landed_page import LandedCostPage
from app.ui.negotiation.phrasebook_page import PhrasebookPage
from app.ui.negotiation.products_model import ProductsModel
from app.ui.negotiation.quote_form import QuoteForm
from app.ui.negotiation.worksheet_page import WorksheetPage
from app.ui.settings import NEGOTIATION_PRODUCTS_VIEWS, Settings
from app.ui.widgets import saved_views
from app.ui.widgets.empty_state import EmptyState, EmptySwitch
from app.ui.widgets.tab_protocol import tab_action

COMPARISON, QUOTE, WORKSHEET, LANDED, PHRASES = range(5)
PRODUCT_COLUMN_KEYS = ("product", "quotes", "chosen_supplier")  # in a saved view


def _scrolling(page: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(page)
    return scroll


class NegotiationTabView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.products = ProductsModel(self)
        self.products_proxy = QSortFilterProxyModel(self)
        self.products_proxy.setSourceModel(self.products)
        self.products_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.products_proxy.setFilterKeyColumn(-1)
        self.product_filter = QLineEdit(placeholderText=self.tr("Filter products (Ctrl+F)"))
        self.product_filter.setClearButtonEnabled(True)
        self.product_filter.textChanged.connect(self.products_proxy.setFilterFixedString)
        self.products_view = QTableView()
        self.products_view.setModel(self.products_proxy)
        self.products_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.products_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.products_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.products_view.verticalHeader().hide()
        self.products_view.horizontalHeader().setStretchLastSection(True)
        self.products_view.setColumnWidth(0, 170)
        self.products_view.setColumnWidth(1, 52)
        self.new_product_button = QPushButton(self.tr("New &product…"))
        self.new_quote_button = QPushButton(self.tr("&New quote"))

        self.comparison = ComparisonPage()
        self.quote_form = QuoteForm()
        self.worksheet = WorksheetPage()
        self.landed = LandedCostPage()
        self.phrasebook = PhrasebookPage()
        self.pages = QTabWidget()
        self.pages.addTab(self.comparison, self.tr("Co&mparison / 比价"))
        self.pages.addTab(_scrolling(self.quote_form), self.tr("&Quote / 报价"))
        self.pages.addTab(self.worksheet, self.tr("&Worksheet / 谈判"))
        self.pages.addTab(self.landed, self.tr("&Landed cost / 到岸成本"))
        self.pages.addTab(self.phrasebook, self.tr("P&hrasebook / 常用语"))

        left = self.products_panel = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("<b>Products</b>")))
        self.views_button: saved_views.SavedViewsButton | None = None  # see use_saved_views
        self._filter_row = QHBoxLayout()
        self._filter_row.addWidget(self.product_filter, 1)
        left_layout.addLayout(self._filter_row)
        left_layout.addWidget(self.products_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_product_button)
        buttons.addWidget(self.new_quote_button)
        left_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 980])

        # The tab's own actions: their shortcuts fire only while this tab shows (tab_protocol).
        self.new_quote_action = tab_action(
            self, self.tr("&New quote"), QKeySequence.StandardKey.New
        )
        self.delete_quote_action = tab_action(
            self, self.tr("&Delete quote…"), QKeySequence.StandardKey.Delete
        )
        self.removeAction(self.delete_quote_action)  # the Delete key belongs to the table only
        self.delete_quote_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.comparison.table.addAction(self.delete_quote_action)
        paste = self.tr("&Paste 1688 price table")
        self.paste_action = tab_action(self, paste, "Ctrl+Shift+V")
        self.new_product_action = tab_action(self, self.tr("New &product…"), None)
        find = self.tr("&Find product")
        self.find_action = tab_action(self, find, QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_filter)
        # The phrasebook (and the landed-cost settings) need no product: reached from the
        # empty state too.
        self.phrasebook_action = tab_action(self, self.tr("Open the p&hrasebook"), None)
        self.phrasebook_action.triggered.connect(self.open_phrasebook)
        self._empty_dismissed = False  # the user went past the empty state to the phrasebook

        # No product yet: what the tab is for and the first step (issue 14).
        next_steps = [self.new_product_action, self.new_quote_action, self.phrasebook_action]
        empty = EmptyState(
            self.tr("No products to negotiate yet"),
            self.tr(
                "Gather every supplier's quote for a product with its price breaks, compare them "
                "at the quantity you plan, keep a worksheet of targets and rounds with each "
                "supplier, and see the landed cost at your door.<br><br>Start with a product "
                "(New product…), then add each supplier's quote for it (New quote; the "
                "suppliers come from the Suppliers tab)."
            ),
            next_steps,
        )
        self.empty_switch = EmptySwitch(self.splitter, empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_switch)

    def show_empty_state(self, no_product: bool) -> None:
        """What the tab is for while there is no product, unless the user went past it to the
        phrasebook; once products came and went, it shows again."""
        if not no_product:
            self._empty_dismissed = False
        self.empty_switch.set_empty(no_product and not self._empty_dismissed)

    def open_phrasebook(self) -> None:
        self._empty_dismissed = True
        self.empty_switch.set_empty(False)
        self.pages.setCurrentIndex(PHRASES)

    def use_saved_views(self, settings: Settings) -> None:
        """Add Views ▾ beside the product filter (Ctrl+Shift+F while the list shows): the
        filter and the list's columns, saved under a name in `settings`."""
        panel = self.products_panel  # the key acts while the list shows, not the empty state
        state = saved_views.TableViewState(
            self.products_view.horizontalHeader(),
            PRODUCT_COLUMN_KEYS,
            {"text": self.product_filter},
            lambda: self.products_proxy.setFilterFixedString(self.product_filter.text()),
            always_shown=PRODUCT_COLUMN_KEYS[:1],
        )
        self.views_button = saved_views.SavedViewsButton.for_table(
            panel, settings, NEGOTIATION_PRODUCTS_VIEWS, state
        )
        self._filter_row.addWidget(self.views_button)

    def _focus_filter(self) -> None:
        self.product_filter.setFocus()
        self.product_filter.selectAll()
