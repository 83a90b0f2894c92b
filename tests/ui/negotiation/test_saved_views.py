"""Saved views on the Negotiation tab's products list (issue 14): Views ▾ beside the filter keeps
the filter and the list's columns under a name, remembers them between runs, and opens from the
keyboard (Ctrl+Shift+F) only while the list shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

from app.domain.samples.sample import Product
from app.services.workbench import Workbench
from app.ui.negotiation.products_model import QUOTES
from app.ui.negotiation.tab import NegotiationTab
from app.ui.settings import NEGOTIATION_PRODUCTS_VIEWS, Settings
from app.ui.widgets.saved_views import VIEWS_SHORTCUT, SavedViewsButton
from tests.conftest import TODAY

NAMES = ("Canvas tote bag", "Phone stand", "Tote bag, large", "Ceramic mug")


@pytest.fixture
def workbench(filled_db: Path) -> Workbench:
    opened = Workbench(filled_db, today=lambda: TODAY)
    for name in NAMES:
        opened.samples.save_product(Product(name=name))
    return opened


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


def open_tab(qtbot, workbench: Workbench, settings_path: Path) -> NegotiationTab:
    tab = NegotiationTab(workbench)
    tab.use_saved_views(Settings(settings_path))
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    tab.show()
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab)
    qtbot.waitUntil(lambda: tab.products.rowCount() == len(NAMES))
    return tab


def views(tab: NegotiationTab) -> SavedViewsButton:
    assert tab.views_button is not None
    return tab.views_button


def shown(tab: NegotiationTab) -> list[str]:
    proxy = tab.products_proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_a_view_brings_back_the_filter_and_hidden_column_after_a_restart(
    qtbot, workbench: Workbench, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = open_tab(qtbot, workbench, settings_path)
    header = tab.products_view.horizontalHeader()
    assert views(tab).text() == "Views ▾" and views(tab).isVisible()
    tab.product_filter.setText("tote")
    header.setSectionHidden(QUOTES, True)
    wanted = shown(tab)
    assert len(wanted) == 2 and all("ote" in name for name in wanted)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("Totes", True))
    views(tab).fill_menu()
    next(a for a in views(tab).menu().actions() if a.text() == "&Save current view…").trigger()

    tab.product_filter.setText("")
    header.setSectionHidden(QUOTES, False)
    assert len(shown(tab)) == len(NAMES)
    views(tab).fill_menu()
    next(a for a in views(tab).menu().actions() if a.text() == "Totes").trigger()
    assert shown(tab) == wanted and header.isSectionHidden(QUOTES)
    assert tab.product_filter.text() == "tote"
    tab.close()
    assert Settings(settings_path).get(NEGOTIATION_PRODUCTS_VIEWS)

    again = open_tab(qtbot, workbench, settings_path)
    assert views(again).names() == ["Totes"] and len(shown(again)) == len(NAMES)
    assert views(again).apply("Totes")
    assert shown(again) == wanted
    assert again.products_view.horizontalHeader().isSectionHidden(QUOTES)


def _press_views_key(qtbot, tab: NegotiationTab) -> QWidget | None:
    seen: list[QWidget | None] = []

    def look_and_close() -> None:
        popup = QApplication.activePopupWidget()
        seen.append(popup)
        if popup is not None:
            popup.close()

    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab)
    QTimer.singleShot(0, look_and_close)
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(tab, Qt.Key.Key_F, keys)
    qtbot.waitUntil(lambda: bool(seen))
    return seen[0]


def test_ctrl_shift_f_opens_the_views_only_while_the_list_shows(
    qtbot, workbench: Workbench, settings_path: Path
) -> None:
    tab = open_tab(qtbot, workbench, settings_path)
    keys = QKeySequence(VIEWS_SHORTCUT)
    bound = {
        action
        for widget in (tab, *tab.findChildren(QWidget))
        for action in widget.actions()
        if action.shortcut() == keys
    }
    assert bound == {views(tab).defaultAction()}  # no other Ctrl+Shift+F on the tab
    assert not [s for s in tab.findChildren(QShortcut) if s.key() == keys]

    tab.products_view.setFocus()
    assert _press_views_key(qtbot, tab) is views(tab).menu()
    tab.show_empty_state(True)  # the empty state: no list, no Views ▾
    assert _press_views_key(qtbot, tab) is None
