"""The row above the supplier table: quick filter, choice filters, the shown/total count and
the saved views (filters, sort and columns under a name)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QTableView, QWidget

from app.domain.suppliers.choices import PROVINCES, BusinessType, Choice, Membership, Status
from app.services.suppliers.listing import SupplierFilter
from app.ui.settings import SUPPLIERS_VIEWS, Settings
from app.ui.suppliers.list_models import choice_text
from app.ui.suppliers.table_model import COLUMN_FIELDS
from app.ui.widgets.saved_views import (
    FilterWidget,
    SavedViewsButton,
    TableViewState,
)


class FilterBar(QWidget):
    """Emits `changed` with a SupplierFilter whenever the user changes any part of it."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_box = QLineEdit(
            placeholderText=self.tr("Filter: name, pinyin (yiwu), city, tag, contact…  Ctrl+F")
        )
        self.text_box.setClearButtonEnabled(True)
        self.text_box.setMinimumWidth(220)
        self.status_box = self._choice_box(Status, self.tr("Status: Any"))
        self.province_box = QComboBox()
        self.province_box.addItem(self.tr("Province: Any"), None)
        for chinese, english in PROVINCES:
            self.province_box.addItem(f"{chinese} {english}", chinese)
        self.membership_box = self._choice_box(Membership, self.tr("Membership: Any"))
        self.type_box = self._choice_box(BusinessType, self.tr("Type: Any"))
        self.count_label = QLabel()
        self.views_button: SavedViewsButton | None = None  # see use_saved_views
        layout = self._row = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_box, 1)
        for tip, box in (
            (self.tr("Show only suppliers with this status"), self.status_box),
            ("", self.province_box),
            (self.tr("Show only suppliers with this membership"), self.membership_box),
            (self.tr("Show only suppliers with this type"), self.type_box),
        ):
            if tip:
                box.setToolTip(tip)
            _compact(box)
            layout.addWidget(box)
        layout.addWidget(self.count_label)
        self.text_box.textChanged.connect(self._emit)
        for box in (self.status_box, self.province_box, self.membership_box, self.type_box):
            box.currentIndexChanged.connect(self._emit)

    @staticmethod
    def _choice_box(kind: type[Choice], any_text: str) -> QComboBox:
        box = QComboBox()
        box.addItem(any_text, None)
        for member in kind:
            box.addItem(choice_text(member, " "), member.value)
        return box

    def current(self) -> SupplierFilter:
        return SupplierFilter(
            text=self.text_box.text(),
            status=self.status_box.currentData(),
            province=self.province_box.currentData(),
            membership=self.membership_box.currentData(),
            business_type=self.type_box.currentData(),
        )

    def show_count(self, shown: int, total: int) -> None:
        if shown == total:
            text = self.tr("{total} supplier") if total == 1 else self.tr("{total} suppliers")
        elif total == 1:
            text = self.tr("{shown} of {total} supplier")
        else:
            text = self.tr("{shown} of {total} suppliers")
        self.count_label.setText(text.format(shown=f"{shown:,}", total=f"{total:,}"))

    def use_saved_views(self, tab: QWidget, settings: Settings, table: QTableView) -> None:
        """Add Views ▾ (and its shortcut, while `tab` shows): this bar's filters with the
        table's sort and columns, saved under a name in `settings`."""
        filters: dict[str, FilterWidget] = {
            "text": self.text_box,
            "status": self.status_box,
            "province": self.province_box,
            "membership": self.membership_box,
            "business_type": self.type_box,
        }
        state = TableViewState(
            table.horizontalHeader(),
            COLUMN_FIELDS,
            filters,
            self._emit,
            always_shown=COLUMN_FIELDS[:1],  # the name column, as in the column menu
        )
        self.views_button = SavedViewsButton.for_table(tab, settings, SUPPLIERS_VIEWS, state)
        self._row.addWidget(self.views_button)

    def focus_text(self) -> None:
        self.text_box.setFocus()
        self.text_box.selectAll()

    def _emit(self) -> None:
        self.changed.emit(self.current())


def _compact(box: QComboBox) -> None:
    """Narrow when closed (the window fits small screens), full width when open."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(11)
    box.view().setMinimumWidth(box.view().sizeHintForColumn(0) + 24)
