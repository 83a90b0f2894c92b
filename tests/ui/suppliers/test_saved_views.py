"""Saved views on the Suppliers tab (issue 14): Views ▾ keeps the filters, sort and columns
under a name, brings them back in one click, remembers them between runs, and opens from the
keyboard (Ctrl+Shift+F)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu

from app.domain.suppliers.choices import Status
from app.services.suppliers.service import SupplierService
from app.services.workbench import Workbench
from app.ui.main_window import MainWindow
from app.ui.settings import SUPPLIERS_VIEWS, Settings
from app.ui.suppliers.tab import SuppliersTab
from app.ui.suppliers.table_model import COLUMN_FIELDS
from tests.conftest import TODAY
from tests.factories import minimal

CITY, TAGS = COLUMN_FIELDS.index("city"), COLUMN_FIELDS.index("tags")


@pytest.fixture
def workbench(db_path: Path, supplier_service: SupplierService) -> Iterator[Workbench]:
    supplier_service.insert_many(
        [
            minimal("义乌市恒达工艺品厂", province="浙江", city="义乌", status=Status.SAMPLING),
            minimal("宁波家居用品有限公司", province="浙江", city="宁波", status=Status.APPROVED),
            minimal("杭州丝绸厂", province="浙江", city="杭州", status=Status.APPROVED),
            minimal("温州鞋业", province="浙江", city="温州", status=Status.PROSPECT),
            minimal("深圳市华强通讯配件有限公司", province="广东", city="深圳"),
            minimal("东莞包装厂", province="广东", city="东莞", status=Status.APPROVED),
        ]
    )
    supplier_service.database.close()
    opened = Workbench(db_path, today=lambda: TODAY)
    yield opened
    opened.close()


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


def open_tab(qtbot, workbench: Workbench, settings_path: Path) -> SuppliersTab:
    tab = SuppliersTab(workbench, Settings(settings_path))
    qtbot.addWidget(tab)
    tab.show()
    tab.load_first_screen()
    return tab


def shown_names(tab: SuppliersTab) -> list[str]:
    return [tab.model.data(tab.model.index(row, 0)) for row in range(tab.model.rowCount())]


def views_menu(tab: SuppliersTab) -> dict[str, object]:
    button = tab.filter_bar.views_button
    assert button is not None
    button.fill_menu()
    return {action.text(): action for action in button.menu().actions() if action.text()}


def test_a_view_brings_back_the_filters_sort_and_hidden_column(
    qtbot, workbench: Workbench, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = open_tab(qtbot, workbench, settings_path)
    bar, header = tab.filter_bar, tab.table.horizontalHeader()
    bar.province_box.setCurrentIndex(bar.province_box.findData("浙江"))
    bar.status_box.setCurrentIndex(bar.status_box.findData(Status.APPROVED.value))
    tab.table.sortByColumn(CITY, Qt.SortOrder.DescendingOrder)
    header.setSectionHidden(TAGS, True)
    wanted = shown_names(tab)
    assert wanted == ["宁波家居用品有限公司", "杭州丝绸厂"]  # by city (pinyin), Z to A
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("浙江 已合格", True))
    views_menu(tab)["&Save current view…"].trigger()  # type: ignore[attr-defined]

    bar.province_box.setCurrentIndex(0)
    bar.status_box.setCurrentIndex(0)
    bar.text_box.setText("厂")
    tab.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    header.setSectionHidden(TAGS, False)
    assert shown_names(tab) != wanted

    views_menu(tab)["浙江 已合格"].trigger()  # type: ignore[attr-defined]
    assert shown_names(tab) == wanted
    assert bar.text_box.text() == "" and bar.province_box.currentData() == "浙江"
    assert header.isSectionHidden(TAGS)
    assert header.sortIndicatorSection() == CITY
    assert bar.count_label.text() == "2 of 6 suppliers"


def test_views_survive_a_restart_and_a_stale_one_restores_the_rest(
    qtbot, workbench: Workbench, settings_path: Path
) -> None:
    first = open_tab(qtbot, workbench, settings_path)
    first.filter_bar.text_box.setText("广东")
    first.table.sortByColumn(CITY, Qt.SortOrder.AscendingOrder)
    assert first.filter_bar.views_button is not None
    first.filter_bar.views_button.save_current("广东")
    first.close()
    stale = {  # saved by an older version: a column and a filter that no longer exist
        "filters": {"province": "广东", "factory_size": "big"},
        "sort": {"column": "city", "descending": True},
        "columns": [{"key": "wechat_id", "hidden": False, "width": 90}],
    }
    settings = Settings(settings_path)
    stored = json.loads(settings.get(SUPPLIERS_VIEWS))
    stored["views"].append({"name": "旧", "view": stale})
    settings.set(SUPPLIERS_VIEWS, json.dumps(stored))

    later = open_tab(qtbot, workbench, settings_path)
    button = later.filter_bar.views_button
    assert button is not None and button.names() == ["广东", "旧"]
    assert button.apply("广东")
    assert shown_names(later) == ["东莞包装厂", "深圳市华强通讯配件有限公司"]
    assert button.apply("旧")
    assert shown_names(later) == ["深圳市华强通讯配件有限公司", "东莞包装厂"]
    assert later.filter_bar.text_box.text() == ""
    assert button.delete("旧") and button.names() == ["广东"]
    assert "旧" not in views_menu(later)


def test_ctrl_shift_f_opens_the_views_menu(window: MainWindow) -> None:
    tab = window.suppliers_tab
    button = tab.filter_bar.views_button
    assert button is not None and button.text() == "Views ▾"
    menu = button.menu()
    shown: list[list[str]] = []

    def look_and_close() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            shown.append([action.text() for action in popup.actions() if action.text()])
            popup.close()

    QTimer.singleShot(0, look_and_close)
    tab.table.setFocus()
    action = next(a for a in tab.actions() if a.shortcut().toString() == "Ctrl+Shift+F")
    assert action.text() == "Saved views"  # listed in Help ▸ Keyboard shortcuts
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window, Qt.Key.Key_F, keys)
    assert shown == [["No saved views yet", "&Save current view…", "&Delete view…"]]
    assert not menu.isVisible()
