"""A date typed wrong into a DateField is never turned into another date: Qt refuses a digit
("2026-02-30" would be kept as 2026-02-03) or completes a half-typed date ("2026-11-" with the
day it had); the field keeps the text typed, marked invalid, and checked_value() says so."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from app.ui.widgets.date_field import INVALID_BASE, INVALID_PROPERTY, DateField
from app.ui.widgets.parsing import ParseError

START = date(2026, 11, 29)


@pytest.fixture
def window(qtbot) -> Iterator[tuple[DateField, QLineEdit]]:
    """A DateField holding START and a line edit after it to leave it for."""
    widget = QWidget()
    qtbot.addWidget(widget)
    layout = QVBoxLayout(widget)
    field, after = DateField(), QLineEdit()
    layout.addWidget(field)
    layout.addWidget(after)
    field.set_value(START)
    widget.show()
    yield field, after


def _type(widget: QWidget, text: str) -> None:
    """Key presses as a keyboard sends them (QTest.keyClicks knows no Chinese)."""
    for char in text:
        key = Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )


def _retype(field: DateField, text: str) -> None:
    """Clear the field (Delete) and type `text`, still in the field."""
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    _type(field, text)


def _leave(after: QLineEdit) -> None:
    after.setFocus()
    QApplication.processEvents()


def _message(field: DateField) -> str:
    with pytest.raises(ParseError) as raised:
        field.checked_value()
    return str(raised.value)


MISTYPED = ["2026-02-30", "2026-13-01", "2026-11-", "2026-11-0", "2026-2-29", "2026-11-035"]


@pytest.mark.parametrize("typed", MISTYPED)
def test_a_mistyped_date_left_is_kept_as_typed_and_refused(window, typed: str) -> None:
    field, after = window
    _retype(field, typed)
    _leave(after)
    assert field.text() == typed  # not completed into another date
    assert field.is_invalid() and field.property(INVALID_PROPERTY) is True
    assert field.value() is None  # still the (blank) date it had: nothing else taken
    message = _message(field)
    assert f"'{typed}' is not a date" in message
    assert field.toolTip() == message
    assert field.palette().color(QPalette.ColorRole.Base).name() == INVALID_BASE


@pytest.mark.parametrize("typed", ["2026-02-30", "2026-13-01", "2026-11-", "2026-11-0"])
def test_a_mistyped_date_is_refused_while_still_being_typed(window, typed: str) -> None:
    """Saved (Ctrl+S) before leaving the field: the text Qt shows is not the date typed."""
    field, _after = window
    _retype(field, typed)
    assert f"'{typed}' is not a date" in _message(field)


def test_a_mistyped_date_over_a_date_keeps_that_date(window) -> None:
    field, after = window
    field.setFocus()
    field.setSelectedSection(DateField.Section.YearSection)  # as Tab into the field does
    _type(field, "2026-02-30")
    _leave(after)
    assert field.text() == "2026-02-30" and field.value() == START
    assert "'2026-02-30' is not a date" in _message(field)


def test_a_day_typed_over_that_makes_no_date_is_refused(window) -> None:
    """Only the day typed again (selected by a double click): "30" in February."""
    field, after = window
    field.set_value(date(2026, 2, 7))
    field.setFocus()
    field.setSelectedSection(DateField.Section.DaySection)
    _type(field, "30")
    _leave(after)
    assert field.text() == "2026-02-30" and field.value() == date(2026, 2, 7)
    assert "'2026-02-30' is not a date" in _message(field)


def test_enter_on_a_mistyped_date_refuses_it_too(window) -> None:
    field, _after = window
    _retype(field, "2026-11-0")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert field.is_invalid() and field.text() == "2026-11-0" and field.value() is None
    assert "'2026-11-0' is not a date" in _message(field)


@pytest.mark.parametrize(
    "typed",
    [
        "2026-11-03",
        "2026-11-3",
        "20261103",
        "2026/11/3",
        "2026年11月3日",
        "2026.11.03",
        "2026 11 3",
    ],
)
def test_every_accepted_form_still_gives_the_date(window, typed: str) -> None:
    field, after = window
    _retype(field, typed)
    assert field.checked_value() == date(2026, 11, 3)  # while still in the field
    _leave(after)
    assert not field.is_invalid() and field.property(INVALID_PROPERTY) is not True
    assert field.text() == "2026-11-03"
    assert field.checked_value() == field.value() == date(2026, 11, 3)


def test_a_mistake_taken_back_with_backspace_is_not_held_against_the_date(window) -> None:
    field, after = window
    _retype(field, "2026-02-30")  # Qt shows 2026-02-03: the "0" was refused
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == "2026-02-0"
    _type(field, "8")
    _leave(after)
    assert not field.is_invalid() and field.checked_value() == date(2026, 2, 8)


def test_a_part_stepped_with_the_arrow_keys_counts_as_chosen(window) -> None:
    field, after = window
    _retype(field, "2026-11-")
    QTest.keyClick(field, Qt.Key.Key_Up)  # the day: chosen, not left over
    _leave(after)
    assert not field.is_invalid() and field.checked_value() == field.value()
    assert field.value() is not None and field.value().month == 11


def test_only_the_month_typed_over_is_a_date(window) -> None:
    field, after = window
    field.setFocus()
    field.setSelectedSection(DateField.Section.MonthSection)
    _type(field, "3")
    _leave(after)
    assert field.checked_value() == date(2026, 3, 29)


def test_typing_a_good_date_again_ends_the_invalid_state(window) -> None:
    field, after = window
    _retype(field, "2026-13-01")
    _leave(after)
    field.setFocus()  # shows the date held, to type over
    assert field.text() == "—"
    _type(field, "2026-12-01")
    _leave(after)
    assert not field.is_invalid() and field.checked_value() == date(2026, 12, 1)
    assert field.palette().color(QPalette.ColorRole.Base).name() != INVALID_BASE
    assert field.toolTip().startswith("Type YYYY-MM-DD")


def test_leaving_again_without_typing_keeps_it_invalid(window) -> None:
    field, after = window
    _retype(field, "2026-02-30")
    _leave(after)
    field.setFocus()
    _leave(after)
    assert field.text() == "2026-02-30" and "'2026-02-30'" in _message(field)


def test_delete_or_a_date_set_ends_the_invalid_state(window) -> None:
    field, after = window
    _retype(field, "2026-11-")
    _leave(after)
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    assert not field.is_invalid() and field.checked_value() is None and field.text() == "—"
    _retype(field, "2026-11-")
    _leave(after)
    field.set_value(date(2026, 5, 4))
    assert not field.is_invalid() and field.text() == "2026-05-04"
    assert field.checked_value() == date(2026, 5, 4)


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_calendar_pick_ends_the_invalid_state(window) -> None:
    field, after = window
    _retype(field, "2026-02-30")
    _leave(after)
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_F4)
    calendar = field.calendarWidget()
    assert calendar.isVisible()
    calendar.clicked.emit(QDate(2026, 2, 27))
    assert not field.is_invalid() and field.checked_value() == date(2026, 2, 27)
    assert field.text() == "2026-02-27"


def test_the_typed_text_still_shows_after_the_form_is_hidden_and_shown(window) -> None:
    field, after = window
    _retype(field, "2026-13-01")
    _leave(after)
    form = field.parentWidget()
    form.hide()
    form.show()
    assert field.text() == "2026-13-01" and field.is_invalid()


def test_a_blank_field_and_a_date_set_by_the_program_are_fine(window) -> None:
    field, _after = window
    assert field.checked_value() == START
    field.set_value(None)
    assert field.checked_value() is None and field.text() == "—"
