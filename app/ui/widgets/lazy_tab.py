"""A tab page that builds its real widget the first time it is shown (or asked for).

The window opens with only the first tab's code loaded; the others cost their imports and
construction (about 0.1 s each) when the user first opens them, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class LazyTab(QWidget, Generic[W]):
    def __init__(self, factory: Callable[[], W], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self.content: W | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def build(self) -> W:
        if self.content is None:
            self.content = self._factory()
            self._layout.addWidget(self.content)
            if self.isVisible():  # the layout would show it only later, from the event loop
                self.content.show()
        return self.content

    def showEvent(self, event: QShowEvent) -> None:
        self.build()
        super().showEvent(event)
