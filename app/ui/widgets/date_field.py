"""A date field with a calendar pop-up that can also be left blank (Delete clears it).

Typing still works: `2026-11-03`, `2026-3-9`, `20261103`, `2026/3/9` or `2026年3月9日` (any of
- / . 年 月 or a space moves on to the next part; a part typed in full moves on by itself).
Typing into a blank field starts from today's date with the year selected. The blank state
shows a dash. Qt's QDateEdit cannot be empty, so the blank date is its minimum date shown as
the special value text; the calendar of a blank field opens on today's month (without choosing
a date). The mouse wheel changes a date only in the field being edited, never in one the
pointer merely crosses while a form scrolls.

A mistyped date is never turned into another one. Qt refuses a digit that makes no date
("2026-02-30": it would keep 2026-02-03) and completes a date left half typed ("2026-11-",
"2026-11-0") with the day it had; here such typing marks the field invalid when it is left
(or Enter is pressed): it holds the date it had before the typing, keeps showing the text as
typed, tinted, with the message as its tooltip, and `checked_value()` raises ParseError with
that message. Forms saving what the user typed call `checked_value()`; `value()` is the date
held (for previews that follow the field). Typing again, a calendar pick, Delete or a date set
by the program ends the invalid state; focusing the field shows the date held, to type over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QPointF, QSignalBlocker, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QDateEdit, QStyle, QStyleOptionComboBox, QWidget

from app.ui.widgets.parsing import DATE_FORMAT_HINT, ParseError

_BLANK = QDate(1900, 1, 1)
_FORMAT = "yyyy-MM-dd"
SEPARATORS = frozenset("-/.年月 ")  # "日" ends a Chinese date: it is simply ignored
_IGNORED = frozenset("日")
_TYPED = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")  # a day or month of one digit, as typed
_STEPS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})
INVALID_BASE = "#fdecea"  # a pale red behind a mistyped date; its tooltip says what is wrong
INVALID_PROPERTY = "invalid"  # the dynamic property, True while a mistyped date is shown


def not_a_date(text: str) -> str:
    """The sentence for text that is not a date: parsing.parse_date's own words (same context
    and source text, so the same translation)."""
    message = QCoreApplication.translate(
        "parsing", "'{text}' is not a date: enter it as {format}, e.g. 2027-01-31."
    )
    return message.format(text=text.strip(), format=DATE_FORMAT_HINT)


@dataclass
class _Typing:
    """The keys typed into the field since the typing began, as typed (Qt may have refused or
    completed some of them)."""

    start: QDate  # the date held before: kept when the typing is not a date
    text: str  # the field's text before the typing, then every character typed
    whole: bool  # typed from the first part: the whole date is being typed
    parts: set[int] = field(default_factory=set)  # the parts typed into (or stepped)
    refused_at: int | None = None  # where in `text` a digit Qt refused or changed was typed
    part: int | None = None  # the part being typed, from its start: its digits are `digits`
    digits: str = ""


class DateField(QDateEdit):
    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        self._optional = optional
        self._fresh_section = False  # the part just moved to by itself: a separator is spare
        self._typing: _Typing | None = None
        self._invalid: str | None = None  # the text typed when it was not a date
        self._invalid_shown = False  # that text is what the field shows (while not focused)
        self._help = ""  # the tooltip an invalid date's message stands in for
        self.setCalendarPopup(True)
        self.setDisplayFormat(_FORMAT)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no focus (or change) by the wheel
        calendar = self.calendarWidget()
        calendar.installEventFilter(self)
        calendar.clicked.connect(self._picked)
        calendar.activated.connect(self._picked)
        if optional:
            self.setMinimumDate(_BLANK)
            self.setSpecialValueText("—")
            self.setToolTip(
                self.tr("Type YYYY-MM-DD or pick from the calendar (F4); Delete leaves it blank")
            )
        self.set_value(None)

    def value(self) -> date | None:
        """The date held. Forms saving what the user typed call checked_value(): after a
        mistyped date this is the date the field had before the typing."""
        if not self._invalid_shown:
            self._commit_typed()
        chosen = self.date()
        if self._optional and chosen == _BLANK:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    def checked_value(self) -> date | None:
        """The date typed or picked (None: blank); ParseError naming the text when what was
        typed, even still being typed, is not a whole valid date ("2026-02-30", "2026-11-")."""
        if self._typing is not None:
            problem = self._typing_problem()
            if problem is None:
                self._clear_invalid()
        else:
            problem = self._invalid
        if problem is not None:
            raise ParseError(not_a_date(problem))
        return self.value()

    def set_value(self, value: date | None) -> None:
        self._typing = None
        self._clear_invalid()
        if value is None:
            self.setDate(_BLANK if self._optional else QDate.currentDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))

    def is_blank(self) -> bool:
        return self._optional and self.date() == _BLANK

    def is_invalid(self) -> bool:
        """A mistyped date was left in the field (checked_value() raises)."""
        return self._invalid is not None

    # --- typing ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        key = event.key()
        if self._invalid_shown:
            self._show_text(self._held_text())  # the keys act on the date held
        alt_down = key == Qt.Key.Key_Down and bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if key == Qt.Key.Key_F4 or alt_down:
            self.open_calendar()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._finish_typing()
            super().keyPressEvent(event)  # Qt's own: done editing (a dialog's default button)
            if self._invalid is not None:
                self._show_text(self._invalid)
            return
        if self._optional and key == Qt.Key.Key_Delete:
            self.set_value(None)
            return
        if self.is_blank() and key == Qt.Key.Key_Backspace:
            return
        if key == Qt.Key.Key_Backspace and self._typing is not None:
            self._backspace(event, self._typing)
            return
        if text and (text in _IGNORED or text in SEPARATORS) and self._typing is not None:
            self._typing.text += text
        if text and text in _IGNORED:
            return
        if text and text in SEPARATORS:
            self._next_section()
            return
        if text.isdigit():
            self._type_digit(event, text)
            return
        if key in _STEPS:
            self._stepped()
        super().keyPressEvent(event)
        self._fresh_section = False

    def _type_digit(self, event: QKeyEvent, digit: str) -> None:
        typing = self._typing or self._start_typing()
        if self.is_blank():
            self.setDate(QDate.currentDate())  # the digits typed replace the year first
            self._select_section(0)
        before = self.currentSectionIndex()
        section = self.sectionAt(before)
        typing.parts.add(before)
        if typing.part != before:  # a part begun: followed when typed over whole
            edit = self.lineEdit()
            whole_part = edit.hasSelectedText() and edit.selectedText() == self.sectionText(section)
            typing.part, typing.digits = (before, "") if whole_part else (None, "")
        typing.digits += digit
        shown = self._edit_state()
        super().keyPressEvent(event)
        refused = self._edit_state() == shown  # "0" after "2026-02-3": no day 30
        changed = typing.part is not None and int(self.sectionText(section) or 0) != int(
            typing.digits
        )  # "2026-2-29": Qt shows the 28th
        if (refused or changed) and typing.refused_at is None:
            typing.refused_at = len(typing.text)
        typing.text += digit
        self._fresh_section = self.currentSectionIndex() != before

    def _backspace(self, event: QKeyEvent, typing: _Typing) -> None:
        """Backspace while typing takes back the last key typed: a refused digit taken back,
        the text is again what the field shows."""
        typing.text, typing.part = typing.text[:-1], None
        if typing.refused_at is not None and len(typing.text) <= typing.refused_at:
            typing.refused_at = None
        super().keyPressEvent(event)
        if typing.refused_at is None:
            edit = self.lineEdit()
            typing.text = edit.text()[: edit.cursorPosition()]
        self._fresh_section = False

    def _start_typing(self) -> _Typing:
        edit = self.lineEdit()
        at = edit.selectionStart() if edit.hasSelectedText() else edit.cursorPosition()
        before = "" if self.is_blank() else edit.text()[:at]
        self._typing = _Typing(self.date(), before, whole=not before)
        return self._typing

    def _stepped(self) -> None:
        """Up, Down or the wheel chose the part: it counts as typed, and ends a mistyped date."""
        if self._typing is not None:
            self._typing.parts.add(self.currentSectionIndex())
            self._typing.part = None
        self._clear_invalid()

    def _edit_state(self) -> tuple[str, int, int]:
        edit = self.lineEdit()
        return edit.text(), edit.cursorPosition(), edit.selectionStart()

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

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self._invalid_shown:
            self._show_text(self._held_text())  # typed over from the date held
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._fresh_section = False
        to_calendar = event.reason() == Qt.FocusReason.PopupFocusReason
        if not to_calendar:
            self._finish_typing()
        super().focusOutEvent(event)
        if self._invalid is not None and not to_calendar:
            self._show_text(self._invalid)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # Qt writes the date held into the field again
        if self._invalid_shown and self._invalid is not None:
            self._show_text(self._invalid)

    def _typed_date(self) -> QDate | None:
        """The date the field's text says, a last part of one digit included; None when it
        is not a whole valid date."""
        found = _TYPED.fullmatch(self.lineEdit().text().strip())
        if found is None:
            return None
        typed = QDate(*(int(part) for part in found.groups()))
        return typed if typed.isValid() and typed >= self.minimumDate() else None

    def _typing_problem(self) -> str | None:
        """The text typed when it is not a whole valid date: a digit was refused, the whole
        date was begun but a part not typed, or the text is not a date."""
        typing = self._typing
        if typing is None:
            return None
        whole = set(range(self.sectionCount()))
        if typing.refused_at is not None or (typing.whole and not typing.parts >= whole):
            return typing.text
        return typing.text if self._typed_date() is None else None

    def _finish_typing(self) -> None:
        """Leaving the field (or Enter): the typing is taken as typed, or when it is not a
        date, refused whole: the date held before it is kept and the field marked invalid."""
        typing, problem = self._typing, self._typing_problem()
        self._typing = None
        if typing is None:
            return
        if problem is None:
            self._clear_invalid()
            self._commit_typed()
            return
        if self._invalid is None:
            self._help = self.toolTip()
        self._invalid = problem.strip()
        self.setDate(typing.start)  # also writes the date held into the field, for Qt
        self.setProperty(INVALID_PROPERTY, True)
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Base, QColor(INVALID_BASE))
        self.setPalette(palette)
        message = not_a_date(problem)
        self.setToolTip(message)
        self.setAccessibleDescription(message)

    def _clear_invalid(self) -> None:
        if self._invalid is None:
            return
        self._invalid = None
        if self._invalid_shown:
            self._show_text(self._held_text())
        self.setProperty(INVALID_PROPERTY, False)
        self.setPalette(QPalette())  # resolves nothing: the usual colours
        self.setToolTip(self._help)
        self.setAccessibleDescription("")

    def _picked(self) -> None:
        self._typing = None
        self._clear_invalid()

    def _held_text(self) -> str:
        return self.specialValueText() if self.is_blank() else self.date().toString(_FORMAT)

    def _show_text(self, text: str) -> None:
        """Show `text` as it is: past Qt's validator (which would fix "2026-02-30" into
        2026-02-28) and unseen by the date held."""
        edit = self.lineEdit()
        validator = edit.validator()
        with QSignalBlocker(edit):
            edit.setValidator(None)  # type: ignore[arg-type]  # Qt takes none: no validator
            edit.setText(text)
            edit.setValidator(validator)
        self._invalid_shown = text == self._invalid

    def _commit_typed(self) -> None:
        """Take '2026-11-3' as typed: Qt keeps a last part of one digit pending (it could
        still become 30) and would drop it on leaving the field."""
        typed = self._typed_date()
        if typed is not None and typed != self.date():
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
            self._stepped()
            super().wheelEvent(event)
        else:
            event.ignore()  # the form under the pointer scrolls instead

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        showing = event.type() == QEvent.Type.Show and watched is self.calendarWidget()
        if showing and self.is_blank():  # open on this month, not on January 1900; choose nothing
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)
