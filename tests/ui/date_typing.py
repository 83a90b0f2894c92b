"""Typing into a DateField as a keyboard does, for the forms' tests of mistyped dates."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.ui.widgets.date_field import DateField


def retype_date(field: DateField, text: str) -> None:
    """Clear the field (Delete), type `text` key by key (QTest.keyClicks knows no Chinese),
    then leave the field with Tab."""
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    for char in text:
        key = Qt.Key(ord(char.upper())) if char.isascii() else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                field, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            )
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert not field.hasFocus()


def not_a_date(typed: str) -> str:
    return f"'{typed}' is not a date: enter it as yyyy-mm-dd, e.g. 2027-01-31."
