from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from app.ui.widgets.empty_state import EmptyState, EmptySwitch


def test_a_button_triggers_its_action_and_the_switch_shows_one_page(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    action = QAction("&New supplier", owner)
    fired: list[bool] = []
    action.triggered.connect(lambda: fired.append(True))
    empty = EmptyState("No suppliers yet", "Suppliers are the factories you buy from.", [action])
    switch = EmptySwitch(QLabel("table"), empty, owner)
    assert [b.text() for b in empty.buttons] == ["&New supplier"]
    empty.buttons[0].click()
    assert fired == [True]
    action.setEnabled(False)  # e.g. New sample before there is a product
    assert not empty.buttons[0].isEnabled()
    action.setEnabled(True)
    assert empty.buttons[0].isEnabled()
    assert not switch.is_empty()
    switch.set_empty(True)
    assert switch.currentWidget() is empty and switch.is_empty()
    switch.set_empty(False)
    assert switch.currentWidget() is switch.content
