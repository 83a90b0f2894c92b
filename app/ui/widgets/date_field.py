"""A date field with a calendar pop-up that can also be left blank (Delete clears it).

Typing still works: `2026-11-03`, `2026-3-9`, `20261103`, `2026/3/9` or `2026年3月9日` (any of
- / . 年 月 or a space moves on to the next part; a part typed in full moves on by itself).
Typing into a blank field starts from today's date with the year selected. The blank state
shows a dash. Qt's QDateEdit cannot be empty, so the blank date is its minimum date shown as
the special value text; the calendar of a blank field opens on today's month (without choosing
a date). The mouse wheel changes a date only in the field being edited, never in one the
pointer merely crosses while a form scrolls.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QDateEdit, QStyle, QStyleOptionComboBox, QWidget

_BLANK = QDate(1900, 1, 1)
SEPARATORS = frozenset("-/.年月 ")  # "日" ends a Chinese date: it is simply ignored
_IGNORED = frozenset("日")
_TYPED = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")  # a day or month of one digit, as typed


class DateField(QDateEdit):
    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        self._optional = optional
        self._fresh_section = False  # the part just moved to by itself: a separator is spare
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no focus (or change) by the wheel
        self.calendarWidget().installEventFilter(self)
        if optional:
            self.setMinimumDate(_BLANK)
            self.setSpecialValueText("—")
            self.setToolTip(
                self.tr("Type YYYY-MM-DD or pick from the calendar (F4); Delete leaves it blank")
            )
        self.set_value(None)

    def value(self) -> date | None:
        self._commit_typed()
        chosen = self.date()
        if self._optional and chosen == _BLANK:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(_BLANK if self._optional else QDate.currentDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))

    def is_blank(self) -> bool:
        return self._optional and self.date() == _BLANK

    # --- typing ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        alt_down = event.key() == Qt.Key.Key_Down and bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if event.key() == Qt.Key.Key_F4 or alt_down:
            self.open_calendar()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._commit_typed()
        if self._optional and event.key() == Qt.Key.Key_Delete:
            self.set_value(None)
            return
        if self.is_blank() and event.key() == Qt.Key.Key_Backspace:
            return
        if text and text in _IGNORED:
            return
        if text and text in SEPARATORS:
            self._next_section()
            return
        if text.isdigit() and self.is_blank():
            self.setDate(QDate.currentDate())  # the digits typed replace the year first
            self._select_section(0)
        before = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._fresh_section = text.isdigit() and self.currentSectionIndex() != before

    def _next_section(self) -> None:
        """A separator: on to the next part, unless the part before was typed in full (Qt
        moved on already) or the field is blank."""
        if self._fresh_section or self.is_blank():
            self._fresh_section = False
            return
        index = self.currentSectionIndex()
        if index + 1 < self.sectionCount():
            self.interpretText()  # "3" in the month becomes March before moving on
            self._select_section(index + 1)

    def _select_section(self, index: int) -> None:
        self.setCurrentSectionIndex(index)
        self.setSelectedSection(self.sectionAt(index))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._fresh_section = False
        self._commit_typed()
        super().focusOutEvent(event)

    def _commit_typed(self) -> None:
        """Take '2026-11-3' as typed: Qt keeps a last part of one digit pending (it could
        still become 30) and would drop it on leaving the field."""
        found = _TYPED.fullmatch(self.lineEdit().text().strip())
        if found is None:
            return
        typed = QDate(*(int(part) for part in found.groups()))
        if typed.isValid() and typed != self.date() and typed >= self.minimumDate():
            self.setDate(typed)

    # --- wheel and calendar ----------------------------------------------------------------
    def open_calendar(self) -> None:
        """Open the calendar from the keyboard (F4, Alt+Down): Qt opens it only for a click on
        the arrow, so the click is made there."""
        option = QStyleOptionComboBox()  # what Qt hit-tests a click against
        option.initFrom(self)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_All
        arrow = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, self
        )
        if not arrow.isValid():
            arrow = self.rect().adjusted(self.width() - 16, 0, 0, 0)
        point = QPointF(arrow.center())
        press = QMouseEvent(
            QEvent.Type.MouseButtonPress,
            point,
            self.mapToGlobal(point),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        self.mousePressEvent(press)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the form under the pointer scrolls instead

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        showing = event.type() == QEvent.Type.Show and watched is self.calendarWidget()
        if showing and self.is_blank():  # open on this month, not on January 1900; choose nothing
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)
