"""The Samples tab after issue 14: a received date typed makes the sample received, photos on a
new sample before its first save (nothing given is lost), Defects and Verdict in the compare
view, and "Export this comparison" for just the samples compared."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.domain.kit.money import Money
from app.domain.samples.sample import Product, Sample, SampleStatus
from app.services.suppliers.service import SupplierService
from app.services.workbench import Workbench
from app.ui.samples.lists import ID_ROLE
from app.ui.samples.tab import SamplesTab
from tests.conftest import TODAY
from tests.db_rows import query
from tests.factories import hengda, minimal


@pytest.fixture
def workbench(db_path: Path, supplier_service: SupplierService) -> Iterator[Workbench]:
    supplier_service.insert_many([hengda(), minimal("深圳市华强通讯配件有限公司", "Huaqiang")])
    supplier_service.database.close()
    opened = Workbench(db_path, today=lambda: TODAY)
    yield opened
    opened.close()


@pytest.fixture
def product_id(workbench: Workbench) -> int:
    return workbench.samples.save_product(Product(name="Mug", name_zh="马克杯")).products[0]


@pytest.fixture
def tab(qtbot, workbench: Workbench, product_id: int) -> SamplesTab:
    widget = SamplesTab(workbench)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    return widget


def _photo(folder: Path, name: str, colour: tuple[int, int, int]) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    Image.new("RGB", (120, 90), colour).save(path)
    return path


def _add(workbench: Workbench, product_id: int, supplier_id: int, **values: object) -> int:
    sample = Sample(product_id=product_id, supplier_id=supplier_id, **values)  # type: ignore[arg-type]
    return workbench.samples.save_sample(sample).created[0]


# --- 3. the status follows the dates --------------------------------------------------------
def test_a_received_date_typed_in_the_form_makes_the_sample_received(
    tab: SamplesTab, workbench: Workbench, product_id: int
) -> None:
    sample_id = _add(workbench, product_id, 1, requested_on=date(2026, 11, 1))
    tab.reload()
    tab._select(tab.samples_view, tab.samples_proxy, tab.samples, sample_id)
    tab.sample_form.date_edits["received_on"].set_value(date(2026, 11, 20))
    tab.sample_form.save_button.click()
    assert query(workbench.path, "SELECT status FROM samples") == [("received",)]
    assert "Received" in tab.samples.index(0, 3).data()


# --- 4. photos on a new sample --------------------------------------------------------------
def test_photos_dropped_on_a_new_sample_with_its_fields_filled_save_it_with_them(
    tab: SamplesTab, workbench: Workbench, tmp_path: Path, dialogs
) -> None:
    tab.new_sample()
    form = tab.sample_form
    form.supplier_box.setCurrentIndex(form.supplier_box.findData(2))
    form.price_edit.setText("¥3.20")
    assert tab.gallery.isEnabled() and tab.import_button.isEnabled()
    tab.import_photos([_photo(tmp_path / "cam", "front.jpg", (200, 30, 30))])
    assert query(workbench.path, "SELECT supplier_id, price_minor FROM samples") == [(2, 320)]
    assert query(workbench.path, "SELECT original_name FROM sample_photos") == [("front.jpg",)]
    assert tab._sample is not None and tab._sample.id is not None
    assert tab._gallery_model.rowCount() == 1 and tab.waiting_note.isHidden()


def test_photos_wait_for_a_new_sample_that_cannot_be_saved_yet(
    tab: SamplesTab, workbench: Workbench, tmp_path: Path, dialogs
) -> None:
    tab.new_sample()
    form = tab.sample_form
    photos = [
        _photo(tmp_path / "cam", "front.jpg", (200, 30, 30)),
        _photo(tmp_path / "cam", "defect.png", (30, 30, 200)),
    ]
    tab.import_photos(photos)
    assert query(workbench.path, "SELECT count(*) FROM samples") == [(0,)]
    assert form.errors_shown()["supplier_id"] == "Choose the supplier."  # what stops it
    assert tab._gallery_model.rowCount() == 2 and not tab.waiting_note.isHidden()
    assert len(tab.store.all_hashes()) == 2  # the files are safe in the store already
    # A refused save keeps them waiting.
    form.price_edit.setText("thirty")
    form.supplier_box.setCurrentIndex(form.supplier_box.findData(1))
    form.save_button.click()
    assert query(workbench.path, "SELECT count(*) FROM samples") == [(0,)]
    assert len(tab._waiting) == 2 and tab._gallery_model.rowCount() == 2
    # Tag one while it waits; the first save that succeeds takes them along.
    tab.gallery.setCurrentIndex(tab._gallery_model.index(1))
    tab.caption_edit.setText("缝线 seam")
    tab.angle_box.setCurrentIndex(tab.angle_box.findData("defect"))
    tab.update_current_photo()
    form.price_edit.setText("3,200")
    form.save_button.click()
    assert query(workbench.path, "SELECT price_minor FROM samples") == [(320000,)]
    assert query(
        workbench.path, "SELECT original_name, caption, angle FROM sample_photos ORDER BY position"
    ) == [("front.jpg", "", "other"), ("defect.png", "缝线 seam", "defect")]
    assert tab._waiting == [] and tab.waiting_note.isHidden()
    assert tab.samples.rowCount() == 1


def test_leaving_a_new_sample_with_waiting_photos_asks_first(
    qtbot, tab: SamplesTab, workbench: Workbench, product_id: int, tmp_path: Path, dialogs
) -> None:
    kept = _add(workbench, product_id, 1)
    tab.reload()
    tab.new_sample()
    tab.import_photos([_photo(tmp_path / "cam", "front.jpg", (200, 30, 30))])
    assert len(tab._waiting) == 1
    dialogs.answer = QMessageBox.StandardButton.No
    tab._select(tab.samples_view, tab.samples_proxy, tab.samples, kept)
    qtbot.waitUntil(lambda: not tab.samples_view.selectionModel().hasSelection())
    assert tab._sample is not None and tab._sample.id is None  # stayed on the new sample
    assert len(tab._waiting) == 1 and not tab.confirm_leave()
    assert any("1 photo(s) wait" in asked for asked in dialogs.asked)
    dialogs.answer = QMessageBox.StandardButton.Yes
    tab._select(tab.samples_view, tab.samples_proxy, tab.samples, kept)
    assert tab._sample is not None and tab._sample.id == kept and tab._waiting == []
    assert tab.store.all_hashes() == set()  # nothing shows the dropped photo: no orphan file


def test_a_waiting_photo_removed_leaves_no_file(tab: SamplesTab, tmp_path: Path, dialogs) -> None:
    tab.new_sample()
    tab.import_photos([_photo(tmp_path / "cam", "front.jpg", (200, 30, 30))])
    (photo_hash,) = tab.store.all_hashes()
    dialogs.answer = QMessageBox.StandardButton.Yes
    tab.remove_photos([photo_hash])
    assert tab._waiting == [] and tab.store.all_hashes() == set()
    assert tab.confirm_leave()


# --- 6. the compare view and its export ----------------------------------------------------------
def _compared(tab: SamplesTab, workbench: Workbench, product_id: int) -> list[int]:
    values = {"price": Money(Decimal(30)), "status": SampleStatus.RECEIVED}
    first = _add(workbench, product_id, 1, defects="把手松 loose handle", verdict="No", **values)
    second = _add(workbench, product_id, 2, verdict="Best glaze 最好", **values)
    _add(workbench, product_id, 2, variant="left out", verdict="not compared", **values)
    tab.reload()
    selection = tab.samples_view.selectionModel()
    tab.samples_view.clearSelection()
    for sample_id in (first, second):
        row = tab.samples_proxy.mapFromSource(tab.samples.index(tab.samples.row_of(sample_id), 0))
        selection.select(row, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    tab.compare_selected()
    return [first, second]


def test_the_compare_view_shows_defects_and_verdict(
    tab: SamplesTab, workbench: Workbench, product_id: int
) -> None:
    first, second = _compared(tab, workbench, product_id)
    model = tab.compare_view.table_model
    names = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert names[-2:] == ["Defects", "Verdict"]
    defects, verdict = model.findings_row("defects"), model.findings_row("verdict")
    columns = [model.column_of(first), model.column_of(second)]
    assert [model.index(defects, c).data() for c in columns] == ["把手松 loose handle", "—"]
    assert [model.index(verdict, c).data() for c in columns] == ["No", "Best glaze 最好"]


def test_export_this_comparison_writes_just_the_samples_compared(
    tab: SamplesTab, workbench: Workbench, product_id: int, tmp_path: Path, monkeypatch
) -> None:
    _compared(tab, workbench, product_id)
    out = tmp_path / "out" / "mug"
    out.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Excel workbook (*.xlsx)")
    )
    offered: list[Path] = []
    monkeypatch.setattr(
        "app.ui.widgets.open_file.offer_to_open", lambda _parent, path, _text: offered.append(path)
    )
    assert tab.compare_view.export_button.isEnabled()
    tab.compare_view.export_button.click()
    written = out.with_name("mug.xlsx")
    assert offered == [written]
    sheet = load_workbook(written).worksheets[0]
    texts = {str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value}
    assert "Best glaze 最好" in texts and "把手松 loose handle" in texts
    assert "not compared" not in texts and "left out" not in texts


def test_choosing_another_product_with_waiting_photos_asks_and_can_stay(
    qtbot, tab: SamplesTab, workbench: Workbench, product_id: int, tmp_path: Path, dialogs
) -> None:
    other = workbench.samples.save_product(Product(name="Bowl")).products[0]
    tab.reload()
    tab._select(tab.products_view, tab.products_proxy, tab.products, product_id)
    tab.new_sample()
    tab.import_photos([_photo(tmp_path / "cam", "front.jpg", (200, 30, 30))])
    dialogs.answer = QMessageBox.StandardButton.No
    tab._select(tab.products_view, tab.products_proxy, tab.products, other)
    qtbot.waitUntil(
        lambda: tab.products_view.currentIndex().data(ID_ROLE) == product_id, timeout=2000
    )
    assert tab._product_id == product_id and len(tab._waiting) == 1
    assert tab._sample is not None and tab._sample.id is None
