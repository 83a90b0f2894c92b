"""The samples demo: four products with 3-5 samples each at every stage, golden samples where
decided, and a compare view with something to say in every kind of row."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from app.demo import demo_suppliers, fill_demo
from app.demo.matrix import shop_slug
from app.demo.samples import PRODUCTS
from app.domain.kit.money import Money
from app.domain.samples.sample import PhotoAngle, SampleStatus
from app.domain.suppliers.choices import BusinessType
from app.services.photo_check import check_workbench
from app.services.samples.records import ProductSummary, SampleSummary
from app.services.samples.service import SampleService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.opening import open_database_file
from app.store.photos.store import PhotoStore
from tests.conftest import TODAY


@dataclass
class Demo:
    samples: SampleService
    products: dict[str, ProductSummary]  # by Chinese name
    rows: dict[str, list[SampleSummary]]
    slugs: dict[int, str]  # supplier id -> shop slug


def _filled(path: Path, today: date) -> tuple[Database, Demo]:
    open_database_file(path)
    database = Database(path)
    suppliers = SupplierService(database, today=lambda: today)
    fill_demo(suppliers)  # as the CLI calls it
    samples = SampleService(database, today=lambda: today)
    products = {p.name_zh: p for p in samples.products()}
    rows = {name: samples.samples_of(p.id) for name, p in products.items()}
    slugs = {s.id or 0: shop_slug(s.shop_url) for s in suppliers.all_records()}
    return database, Demo(samples, products, rows, slugs)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    database, filled = _filled(tmp_path_factory.mktemp("demo") / "demo.sqlite3", TODAY)
    yield filled
    database.close()


def test_four_products_with_three_to_five_samples_each(demo: Demo) -> None:
    assert set(demo.products) == {"磁吸手机支架", "500毫升保温杯", "帆布托特包", "硅胶解压玩具"}
    assert {name: len(rows) for name, rows in demo.rows.items()} == {
        "磁吸手机支架": 4,
        "500毫升保温杯": 4,
        "帆布托特包": 3,
        "硅胶解压玩具": 4,
    }
    assert all(p.name and p.category for p in demo.products.values())
    # Every demo sample found its supplier: none was left out silently.
    known = {shop_slug(s.shop_url) for s in demo_suppliers(TODAY)}
    assert {s.slug for entry in PRODUCTS for s in entry.samples} <= known


def test_samples_are_at_every_stage_with_dates_in_order(demo: Demo) -> None:
    samples = [row.sample for rows in demo.rows.values() for row in rows]
    assert {s.status for s in samples} == set(SampleStatus)
    for sample in samples:
        dates = [d for d in (sample.requested_on, sample.shipped_on, sample.received_on) if d]
        assert dates == sorted(dates) and all(d <= TODAY for d in dates)
        in_hand = sample.status not in (SampleStatus.REQUESTED, SampleStatus.SHIPPED)
        assert (sample.received_on is not None) == in_hand
        assert bool(sample.scores) == in_hand


def test_golden_samples_where_the_buyer_has_decided(demo: Demo) -> None:
    golden = {
        name: [demo.slugs[r.sample.supplier_id or 0] for r in rows if r.sample.golden]
        for name, rows in demo.rows.items()
    }
    assert golden == {
        "磁吸手机支架": ["hengtongwj"],
        "500毫升保温杯": [],
        "帆布托特包": ["hongyuanbags"],
        "硅胶解压玩具": [],
    }
    for name, product in demo.products.items():
        chosen = [r.sample.id for r in demo.rows[name] if r.sample.golden]
        assert product.golden_sample_id == (chosen[0] if chosen else None)
        assert all(
            r.sample.status is SampleStatus.APPROVED for r in demo.rows[name] if r.sample.golden
        )


def test_money_is_exact_with_a_free_sample_and_a_usd_quote(demo: Demo) -> None:
    samples = [row.sample for rows in demo.rows.values() for row in rows]
    assert sum(s.free for s in samples) == 1
    # 1688 trades in CNY: the one USD quote is a trading company's, from Alibaba.com.
    usd = [s for s in samples if s.price is not None and s.price.currency == "USD"]
    assert [s.price for s in usd] == [Money.from_minor(90, "USD")]
    assert "Alibaba.com" in usd[0].verdict
    trader = next(sup for sup in demo_suppliers(TODAY) if shop_slug(sup.shop_url) == "ruifengtrade")
    assert trader.business_type is BusinessType.TRADING and "Alibaba.com" in trader.notes
    assert any(s.price is None and s.shipping is None for s in samples)  # only requested


def test_the_compare_view_has_marks_notes_and_a_rejected_bargain(demo: Demo) -> None:
    stand = demo.samples.compare(demo.products["磁吸手机支架"].id)
    statuses = [sample.status for sample in stand.samples]
    cheapest = [cell.best for cell in stand.row("total").cells]
    assert cheapest == [s is SampleStatus.REJECTED for s in statuses]  # cheap, and rejected
    golden = [sample.golden for sample in stand.samples]
    assert [cell.best for cell in stand.row("length_cm").cells] == golden
    toy = demo.samples.compare(demo.products["硅胶解压玩具"].id)
    assert toy.row("total").note == "In CNY and USD: not compared without an exchange rate."
    flask = demo.samples.compare(demo.products["500毫升保温杯"].id)
    heat = flask.row("criterion:Keeps 95 °C above 60 °C for 6 h")
    assert [c.value for c in heat.cells][:2] == ["pass", "fail"]
    assert [c.best for c in heat.cells] == [True, False, False, False]


def test_every_sample_has_two_to_four_photos_with_angles_and_captions(demo: Demo) -> None:
    rows = [row for rows in demo.rows.values() for row in rows]
    assert all(2 <= row.photo_count <= 4 for row in rows)
    photos = [photo for row in rows for photo in demo.samples.photos(row.sample.id or 0)]
    assert {photo.angle for photo in photos} == set(PhotoAngle) - {PhotoAngle.SIDE}
    assert all(photo.caption and photo.original_name for photo in photos)
    assert any("瑕疵" in photo.caption for photo in photos)  # Chinese captions
    defects = [p for p in photos if p.angle is PhotoAngle.DEFECT]
    with_defects = [r for r in rows if r.sample.defects and r.sample.received_on]
    assert len(defects) == len(with_defects) > 0  # the buyer photographed each defect noted


def test_the_photos_are_real_files_of_every_kind_the_store_takes(demo: Demo) -> None:
    store = PhotoStore(demo.samples.database.path)
    hashes = demo.samples.referenced_hashes()
    assert store.all_hashes() == hashes
    kinds: dict[tuple[str, str, int], list[str]] = {}
    for photo_hash in hashes:
        with Image.open(store.path_of(photo_hash)) as picture:
            orientation = picture.getexif().get(0x0112, 1)
            kinds.setdefault((picture.format, picture.mode, orientation), []).append(photo_hash)
            assert store.cached_thumbnail(photo_hash) is not None
    assert len(kinds[("PNG", "RGBA", 1)]) == 1  # a listing render on a transparent background
    sideways = kinds[("JPEG", "RGB", 6)]  # the carton photos, as a phone held on its side
    assert len(sideways) >= 5
    with Image.open(store.path_of(sideways[0])) as stored:
        assert stored.size == (720, 960)
    assert store.open_image(sideways[0]).size == (960, 720)  # shown upright
    assert len(kinds[("JPEG", "RGB", 1)]) > len(hashes) // 2


def test_the_demo_photos_check_clean(demo: Demo) -> None:
    assert check_workbench(demo.samples.database.path) == []


def test_the_demo_follows_today(demo: Demo, tmp_path: Path) -> None:
    later = date(2027, 3, 1)
    database, filled = _filled(tmp_path / "later.sqlite3", later)
    try:
        samples = [row.sample for rows in filled.rows.values() for row in rows]
        assert max(s.requested_on for s in samples if s.requested_on) == date(2027, 2, 26)
        assert all(s.received_on is None or s.received_on <= later for s in samples)
        # The photos are drawn, not dated: the same pixels and bytes whatever the day.
        assert filled.samples.referenced_hashes() == demo.samples.referenced_hashes()
    finally:
        database.close()


def test_1688_shops_quote_in_cny_and_zto_numbers_are_digits_only(demo: Demo) -> None:
    """Issue 13: no USD price from a 1688 shop; a ZTO (中通) tracking number has no letters."""
    for entry in PRODUCTS:
        for sample in entry.samples:
            if "USD" in sample.price + sample.shipping:
                assert sample.slug == "ruifengtrade" and "Alibaba.com" in sample.verdict
            assert not sample.tracking.startswith("ZT"), sample.tracking
    zto = [s.tracking for e in PRODUCTS for s in e.samples if s.tracking.startswith("78")]
    assert zto and all(number.isdigit() for number in zto)
