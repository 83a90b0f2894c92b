"""What a tab shows while it has nothing to show: what the tab is for and the next step.

A new user's first window must not be a bare empty table (issue 14). `EmptyState` is a centred
title, a few lines saying what the tab is for, and one button per next step, each triggering
one of the tab's own actions (so the button and the menu item are the same command, with the
same shortcut, enabled when it is). `EmptySwitch` stacks it over the tab's real content and shows one or the other.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

TEXT_WIDTH = 560  # px: a readable line, whatever the window's width


class EmptyState(QWidget):
    def __init__(
        self,
        title: str,
        text: str,
        actions: Sequence[QAction] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.title_label = QLabel(title)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.text_label = QLabel(text)
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setOpenExternalLinks(False)
        self.text_label.setMaximumWidth(TEXT_WIDTH)
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        row.addStretch(1)
        for action in actions:
            button = QPushButton(action.text())
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            button.setEnabled(action.isEnabled())  # "New sample" waits for a product, as its action
            action.enabledChanged.connect(button.setEnabled)
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(2)
        column.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignHCenter)
        # Centred by stretches, not by AlignHCenter: an aligned word-wrapped label gets the
        # height its text needs at the whole pane's width, and is cut off when narrower.
        text_row = QHBoxLayout()
        text_row.addStretch(1)
        text_row.addWidget(self.text_label, 100)
        text_row.addStretch(1)
        column.addLayout(text_row)
        column.addSpacing(12)
        column.addLayout(row)
        column.addStretch(3)
        if self.buttons:
            self.setFocusProxy(self.buttons[0])  # Tab / Enter reach the first next step


class EmptySwitch(QStackedWidget):
    """The tab's content, or its empty state when there is nothing to show yet."""

    def __init__(self, content: QWidget, empty: EmptyState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.empty = empty
        self.addWidget(content)
        self.addWidget(empty)

    def set_empty(self, empty: bool) -> None:
        self.setCurrentWidget(self.empty if empty else self.content)

    def is_empty(self) -> bool:
        return self.currentWidget() is self.empty
