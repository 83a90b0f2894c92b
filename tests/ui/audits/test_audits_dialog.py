"""Factory audits as a user fills them in: keys answer items, Save stores them, the matrix
gets the capacity seen, and the checklist goes to paper."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.domain.audits.checklist import AnswerKind, Verdict
from app.services.suppliers.service import SupplierService
from app.services.workbench import Workbench
from app.ui.audits.answers_model import ANSWER
from app.ui.audits.audits_dialog import AuditsDialog
from tests.conftest import TODAY
from tests.db_rows import query
from tests.factories import hengda


@pytest.fixture
def dialog(qtbot, db_path: Path, supplier_service: SupplierService) -> Iterator[AuditsDialog]:
    supplier_id = supplier_service.insert_many([hengda()]).created[0]
    supplier_service.database.close()
    workbench = Workbench(db_path, today=lambda: TODAY)
    widget = AuditsDialog(workbench, supplier_id)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    workbench.close()


def _row_of_kind(dialog: AuditsDialog, kind: AnswerKind, start: int = 0) -> int:
    model = dialog.form.answers
    return next(r for r in range(start, model.rowCount()) if model.item(r).kind is kind)


def test_a_new_audit_is_answered_with_keys_and_saved(dialog: AuditsDialog) -> None:
    assert "No audits yet" in dialog.message.text()
    dialog.new_audit()
    assert dialog.audit_list.rowCount() == 1
    view, model = dialog.form.answers_view, dialog.form.answers
    preparation = _row_of_kind(dialog, AnswerKind.PASS_FAIL)  # Before the visit: not scored
    assert "not scored" in model.index(preparation, 0).data()
    first = next(r for r in range(model.rowCount()) if model.item(r).key.startswith("documents."))
    view.setCurrentIndex(model.index(first, ANSWER))
    QTest.keyClick(view, Qt.Key.Key_P)  # pass, and on to the next item
    second = view.currentIndex().row()
    assert second == first + 1
    QTest.keyClick(view, Qt.Key.Key_F)
    assert "1 pass · 1 fail" in dialog.form.score_label.text()
    assert "Score 50.0 %" in dialog.form.score_label.text()
    number_row = _row_of_kind(dialog, AnswerKind.NUMBER)
    item = model.item(number_row)
    assert model.setData(model.index(number_row, ANSWER), "120")
    assert dialog.save()
    audit_id = dialog._audit.id
    answers = query(
        dialog.workbench.path,
        f"SELECT item_key, verdict, number FROM audit_answers WHERE audit_id = {audit_id}",
    )
    stored = {key: (verdict, number) for key, verdict, number in answers}
    assert stored[model.item(first).key] == (Verdict.PASS.value, None)
    assert stored[model.item(second).key][0] == Verdict.FAIL.value
    assert Decimal(stored[item.key][1]) == Decimal(120)
    facts = query(dialog.workbench.path, "SELECT dimension, value, source FROM capacity_facts")
    assert (item.capacity_dimension.value, "120", "audit") in facts


def test_a_wrong_number_is_refused_and_changes_nothing(dialog: AuditsDialog) -> None:
    dialog.new_audit()
    model = dialog.form.answers
    row = _row_of_kind(dialog, AnswerKind.NUMBER)
    assert not model.setData(model.index(row, ANSWER), "about forty")
    assert "not a number" in dialog.form.score_label.text()
    assert model.answers() == {}


def test_a_bad_date_is_refused_with_a_message(dialog: AuditsDialog) -> None:
    dialog.new_audit()
    field = dialog.form.date_edit
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Delete)
    QTest.keyClicks(field, "2026-11-0")  # half typed: Qt holds some date, the text says none
    assert not dialog.save()
    assert "'2026-11-0' is not a date" in dialog.message.text()


def test_result_set_by_hand_needs_a_reason(dialog: AuditsDialog) -> None:
    dialog.new_audit()
    form = dialog.form
    form.result_box.setCurrentIndex(form.result_box.findData("conditional"))
    assert not dialog.save()
    assert "Say why" in dialog.message.text()
    form.reason_edit.setText("营业执照原件未见 licence original not shown")
    assert dialog.save()
    assert "set by hand" in dialog.audit_list.item(0).text()


def test_deleting_an_audit_asks_first(dialog: AuditsDialog, dialogs) -> None:
    dialog.new_audit()
    dialogs.answer = QMessageBox.StandardButton.No
    dialog.delete_audit()
    assert dialog.audit_list.rowCount() == 1
    dialogs.answer = QMessageBox.StandardButton.Yes
    dialog.delete_audit()
    assert dialog.audit_list.rowCount() == 0
    assert query(dialog.workbench.path, "SELECT count(*) FROM audits") == [(0,)]


def test_export_writes_the_results_pdf(
    dialog: AuditsDialog, tmp_path: Path, monkeypatch, dialogs
) -> None:
    dialog.new_audit()
    model = dialog.form.answers
    row = next(r for r in range(model.rowCount()) if model.item(r).key.startswith("documents."))
    model.setData(model.index(row, ANSWER), Verdict.PASS)
    out = tmp_path / "audit.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialogs.answer = QMessageBox.StandardButton.No  # do not open it
    dialog._export()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "义乌市恒达工艺品厂" in text
    assert model.item(row).text_zh.split()[0][:4] in text.replace("\n", "")
    assert not dialog.form.is_dirty()  # saved before printing: paper and database agree


def test_a_planned_audit_says_it_has_no_results_and_offers_its_checklist(
    dialog: AuditsDialog, tmp_path: Path, monkeypatch, dialogs
) -> None:
    """Issue 13: a visit ahead with nothing answered is a plan, not results."""
    from datetime import timedelta

    ahead = TODAY + timedelta(days=12)
    dialog.workbench.audits.start_audit(dialog.supplier_id, None, ahead)
    dialog._load_audits()
    line = dialog.audit_list.item(0).text()
    assert line.endswith("planned, nothing answered yet")
    dialog.audit_view.setCurrentIndex(dialog.audit_list.index(0, 0))
    out = tmp_path / "plan.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialogs.answer = QMessageBox.StandardButton.No  # no, thanks: nothing is written
    dialog._export()
    assert "is planned (in 12 days) and nothing is answered yet" in dialogs.asked[-1]
    assert not out.exists()
    dialogs.answer = QMessageBox.StandardButton.Yes  # yes: its checklist, without results
    dialog._export()
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Results of the audit" not in text and "Factory audit checklist" in text


def test_attached_photos_are_stored_once_and_listed_by_name(
    dialog: AuditsDialog, tmp_path: Path, monkeypatch
) -> None:
    from PIL import Image

    from app.domain.audits.checklist import photo_ref_hash
    from app.store.photos.store import PhotoStore

    good = tmp_path / "车间-2号线.jpg"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(good)
    broken = tmp_path / "not-a-photo.jpg"
    broken.write_text("hello")
    dialog.new_audit()
    view, model = dialog.form.answers_view, dialog.form.answers
    view.setCurrentIndex(model.index(2, ANSWER))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(good), str(broken)], "")
    )
    dialog.attach_photos()
    assert model.index(2, 4).data() == "车间-2号线.jpg"
    assert "not-a-photo.jpg" in dialog.message.text()  # refused, named, the other went on
    dialog.attach_photos()  # the same photo again: listed once
    ref = model.answers()[model.item(2).key].photo_refs
    assert len(ref) == 1 and PhotoStore(dialog.workbench.path).contains(photo_ref_hash(ref[0]))
    assert dialog.save()
    stored = query(dialog.workbench.path, "SELECT photo_refs FROM audit_answers")
    assert "车间-2号线.jpg@" in stored[0][0]


def test_photos_no_longer_attached_leave_no_file_behind(
    dialog: AuditsDialog, tmp_path: Path, monkeypatch, dialogs
) -> None:
    from PIL import Image

    from app.store.photos.store import PhotoStore

    kept, dropped = tmp_path / "kept.jpg", tmp_path / "dropped.jpg"
    Image.new("RGB", (30, 20), (0, 90, 0)).save(kept)
    Image.new("RGB", (30, 20), (90, 0, 0)).save(dropped)
    dialog.new_audit()
    view, model = dialog.form.answers_view, dialog.form.answers
    store = PhotoStore(dialog.workbench.path)
    for row, photo in ((1, kept), (2, dropped)):
        view.setCurrentIndex(model.index(row, ANSWER))
        monkeypatch.setattr(
            QFileDialog, "getOpenFileNames", lambda *a, p=photo, **k: ([str(p)], "")
        )
        dialog.attach_photos()
    assert dialog.save() and len(store.all_hashes()) == 2
    assert model.setData(model.index(2, 4), "")  # the user clears the photo reference
    assert dialog.save()
    assert len(store.all_hashes()) == 1
    dialogs.answer = QMessageBox.StandardButton.Yes
    dialog.delete_audit()
    assert store.all_hashes() == set()
