"""Every page can be worked from the keyboard: each mnemonic letter is used once on its page,
none takes a letter of the tab around it, and each label's letter reaches a field."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from app.ui.negotiation.landed_page import LandedCostPage
from app.ui.negotiation.phrasebook_page import PhrasebookPage
from app.ui.negotiation.worksheet_page import WorksheetPage

# The Negotiation tab's own letters (its page tabs and buttons): always on screen with a page.
TAB_LETTERS = set("MQWLHPN")
_MNEMONIC = re.compile(r"&([^&\s])")


def mnemonics(page: QWidget) -> list[tuple[str, QWidget]]:
    found = []
    for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        match = _MNEMONIC.search(widget.text())
        if match:
            found.append((match.group(1).upper(), widget))
    return found


@pytest.mark.parametrize("page_type", [WorksheetPage, LandedCostPage, PhrasebookPage])
def test_each_letter_once_and_none_of_the_tabs(qtbot, page_type: type[QWidget]) -> None:
    page = page_type()
    qtbot.addWidget(page)
    letters = [letter for letter, _ in mnemonics(page)]
    assert len(letters) >= 7
    assert len(letters) == len(set(letters)), sorted(letters)
    assert not TAB_LETTERS & set(letters)
    for _, widget in mnemonics(page):
        if isinstance(widget, QLabel):
            assert widget.buddy() is not None, widget.text()
