"""The phrasebook page: search as you type, copy the Chinese (Enter, double-click, button),
add a phrase, delete only your own, Ctrl+F to the search box; the model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.domain.negotiation.phrasebook import GLOSSARY, Category
from app.services.negotiation.records import Phrase
from app.ui.negotiation.phrasebook_page import PhrasebookPage
from app.ui.negotiation.phrases_model import ID_ROLE, PhrasesModel, matching

BUILT_IN = [Phrase(e.chinese, e.english, e.category, e.kind) for e in GLOSSARY]
OWN = Phrase("可以用顺丰发货吗？", "Can you ship with SF Express?", Category.SHIPPING, id=7)
PHRASES = [*BUILT_IN, OWN]


@pytest.fixture
def page(qtbot) -> PhrasebookPage:
    widget = PhrasebookPage()
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show_phrases(PHRASES)
    return widget


def row_of(page: PhrasebookPage, chinese: str) -> int:
    return next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == chinese)


def test_every_phrase_is_listed_with_its_source(page) -> None:
    model = page.model
    assert model.rowCount() == len(PHRASES)
    assert [model.index(0, c).data() for c in range(4)] == [
        "价格",
        "price",
        "Price 价格",
        "built-in",
    ]
    last = model.rowCount() - 1
    assert model.index(last, 3).data() == "yours" and model.index(last, 0).data(ID_ROLE) == 7
    assert page.count_label.text() == str(len(PHRASES))


def test_search_filters_as_you_type(qtbot, page) -> None:
    qtbot.keyClicks(page.search_edit, "free shipping")
    shown = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert shown == ["包邮", "可以包邮吗？"]  # every word found: "shipping" in the category
    assert page.count_label.text() == f"2 of {len(PHRASES)}"
    page.search_edit.setText("顺丰")
    assert page.model.rowCount() == 1 and page.model.phrase_at(0) == OWN
    page.search_edit.setText("ＭＯＱ")  # full-width letters find the half-width ones
    assert page.model.rowCount() > 1
    page.search_edit.clear()
    assert page.model.rowCount() == len(PHRASES)


def test_matching_keeps_the_glossarys_order_and_finds_by_category() -> None:
    found = matching(PHRASES, "payment")
    assert found and all(
        p.category is Category.PAYMENT or "pay" in p.english.lower() for p in found
    )
    assert found == [p for p in PHRASES if p in found]


def test_enter_double_click_and_the_button_copy_the_chinese(qtbot, page) -> None:
    clipboard = QGuiApplication.clipboard()
    page.show()
    qtbot.waitUntil(page.isActiveWindow)
    row = row_of(page, "可以发实拍图吗？")
    page.view.setFocus()
    page.view.selectRow(row)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert clipboard.text() == "可以发实拍图吗？"
    assert page.status.text() == "Copied: 可以发实拍图吗？"
    clipboard.clear()
    other = page.model.index(row_of(page, "包邮"), 1)
    page.view.scrollTo(other)
    spot = page.view.visualRect(other).center()
    # Qt's item views take a double click as the second press of a click pair.
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert clipboard.text() == "包邮"
    clipboard.clear()
    page.view.selectRow(row_of(page, "最低价是多少？"))
    page.copy_button.click()
    assert clipboard.text() == "最低价是多少？"


def test_a_phrase_of_your_own_is_added(qtbot, page) -> None:
    page.chinese_edit.setText(" 可以开发票吗？ ")  # QTest types ASCII only
    qtbot.keyClicks(page.english_edit, "Can you issue an invoice?")
    page.category_box.setCurrentIndex(page.category_box.findData("payment"))
    with qtbot.waitSignal(page.add_requested, timeout=1000) as signal:
        page.add_button.click()
    assert signal.args == ["可以开发票吗？", "Can you issue an invoice?", Category.PAYMENT]
    added = Phrase("可以开发票吗？", "Can you issue an invoice?", Category.PAYMENT, id=8)
    page.show_phrases([*PHRASES, added])  # the tab shows the list again after the add
    assert page.chinese_edit.text() == "" and page.english_edit.text() == ""


def test_a_phrase_needs_both_languages(qtbot, page) -> None:
    qtbot.keyClicks(page.english_edit, "Hello")
    with qtbot.assertNotEmitted(page.add_requested):
        qtbot.keyClick(page.english_edit, Qt.Key.Key_Return)
    assert page.field_errors["chinese"].text() == "⚠ Enter the Chinese."
    page.show_errors({"english": "Keep the English under 500 characters.", "x": "Other."})
    assert "Keep the English" in page.field_errors["english"].text()
    assert page.message.text() == "⚠ Other."


def test_only_your_own_phrases_can_be_deleted(qtbot, page) -> None:
    page.view.selectRow(0)
    assert not page.delete_button.isEnabled()
    with qtbot.assertNotEmitted(page.delete_requested):
        page._delete()
    page.view.selectRow(page.model.rowCount() - 1)
    assert page.delete_button.isEnabled()
    with qtbot.waitSignal(page.delete_requested, timeout=1000) as signal:
        page.delete_button.click()
    assert signal.args == [7]


def test_ctrl_f_goes_to_the_search_box_before_the_tabs_find(qtbot) -> None:
    tab = QWidget()  # stands for the Negotiation tab, whose own Find filters the products
    qtbot.addWidget(tab)
    find = QAction("Find product", tab)
    find.setShortcut(QKeySequence.StandardKey.Find)
    tab.addAction(find)
    page = PhrasebookPage()
    QVBoxLayout(tab).addWidget(page)
    page.show_phrases(PHRASES)
    tab.show()
    qtbot.waitUntil(tab.isActiveWindow)
    page.view.setFocus()
    with qtbot.assertNotEmitted(find.triggered):
        qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()


def test_the_model_passes_qts_model_checks(qtmodeltester) -> None:
    model = PhrasesModel()
    model.set_phrases(PHRASES)
    qtmodeltester.check(model)
    model.set_filter("no such phrase at all")
    qtmodeltester.check(model)


def test_the_grab_at_1280_by_720_is_saved(page, tmp_path) -> None:
    page.show()
    assert page.grab().save(str(tmp_path / "phrasebook.png"))
