"""File ▸ Import and File ▸ Export in the window: the same services as the command line."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QDialog, QFileDialog, QTreeWidgetItem

from app.ui.import_preview import ImportPreviewDialog
from app.ui.main_window import MainWindow
from tests.ui.conftest import DialogAnswers


def answer_file_dialog(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, lambda *a, **k: (str(path), ""))


class PreviewAnswers:
    """Answers the import preview (Import or Cancel) and keeps what it showed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, accept: bool) -> None:
        self.accept = accept
        self.shown: list[tuple[str, list[str]]] = []
        monkeypatch.setattr(ImportPreviewDialog, "exec", lambda dialog: self._exec(dialog))

    def _exec(self, dialog: ImportPreviewDialog) -> int:
        lines: list[str] = []

        def walk(item: QTreeWidgetItem) -> None:  # the list as shown, top to bottom
            for index in range(item.childCount()):
                lines.append(item.child(index).text(0))
                walk(item.child(index))

        walk(dialog.details.invisibleRootItem())
        self.shown.append((dialog.summary.text(), lines))
        accepted, rejected = QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected
        return int((accepted if self.accept else rejected).value)


def test_import_adds_rows_to_the_table(
    window: MainWindow, tmp_path: Path, monkeypatch, filled_db: Path, dialogs: DialogAnswers
) -> None:
    source = tmp_path / "new.csv"
    source.write_text(
        "供应商名称,城市,回头率\n晋江市鸿星鞋业有限公司,晋江,41\n", encoding="gb18030"
    )
    answer_file_dialog(monkeypatch, source)
    preview = PreviewAnswers(monkeypatch, accept=True)
    window.import_suppliers()
    assert dialogs.asked == []
    assert preview.shown[0][0] == "Import new.csv?\n1 new, 0 updated, 0 unchanged."
    tab = window.suppliers_tab
    assert tab.filter_bar.count_label.text() == "4 suppliers"
    with sqlite3.connect(filled_db) as connection:
        assert connection.execute(
            "SELECT city, reorder_rate FROM suppliers WHERE name_zh LIKE '晋江%'"
        ).fetchall() == [("晋江", "41")]


def test_a_bad_import_lists_the_rows_and_changes_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch, filled_db: Path, dialogs: DialogAnswers
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("name_zh,reorder_rate\n甲工厂,50\n乙工厂,abc\n", encoding="utf-8")
    answer_file_dialog(monkeypatch, source)
    window.import_suppliers()
    assert "Nothing was imported" in dialogs.asked[-1] and "row 3" in dialogs.asked[-1]
    with sqlite3.connect(filled_db) as connection:
        assert connection.execute("SELECT count(*) FROM suppliers").fetchone() == (3,)


def _changed_list(tmp_path: Path) -> Path:
    source = tmp_path / "changed.csv"
    source.write_text(
        "供应商名称,城市,回头率\n"
        "义乌市恒达工艺品厂,义乌,50\n"  # stored: 45.5
        "深圳市华强通讯配件有限公司,深圳,\n"  # as stored
        "恒达工艺品有限公司,金华,\n",  # new, and like 义乌市恒达工艺品厂
        encoding="utf-8",
    )
    return source


def _rows(db: Path) -> list[tuple[str, str | None]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT coalesce(nullif(name_zh, ''), name_en), reorder_rate FROM suppliers ORDER BY id"
        ).fetchall()


def test_cancelling_the_import_preview_writes_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch, filled_db: Path
) -> None:
    before = _rows(filled_db)
    answer_file_dialog(monkeypatch, _changed_list(tmp_path))
    preview = PreviewAnswers(monkeypatch, accept=False)
    window.import_suppliers()
    summary, lines = preview.shown[0]
    assert summary == (
        "Import changed.csv?\n1 new, 1 updated, 1 unchanged. 1 of the new looks like an"
        " existing supplier (imported as new all the same)."
    )
    assert lines[:3] == [
        "Updated (1)",
        "row 2 义乌市恒达工艺品厂 (same Chinese name and city)",
        "回头率: 45.5 → 50",
    ]
    assert "row 4 '恒达工艺品有限公司' ~ '义乌市恒达工艺品厂' (very similar name)" in lines
    assert "Unchanged (1)" in lines
    assert _rows(filled_db) == before
    assert window.suppliers_tab.filter_bar.count_label.text() == "3 suppliers"
    assert "nothing of changed.csv was imported" in window.statusBar().currentMessage()


def test_importing_from_the_preview_updates_and_adds(
    window: MainWindow, tmp_path: Path, monkeypatch, filled_db: Path
) -> None:
    answer_file_dialog(monkeypatch, _changed_list(tmp_path))
    PreviewAnswers(monkeypatch, accept=True)
    window.import_suppliers()
    rows = _rows(filled_db)
    assert len(rows) == 4
    assert ("义乌市恒达工艺品厂", "50") in rows
    assert rows[-1] == ("恒达工艺品有限公司", None)
    assert window.suppliers_tab.filter_bar.count_label.text() == "4 suppliers"
    message = window.statusBar().currentMessage()
    assert message.startswith("Imported changed.csv: 1 new, 1 updated, 1 unchanged")


def test_export_writes_what_the_table_shows(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    window.suppliers_tab.filter_bar.text_box.setText("shenzhen")
    out = tmp_path / "shown.xlsx"
    answer_file_dialog(monkeypatch, out)
    window.export(".xlsx")
    sheet = load_workbook(out)["Suppliers"]
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["深圳市华强通讯配件有限公司"]


def test_the_window_starts_without_loading_heavy_libraries() -> None:
    """SQLAlchemy, openpyxl, reportlab and Alembic load after the first paint, not before."""
    code = (
        "import sys, app.ui.app;"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'sqlalchemy', 'openpyxl', 'reportlab', 'alembic', 'pypinyin', 'PIL', 'pypdfium2'});"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.strip() == ""


def test_export_from_the_matrix_tab_writes_its_rows(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    window.tabs.setCurrentWidget(window.host("matrix"))
    window.tab("matrix").wait_until_loaded()
    window.tab("matrix").filter_bar.text_box.setText("shenzhen")
    out = tmp_path / "matrix.xlsx"
    answer_file_dialog(monkeypatch, out)
    window.export(".xlsx")  # Ctrl+E: the current tab
    sheet = load_workbook(out).worksheets[0]
    values = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert any("深圳市华强通讯配件有限公司" in value for value in values)
    assert not any("恒达" in value for value in values)


def test_print_preview_renders_the_current_tabs_report(window: MainWindow, monkeypatch) -> None:
    from app.ui.widgets import pdf_printing

    previewed: list[tuple[str, str]] = []

    def fake_preview(pdf: Path, parent: object) -> None:
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
        previewed.append((pdf.name, text.stdout))

    monkeypatch.setattr(pdf_printing, "preview_pdf", fake_preview)
    window.tabs.setCurrentWidget(window.host("matrix"))
    window.tab("matrix").wait_until_loaded()
    window.print_tab(preview=True)
    assert [name for name, _ in previewed] == ["matrix.pdf"]
    assert "Capacity & Credit matrix" in previewed[0][1]
    assert "深圳市华强通讯配件有限公司" in previewed[0][1]


def test_backup_copies_the_database_and_its_photos(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from PIL import Image

    from app.store.photos.store import PhotoStore

    photo = tmp_path / "样品.jpg"
    Image.new("RGB", (30, 20), (10, 120, 60)).save(photo)
    stored = PhotoStore(window.session.workbench.path).import_file(photo)
    out = tmp_path / "backups" / "copy.backup"
    answer_file_dialog(monkeypatch, out)
    window.backup()
    with sqlite3.connect(out / "database.sqlite3") as connection:
        assert connection.execute("SELECT count(*) FROM suppliers").fetchone() == (3,)
    assert PhotoStore(out / "database.sqlite3").all_hashes() == {stored.hash}
    assert (out / "manifest.json").is_file()


def test_restore_from_backup_in_the_window_keeps_the_current_file(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from app.store.backup_set import write_backup
    from app.ui import backups

    path = window.session.workbench.path
    backup = write_backup(path, tmp_path / "before.backup").folder
    window.tab("suppliers").new_supplier()
    window.tab("suppliers").editor.name_zh.setText("温州新星鞋厂")
    assert window.tab("suppliers").save() and window.tab("suppliers").model.total == 4
    monkeypatch.setattr(backups, "choose_backup", lambda database, settings, parent: backup)
    window.restore_from_backup()
    assert window.session.workbench.path == path
    assert window.tab("suppliers").model.total == 3  # the backup's suppliers, on screen
    kept = list(path.parent.glob("*.before-restore-*.sqlite3"))
    with sqlite3.connect(kept[0]) as connection:
        assert connection.execute("SELECT count(*) FROM suppliers").fetchone() == (4,)


def test_export_from_the_samples_tab_writes_the_comparison(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from decimal import Decimal

    from app.domain.kit.money import Money
    from app.domain.samples.sample import Product, Sample

    samples = window.session.workbench.samples
    product_id = samples.save_product(Product(name="Mug", name_zh="马克杯")).products[0]
    samples.save_sample(Sample(product_id=product_id, supplier_id=1, price=Money(Decimal(9))))
    window.tabs.setCurrentWidget(window.host("samples"))
    out = tmp_path / "samples.xlsx"
    answer_file_dialog(monkeypatch, out)
    window.export(".xlsx")  # Ctrl+E: the current tab
    sheet = load_workbook(out).worksheets[0]
    values = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert any("马克杯" in value for value in values)


def test_the_first_open_of_the_day_makes_an_automatic_backup(
    qtbot, window: MainWindow, data_dir: Path
) -> None:
    from app.store.auto_backup import list_backups

    path = window.session.workbench.path
    qtbot.waitUntil(lambda: bool(list_backups(path)), timeout=10_000)
    (made,) = list_backups(path)
    assert made.counts["suppliers"] == 3 and data_dir in made.folder.parents


def test_after_an_export_the_file_can_be_opened_or_shown_in_its_folder(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    out = tmp_path / "suppliers.xlsx"
    answer_file_dialog(monkeypatch, out)
    window.export(".xlsx")
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    next(b for b in box.buttons() if "folder" in b.text()).click()
    assert opened == [str(tmp_path)]
