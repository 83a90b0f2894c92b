"""Pieces the matrix side-panel forms share: the message line and the read-only history."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView

WARNING_COLOUR = "#9a3412"  # dark orange: readable on light and dark panels; the ⚠ says it too


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(f"color: {WARNING_COLOUR}")
    label.setWordWrap(True)
    return label


def history_table(model: QStandardItemModel, minimum_height: int) -> QTableView:
    """A read-only, whole-row-select table over `model`; one line per entry, scrolls sideways."""
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setMinimumHeight(minimum_height)
    return view
