"""Saved views over any table (issue 14): a filter, a sort and the columns saved under a name
come back in one click, between runs, from a stale view too; views can be deleted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.settings import Setting, Settings
from app.ui.widgets.saved_views import (
    VIEWS_SHORTCUT,
    SavedViews,
    SavedViewsButton,
    TableViewState,
)
from app.ui.widgets.tab_protocol import tab_action
from tests.ui.conftest import DialogAnswers

VIEWS: Setting[str] = Setting("test/views", str, "", "the test table's saved views")
KEYS = ("name", "city", "orders")
ROWS = [
    ("恒达工艺品", "义乌", 12),
    ("华强配件", "深圳", 40),
    ("宁波家居", "宁波", 7),
    ("义乌小商品", "义乌", 31),
    ("深圳包装", "深圳", 3),
]


class CityProxy(QSortFilterProxyModel):
    """Rows whose name holds the text box's text and whose city is the combo box's choice."""

    def __init__(self, text_box: QLineEdit, city_box: QComboBox) -> None:
        super().__init__()
        self.text_box, self.city_box = text_box, city_box
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        name = model.index(source_row, 0, source_parent).data()
        city = model.index(source_row, 1, source_parent).data()
        wanted = self.city_box.currentData()
        return self.text_box.text() in name and wanted in (None, city)


class Table(QWidget):
    """A tab-like widget: a filter row, a sortable table, and the Views ▾ button."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.text_box = QLineEdit()
        self.city_box = QComboBox()
        self.city_box.addItem("City: any", None)
        for city in ("义乌", "深圳", "宁波"):
            self.city_box.addItem(city, city)
        model = QStandardItemModel(0, len(KEYS))
        for row in ROWS:
            items = []
            for value in row:
                item = QStandardItem(str(value))
                item.setData(value, Qt.ItemDataRole.UserRole)
                items.append(item)
            model.appendRow(items)
        self.proxy = CityProxy(self.text_box, self.city_box)
        self.proxy.setSourceModel(model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.horizontalHeader().setSectionsMovable(True)
        self.text_box.textChanged.connect(self.proxy.invalidate)
        self.city_box.currentIndexChanged.connect(self.proxy.invalidate)
        self.restores = 0
        self.action = tab_action(self, "Saved views", VIEWS_SHORTCUT)
        self.action.setIconText("Views")
        self.views = SavedViewsButton(self.action)
        self.state = TableViewState(
            self.view.horizontalHeader(),
            KEYS,
            {"text": self.text_box, "city": self.city_box},
            self._filters_restored,
            always_shown=("name",),
        )
        self.views.attach(SavedViews(settings, VIEWS), self.state)
        layout = QVBoxLayout(self)
        for widget in (self.text_box, self.city_box, self.views, self.view):
            layout.addWidget(widget)

    def _filters_restored(self) -> None:
        self.restores += 1
        self.proxy.invalidate()

    def shown(self) -> list[str]:
        return [self.proxy.index(row, 0).data() for row in range(self.proxy.rowCount())]

    def menu_items(self) -> dict[str, object]:
        self.views.fill_menu()
        return {a.text(): a for a in self.views.menu().actions() if a.text()}


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def table(qtbot, settings_path: Path) -> Table:
    shown = Table(Settings(settings_path))
    qtbot.addWidget(shown)
    shown.show()
    return shown


def answer_name(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (name, True))


def test_a_saved_view_brings_back_filter_sort_and_columns(
    table: Table, monkeypatch: pytest.MonkeyPatch
) -> None:
    header = table.view.horizontalHeader()
    table.city_box.setCurrentIndex(table.city_box.findData("义乌"))
    table.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # most orders first
    header.setSectionHidden(1, True)
    header.moveSection(header.visualIndex(2), 0)
    header.resizeSection(0, 240)
    assert table.shown() == ["义乌小商品", "恒达工艺品"]
    answer_name(monkeypatch, "  义乌 · 订单多  ")
    table.menu_items()["&Save current view…"].trigger()  # type: ignore[attr-defined]
    assert table.views.names() == ["义乌 · 订单多"]

    table.city_box.setCurrentIndex(0)
    table.text_box.setText("深圳")
    table.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    header.setSectionHidden(1, False)
    header.moveSection(header.visualIndex(0), 0)
    header.resizeSection(0, 90)
    assert table.shown() == ["深圳包装"]
    assert not table.menu_items()["义乌 · 订单多"].isChecked()  # type: ignore[attr-defined]

    restores = table.restores
    table.menu_items()["义乌 · 订单多"].trigger()  # type: ignore[attr-defined]
    assert table.shown() == ["义乌小商品", "恒达工艺品"]
    assert table.text_box.text() == "" and table.city_box.currentData() == "义乌"
    assert header.isSectionHidden(1) and header.logicalIndex(0) == 2
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        2,
        Qt.SortOrder.DescendingOrder,
    )
    assert header.sectionSize(0) == 240
    assert table.restores == restores + 1  # the filters applied once, not once per widget
    assert table.menu_items()["义乌 · 订单多"].isChecked()  # type: ignore[attr-defined]
    assert table.views.current_name() == "义乌 · 订单多"


def test_views_are_remembered_by_a_new_settings_object(
    qtbot, table: Table, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table.text_box.setText("义乌")
    table.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    table.view.horizontalHeader().setSectionHidden(1, True)
    answer_name(monkeypatch, "A&B 义乌")
    table.views.ask_and_save()

    later = Table(Settings(settings_path))  # the next run, on the same settings file
    qtbot.addWidget(later)
    assert later.views.names() == ["A&B 义乌"]
    assert "A&&B 义乌" in later.menu_items()  # "&" shown as itself, not as a mnemonic
    assert later.shown() == ["义乌小商品", "华强配件", "宁波家居", "恒达工艺品", "深圳包装"]
    assert later.views.apply("A&B 义乌")
    assert later.shown() == ["义乌小商品"]
    assert later.view.horizontalHeader().isSectionHidden(1)


def test_a_stale_view_restores_what_the_table_still_has(table: Table, settings_path: Path) -> None:
    stale = {
        "filters": {"city": "宁波", "colour": "red"},  # no text: the text filter is cleared
        "sort": {"column": "orders", "descending": False},
        "columns": [
            {"key": "gone", "hidden": True, "width": 50},
            {"key": "orders", "hidden": False, "width": "wide"},
            {"key": "name", "hidden": True, "width": 150},  # the name column always shows
            "not a column",
            {"key": "city", "hidden": True, "width": 80},
        ],
        "zoom": 3,
    }
    SavedViews(Settings(settings_path), VIEWS).save("老视图", stale)
    table.text_box.setText("宁")
    assert table.views.apply("老视图")
    header = table.view.horizontalHeader()
    assert table.text_box.text() == "" and table.shown() == ["宁波家居"]
    assert [header.logicalIndex(v) for v in range(3)] == [2, 0, 1]
    assert not header.isSectionHidden(0) and header.sectionSize(0) == 150
    assert header.isSectionHidden(1)
    assert header.sortIndicatorSection() == 2
    table.city_box.setCurrentIndex(0)
    # A sort by a column that went away keeps the current sort; a choice gone means "any".
    SavedViews(Settings(settings_path), VIEWS).save(
        "更老", {"filters": {"city": "杭州"}, "sort": {"column": "gone"}, "columns": "?"}
    )
    assert table.views.apply("更老")
    assert table.city_box.currentIndex() == 0 and header.sortIndicatorSection() == 2
    assert not table.views.apply("no such view")


def test_unreadable_stored_views_count_as_none(table: Table, settings_path: Path) -> None:
    settings = Settings(settings_path)
    for damaged in ("{not json", '["a list"]', '{"views": [{"name": 1, "view": {}}, "x"]}'):
        settings.set(VIEWS, damaged)
        assert SavedViews(settings, VIEWS).names() == []
    items = table.menu_items()
    assert not items["No saved views yet"].isEnabled()  # type: ignore[attr-defined]
    assert not items["&Delete view…"].isEnabled()  # type: ignore[attr-defined]
    SavedViews(settings, VIEWS).save("新", {"filters": {}})
    stored = json.loads(settings.get(VIEWS))
    assert stored == {"version": 1, "views": [{"name": "新", "view": {"filters": {}}}]}


def test_saving_under_a_known_name_asks_before_replacing(
    table: Table, monkeypatch: pytest.MonkeyPatch, dialogs: DialogAnswers
) -> None:
    answer_name(monkeypatch, "常用")
    table.city_box.setCurrentIndex(table.city_box.findData("深圳"))
    table.views.ask_and_save()
    table.city_box.setCurrentIndex(table.city_box.findData("宁波"))
    dialogs.answer = QMessageBox.StandardButton.No
    table.views.ask_and_save()
    assert "常用" in dialogs.asked[-1]
    table.views.apply("常用")
    assert table.city_box.currentData() == "深圳"
    table.city_box.setCurrentIndex(table.city_box.findData("宁波"))
    dialogs.answer = QMessageBox.StandardButton.Yes
    table.views.ask_and_save()
    table.city_box.setCurrentIndex(0)
    table.views.apply("常用")
    assert table.city_box.currentData() == "宁波" and table.views.names() == ["常用"]
    answer_name(monkeypatch, "   ")  # a blank name saves nothing
    table.views.ask_and_save()
    assert table.views.names() == ["常用"]


def test_deleting_a_view(
    table: Table, settings_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("第一", "第二", "第三"):
        table.views.save_current(name)
    offered: list[list[str]] = []

    def pick(_parent, _title, _label, names, _current, _editable):
        offered.append(list(names))
        return "第二", True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    table.menu_items()["&Delete view…"].trigger()  # type: ignore[attr-defined]
    assert offered == [["第一", "第二", "第三"]]
    assert table.views.names() == ["第一", "第三"]
    assert "第二" not in table.menu_items()
    assert SavedViews(Settings(settings_path), VIEWS).names() == ["第一", "第三"]
    assert not table.views.delete("第二")


def test_the_button_is_off_until_it_has_somewhere_to_keep_views(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    button = SavedViewsButton(tab_action(owner, "Saved views", VIEWS_SHORTCUT))
    assert not button.isEnabled() and button.names() == [] and not button.apply("x")
    assert button.toolTip() == "Saved views (Ctrl+Shift+F)"
