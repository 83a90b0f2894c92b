"""Tabs built on first show: nothing is made before, once after, and the content is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget

from app.ui.widgets.lazy_tab import LazyTab


def test_the_content_is_built_once_when_first_shown(qtbot) -> None:
    made: list[QLabel] = []

    def factory() -> QLabel:
        made.append(QLabel("built"))
        return made[-1]

    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("first"), "First")
    host = LazyTab(factory)
    tabs.addTab(host, "Second")
    tabs.show()
    assert made == [] and host.content is None
    tabs.setCurrentIndex(1)
    assert len(made) == 1 and host.content is made[0] and made[0].isVisible()
    tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(1)
    assert host.build() is made[0] and len(made) == 1
