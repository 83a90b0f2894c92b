"""The main window and the Consolidation tab in 简体中文 (issue 15): with the catalogue built from
their sources installed, the menu bar, every menu's items, the tab titles and everything a person
reads on the Consolidation tab's five pages are Chinese (except names, numbers and codes), and
Help ▸ User guide shows the Chinese guide."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.ui.consolidation.tab import ConsolidationTab
from app.ui.consolidation.tab_view import PLANNER
from app.ui.help_dialogs import GuideDialog, ShortcutsDialog, shortcut_groups, shortcut_rows
from app.ui.main_window import MainWindow
from app.ui.session import open_session
from app.ui.settings import Settings
from tests.conftest import TODAY
from tests.ui.consolidation.conftest import world  # noqa: F401  (the tab's data: a fixture)
from tests.ui.i18n_walk import _CHINESE, chinese, plain, untranslated

PART = [
    "app/ui/consolidation",
    "app/ui/main_window.py",
    "app/ui/export_commands.py",
    "app/ui/widgets/saved_views.py",
    "app/ui/settings_dialog.py",
    "app/ui/negotiation/rounds_model.py",  # the destinations' names, shown in Settings
    "app/ui/database_commands.py",
    "app/ui/help_dialogs.py",
    "app/ui/app.py",
    "app/ui/tabs.py",
    "app/ui/session.py",
    "app/ui/integrity_watch.py",
]
CODES = {"CNY", "USD", "EUR", "GBP", "HKD", "EMS"}
NAMES = {"Superbuy", "CSSBuy", "Ningbo Homeware"}  # agents' and a supplier's names: data
UNITS = {"cm"}
# The calendar pop-ups name months by the locale (QLocale), not by the catalogue.
MONTHS = set(calendar.month_name[1:])
TABS = ["供应商", "产能与信用", "样品对比", "谈判", "集运"]
PAGES = ["订单", "包裹", "代理与线路", "方案", "发货"]


@pytest.fixture
def in_chinese(tmp_path: Path, qapp) -> Iterator[None]:
    with chinese(tmp_path / "catalogue", PART) as missing:
        assert missing == []  # every string of the part has its translation
        yield


@pytest.fixture
def window(qtbot, in_chinese: None, filled_db: Path, settings: Settings) -> Iterator[MainWindow]:
    session = open_session(filled_db, create=False)
    session.workbench.today = lambda: TODAY
    shown = MainWindow(session, settings)
    qtbot.addWidget(shown)
    shown.tabs.setCurrentIndex(len(TABS) - 1)  # Consolidation: the Edit menu holds its actions
    shown.show()  # not started: no integrity check or daily backup running behind the test
    yield shown
    shown.close()


def _menu_texts(menu: QMenu, where: str) -> list[tuple[str, str]]:
    """(where, text) of a menu's items and of its sub-menus' items, as read."""
    found: list[tuple[str, str]] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        found.append((where, plain(action.text())))
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += _menu_texts(sub, f"{where} ▸ {plain(sub.title())}")
    return found


@pytest.mark.usefixtures("world")
def test_menus_and_tab_titles_are_chinese(window: MainWindow, settings: Settings) -> None:
    bar = [action.text() for action in window.menuBar().actions()]
    assert bar == ["文件(&F)", "编辑(&E)", "帮助(&H)"]  # the Chinese mnemonic convention
    window._fill_recent_menu()
    recent = {str(path) for path in settings.recent_databases()}  # file paths: data
    items = [
        f"{where}: {text}"
        for action in window.menuBar().actions()
        if isinstance(menu := action.menu(), QMenu)
        for where, text in _menu_texts(menu, plain(menu.title()))
    ]
    assert len(items) > 20  # File, its Export and Open recent, the tab's Edit menu, Help
    assert [item for item in items if not _CHINESE.search(item.split(": ", 1)[1])] == [
        item for item in items if item.split(": ", 1)[1] in recent
    ]
    assert "文件 ▸ 导出: 供应商导出为 Excel (.xlsx)…" in items
    assert "编辑: 新建订单" in items  # the current tab's actions
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TABS
    # The shortcut list reads the same menus: no "(&N)" left in the names.
    tab = window.tab("consolidation")
    rows = shortcut_rows(shortcut_groups(window.menuBar(), [("集运", tab)]))
    assert ("新建数据库", "Ctrl+Shift+N", "文件") in rows
    assert ("新建订单", "Ctrl+N", "“集运”标签页") in rows
    dialog = ShortcutsDialog(rows, window)
    assert untranslated(dialog) == []


@pytest.mark.usefixtures("world")
def test_the_consolidation_tab_reads_in_chinese(qtbot, window: MainWindow) -> None:
    tab = window.tab("consolidation")
    assert isinstance(tab, ConsolidationTab)
    qtbot.waitUntil(lambda: tab.parcels.model.rowCount() == 2)
    assert [plain(tab.pages.tabText(i)) for i in range(tab.pages.count())] == PAGES
    tab.pages.setCurrentIndex(PLANNER)
    tab.parcel_control.plan_selected()  # every waiting parcel priced on every line
    qtbot.waitUntil(lambda: tab.planner.lines.rowCount() == 4)
    tab.orders.table.selectRow(0)  # the order and its items in the form
    tab.agents.agents_view.selectRow(0)  # an agent's fees and lines
    assert untranslated(tab, allowed=CODES | NAMES | UNITS | MONTHS) == []
    for label in (tab.planner.scope_label, tab.planner.cost_label, tab.shipments.shipment_label):
        assert _CHINESE.search(label.text()), label.text()
    statuses = [tab.orders.model.index(0, column).data() for column in (2,)]
    assert statuses == ["已签收"]  # a domain label alone, not "Delivered (signed for) · 已签收"


def test_the_user_guide_is_chinese_in_the_chinese_interface(qtbot, in_chinese: None) -> None:
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "用户指南"
    assert "典型的一周" in dialog.browser.toPlainText()


def test_actions_of_the_edit_menu_keep_their_keys(window: MainWindow) -> None:
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "编辑(&E)")
    assert isinstance(edit, QMenu)
    keys = [a.shortcut().toString() for a in edit.actions() if isinstance(a, QAction) and a.text()]
    assert keys == ["Ctrl+N", "Ctrl+Right", "Del", "Ctrl+L", "Ctrl+F"]


def test_the_settings_dialog_reads_in_chinese(qtbot, in_chinese: None, settings: Settings) -> None:
    from app import config
    from app.domain.negotiation.cost_settings import LandedCostSettings
    from app.ui.settings_dialog import DataSettings, SettingsDialog

    dialog = SettingsDialog(settings, DataSettings("EUR", LandedCostSettings()))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.language.itemText(0) == "跟随系统"
    assert dialog.destination.itemText(dialog.destination.findData("EU")) == "欧盟"
    allowed = CODES | {"English", "A4", "Letter", str(config.data_dir() / "backups"), "OK"}
    allowed |= {"AUD", "CAD", "CNY"}
    assert untranslated(dialog, allowed=allowed) == []
