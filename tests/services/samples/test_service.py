"""SampleService: samples with real values in the database, every validation rule refused with
nothing written, the golden-sample rule, delete and undo, and the comparison."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.kit.money import Money
from app.domain.samples.sample import PassFail, Product, SampleStatus
from app.errors import DatabaseError, NotFound, ValidationError
from app.services.samples.service import SampleService
from app.services.suppliers.service import SupplierService
from app.services.workbench import Workbench
from tests.conftest import TODAY
from tests.db_rows import query
from tests.services.samples.fixtures import HINGE, Imported, World, make_world, photo_hash

D = Decimal
SAMPLE_TABLES = ("products", "product_criteria", "samples", "sample_scores", "sample_photos")


@pytest.fixture
def world(database, supplier_service: SupplierService) -> World:
    return make_world(SampleService(database, today=lambda: TODAY), supplier_service)


def _stored(db_path: Path) -> dict[str, list[tuple]]:
    return {t: query(db_path, f"SELECT * FROM {t} ORDER BY id") for t in SAMPLE_TABLES}


# --- samples: stored exactly ---------------------------------------------------------------------
def test_a_sample_is_stored_with_exact_values(world: World, db_path: Path) -> None:
    sample_id = world.add()
    assert query(
        db_path,
        "SELECT product_id, supplier_id, variant, price_minor, price_currency, shipping_minor, "
        "shipping_currency, free, requested_on, shipped_on, received_on, tracking_number, "
        "status, length_cm, width_cm, weight_kg, defects, verdict, golden FROM samples",
    ) == [
        (
            world.product_id,
            world.hengda,
            "黑色 black",
            1550,  # fen, never a float
            "CNY",
            800,
            "CNY",
            0,
            "2026-11-01",
            "2026-11-03",
            "2026-11-09",
            "SF1234567890",
            "received",
            "12.30",  # Decimal text, as typed
            None,
            "0.160",
            "Small scratch on the base.",
            "Good; ask for a darker grey.",
            0,
        )
    ]
    assert query(db_path, "SELECT criterion, value FROM sample_scores ORDER BY id") == [
        ("appearance", "4"),
        ("function", "5"),
        (HINGE, "pass"),
    ]
    assert world.samples.sample(sample_id) == world.sample(id=sample_id)


def test_a_yen_price_and_a_free_sample_round_trip(world: World, db_path: Path) -> None:
    free = world.add(free=True, price=None, shipping=Money(D(1500), "JPY"), scores={})
    assert query(
        db_path, "SELECT price_minor, shipping_minor, shipping_currency, free FROM samples"
    ) == [(None, 1500, "JPY", 1)]
    assert world.samples.sample(free).shipping == Money(D(1500), "JPY")
    assert world.samples.sample(free).free is True


def test_saving_again_replaces_the_sample_and_all_its_scores(world: World, db_path: Path) -> None:
    sample_id = world.add()
    change = world.samples.save_sample(
        world.sample(id=sample_id, status=SampleStatus.EVALUATED, scores={"material": 3})
    )
    assert change.updated == (sample_id,) and change.created == ()
    assert change.products == (world.product_id,)
    assert query(db_path, "SELECT criterion, value FROM sample_scores") == [("material", "3")]
    assert world.samples.sample(sample_id).status is SampleStatus.EVALUATED


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"shipped_on": date(2026, 10, 30)}, "shipped_on"),  # before requested
        ({"received_on": date(2026, 11, 2)}, "received_on"),  # before shipped
        ({"received_on": date(2026, 11, 30)}, "received_on"),  # tomorrow
        ({"price": Money(D("-1"), "CNY")}, "price"),
        ({"shipping": Money(D("8.005"), "CNY")}, "shipping"),
        ({"free": True}, "price"),  # free, yet priced
        ({"length_cm": D(0)}, "length_cm"),
        ({"weight_kg": D("-0.1")}, "weight_kg"),
        ({"height_cm": 2.5}, "height_cm"),
        ({"scores": {"appearance": 6}}, "scores.appearance"),
        ({"scores": {HINGE: 1}}, "scores.Hinge holds 10 kg"),
        ({"scores": {"Colour fastness": 3}}, "scores.Colour fastness"),
        ({"golden": True}, "golden"),  # not approved
        ({"status": "arrived"}, "status"),
        ({"supplier_id": None}, "supplier_id"),
        ({"tracking_number": "1" * 101}, "tracking_number"),
    ],
)
def test_every_rule_refuses_and_writes_nothing(
    world: World, db_path: Path, changes: dict, field: str
) -> None:
    kept = world.add()
    before = _stored(db_path)
    for sample in (world.sample(**changes), world.sample(id=kept, **changes)):
        with pytest.raises(ValidationError) as refused:
            world.samples.save_sample(sample)
        assert list(refused.value.field_errors) == [field]
        assert _stored(db_path) == before


def test_a_missing_product_supplier_or_sample_is_not_found(world: World, db_path: Path) -> None:
    before = _stored(db_path)
    for changes, wanted in (
        ({"product_id": 99}, "Product 99"),
        ({"supplier_id": 99}, "Supplier 99"),
        ({"id": 99}, "Sample 99"),
    ):
        with pytest.raises(NotFound, match=wanted):
            world.samples.save_sample(world.sample(**changes))
    assert _stored(db_path) == before
    with pytest.raises(NotFound):
        world.samples.sample(99)


def test_a_sample_moved_to_another_product_must_drop_the_old_products_criteria(
    world: World,
) -> None:
    sample_id = world.add()
    bag = world.samples.save_product(Product(name="Tote bag")).products[0]
    with pytest.raises(ValidationError) as refused:
        world.samples.save_sample(world.sample(id=sample_id, product_id=bag))
    assert "scores.Hinge holds 10 kg" in refused.value.field_errors
    change = world.samples.save_sample(
        world.sample(id=sample_id, product_id=bag, scores={"appearance": 4})
    )
    assert change.products == (bag, world.product_id)  # both lists change
    assert [s.sample.id for s in world.samples.samples_of(bag)] == [sample_id]


# --- lists ------------------------------------------------------------------------------------------
def test_samples_of_a_product_with_supplier_and_gallery(world: World) -> None:
    first = world.add()
    second = world.add(supplier_id=world.yiwu, variant="白色 white", scores={})
    world.samples.add_photos(second, [Imported(photo_hash(2), "b.jpg"), Imported(photo_hash(1))])
    rows = world.samples.samples_of(world.product_id)
    assert [row.sample.id for row in rows] == [first, second]
    assert [(r.supplier_name_zh, r.supplier_name_en) for r in rows] == [
        ("义乌市恒达工艺品厂", "Yiwu Hengda Crafts Factory"),
        ("义乌市甲乙塑料制品厂", "Yiwu Jiayi Plastics"),
    ]
    assert [(r.photo_count, r.cover_hash) for r in rows] == [(0, None), (2, photo_hash(2))]
    with pytest.raises(NotFound):
        world.samples.samples_of(999)


def test_products_are_listed_by_pinyin_with_sample_counts_and_golden(world: World) -> None:
    bag = world.samples.save_product(Product(name="", name_zh="帆布包")).products[0]
    zipper = world.samples.save_product(Product(name="Zipper pouch")).products[0]
    world.add()
    golden = world.add(status=SampleStatus.APPROVED, golden=True)
    listed = world.samples.products()
    # "Phone stand" sorts by its English name; 帆布包 by its pinyin "fan bu bao".
    assert [(p.id, p.sample_count, p.golden_sample_id) for p in listed] == [
        (bag, 0, None),
        (world.product_id, 2, golden),
        (zipper, 0, None),
    ]
    assert listed[1].name_zh == "手机支架"


# --- the golden sample ------------------------------------------------------------------------------
def test_set_golden_approves_and_takes_over_from_the_previous_one(
    world: World, db_path: Path
) -> None:
    first, second = world.add(), world.add(supplier_id=world.yiwu)
    change = world.samples.set_golden(first)
    assert change.updated == (first,) and change.products == (world.product_id,)
    change = world.samples.set_golden(second)
    assert change.updated == (second, first)  # both rows changed, in one transaction
    assert query(db_path, "SELECT id, golden, status FROM samples ORDER BY id") == [
        (first, 0, "approved"),  # stays approved, no longer the reference
        (second, 1, "approved"),
    ]
    assert world.samples.products()[0].golden_sample_id == second


def test_golden_stays_per_product(world: World) -> None:
    other = world.samples.save_product(Product(name="Tablet stand")).products[0]
    mine = world.add()
    theirs = world.add(product_id=other, scores={})
    world.samples.set_golden(mine)
    world.samples.set_golden(theirs)
    assert world.samples.sample(mine).golden and world.samples.sample(theirs).golden


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (SampleStatus.REQUESTED, "only requested"),
        (SampleStatus.SHIPPED, "only shipped"),
        (SampleStatus.REJECTED, "A rejected sample cannot be the golden sample."),
    ],
)
def test_set_golden_refuses_a_sample_not_in_hand_or_rejected(
    world: World, db_path: Path, status: SampleStatus, message: str
) -> None:
    golden = world.add(status=SampleStatus.APPROVED, golden=True)
    candidate = world.add(status=status, received_on=None, shipped_on=None)
    before = _stored(db_path)
    with pytest.raises(ValidationError, match=message) as refused:
        world.samples.set_golden(candidate)
    assert list(refused.value.field_errors) == ["golden"]
    assert _stored(db_path) == before
    assert world.samples.sample(golden).golden


def test_saving_an_approved_sample_as_golden_ungolds_the_other(world: World) -> None:
    old = world.add(status=SampleStatus.APPROVED, golden=True)
    new = world.samples.save_sample(world.sample(status=SampleStatus.APPROVED, golden=True))
    assert new.updated == (old,)  # the previous golden sample changed too
    assert [s.sample.golden for s in world.samples.samples_of(world.product_id)] == [False, True]


def test_clear_golden(world: World) -> None:
    golden = world.add(status=SampleStatus.APPROVED, golden=True)
    assert world.samples.clear_golden(world.product_id).updated == (golden,)
    assert world.samples.sample(golden).golden is False
    assert world.samples.sample(golden).status is SampleStatus.APPROVED
    assert world.samples.clear_golden(world.product_id).updated == ()
    with pytest.raises(NotFound):
        world.samples.clear_golden(404)


# --- delete and undo ---------------------------------------------------------------------------------
def test_delete_sample_returns_what_went_and_restore_puts_it_back(
    world: World, db_path: Path
) -> None:
    keep = world.add(supplier_id=world.yiwu)
    gone = world.add()
    world.samples.add_photos(keep, [Imported(photo_hash(1))])
    world.samples.add_photos(gone, [Imported(photo_hash(1)), Imported(photo_hash(2))])
    before = _stored(db_path)

    change = world.samples.delete_sample(gone)

    assert change.deleted == (gone,) and change.products == (world.product_id,)
    assert change.unreferenced_hashes == (photo_hash(2),)  # photo 1 is still on `keep`
    assert {name: len(rows) for name, rows in change.dependents} == {
        "samples": 1,
        "sample_scores": 3,
        "sample_photos": 2,
    }
    assert query(db_path, "SELECT id FROM samples") == [(keep,)]
    assert world.samples.restore(change).created == (gone,)
    assert _stored(db_path) == before
    with pytest.raises(NotFound):
        world.samples.delete_sample(404)


def test_delete_product_takes_everything_and_restore_brings_it_back(
    world: World, db_path: Path
) -> None:
    first, second = world.add(), world.add(supplier_id=world.yiwu)
    world.samples.set_golden(first)
    world.samples.add_photos(first, [Imported(photo_hash(1)), Imported(photo_hash(2))])
    world.samples.add_photos(second, [Imported(photo_hash(2))])
    before = _stored(db_path)

    change = world.samples.delete_product(world.product_id)

    assert change.deleted == (first, second) and change.products == (world.product_id,)
    assert change.unreferenced_hashes == (photo_hash(1), photo_hash(2))
    names = [name for name, _ in change.dependents]
    assert names[:3] == ["products", "product_criteria", "samples"]  # parents first
    assert sorted(names[3:]) == ["sample_photos", "sample_scores"]
    assert all(query(db_path, f"SELECT count(*) FROM {t}") == [(0,)] for t in SAMPLE_TABLES)
    restored = world.samples.restore(change)
    assert restored.created == (first, second) and restored.products == (world.product_id,)
    assert _stored(db_path) == before


def test_a_restored_golden_sample_gives_way_to_the_one_chosen_since(world: World) -> None:
    old, new = world.add(), world.add(supplier_id=world.yiwu)
    world.samples.set_golden(old)
    change = world.samples.delete_sample(old)
    world.samples.set_golden(new)
    world.samples.restore(change)
    assert world.samples.sample(old).golden is False
    assert world.samples.sample(new).golden is True


def test_a_failed_restore_puts_nothing_back(world: World, db_path: Path) -> None:
    gone = world.add()
    change = world.samples.delete_sample(gone)
    world.add()  # SQLite hands the freed id to the next sample: the undo now clashes
    after = _stored(db_path)
    with pytest.raises(DatabaseError, match=r"samples\.id"):
        world.samples.restore(change)
    assert _stored(db_path) == after


def test_undo_of_a_supplier_delete_restores_its_samples_scores_and_photos(
    world: World, supplier_service: SupplierService, db_path: Path
) -> None:
    """app.services.dependents walks the new tables: nothing to add for samples."""
    world.add(supplier_id=world.yiwu)
    world.samples.add_photos(world.add(), [Imported(photo_hash(7), "正面 front.jpg")])
    before = _stored(db_path)
    change = supplier_service.delete([world.hengda])
    assert {name for name, _ in change.dependents} >= {
        "samples",
        "sample_scores",
        "sample_photos",
    }
    assert query(db_path, "SELECT count(*) FROM sample_photos") == [(0,)]
    supplier_service.restore(change.removed, change.dependents)
    assert _stored(db_path) == before


# --- compare -------------------------------------------------------------------------------------------
def test_compare_reads_the_chosen_samples_in_the_order_given(world: World) -> None:
    a = world.add()
    b = world.add(supplier_id=world.yiwu, price=Money(D("9.90"), "CNY"), length_cm=D("12.05"))
    c = world.add(scores={HINGE: PassFail.FAIL})
    table = world.samples.compare(world.product_id, [b, a])
    assert [s.id for s in table.samples] == [b, a]
    assert [cell.best for cell in table.row("total").cells] == [True, False]
    assert [cell.best for cell in table.row("length_cm").cells] == [True, False]
    assert table.row("length_cm").target == D("12.0")
    everything = world.samples.compare(world.product_id)
    assert [s.id for s in everything.samples] == [a, b, c]
    assert [cell.best for cell in everything.row(f"criterion:{HINGE}").cells] == [
        True,
        True,
        False,
    ]


def test_compare_refuses_samples_of_another_product_or_twice(world: World) -> None:
    mine = world.add()
    other = world.samples.save_product(Product(name="Tote bag")).products[0]
    theirs = world.add(product_id=other, scores={})
    for chosen in ([mine, theirs], [mine, mine], [mine, 404]):
        with pytest.raises(ValidationError) as refused:
            world.samples.compare(world.product_id, chosen)
        assert list(refused.value.field_errors) == ["sample_ids"]
    with pytest.raises(NotFound):
        world.samples.compare(404)


# --- the workbench --------------------------------------------------------------------------------------
def test_the_workbench_has_one_sample_service_over_its_database(db_path: Path) -> None:
    workbench = Workbench(db_path, today=lambda: TODAY)
    try:
        assert isinstance(workbench.samples, SampleService)
        assert workbench.samples is workbench.samples
        assert workbench.samples.database is workbench.database
        assert workbench.samples.products() == []
    finally:
        workbench.close()


def test_a_sample_of_today_is_fine_and_the_status_can_be_anything_but_golden(world: World) -> None:
    sample_id = world.add(received_on=TODAY, status=SampleStatus.REJECTED, scores={})
    assert world.samples.sample(sample_id).received_on == TODAY
    refused = replace(world.samples.sample(sample_id), golden=True)
    with pytest.raises(ValidationError, match="approve it first"):
        world.samples.save_sample(refused)
