"""A date field with a calendar pop-up that can also be left blank (Delete clears it).

Typing still works (YYYY-MM-DD); the blank state shows a dash. Qt's QDateEdit cannot be empty,
so the blank date is its minimum date shown as the special value text.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QWidget

_BLANK = QDate(1900, 1, 1)


class DateField(QDateEdit):
    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        self._optional = optional
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        if optional:
            self.setMinimumDate(_BLANK)
            self.setSpecialValueText("—")
            self.setToolTip("Type YYYY-MM-DD or pick from the calendar; Delete leaves it blank")
        self.set_value(None)

    def value(self) -> date | None:
        chosen = self.date()
        if self._optional and chosen == _BLANK:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(_BLANK if self._optional else QDate.currentDate())
            if self._optional:  # the calendar opens on today, not on 1900
                self.calendarWidget().setSelectedDate(QDate.currentDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._optional and event.key() == Qt.Key.Key_Delete:
            self.set_value(None)
            return
        super().keyPressEvent(event)
