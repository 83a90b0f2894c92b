"""The row above the supplier table: quick filter, choice filters and the shown/total count."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.domain.suppliers.choices import PROVINCES, BusinessType, Choice, Membership, Status
from app.services.suppliers.listing import SupplierFilter

ANY = "Any"


class FilterBar(QWidget):
    """Emits `changed` with a SupplierFilter whenever the user changes any part of it."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_box = QLineEdit(
            placeholderText="Filter: name, pinyin (yiwu), city, tag, contact…  Ctrl+F"
        )
        self.text_box.setClearButtonEnabled(True)
        self.text_box.setMinimumWidth(220)
        self.status_box = self._choice_box(Status)
        self.province_box = QComboBox()
        self.province_box.addItem(f"Province: {ANY}", None)
        for chinese, english in PROVINCES:
            self.province_box.addItem(f"{chinese} {english}", chinese)
        self.membership_box = self._choice_box(Membership)
        self.type_box = self._choice_box(BusinessType)
        self.count_label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_box, 1)
        for label, box in (
            ("Status", self.status_box),
            (None, self.province_box),
            ("Membership", self.membership_box),
            ("Type", self.type_box),
        ):
            if label:
                box.setToolTip(f"Show only suppliers with this {label.lower()}")
            _compact(box)
            layout.addWidget(box)
        layout.addWidget(self.count_label)
        self.text_box.textChanged.connect(self._emit)
        for box in (self.status_box, self.province_box, self.membership_box, self.type_box):
            box.currentIndexChanged.connect(self._emit)

    @staticmethod
    def _choice_box(kind: type[Choice]) -> QComboBox:
        box = QComboBox()
        title = {"Status": "Status", "Membership": "Membership", "BusinessType": "Type"}[
            kind.__name__
        ]
        box.addItem(f"{title}: {ANY}", None)
        for member in kind:
            box.addItem(f"{member.label} {member.label_zh}", member.value)
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
        noun = "supplier" if total == 1 else "suppliers"
        text = f"{total:,} {noun}" if shown == total else f"{shown:,} of {total:,} {noun}"
        self.count_label.setText(text)

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
