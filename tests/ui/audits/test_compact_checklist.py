"""Issue 14 in the audit dialog: one line per checklist item (many items a screen), the remark
edited under the table for the current item, and the audit date on a calendar field."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from app.services.suppliers.service import SupplierService
from app.services.workbench import Workbench
from app.ui.audits.answers_model import ANSWER, ITEM, REMARK
from app.ui.audits.audits_dialog import AuditsDialog
from app.ui.widgets.date_field import DateField
from tests.conftest import TODAY
from tests.db_rows import query
from tests.factories import hengda

SCREEN = (1280, 720)
REMARK_TEXT = "only 2 of 3 lines running; line 3 waits for a mould"


@pytest.fixture
def dialog(qtbot, db_path: Path, supplier_service: SupplierService) -> Iterator[AuditsDialog]:
    """The dialog at 1280×720 with a new audit on the real default checklist."""
    supplier_id = supplier_service.insert_many([hengda()]).created[0]
    supplier_service.database.close()
    workbench = Workbench(db_path, today=lambda: TODAY)
    widget = AuditsDialog(workbench, supplier_id)
    qtbot.addWidget(widget)
    widget.resize(*SCREEN)
    widget.show()
    qtbot.waitExposed(widget)
    widget.new_audit()
    QApplication.processEvents()  # the layout settles at the dialog's size
    yield widget
    workbench.close()


def _stored(dialog: AuditsDialog, column: str) -> list[tuple]:
    assert dialog._audit is not None
    audit_id = dialog._audit.id
    return query(dialog.workbench.path, f"SELECT {column} FROM audits WHERE id = {audit_id}")


# --- one line per item ---------------------------------------------------------------------
def test_at_1280_by_720_at_least_15_items_show_one_line_each(dialog: AuditsDialog) -> None:
    view, model = dialog.form.answers_view, dialog.form.answers
    assert dialog.size().toTuple() == SCREEN
    assert model.rowCount() > 30  # the shipped default checklist
    heights = {view.rowHeight(row) for row in range(model.rowCount())}
    assert len(heights) == 1  # no row grows for a long item or a section title
    row_height = heights.pop()
    assert row_height <= view.fontMetrics().height() + 12  # one line of text
    viewport = view.viewport().height()
    assert viewport // row_height >= 15
    whole = [
        r
        for r in range(model.rowCount())
        if view.visualRect(model.index(r, ITEM)).bottom() < viewport
    ]
    assert len(whole) >= 15  # counted as drawn: rows entirely inside the visible table


def test_a_row_is_code_and_both_languages_on_one_line_with_all_of_it_in_the_tooltip(
    dialog: AuditsDialog,
) -> None:
    model = dialog.form.answers
    row = next(r for r in range(model.rowCount()) if model.item(r).critical)
    item = model.item(row)
    code = model.headerData(row, Qt.Orientation.Vertical)
    assert code == "2.1"  # numbered as the printed checklist: section 2, item 1
    shown = model.index(row, ITEM).data()
    assert "\n" not in shown and shown == f"★ {item.text_en} · {item.text_zh}"
    tip = model.index(row, ITEM).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"2.1  {item.text_en}\n{item.text_zh}") and "Critical" in tip
    section = model.index(row, 0)
    assert "\n" not in section.data() and "\n" in section.data(Qt.ItemDataRole.ToolTipRole)


def test_p_f_n_still_answer_and_move_on_in_compact_rows(dialog: AuditsDialog) -> None:
    view, model = dialog.form.answers_view, dialog.form.answers
    start = next(r for r in range(model.rowCount()) if model.item(r).key.startswith("documents."))
    view.setCurrentIndex(model.index(start, ANSWER))
    for key in (Qt.Key.Key_P, Qt.Key.Key_F, Qt.Key.Key_N):
        QTest.keyClick(view, key)
    assert [model.index(start + n, ANSWER).data() for n in range(3)] == ["✔ pass", "✘ fail", "n/a"]
    assert view.currentIndex().row() == start + 3
    assert dialog.form.current_item.item_text.full_text().startswith(model.code(start + 3))


# --- the remark, under the table ----------------------------------------------------------
def test_a_remark_typed_under_the_table_is_stored_and_shown(qtbot, dialog: AuditsDialog) -> None:
    view, model, strip = dialog.form.answers_view, dialog.form.answers, dialog.form.current_item
    row = 5
    view.setCurrentIndex(model.index(row, ANSWER))
    item = model.item(row)
    assert strip.item_text.full_text() == f"{model.code(row)}  {item.text_en}\n{item.text_zh}"
    before = view.rowHeight(row)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    QTest.keyClick(view, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # the label's mnemonic
    assert strip.remark_edit.hasFocus()
    QTest.keyClicks(strip.remark_edit, REMARK_TEXT)
    QTest.keyClick(strip.remark_edit, Qt.Key.Key_Return)
    assert view.hasFocus() and view.currentIndex().row() == row  # back to the list
    assert model.index(row, REMARK).data() == REMARK_TEXT  # shown in its row at once
    assert view.rowHeight(row) == before  # the row stays one line
    assert dialog.form.is_dirty() and dialog.save()
    stored = query(dialog.workbench.path, "SELECT item_key, remark FROM audit_answers")
    assert stored == [(item.key, REMARK_TEXT)]
    # Read back from the database: in the row and under the table once the item is current.
    again = AuditsDialog(dialog.workbench, dialog.supplier_id)
    qtbot.addWidget(again)
    answers = again.form.answers
    assert answers.index(row, REMARK).data() == REMARK_TEXT
    again.form.answers_view.setCurrentIndex(answers.index(row, ANSWER))
    assert again.form.current_item.remark_edit.text() == REMARK_TEXT
    again.form.answers_view.setCurrentIndex(answers.index(row + 1, ANSWER))
    assert again.form.current_item.remark_edit.text() == ""  # the next item has none


def test_a_remark_typed_in_its_cell_shows_under_the_table(qtbot, dialog: AuditsDialog) -> None:
    view, model = dialog.form.answers_view, dialog.form.answers
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    view.setCurrentIndex(model.index(3, REMARK))
    view.setFocus()
    QTest.keyClicks(view, "l")  # any key starts editing the cell
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor is not dialog.form.current_item.remark_edit
    QTest.keyClicks(editor, "icence copy only")
    QTest.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn
    qtbot.waitUntil(lambda: model.remark(3) == "licence copy only")
    assert dialog.form.current_item.remark_edit.text() == "licence copy only"
    assert view.rowHeight(3) == view.rowHeight(4)  # the row did not grow for it


# --- the audit date on a calendar ---------------------------------------------------------
def test_the_audit_date_is_a_calendar_field_and_a_typed_date_is_saved(
    dialog: AuditsDialog,
) -> None:
    field = dialog.form.date_edit
    assert isinstance(field, DateField) and field.calendarPopup()
    assert field.value() == TODAY
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClicks(field, "2026-11-3")
    QTest.keyClick(field, Qt.Key.Key_Tab)
    assert dialog.save()
    assert _stored(dialog, "audited_on") == [("2026-11-03",)]
    assert dialog.audit_list.item(0).text().startswith("2026-11-03")


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_date_picked_from_the_calendar_is_saved(dialog: AuditsDialog) -> None:
    field = dialog.form.date_edit
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_F4)
    calendar = field.calendarWidget()
    assert calendar.isVisible()
    calendar.clicked.emit(QDate(2026, 12, 14))  # a visit ahead: a planned audit
    assert dialog.save()
    assert _stored(dialog, "audited_on") == [("2026-12-14",)]


@pytest.mark.parametrize("typed", ["", "2026-11-0"])
def test_a_blank_or_half_typed_date_is_refused_and_changes_nothing(
    qtbot, dialog: AuditsDialog, typed: str
) -> None:
    """Ctrl+S while the date is blank or still being typed: the audit needs a date, and the
    text shown is not the date Qt holds, so nothing is saved."""
    dialog.form.name_edit.setText("王工")
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    field = dialog.form.date_edit
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClicks(field, typed)
    QTest.keyClick(field, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    expected = "Enter the audit date" if not typed else f"'{typed}' is not a date"
    assert expected in dialog.message.text()
    assert _stored(dialog, "audited_on, auditor_name") == [(TODAY.isoformat(), "")]
    assert dialog.form.is_dirty()  # still there to correct


def test_enter_in_a_field_presses_no_button(qtbot, dialog: AuditsDialog, monkeypatch) -> None:
    """Enter in the remark goes back to the list; in the name it ends the field (it pressed
    Templates…, the dialog's first button, before)."""
    from app.ui.audits.templates_dialog import TemplatesDialog

    monkeypatch.setattr(TemplatesDialog, "exec", lambda self: 0)
    pressed: list[bool] = []
    for button in (dialog.templates_button, dialog.new_button, dialog.save_button):
        button.clicked.connect(pressed.append)
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    for field in (dialog.form.name_edit, dialog.form.current_item.remark_edit):
        field.setFocus()
        QTest.keyClicks(field, "x")
        QTest.keyClick(field, Qt.Key.Key_Return)
    assert pressed == []
    assert dialog.form.answers_view.hasFocus()  # from the remark, back to the list
