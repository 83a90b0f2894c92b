"""The Suppliers tab driven like a user: typing, selecting, editing, saving, deleting, undo."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.ui.main_window import MainWindow
from app.ui.session import open_session
from app.ui.settings import Settings
from app.ui.suppliers.tab import SuppliersTab
from tests.ui.conftest import DialogAnswers


def shown_names(tab: SuppliersTab) -> list[str]:
    model = tab.model
    return [
        model.data(model.index(r, 0)) or model.data(model.index(r, 1))
        for r in range(model.rowCount())
    ]


def select(tab: SuppliersTab, name: str) -> None:
    tab.table.selectRow(shown_names(tab).index(name))  # also makes it the current row


def stored(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def test_typing_pinyin_in_the_quick_filter_narrows_the_rows(qtbot, window: MainWindow) -> None:
    tab = window.suppliers_tab
    assert tab.filter_bar.count_label.text() == "3 suppliers"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.filter_bar.text_box.hasFocus()
    qtbot.keyClicks(tab.filter_bar.text_box, "yi wu")
    assert shown_names(tab) == ["义乌市恒达工艺品厂"]
    assert tab.filter_bar.count_label.text() == "1 of 3 suppliers"
    tab.filter_bar.text_box.clear()
    tab.filter_bar.province_box.setCurrentIndex(tab.filter_bar.province_box.findData("广东"))
    assert shown_names(tab) == ["深圳市华强通讯配件有限公司"]


def test_edit_save_and_reopen_the_database(
    qtbot, window: MainWindow, filled_db: Path, settings: Settings
) -> None:
    tab = window.suppliers_tab
    select(tab, "深圳市华强通讯配件有限公司")
    assert tab.editor.name_zh.text() == "深圳市华强通讯配件有限公司"
    tab.editor.name_en.clear()
    qtbot.keyClicks(tab.editor.name_en, "Huaqiang Mobile Accessories")
    tab.editor.reorder_rate.setText("38.5")
    assert tab.editor.is_dirty()
    tab.editor.name_en.setFocus()
    qtbot.keyClick(tab.editor.name_en, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not tab.editor.is_dirty()
    assert stored(
        filled_db, "SELECT name_en, reorder_rate FROM suppliers WHERE name_zh LIKE '深圳%'"
    ) == [("Huaqiang Mobile Accessories", "38.5")]
    row = shown_names(tab).index("深圳市华强通讯配件有限公司")
    assert tab.model.data(tab.model.index(row, 1)) == "Huaqiang Mobile Accessories"
    window.close()

    reopened = MainWindow(open_session(filled_db, create=False), settings)
    qtbot.addWidget(reopened)
    reopened.start()
    select(reopened.suppliers_tab, "深圳市华强通讯配件有限公司")
    assert reopened.suppliers_tab.editor.name_en.text() == "Huaqiang Mobile Accessories"
    assert reopened.suppliers_tab.editor.reorder_rate.text() == "38.5"
    reopened.close()


def test_a_wrong_value_is_explained_and_nothing_is_saved(
    window: MainWindow, filled_db: Path
) -> None:
    tab = window.suppliers_tab
    select(tab, "义乌市恒达工艺品厂")
    tab.editor.reorder_rate.setText("145")
    tab.editor.member_since.setText("2031")
    assert tab.save() is False
    assert stored(
        filled_db, "SELECT reorder_rate, member_since FROM suppliers WHERE name_zh LIKE '义乌%'"
    ) == [("45.5", 2019)]
    assert tab.editor.is_dirty()  # what the user typed is still there to fix


def test_new_supplier_with_ctrl_n(qtbot, window: MainWindow, filled_db: Path) -> None:
    tab = window.suppliers_tab
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    tab.editor.name_zh.insert("晋江市鸿星鞋业有限公司")  # QTest types ASCII only
    tab.editor.city.setText("晋江")
    assert tab.save() is True
    assert stored(
        filled_db, "SELECT city FROM suppliers WHERE name_zh = '晋江市鸿星鞋业有限公司'"
    ) == [("晋江",)]
    assert "晋江市鸿星鞋业有限公司" in shown_names(tab)
    assert tab.filter_bar.count_label.text() == "4 suppliers"


def test_look_alike_warning_can_stop_a_duplicate(
    window: MainWindow, filled_db: Path, dialogs: DialogAnswers
) -> None:
    tab = window.suppliers_tab
    tab.new_supplier()
    tab.editor.name_zh.setText("义乌市恒达工艺品有限公司")
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert tab.save() is False
    assert (
        "looks like one you already have" in dialogs.asked[-1]
        and "义乌市恒达工艺品厂" in dialogs.asked[-1]
    )
    assert stored(filled_db, "SELECT count(*) FROM suppliers") == [(3,)]
    dialogs.answer = QMessageBox.StandardButton.Save
    assert tab.save() is True
    assert stored(filled_db, "SELECT count(*) FROM suppliers") == [(4,)]


def test_delete_asks_first_and_undo_brings_everything_back(
    window: MainWindow, filled_db: Path, dialogs: DialogAnswers
) -> None:
    tab = window.suppliers_tab
    select(tab, "义乌市恒达工艺品厂")
    dialogs.answer = QMessageBox.StandardButton.No
    tab.delete_action.trigger()
    assert "义乌市恒达工艺品厂" in dialogs.asked[-1]
    assert stored(filled_db, "SELECT count(*) FROM suppliers") == [(3,)]

    dialogs.answer = QMessageBox.StandardButton.Yes
    tab.delete_action.trigger()
    assert stored(filled_db, "SELECT count(*) FROM suppliers") == [(2,)]
    assert "义乌市恒达工艺品厂" not in shown_names(tab)
    assert tab.undo_action.isEnabled()

    tab.undo_action.trigger()
    assert stored(filled_db, "SELECT count(*) FROM supplier_contacts") == [(1,)]
    assert "义乌市恒达工艺品厂" in shown_names(tab)
    assert not tab.undo_action.isEnabled()


def test_unsaved_edits_are_not_lost_when_changing_rows(
    window: MainWindow, filled_db: Path, dialogs
) -> None:
    tab = window.suppliers_tab
    select(tab, "义乌市恒达工艺品厂")
    tab.editor.city.setText("金华")
    dialogs.answer = QMessageBox.StandardButton.Save
    select(tab, "深圳市华强通讯配件有限公司")
    assert "unsaved changes" in dialogs.asked[-1]
    assert stored(filled_db, "SELECT city FROM suppliers WHERE name_zh LIKE '义乌%'") == [("金华",)]
    assert tab.editor.name_zh.text() == "深圳市华强通讯配件有限公司"


def test_duplicate_selects_the_copy(window: MainWindow, filled_db: Path) -> None:
    tab = window.suppliers_tab
    select(tab, "义乌市恒达工艺品厂")
    tab.duplicate_action.trigger()
    assert tab.editor.name_zh.text() == "义乌市恒达工艺品厂（副本）"
    assert stored(filled_db, "SELECT count(*) FROM supplier_certifications") == [(4,)]
