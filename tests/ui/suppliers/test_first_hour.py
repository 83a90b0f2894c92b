"""Issue 14 on the Suppliers tab, driven like a user: a delete that names what goes with the
supplier, one edit of many suppliers undone by Ctrl+Z, a shop URL without https://, expiry
marked by more than colour, and an empty database that says what the tab is for."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from app.domain.suppliers.bulk_edit import BulkEdit
from app.domain.suppliers.choices import CertificationKind, Membership, Status
from app.domain.suppliers.supplier import Certification
from app.services.suppliers.listing import load_supplier_list
from app.services.suppliers.service import SupplierService
from app.ui.main_window import MainWindow
from app.ui.session import open_session
from app.ui.settings import Settings
from app.ui.suppliers.bulk_edit_dialog import BulkEditDialog
from app.ui.suppliers.detail_editor import SupplierEditor
from app.ui.suppliers.list_models import CertificationListModel
from app.ui.suppliers.tab import SuppliersTab
from app.ui.suppliers.table_model import COLUMN_FIELDS, SupplierTableModel
from tests.conftest import TODAY
from tests.db_rows import query
from tests.factories import hengda, minimal
from tests.services.suppliers.dependent_work import add_work
from tests.ui.conftest import DialogAnswers
from tests.ui.suppliers.test_tab import select, shown_names

Role = Qt.ItemDataRole
HENGDA, HUAQIANG, NINGBO = "义乌市恒达工艺品厂", "深圳市华强通讯配件有限公司", "Ningbo Homeware"


def select_also(tab: SuppliersTab, name: str) -> None:
    """Ctrl+click: add a row to the selection."""
    row = shown_names(tab).index(name)
    tab.table.selectionModel().select(
        tab.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )


# --- 1. the delete question names what goes with the supplier -----------------------------------
def test_delete_says_what_goes_with_each_supplier_in_counts(
    window: MainWindow, filled_db: Path, dialogs: DialogAnswers
) -> None:
    workbench, tab = window.session.workbench, window.suppliers_tab
    add_work(workbench, workbench.suppliers.find_id(HENGDA), samples=3, photos=4, audits=1)
    add_work(workbench, workbench.suppliers.find_id(HUAQIANG), samples=1, photos=1, audits=0)
    dialogs.answer = QMessageBox.StandardButton.No

    select(tab, HENGDA)
    tab.delete_action.trigger()
    assert dialogs.asked[-1] == (
        "Delete suppliers: Delete 义乌市恒达工艺品厂 and its 3 samples, 12 photos, 1 audit?\n\n"
        "Its contacts, certifications and red flags go with it. You can undo this with Ctrl+Z."
    )
    select_also(tab, HUAQIANG)
    tab.delete_action.trigger()
    assert dialogs.asked[-1].startswith(
        "Delete suppliers: Delete 2 suppliers and their 4 samples, 13 photos, 1 audit?\n\n"
    )
    assert f"• {HUAQIANG}\n• {HENGDA}\n\nTheir contacts" in dialogs.asked[-1]
    select(tab, NINGBO)  # nothing of other tabs, and an English name only
    tab.delete_action.trigger()
    assert dialogs.asked[-1].startswith("Delete suppliers: Delete Ningbo Homeware?\n\n")
    assert query(filled_db, "SELECT count(*) FROM suppliers") == [(3,)]

    select(tab, HENGDA)
    dialogs.answer = QMessageBox.StandardButton.Yes
    tab.delete_action.trigger()
    assert query(filled_db, "SELECT count(*) FROM sample_photos") == [(1,)]
    tab.undo_action.trigger()
    assert query(filled_db, "SELECT count(*) FROM sample_photos") == [(13,)]


# --- 2. one edit of many suppliers, one step for Ctrl+Z ------------------------------------------
def test_bulk_edit_from_the_keyboard_is_stored_and_ctrl_z_undoes_it_whole(
    qtbot,
    window: MainWindow,
    filled_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialogs: DialogAnswers,
) -> None:
    tab = window.suppliers_tab
    select(tab, HENGDA)
    select_also(tab, NINGBO)
    seen: list[BulkEditDialog] = []

    def choose(dialog: BulkEditDialog) -> int:
        seen.append(dialog)
        dialog.status.setCurrentIndex(dialog.status.findData(Status.APPROVED.value))
        dialog.membership.setCurrentIndex(dialog.membership.findData(Membership.BASIC.value))
        dialog.tags.setText("箱包；出口")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BulkEditDialog, "exec", choose)
    assert tab.bulk_edit_action in window.edit_menu.actions()
    qtbot.keyClick(
        tab.table,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )

    assert seen[0].windowTitle() == "Edit 2 suppliers"
    by_name = "SELECT coalesce(nullif(name_zh, ''), name_en), status, membership FROM suppliers"
    assert sorted(query(filled_db, by_name)) == [
        ("Ningbo Homeware", "approved", "basic"),
        (HENGDA, "approved", "basic"),
        (HUAQIANG, "prospect", None),
    ]
    tags = "SELECT s.name_en, t.tag FROM supplier_tags t JOIN suppliers s ON s.id = t.supplier_id"
    assert sorted(query(filled_db, tags)) == [
        ("Ningbo Homeware", "出口"),
        ("Ningbo Homeware", "箱包"),
        ("Yiwu Hengda Crafts Factory", "home decor"),
        ("Yiwu Hengda Crafts Factory", "出口"),
        ("Yiwu Hengda Crafts Factory", "工艺品"),
        ("Yiwu Hengda Crafts Factory", "箱包"),
    ]
    status = COLUMN_FIELDS.index("status")
    row = shown_names(tab).index(HENGDA)
    assert tab.model.data(tab.model.index(row, status)) == "Approved"  # the view follows
    assert tab.editor.status.value() is Status.APPROVED  # so does the open editor
    assert tab.undo_action.isEnabled() and tab.undo_action.text() == "&Undo bulk edit"

    tab.editor.city.setText("金华")  # undo rewrites the open supplier: it asks first
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "unsaved changes" in dialogs.asked[-1]  # answered Discard

    assert sorted(query(filled_db, by_name)) == [
        ("Ningbo Homeware", "approved", None),
        (HENGDA, "sampling", "strong"),
        (HUAQIANG, "prospect", None),
    ]
    assert sorted(query(filled_db, tags)) == [
        ("Yiwu Hengda Crafts Factory", "home decor"),
        ("Yiwu Hengda Crafts Factory", "工艺品"),
    ]
    assert tab.model.data(tab.model.index(row, status)) == "Sampling"
    assert not tab.undo_action.isEnabled()


def test_the_bulk_edit_dialog_applies_only_once_something_is_chosen(qtbot) -> None:
    dialog = BulkEditDialog(["义乌市恒达工艺品厂", "白沟新城佳禾箱包厂"], 7)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit 7 suppliers"
    assert not dialog.apply_button.isEnabled() and dialog.edit().is_empty()
    dialog.tags.setText(" 箱包 ; ")
    assert dialog.apply_button.isEnabled() and dialog.apply_button.text() == "Apply to 7 suppliers"
    assert dialog.edit() == BulkEdit(add_tags=("箱包",))
    dialog.membership.setCurrentIndex(dialog.membership.findData(Membership.NONE.value))
    assert dialog.edit().membership is Membership.NONE and dialog.edit().status is None


# --- 3. a shop URL without https:// ---------------------------------------------------------------
@pytest.fixture
def editor(qtbot) -> SupplierEditor:
    widget = SupplierEditor(lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(480, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_editor_says_what_a_shop_url_without_https_means(editor: SupplierEditor) -> None:
    editor.set_supplier(hengda())
    assert not editor.shop_url_reading.isVisible()
    editor.shop_url.setText("www.jiahe.1688.com/page/offerlist.htm")
    assert editor.shop_url_reading.isVisible()
    assert (
        editor.shop_url_reading.text() == "→ saved as https://www.jiahe.1688.com/page/offerlist.htm"
    )
    assert editor.supplier().shop_url == "https://www.jiahe.1688.com/page/offerlist.htm"
    editor.shop_url.setText("https://hengda.1688.com")
    assert not editor.shop_url_reading.isVisible()
    editor.shop_url.setText("hengda 1688")
    assert not editor.shop_url_reading.isVisible()
    editor.shop_url.editingFinished.emit()  # leaving the field says what is wrong
    message = editor.error_labels["shop_url"].text()
    assert "shop's web address" in message and "shop123.1688.com" in message


def test_a_shop_url_typed_without_https_is_saved_with_it(
    window: MainWindow, filled_db: Path
) -> None:
    tab = window.suppliers_tab
    select(tab, HUAQIANG)
    tab.editor.shop_url.setText("huaqiang-parts.1688.com")
    assert tab.save()
    assert query(filled_db, "SELECT shop_url FROM suppliers WHERE name_zh LIKE '深圳%'") == [
        ("https://huaqiang-parts.1688.com",)
    ]
    assert tab.editor.shop_url.text() == "https://huaqiang-parts.1688.com"


# --- 4. certificate expiry is not colour only ----------------------------------------------------
def test_an_expiring_or_expired_certificate_has_an_icon_and_words(
    qapp, supplier_service: SupplierService, db_path: Path
) -> None:
    expired = Certification(CertificationKind.CE, "CE-9", "SGS", date(2026, 3, 1))
    supplier_service.insert_many(
        [
            hengda(),  # its CE expires 2027-01-10, 42 days after TODAY
            minimal("白沟新城佳禾箱包厂", certifications=[expired]),
            minimal(name_en="Ningbo Homeware"),
        ]
    )
    model = SupplierTableModel(lambda: TODAY)
    model.set_items(load_supplier_list(db_path))
    names = [model.name_of(supplier_id) for supplier_id in model.visible_ids()]
    expiry = COLUMN_FIELDS.index("next_expiry")

    def cell(name: str, column: int, role: int) -> object:
        return model.data(model.index(names.index(name), column), role)

    assert cell("白沟新城佳禾箱包厂", expiry, Role.DisplayRole) == "expired 2026-03-01"
    assert cell(HENGDA, expiry, Role.DisplayRole) == "expires in 42 days (2027-01-10)"
    for name in ("白沟新城佳禾箱包厂", HENGDA):
        for column in (0, expiry):
            icon = cell(name, column, Role.DecorationRole)
            assert isinstance(icon, QIcon) and not icon.isNull()
    tooltip = cell("白沟新城佳禾箱包厂", 0, Role.ToolTipRole)
    assert tooltip == "A certification needs renewing: expired 2026-03-01. Ask the supplier for it."
    assert cell(NINGBO, 0, Role.DecorationRole) is None
    assert cell(NINGBO, expiry, Role.DisplayRole) == ""


def test_the_editor_s_certificate_status_has_an_icon_too(qapp) -> None:
    model = CertificationListModel(lambda: TODAY)
    model.set_items(
        [
            Certification(CertificationKind.CE, "CE-1", "TÜV", date(2026, 12, 29)),
            Certification(CertificationKind.ISO_9001, "Q-1", "SGS", date(2026, 11, 26)),
            Certification(CertificationKind.ROHS, "R-1", "SGS", date(2028, 1, 1)),
        ]
    )
    status = model.column_of("status")
    icons = [model.data(model.index(row, status), Role.DecorationRole) for row in range(3)]
    texts = [model.data(model.index(row, status)) for row in range(3)]
    assert texts == ["expires in 30 days", "expired", "valid"]
    assert all(isinstance(icon, QIcon) and not icon.isNull() for icon in icons[:2])
    assert icons[0].cacheKey() != icons[1].cacheKey()  # a warning, and a stronger mark
    assert icons[2] is None


# --- 5. an empty database says what the tab is for ----------------------------------------------
@pytest.fixture
def empty_window(qtbot, db_path: Path, settings: Settings) -> Iterator[MainWindow]:
    session = open_session(db_path, create=False)
    session.workbench.today = lambda: TODAY
    main_window = MainWindow(session, settings)
    qtbot.addWidget(main_window)
    main_window.show()
    qtbot.waitActive(main_window)
    main_window.start()
    main_window.suppliers_tab.wait_until_loaded()
    yield main_window
    if main_window.isVisible():
        main_window.close()


def test_an_empty_database_shows_what_the_tab_is_for_and_the_next_steps(
    qtbot, empty_window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = empty_window.suppliers_tab
    empty = tab.empty_switch.empty
    assert tab.empty_switch.is_empty() and empty.isVisible() and not tab.table.isVisible()
    assert empty.title_label.text() == "No suppliers yet"
    buttons = {button.text().replace("&", ""): button for button in empty.buttons}
    assert list(buttons) == ["New supplier", "Import suppliers…", "Load demo data…"]

    asked: list[str] = []  # Import… and the demo are the window's own commands
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(
            QFileDialog, name, lambda _p, title, *a, **k: (asked.append(title), ("", ""))[1]
        )
    qtbot.mouseClick(buttons["Import suppliers…"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons["Load demo data…"], Qt.MouseButton.LeftButton)
    assert asked == ["Import suppliers", "Load demo data into a new file"]

    qtbot.mouseClick(buttons["New supplier"], Qt.MouseButton.LeftButton)
    tab.editor.name_zh.setText("白沟新城佳禾箱包厂")
    assert tab.save()
    assert query(db_path, "SELECT name_zh FROM suppliers") == [("白沟新城佳禾箱包厂",)]
    assert not tab.empty_switch.is_empty() and tab.table.isVisible()
    assert shown_names(tab) == ["白沟新城佳禾箱包厂"]


def test_a_filter_that_hides_every_row_is_not_an_empty_database(
    window: MainWindow, dialogs: DialogAnswers
) -> None:
    tab = window.suppliers_tab
    assert not tab.empty_switch.is_empty()
    tab.filter_bar.text_box.setText("no such supplier")
    assert tab.model.rowCount() == 0 and not tab.empty_switch.is_empty()
    assert tab.table.isVisible()
    tab.filter_bar.text_box.clear()
    # Deleting the last supplier empties the database: then the empty state shows, and undo
    # brings the table back.
    tab.table.selectAll()
    dialogs.answer = QMessageBox.StandardButton.Yes
    tab.delete_action.trigger()
    assert tab.model.total == 0 and tab.empty_switch.is_empty()
    tab.undo_action.trigger()
    assert tab.model.total == 3 and not tab.empty_switch.is_empty()
