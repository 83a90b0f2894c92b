"""One supplier picker everywhere, with the Suppliers tab's search (issue 14: `ywhd` found
nothing in the Samples tab's picker)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.kit.search_text import search_text
from app.ui.widgets.supplier_picker import SupplierPicker

NAMES = [
    (1, "义乌市恒达工艺品厂 · Yiwu Hengda Crafts", ("义乌市恒达工艺品厂", "Yiwu Hengda Crafts")),
    (2, "深圳市华强通讯配件有限公司", ("深圳市华强通讯配件有限公司",)),
    (3, "Ningbo Homeware", ("Ningbo Homeware",)),
]


def _picker(qtbot) -> SupplierPicker:
    picker = SupplierPicker()
    qtbot.addWidget(picker)
    picker.set_suppliers([(i, name, search_text(parts)) for i, name, parts in NAMES])
    return picker


def test_pinyin_initials_and_english_find_the_supplier(qtbot) -> None:
    picker = _picker(qtbot)
    for typed, expected in (("ywhd", 1), ("yi wu", 1), ("yiwu", 1), ("华强", 2), ("home", 3)):
        assert [choice[0] for choice in picker.matching(typed)] == [expected], typed


def test_typing_then_choosing_sets_the_supplier(qtbot) -> None:
    picker = _picker(qtbot)
    picker.show()
    qtbot.keyClicks(picker.lineEdit(), "ywhd")
    completer = picker.completer()
    assert completer.completionModel().rowCount() == 1
    completer.activated[type(completer.completionModel().index(0, 0))].emit(
        completer.completionModel().index(0, 0)
    )
    assert picker.current_id() == 1
    picker.set_current_id(3)
    assert picker.currentText() == "Ningbo Homeware"
    assert picker.currentData(Qt.ItemDataRole.UserRole) == 3
