"""The Samples tab's widgets and layout; behaviour lives in app.ui.samples.tab."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
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

from app.domain.samples.sample import PhotoAngle
from app.ui.samples.compare_view import CompareView
from app.ui.samples.gallery_view import GalleryView
from app.ui.samples.lists import SORT_ROLE, ProductsModel, SamplesModel
from app.ui.samples.product_form import ProductForm
from app.ui.samples.sample_form import SampleForm
from app.ui.widgets.empty_state import EmptyState, EmptySwitch
from app.ui.widgets.tab_protocol import tab_action


def _table(model: object, sort_column: int) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel()  # tens of rows: a proxy is the simple, fast choice here
    proxy.setSourceModel(model)  # type: ignore[arg-type]
    proxy.setSortRole(SORT_ROLE)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(True)
    view.verticalHeader().setDefaultSectionSize(38)  # two lines: 中文 / English
    view.horizontalHeader().setStretchLastSection(True)
    return view, proxy


class SamplesTabView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.products = ProductsModel(self)
        self.products_view, self.products_proxy = _table(self.products, 0)
        self.products_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.products_view.setColumnWidth(0, 200)
        self.samples = SamplesModel(self)
        self.samples_view, self.samples_proxy = _table(self.samples, 1)
        self.samples_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for column, width in enumerate((28, 190, 90, 80, 100)):
            self.samples_view.setColumnWidth(column, width)
        self.new_product_button = QPushButton(self.tr("New &product…"))
        self.delete_product_button = QPushButton(self.tr("Delete product…"))
        self.new_sample_button = QPushButton(self.tr("New &sample"))
        self.delete_sample_button = QPushButton(self.tr("Delete sample…"))
        self.compare_button = QPushButton(self.tr("&Compare selected"))
        self.compare_button.setToolTip(
            self.tr("Select 2 to 5 samples (Ctrl or Shift click), then compare")
        )

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.product_filter = QLineEdit(placeholderText=self.tr("Filter products (Ctrl+F)"))
        self.product_filter.setClearButtonEnabled(True)
        self.products_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.products_proxy.setFilterKeyColumn(-1)  # any column: English, 中文, category
        self.product_filter.textChanged.connect(self.products_proxy.setFilterFixedString)
        left_layout.addLayout(_row(QLabel(self.tr("<b>Products</b>")), self.product_filter))
        left_layout.addWidget(self.products_view, 2)
        left_layout.addLayout(_row(self.new_product_button, self.delete_product_button))
        self.samples_label = QLabel(self.tr("<b>Samples</b>"))
        left_layout.addWidget(self.samples_label)
        left_layout.addWidget(self.samples_view, 3)
        left_layout.addLayout(
            _row(self.new_sample_button, self.delete_sample_button, self.compare_button)
        )

        self.sample_form = SampleForm()
        self.gallery = GalleryView()
        self.angle_filter = QComboBox()
        self.angle_filter.addItem(self.tr("All angles"), None)
        for angle in PhotoAngle:
            self.angle_filter.addItem(f"{angle.label} {angle.label_zh}", angle.value)
        self.import_button = QPushButton(self.tr("&Import photos…"))
        self.import_button.setToolTip(self.tr("Or drop files and folders here, or paste (Ctrl+V)"))
        self.caption_edit = QLineEdit(placeholderText=self.tr("caption of the selected photo"))
        self.angle_box = QComboBox()
        for angle in PhotoAngle:
            self.angle_box.addItem(f"{angle.label} {angle.label_zh}", angle.value)
        self.apply_photo_button = QPushButton(self.tr("Apply"))
        gallery_box = QGroupBox(self.tr("Photos (your own: listing photos are often renders)"))
        gallery_layout = QVBoxLayout(gallery_box)
        gallery_layout.addLayout(_row(self.angle_filter, self.import_button, stretch_first=False))
        gallery_layout.addWidget(self.gallery, 1)
        self.waiting_note = QLabel()  # photos given to a new sample, waiting for its first save
        self.waiting_note.setWordWrap(True)
        self.waiting_note.hide()
        gallery_layout.addWidget(self.waiting_note)
        gallery_layout.addLayout(_row(self.caption_edit, self.angle_box, self.apply_photo_button))
        # Details above, photos below, both in view: the user drags the split to taste.
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.sample_form)
        self.gallery.setMinimumHeight(150)
        scroll = QSplitter(Qt.Orientation.Vertical)
        scroll.addWidget(form_scroll)
        scroll.addWidget(gallery_box)
        scroll.setSizes([430, 300])
        scroll.setChildrenCollapsible(False)

        self.product_form = ProductForm()
        product_page = QScrollArea()
        product_page.setWidgetResizable(True)
        product_page.setWidget(self.product_form)
        self.compare_view = CompareView()

        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(scroll, self.tr("Sa&mple"))
        self.side_tabs.addTab(product_page, self.tr("P&roduct spec"))
        self.side_tabs.addTab(self.compare_view, self.tr("Com&pare"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([520, 840])

        # The tab's own actions: their shortcuts fire only while this tab shows (tab_protocol).
        self.new_sample_action = tab_action(
            self, self.tr("New &sample"), QKeySequence.StandardKey.New
        )
        self.new_product_action = tab_action(self, self.tr("New &product…"), None)
        self.delete_sample_action = tab_action(
            self, self.tr("&Delete sample…"), QKeySequence.StandardKey.Delete
        )
        # The Delete key belongs to the samples list; in a form it deletes text, in the
        # gallery a photo.
        self.removeAction(self.delete_sample_action)
        self.delete_sample_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.samples_view.addAction(self.delete_sample_action)
        self.compare_action = tab_action(self, self.tr("&Compare selected samples"), "Ctrl+Shift+C")
        self.find_action = tab_action(self, self.tr("&Find product"), QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._focus_filter)

        # No product yet (so no sample): what the tab is for and the first step (issue 14).
        next_steps = [self.new_product_action, self.new_sample_action]
        empty = EmptyState(
            self.tr("No samples yet"),
            self.tr(
                "Compare the samples several suppliers sent for one product side by side: your "
                "own photos of every angle, the measurements against the product's spec, the "
                "scores, defects and verdict, and the golden sample you approve.<br><br>Start "
                "with the product the samples are for (New product…); then add each "
                "supplier's sample to it (New sample)."
            ),
            next_steps,
        )
        self.empty_switch = EmptySwitch(self.splitter, empty)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_switch)

    def _focus_filter(self) -> None:
        self.product_filter.setFocus()
        self.product_filter.selectAll()


def _row(*widgets: QWidget, stretch_first: bool = True) -> QHBoxLayout:
    layout = QHBoxLayout()
    for index, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if (index == 0 and stretch_first) else 0)
    if not stretch_first:
        layout.addStretch(1)
    return layout
