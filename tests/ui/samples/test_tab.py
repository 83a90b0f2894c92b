"""The Samples tab as a user drives it: products, samples, photos, golden sample, compare."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtWidgets import QInputDialog, QMessageBox

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
    supplier_service.insert_many(
        [hengda(), minimal("深圳市华强通讯配件有限公司", "Huaqiang Phone Parts")]
    )
    supplier_service.database.close()
    opened = Workbench(db_path, today=lambda: TODAY)
    yield opened
    opened.close()


@pytest.fixture
def tab(qtbot, workbench: Workbench) -> SamplesTab:
    widget = SamplesTab(workbench)
    qtbot.addWidget(widget)
    widget.resize(1360, 800)
    widget.show()
    return widget


def _photo(folder: Path, name: str, colour: tuple[int, int, int]) -> Path:
    path = folder / name
    Image.new("RGB", (120, 90), colour).save(path)
    return path


def _product_with_samples(workbench: Workbench) -> tuple[int, int, int]:
    samples = workbench.samples
    product_id = samples.save_product(
        Product(name="Phone case", name_zh="手机壳", length_cm=Decimal("15.0"))
    ).products[0]
    first = samples.save_sample(
        Sample(
            product_id=product_id,
            supplier_id=1,
            price=Money(Decimal(30)),
            shipping=Money(Decimal(12)),
            status=SampleStatus.RECEIVED,
            received_on=TODAY,
            length_cm=Decimal("15.2"),
            scores={"appearance": 4},
        )
    ).created[0]
    second = samples.save_sample(
        Sample(
            product_id=product_id,
            supplier_id=2,
            price=Money(Decimal(25)),
            shipping=Money(Decimal(10)),
            status=SampleStatus.RECEIVED,
            received_on=TODAY,
            length_cm=Decimal("14.1"),
            scores={"appearance": 5},
        )
    ).created[0]
    return product_id, first, second


def _choose(tab: SamplesTab, sample_id: int) -> None:
    tab._select(tab.samples_view, tab.samples_proxy, tab.samples, sample_id)


def test_a_new_product_and_sample_are_stored(tab: SamplesTab, monkeypatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("保温杯 Vacuum flask", True))
    tab.new_product()
    assert tab.products.rowCount() == 1
    tab.new_sample()
    form = tab.sample_form
    form.supplier_box.setCurrentIndex(form.supplier_box.findData(2))
    form.variant_edit.setText("黑色 black")
    form.price_edit.setText("35.50")
    form.shipping_edit.setText("12")
    form.save_button.click()
    rows = query(tab.workbench.path, "SELECT supplier_id, variant, price_minor FROM samples")
    assert rows == [(2, "黑色 black", 3550)]
    assert tab.samples.rowCount() == 1
    assert "47.50 CNY" in tab.samples.index(0, 4).data()


def test_a_wrong_price_is_refused_and_nothing_is_stored(tab: SamplesTab, monkeypatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Mug", True))
    tab.new_product()
    tab.new_sample()
    tab.sample_form.price_edit.setText("thirty")
    tab.sample_form.save_button.click()
    shown = tab.sample_form.errors_shown()
    assert "not a number" in shown["price"]  # under the price, with the supplier's at once
    assert shown["supplier_id"] == "Choose the supplier."
    assert query(tab.workbench.path, "SELECT count(*) FROM samples") == [(0,)]


def test_photos_import_show_and_leave_no_file_behind_when_removed(
    qtbot, tab: SamplesTab, workbench: Workbench, tmp_path: Path, dialogs
) -> None:
    _product_id, first, _second = _product_with_samples(workbench)
    tab.reload()
    _choose(tab, first)
    assert tab._sample_id() == first
    photo = _photo(tmp_path, "正面-front.jpg", (200, 40, 40))
    tab.import_photos([photo])
    model = tab._gallery_model
    assert model.rowCount() == 1
    qtbot.waitUntil(lambda: model.is_loaded(0), timeout=5000)
    stored = tab.store.all_hashes()
    assert len(stored) == 1
    dialogs.answer = QMessageBox.StandardButton.Yes
    tab.remove_photos(list(stored))
    assert model.rowCount() == 0
    assert tab.store.all_hashes() == set()  # no orphan file left
    assert query(tab.workbench.path, "SELECT count(*) FROM sample_photos") == [(0,)]


def test_golden_sample_and_compare(tab: SamplesTab, workbench: Workbench) -> None:
    _product_id, _first, second = _product_with_samples(workbench)
    tab.reload()
    tab.samples_view.selectAll()
    assert tab.compare_button.isEnabled()
    tab.compare_selected()
    assert tab.side_tabs.currentIndex() == 2
    compared = tab.compare_view.table_model
    assert compared.columnCount() == 2 and compared.rowCount() > 3
    texts = [
        compared.index(r, c).data() or "" for r in range(compared.rowCount()) for c in range(2)
    ]
    assert any("★" in text for text in texts)  # the best value of a row is marked
    tab.make_golden(second)
    assert workbench.samples.sample(second).golden
    golden = [tab.samples.index(r, 0).data() for r in range(tab.samples.rowCount())]
    assert golden.count("★") == 1
    assert tab.products.index(0, 3).data() == "★ chosen"


def test_deleting_a_sample_asks_and_removes_its_photo_files(
    tab: SamplesTab, workbench: Workbench, tmp_path: Path, dialogs
) -> None:
    _product_id, first, _second = _product_with_samples(workbench)
    tab.reload()
    _choose(tab, first)
    tab.import_photos([_photo(tmp_path, "detail.png", (20, 90, 200))])
    dialogs.answer = QMessageBox.StandardButton.No
    tab.delete_sample()
    assert query(tab.workbench.path, "SELECT count(*) FROM samples") == [(2,)]
    dialogs.answer = QMessageBox.StandardButton.Yes
    tab.delete_sample()
    assert query(tab.workbench.path, "SELECT count(*) FROM samples") == [(1,)]
    assert tab.store.all_hashes() == set()
    remaining = [tab.samples.index(r, 0).data(ID_ROLE) for r in range(tab.samples.rowCount())]
    assert first not in remaining


def test_a_photo_an_audit_still_uses_is_kept_when_the_sample_goes(
    tab: SamplesTab, workbench: Workbench, tmp_path: Path, dialogs
) -> None:
    from app.domain.audits.checklist import Answer, attached_photo_ref

    _product_id, first, _second = _product_with_samples(workbench)
    tab.reload()
    _choose(tab, first)
    tab.import_photos([_photo(tmp_path, "车间.jpg", (90, 90, 10))])
    (photo_hash,) = tab.store.all_hashes()
    audit = workbench.audits.start_audit(1)
    key = audit.template.items()[0].key
    ref = attached_photo_ref("车间.jpg", photo_hash)
    workbench.audits.save_answers(audit.id, [Answer(key, photo_refs=(ref,))])
    dialogs.answer = QMessageBox.StandardButton.Yes
    tab.delete_sample()
    assert tab.store.all_hashes() == {photo_hash}  # the audit still shows it
