"""Parcels at the warehouse: sides stored longest first, exact values, field errors in user words,
free storage at today, the orders they carry, photos, and delete."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from app.domain.consolidation.parcels import Dimensions, RestrictedTag
from app.domain.consolidation.planner import Way
from app.domain.kit.money import Money
from app.errors import NotFound, ValidationError
from app.services.consolidation.parcels import storage_warnings
from app.services.photo_check import check_workbench, referenced_photo_hashes
from app.services.suppliers.service import SupplierService
from app.services.workbench import Workbench
from app.store.photos.store import PhotoStore
from tests.conftest import TODAY
from tests.db_rows import query
from tests.services.consolidation.fixtures import Imported, World, make_world, photo_hash

D = Decimal


@pytest.fixture
def world(database, supplier_service: SupplierService) -> World:
    return make_world(database, supplier_service)


def test_a_parcel_is_stored_with_its_sides_longest_first(world: World, db_path: Path) -> None:
    order_id = world.add_order()
    parcel_id = world.add_parcel(
        order_ids=(order_id,),
        tags=frozenset({RestrictedTag.MAGNET}),
        declared_value=Money(D("980.00"), "CNY"),
    )
    assert query(
        db_path,
        "SELECT code, weight_kg, length_cm, width_cm, height_cm, arrived_on, tags, "
        "declared_minor FROM parcels",
    ) == [("YT7538192046371", "6.4", "45", "35", "25", "2026-11-25", "magnet", 98000)]
    row = world.service.parcel(parcel_id)
    assert row.parcel.dimensions == Dimensions(D(45), D(35), D(25))
    assert row.parcel.id == parcel_id and row.parcel.label == "帆布包 tote bags"
    assert row.parcel.tags == {RestrictedTag.MAGNET}
    assert [ref.order_number for ref in row.orders] == ["3421658712345678901"]
    assert row.supplier_names == ("义乌市恒达工艺品厂",)
    assert row.agent_name == "Superbuy" and row.waiting
    assert row.as_input() == world.parcel(
        order_ids=(order_id,),
        tags=frozenset({RestrictedTag.MAGNET}),
        declared_value=Money(D("980.00"), "CNY"),
        length_cm=D(45),
        width_cm=D(35),
        id=parcel_id,
    )


def test_free_storage_counts_from_arrival_with_the_agents_days(world: World) -> None:
    fresh = world.add_parcel()  # 4 days at Superbuy (90 free days)
    near = world.add_parcel(code="SF1", arrived_on=TODAY - timedelta(days=80))
    over = world.add_parcel(code="SF2", arrived_on=TODAY - timedelta(days=95))
    cssbuy = world.add_parcel(
        code="SF3", arrived_on=TODAY - timedelta(days=95), agent_id=world.cssbuy
    )
    unknown = world.add_parcel(code="SF4", arrived_on=None)
    rows = {row.id: row for row in world.service.parcels()}
    assert rows[fresh].storage is not None and rows[fresh].storage.days_left == 86
    assert rows[near].storage.warning and rows[near].storage.days_left == 10  # type: ignore[union-attr]
    assert "ends in 10 days" in rows[near].storage.message  # type: ignore[union-attr]
    assert rows[over].storage.overdue  # type: ignore[union-attr]
    assert rows[cssbuy].storage.days_left == 85  # type: ignore[union-attr]
    assert rows[unknown].storage is None
    assert [row.id for row in storage_warnings(list(rows.values()))] == [over, near]


@pytest.mark.parametrize(
    ("changes", "key", "words"),
    [
        ({"weight_kg": None}, "weight_kg", "Enter the weight"),
        ({"weight_kg": D(0)}, "weight_kg", "more than 0"),
        ({"weight_kg": 6.4}, "weight_kg", "float"),
        ({"length_cm": None}, "length_cm", "Enter the length in cm"),
        ({"height_cm": D(-3)}, "height_cm", "more than 0"),
        ({"arrived_on": date(2026, 12, 5)}, "arrived_on", "after today"),
        ({"declared_value": Money(D("1.001"))}, "declared_value", "decimal places"),
        ({"tags": frozenset({"battery"})}, "tags", "battery, liquid"),
        ({"order_ids": (1, 1)}, "order_ids", "once"),
        ({"agent_id": 999}, "agent_id", "no longer exists"),
        ({"order_ids": (999,)}, "order_ids", "Order 999 no longer exists"),
    ],
)
def test_a_wrong_parcel_is_refused_in_user_words_and_nothing_is_written(
    world: World, db_path: Path, changes: dict, key: str, words: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        world.service.save_parcel(world.parcel(**changes))
    assert words in refused.value.field_errors[key]
    assert query(db_path, "SELECT count(*) FROM parcels") == [(0,)]


def test_a_code_belongs_to_one_parcel(world: World) -> None:
    first = world.add_parcel()
    with pytest.raises(ValidationError, match=f"already parcel #{first}"):
        world.add_parcel()
    world.add_parcel(code="")
    world.add_parcel(code="")
    assert world.service.find_parcel_id("YT7538192046371") == first


def test_editing_replaces_the_orders_carried(world: World, db_path: Path) -> None:
    first = world.add_order()
    second = world.add_order(order_number="3421658712345678902")
    parcel_id = world.add_parcel(order_ids=(first,))
    change = world.service.save_parcel(world.parcel(order_ids=(second,), id=parcel_id))
    assert change.updated == (parcel_id,) and change.orders == (first, second)
    assert query(db_path, "SELECT parcel_id, order_id FROM parcel_orders") == [(parcel_id, second)]


def test_waiting_parcels_are_those_in_no_shipment(world: World) -> None:
    shipped = world.add_parcel()
    waiting = world.add_parcel(code="SF1")
    world.service.create_shipment("Dec", [shipped], world.sea, Way.CONSOLIDATED)
    assert [row.id for row in world.service.parcels(waiting_only=True)] == [waiting]
    assert world.service.parcel(shipped).shipment_name == "Dec"


def test_photos_are_listed_once_each_and_removing_the_last_frees_the_file(world: World) -> None:
    parcel_id = world.add_parcel()
    other = world.add_parcel(code="SF1")
    photos = [Imported(photo_hash(1), "箱子.jpg"), Imported(photo_hash(2))]
    change = world.service.add_parcel_photos(parcel_id, photos)
    assert len(change.added_photos) == 2 and change.parcels == (parcel_id,)
    again = world.service.add_parcel_photos(parcel_id, [Imported(photo_hash(1))])
    assert again.added_photos == () and again.skipped_photos[0].reason == "already on this parcel"
    world.service.add_parcel_photos(other, [Imported(photo_hash(1))])
    shown = world.service.parcel_photos(parcel_id)
    assert [(p.hash, p.original_name, p.position) for p in shown] == [
        (photo_hash(1), "箱子.jpg", 0),
        (photo_hash(2), "IMG_0001.jpg", 1),
    ]
    assert world.service.parcel(parcel_id).photo_count == 2
    world.service.caption_parcel_photo(shown[0].id, " 外箱破损 ")
    assert world.service.parcel_photos(parcel_id)[0].caption == "外箱破损"
    assert world.service.remove_parcel_photo(shown[0].id).unreferenced_hashes == ()  # on other
    assert world.service.remove_parcel_photo(shown[1].id).unreferenced_hashes == (photo_hash(2),)
    assert world.service.delete_parcel(other).unreferenced_hashes == (photo_hash(1),)


def test_a_bad_photo_hash_is_refused(world: World) -> None:
    parcel_id = world.add_parcel()
    with pytest.raises(ValidationError, match="not a photo store hash"):
        world.service.add_parcel_photos(parcel_id, [Imported("../../etc/passwd")])


def test_parcel_photos_count_as_referenced_for_the_photo_store(
    world: World, db_path: Path, tmp_path: Path
) -> None:
    """A parcel's photo is no orphan, is kept by forget_unreferenced, and a missing one is
    named with its parcel by `check`."""
    source = tmp_path / "camera" / "box.jpg"
    source.parent.mkdir()
    Image.new("RGB", (80, 60), (30, 30, 200)).save(source)
    workbench = Workbench(db_path, today=lambda: TODAY)
    try:
        report = workbench.photos.import_files([source])
        [photo] = report.imported
        parcel_id = world.add_parcel()
        world.service.add_parcel_photos(parcel_id, [photo])
        assert photo.hash in referenced_photo_hashes(workbench)
        assert check_workbench(db_path) == []
        assert workbench.photos.forget_unreferenced([photo.hash]) == []
        photo.stored_path.unlink()
        problems = check_workbench(db_path)
        store = PhotoStore(db_path)
        assert problems[0] == (
            f"photo missing from {store.folder}: {photo.hash} (box.jpg on parcel {parcel_id})"
        )
    finally:
        workbench.close()


def test_deleting_a_parcel_takes_its_links_and_photos(world: World, db_path: Path) -> None:
    order_id = world.add_order()
    parcel_id = world.add_parcel(order_ids=(order_id,))
    world.service.add_parcel_photos(parcel_id, [Imported(photo_hash(3))])
    change = world.service.delete_parcel(parcel_id)
    assert change.deleted == (parcel_id,) and change.orders == (order_id,)
    for table in ("parcels", "parcel_orders", "parcel_photos"):
        assert query(db_path, f"SELECT count(*) FROM {table}") == [(0,)]
    assert query(db_path, "SELECT count(*) FROM purchase_orders") == [(1,)]
    with pytest.raises(NotFound):
        world.service.parcel(parcel_id)
