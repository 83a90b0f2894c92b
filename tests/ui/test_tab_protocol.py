"""The tab protocol: every change reaches every tab, and menus and shortcuts act on the tab
that shows (issue 9: Ctrl+N on Samples started a new supplier, Ctrl+F typed into the hidden
supplier filter, Ctrl+Shift+A on the matrix opened the audits of the hidden tab's supplier)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app.domain.samples.sample import Product, Sample
from app.ui.main_window import MainWindow
from tests.ui.conftest import DialogAnswers


def _picker_names(window: MainWindow) -> list[str]:
    box = window.tab("samples").sample_form.supplier_box
    return [box.itemText(i) for i in range(box.count())]


def _matrix_names(window: MainWindow) -> list[str]:
    model = window.tab("matrix").model
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def _show(window: MainWindow, key: str) -> None:
    window.tabs.setCurrentWidget(window.host(key))
    QApplication.processEvents()


def _press(window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
    focus = QApplication.focusWidget() or window
    from PySide6.QtTest import QTest

    QTest.keyClick(focus, key, modifiers)
    QApplication.processEvents()


def test_a_supplier_added_on_the_suppliers_tab_reaches_samples_and_matrix_at_once(
    window: MainWindow,
) -> None:
    _show(window, "samples")
    _show(window, "matrix")
    window.tab("matrix").wait_until_loaded()
    _show(window, "suppliers")
    tab = window.tab("suppliers")
    tab.new_supplier()
    tab.editor.name_zh.setText("温州市瓯海新星鞋厂")
    assert tab.save()
    window.tab("matrix").wait_until_loaded()
    assert any("温州市瓯海新星鞋厂" in name for name in _picker_names(window))
    assert any("温州市瓯海新星鞋厂" in name for name in _matrix_names(window))


def test_deleting_a_supplier_and_undoing_it_updates_the_samples_lists(
    window: MainWindow, dialogs: DialogAnswers
) -> None:
    workbench = window.session.workbench
    hengda = workbench.suppliers.find_id("义乌市恒达工艺品厂")
    product = workbench.samples.save_product(Product(name="Tote bag")).products[0]
    workbench.samples.save_sample(Sample(product_id=product, supplier_id=hengda))
    _show(window, "samples")
    samples = window.tab("samples")
    assert samples.samples.rowCount() == 1 and any("恒达" in n for n in _picker_names(window))

    _show(window, "suppliers")
    tab = window.tab("suppliers")
    tab.table.selectRow(tab.model.row_of(hengda))
    dialogs.answer = QMessageBox.StandardButton.Yes
    tab.delete_selected()
    assert samples.samples.rowCount() == 0  # the sample went with its supplier
    assert not any("恒达" in n for n in _picker_names(window))

    tab.undo_delete()
    assert samples.samples.rowCount() == 1
    assert any("恒达" in n for n in _picker_names(window))


@pytest.mark.parametrize("key", ["matrix", "samples"])
def test_ctrl_n_and_ctrl_f_act_on_the_tab_that_shows(window: MainWindow, key: str) -> None:
    suppliers = window.tab("suppliers")
    _show(window, key)
    window.tab(key).setFocus()
    _press(window, Qt.Key.Key_F)
    focused = QApplication.focusWidget()
    assert focused is not suppliers.filter_bar.text_box
    assert window.tab(key).isAncestorOf(focused)  # this tab's own filter box
    suppliers.table.selectRow(0)
    chosen = suppliers._current_id
    _press(window, Qt.Key.Key_N)
    assert suppliers._current_id == chosen  # no new supplier started on the hidden tab
    assert window.tabs.currentWidget() is window.host(key)  # nothing jumped to Suppliers


def test_ctrl_n_on_samples_starts_a_sample_not_a_supplier(window: MainWindow) -> None:
    workbench = window.session.workbench
    workbench.samples.save_product(Product(name="Tote bag"))
    _show(window, "samples")
    samples = window.tab("samples")
    samples.reload()
    samples.products_view.setFocus()
    suppliers = window.tab("suppliers")
    suppliers.table.selectRow(0)
    chosen = suppliers._current_id
    _press(window, Qt.Key.Key_N)
    assert samples.sample_form.isEnabled() and samples._sample is not None
    assert samples._sample.id is None  # a new, unsaved sample of the chosen product
    assert suppliers._current_id == chosen


def test_del_on_samples_deletes_the_selected_sample_only(
    window: MainWindow, dialogs: DialogAnswers
) -> None:
    workbench = window.session.workbench
    hengda = workbench.suppliers.find_id("义乌市恒达工艺品厂")
    product = workbench.samples.save_product(Product(name="Tote bag")).products[0]
    workbench.samples.save_sample(Sample(product_id=product, supplier_id=hengda))
    _show(window, "samples")
    samples = window.tab("samples")
    samples.reload()
    samples.samples_view.selectRow(0)
    samples.samples_view.setFocus()
    dialogs.answer = QMessageBox.StandardButton.Yes
    _press(window, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
    assert workbench.samples.samples_of(product) == []
    assert workbench.suppliers.find_id("义乌市恒达工艺品厂") == hengda  # no supplier deleted


def test_the_edit_menu_holds_the_current_tabs_actions(window: MainWindow) -> None:
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")

    def items() -> list[str]:
        return [a.text().replace("&", "") for a in edit.actions() if a.text()]

    assert items()[0] == "New supplier"
    _show(window, "matrix")
    assert "New supplier" not in items() and "Find in matrix" in items()
    _show(window, "samples")
    assert items()[0] == "New sample" and "Find product" in items()
    _show(window, "suppliers")
    assert items()[0] == "New supplier"


def test_ctrl_shift_a_on_the_matrix_opens_the_matrix_suppliers_audits(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[int] = []
    monkeypatch.setattr(window, "open_audits", opened.append)
    suppliers = window.tab("suppliers")
    suppliers.table.selectRow(0)
    hidden_choice = suppliers.selected_ids()[0]
    _show(window, "matrix")
    matrix = window.tab("matrix")
    matrix.wait_until_loaded()
    QApplication.processEvents()
    row = next(
        r for r in range(matrix.model.rowCount()) if matrix.model.supplier_id(r) != hidden_choice
    )
    matrix.table.selectRow(row)
    matrix.table.setFocus()
    _press(
        window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert opened == [matrix.model.supplier_id(row)]


def test_ctrl_e_exports_the_tab_that_shows(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "out.xlsx"), "")
    )
    monkeypatch.setattr(window, "_write_export", lambda request, out: written.append(request.kind))
    for key in ("suppliers", "matrix", "samples"):
        _show(window, key)
        window.tab(key).setFocus()
        _press(window, Qt.Key.Key_E)
    assert written == ["suppliers", "matrix", "samples"]
