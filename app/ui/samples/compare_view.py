"""Side by side (issue 4): the samples' photos in aligned columns, filterable by angle, above
the comparison table with each row's best value marked; choose the golden sample here. Data in
(`show_comparison`), signals out (`open_photo`, `golden_requested`). Both views share their
columns (same widths, scrolled and selected together): photos stand above their numbers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QPainter, QPalette, QPen, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.samples.sample import ComparisonTable, PhotoAngle, Sample, SamplePhoto
from app.ui.samples.compare_model import (
    BEST_FILL,
    BEST_MARK,
    GRID_THUMBNAIL_PX,
    ComparisonModel,
    PhotoGridModel,
    supplier_label,
)

if TYPE_CHECKING:  # Pillow loads on first use, not at start-up
    from app.store.photos.store import PhotoStore


_Index = QModelIndex | QPersistentModelIndex
MIN_COMPARED, MAX_COMPARED = 2, 5  # issue 4: pick 2-5 samples of a product
TABLE_MAX_PX = 480  # past this the table scrolls, so the photos keep some room
TABLE_MIN_PX = 200  # the header and a few rows, however small the window
ROW_PADDING_PX = 8
ROW_MAX_PX = 96  # a long defects or verdict text: about five lines, the tooltip has it all
MAX_COLUMN_PX = 200  # a longer supplier name is elided; its header tooltip has it whole
ROW_NAMES_MAX_PX = 180  # a longer row name is elided; its tooltip has it whole
_HINT_STYLE = "color: palette(placeholder-text)"
_NO_PHOTOS = str(
    QT_TRANSLATE_NOOP(
        "CompareView", "No photos of these samples yet: add them in each sample's gallery."
    )
)


class _ColumnDelegate(QStyledItemDelegate):
    """A selected column gets a light overlay and side rules instead of the style's solid
    highlight, which would hide the best-value tint and the photos."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        plain = QStyleOptionViewItem(option)
        plain.state = plain.state & ~QStyle.StateFlag.State_Selected
        if selected:  # the view painted the row panel in the highlight colour: paint it over
            painter.fillRect(option.rect, option.palette.base())
        super().paint(painter, plain, index)
        if selected:
            colour = option.palette.color(QPalette.ColorRole.Highlight)
            painter.save()
            colour.setAlpha(40)
            painter.fillRect(option.rect, colour)
            colour.setAlpha(255)
            painter.setPen(QPen(colour, 2))
            rect = option.rect.adjusted(1, 0, -1, 0)
            painter.drawLine(rect.topLeft(), rect.bottomLeft())
            painter.drawLine(rect.topRight(), rect.bottomRight())
            painter.restore()


class _LinesHeader(QHeaderView):
    """Elides each line of a header on its own: Qt elides them as one long line."""

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logical_index: int) -> None:
        super().initStyleOptionForIndex(option, logical_index)
        width, elide = self.sectionSize(logical_index) - 12, Qt.TextElideMode.ElideRight
        lines = option.text.split("\n")
        option.text = "\n".join(option.fontMetrics.elidedText(t, elide, width) for t in lines)


class _PhotoCellDelegate(_ColumnDelegate):
    """The thumbnail centred on top, its caption under it; 'no photo' centred in an empty cell."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        option.decorationPosition = QStyleOptionViewItem.Position.Top
        option.decorationAlignment = Qt.AlignmentFlag.AlignCenter
        option.textElideMode = Qt.TextElideMode.ElideRight
        has_picture = bool(option.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration)
        option.displayAlignment = (
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            if has_picture
            else Qt.AlignmentFlag.AlignCenter
        )


def _column_view(model: ComparisonModel | PhotoGridModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    # Both views always keep room for a vertical bar: equal viewports scroll sideways alike.
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    view.setItemDelegate(_ColumnDelegate(view))
    view.setWordWrap(False)
    header = _LinesHeader(Qt.Orientation.Horizontal, view)
    view.setHorizontalHeader(header)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    header.setTextElideMode(Qt.TextElideMode.ElideNone)  # done line by line above
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    for names in (header, view.verticalHeader()):
        names.setHighlightSections(False)  # a selected column would make every name bold
    view.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    return view


class CompareView(QWidget):
    """Photos above, the comparison table below; both one column per sample."""

    open_photo = Signal(int, str)  # sample id, photo hash
    golden_requested = Signal(int)  # sample id
    export_requested = Signal()  # "Export this comparison…": the tab asks where

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo_model = PhotoGridModel(self, thumbnail_px=GRID_THUMBNAIL_PX)
        self.table_model = ComparisonModel(self)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.angle_box = QComboBox()
        self.angle_box.setToolTip(self.tr("Show the photos of one angle only"))
        golden = self.tr("{mark} Choose as golden sample").format(mark=BEST_MARK)
        self.golden_button = QPushButton(golden)
        self.export_button = QPushButton(self.tr("&Export this comparison…"))
        self.export_button.setToolTip(
            self.tr(
                "Just these samples, in this order, to Excel (.xlsx) or PDF: photos, costs, "
                "measurements, scores, defects and verdict"
            )
        )
        self.photo_view = _column_view(self.photo_model)
        self.photo_view.setItemDelegate(_PhotoCellDelegate(self.photo_view))
        self.photo_view.setIconSize(QSize(GRID_THUMBNAIL_PX, GRID_THUMBNAIL_PX))
        self.no_photos = QLabel(QCoreApplication.translate("CompareView", _NO_PHOTOS))
        self.no_photos.setStyleSheet(_HINT_STYLE)
        self.no_photos.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table_view = _column_view(self.table_model)
        self.table_view.setWordWrap(True)  # defects and verdict take several lines
        legend = QLabel(
            self.tr(
                "<span style='background:{fill}; color:#1f1f1f'>&nbsp;{mark} bold&nbsp;</span> "
                "best in its row: lowest cost, closest to spec, highest score · ⓘ hover the row "
                "name: why nothing is marked · double-click a photo to open it"
            ).format(fill=BEST_FILL, mark=BEST_MARK)
        )
        legend.setWordWrap(True)
        legend.setStyleSheet(_HINT_STYLE)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(QLabel(self.tr("Photos:")))
        top.addWidget(self.angle_box)
        top.addWidget(self.golden_button)
        top.addWidget(self.export_button)
        photos = QWidget()
        photo_layout = QVBoxLayout(photos)
        photo_layout.setContentsMargins(0, 0, 0, 0)
        photo_layout.addWidget(self.photo_view)
        photo_layout.addWidget(self.no_photos)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(photos)
        self.splitter.addWidget(self.table_view)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(legend)

        self._syncing = False
        self.angle_box.currentIndexChanged.connect(self._angle_chosen)
        self.golden_button.clicked.connect(self._golden_clicked)
        self.export_button.clicked.connect(self.export_requested)
        self.photo_view.doubleClicked.connect(self._open_photo_at)
        opener = QShortcut(QKeySequence(Qt.Key.Key_Return), self.photo_view)
        opener.setContext(Qt.ShortcutContext.WidgetShortcut)
        opener.activated.connect(lambda: self._open_photo_at(self.photo_view.currentIndex()))
        for view, other in ((self.photo_view, self.table_view), (self.table_view, self.photo_view)):
            view.selectionModel().selectionChanged.connect(
                lambda *_args, v=view, o=other: self._selection_moved(v, o)
            )
            view.horizontalHeader().sectionResized.connect(
                lambda column, _old, size, o=other: o.horizontalHeader().resizeSection(column, size)
            )
            view.horizontalScrollBar().valueChanged.connect(other.horizontalScrollBar().setValue)
            view.horizontalHeader().customContextMenuRequested.connect(
                lambda point, v=view: self._header_menu_requested(v, point)
            )
        self.show_comparison(None, {}, {}, None)

    # --- data in ---------------------------------------------------------------------------
    def show_comparison(
        self,
        table: ComparisonTable | None,
        photos: Mapping[int, Sequence[SamplePhoto]],
        supplier_names: Mapping[int, str],
        store: PhotoStore | None,
    ) -> None:
        """Show these samples side by side (meant for MIN_COMPARED to MAX_COMPARED of them);
        `photos` and `supplier_names` by SAMPLE id. The selected sample stays selected."""
        selected = self.selected_sample_id()
        samples = table.samples if table else ()
        self.table_model.set_table(table, supplier_names)
        self.photo_model.set_photos(samples, photos, supplier_names, store)
        self._fill_angle_box()
        if table is None:
            self.title.setText(self.tr("Pick 2 to 5 samples of a product to compare them."))
        else:
            product = table.product
            name = " ".join(part for part in (product.name_zh, product.name) if part)
            side_by_side = self.tr("{product}: {count} samples side by side")
            self.title.setText(side_by_side.format(product=name, count=len(samples)))
        self._fit_columns()
        self.export_button.setEnabled(table is not None and len(samples) > 0)
        if selected is not None:
            self.select_sample(selected)
        self._update_golden_button()

    def stop_loading(self) -> None:  # for an owner that is closing
        self.photo_model.stop_loading()

    # --- what the tab asks -----------------------------------------------------------------
    def selected_sample_id(self) -> int | None:
        sample = self._selected_sample()
        return None if sample is None else sample.id

    def _selected_sample(self) -> Sample | None:
        columns = self.table_view.selectionModel().selectedColumns()
        return self.table_model.sample_at(columns[0].column()) if columns else None

    def select_sample(self, sample_id: int) -> None:
        column = self.table_model.column_of(sample_id)
        if column is not None:
            self.table_view.selectColumn(column)

    def angle_filter(self) -> PhotoAngle | None:
        return None if (value := self.angle_box.currentData()) is None else PhotoAngle(value)

    def set_angle_filter(self, angle: PhotoAngle | None) -> None:
        found = self.angle_box.findData(None if angle is None else angle.value)
        self.angle_box.setCurrentIndex(max(found, 0))

    # --- behaviour -------------------------------------------------------------------------
    def _fill_angle_box(self) -> None:
        wanted = self.angle_filter()
        counts = self.photo_model.angle_counts()
        self.angle_box.blockSignals(True)
        self.angle_box.clear()
        self.angle_box.addItem(self.tr("All angles"), None)
        items = self.angle_box.model()  # a combo box's own model holds standard items
        for angle in PhotoAngle:
            count = counts.get(angle, 0)
            self.angle_box.addItem(f"{angle.label} {angle.label_zh} ({count})", angle.value)
            if not count and isinstance(items, QStandardItemModel):
                # Listed, so the choice is the same every time, but not choosable.
                items.item(self.angle_box.count() - 1).setEnabled(False)
        if wanted is not None and counts.get(wanted, 0) > 0:
            self.angle_box.setCurrentIndex(self.angle_box.findData(wanted.value))
        else:
            self.angle_box.setCurrentIndex(0)
        self.angle_box.blockSignals(False)
        self._angle_chosen()

    def _angle_chosen(self) -> None:
        self.photo_model.set_angle_filter(self.angle_filter())
        has_rows = self.photo_model.rowCount() > 0
        self.photo_view.setVisible(has_rows or self.photo_model.columnCount() == 0)
        self.no_photos.setVisible(not has_rows and self.photo_model.columnCount() > 0)

    def _fit_columns(self) -> None:
        """Same widths above and below: the wider of a photo cell and the table's contents."""
        self.table_view.resizeColumnsToContents()
        photo_px = self.photo_model.thumbnail_px + 24
        for column in range(self.table_model.columnCount()):
            width = self.table_view.horizontalHeader().sectionSize(column) + 16
            width = min(max(width, photo_px), MAX_COLUMN_PX)
            self.table_view.horizontalHeader().resizeSection(column, width)
            self.photo_view.horizontalHeader().resizeSection(column, width)
        # At the final widths: deviations take a second line, defects and verdict wrap.
        for row in range(self.table_model.rowCount()):
            height = self.table_view.sizeHintForRow(row) + ROW_PADDING_PX
            self.table_view.verticalHeader().resizeSection(row, min(height, ROW_MAX_PX))
        # The row names differ above and below: one width for both keeps the columns aligned.
        names = [view.verticalHeader() for view in (self.table_view, self.photo_view)]
        hints = (header.sizeHint().width() for header in names)  # an empty one's is -1
        row_names = min(max(0, *hints), ROW_NAMES_MAX_PX)
        for header in names:
            header.setFixedWidth(row_names)
        # A portrait thumbnail is as tall as the icon size, and its caption goes under it.
        row_height = self.photo_model.thumbnail_px + self.fontMetrics().height() + 14
        self.photo_view.verticalHeader().setDefaultSectionSize(row_height)
        # Headers of 2-3 lines (supplier, variant, golden); Qt's cached hint may predate them.
        horizontal, columns = Qt.Orientation.Horizontal, range(self.table_model.columnCount())
        texts = [self.table_model.headerData(column, horizontal) for column in columns]
        lines = max((text.count("\n") + 1 for text in texts), default=1)
        header_height = lines * self.fontMetrics().lineSpacing() + 12
        for view in (self.table_view, self.photo_view):
            view.horizontalHeader().setFixedHeight(header_height)
        # The table shows every row without scrolling when it can; the photos take the rest.
        rows = self.table_view.verticalHeader().length()
        # On a small screen (1280 × 720) the photos keep at least half of the panel.
        most = min(TABLE_MAX_PX, max(self.height() // 2, TABLE_MIN_PX))
        self.table_view.setMinimumHeight(min(header_height + rows + 24, most))

    def _selection_moved(self, view: QTableView, other: QTableView) -> None:
        if not self._syncing:
            self._syncing = True
            columns = view.selectionModel().selectedColumns()
            if columns:
                other.selectColumn(columns[0].column())
            else:
                other.clearSelection()
            self._syncing = False
        self._update_golden_button()

    def _update_golden_button(self) -> None:
        sample = self._selected_sample()
        name = "" if sample is None else supplier_label(sample, self.photo_model.supplier_names)
        self.golden_button.setEnabled(sample is not None and not sample.golden)
        self.golden_button.setToolTip(
            self.tr("Select a sample's column (click its header) first.")
            if sample is None
            else self.tr("{supplier} is the golden sample already.").format(supplier=name)
            if sample.golden
            else self.tr(
                "Make {supplier}'s sample the golden sample: the approved reference."
            ).format(supplier=name)
        )

    def _golden_clicked(self) -> None:
        sample_id = self.selected_sample_id()
        if sample_id is not None:
            self.golden_requested.emit(sample_id)

    def header_menu(self, column: int) -> QMenu:
        """The column header's menu (built apart from showing it, so tests need no popup)."""
        menu = QMenu(self)
        sample = self.table_model.sample_at(column)
        name = supplier_label(sample, self.photo_model.supplier_names)
        choose = self.tr("{mark} Choose {supplier}'s sample as golden sample")
        action = menu.addAction(choose.format(mark=BEST_MARK, supplier=name))
        action.setEnabled(not sample.golden and sample.id is not None)
        action.triggered.connect(lambda: self.golden_requested.emit(sample.id))
        return menu

    def _header_menu_requested(self, view: QTableView, point: QPoint) -> None:
        column = view.horizontalHeader().logicalIndexAt(point)
        if column < 0 or self.table_model.table is None:
            return
        self.table_view.selectColumn(column)
        menu = self.header_menu(column)
        menu.exec(view.horizontalHeader().mapToGlobal(point))
        menu.deleteLater()

    def _open_photo_at(self, index: QModelIndex) -> None:
        found = self.photo_model.photo_at(index.row(), index.column()) if index.isValid() else None
        sample_id = self.photo_model.sample_id_at(index.column()) if found else None
        if found is not None and sample_id is not None:
            self.open_photo.emit(sample_id, found.hash)
