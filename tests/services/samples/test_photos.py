"""A sample's gallery metadata: photos imported by the real photo store, the same photo once per
sample, order, caption and angle, and the hashes the caller may delete (never orphans)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from app.domain.samples.sample import PhotoAngle
from app.errors import NotFound, ValidationError
from app.services.samples.service import SampleService
from app.services.suppliers.service import SupplierService
from app.store.photos.store import PhotoStore
from tests.conftest import TODAY
from tests.db_rows import query
from tests.services.samples.fixtures import Imported, World, make_world, photo_hash

LONG_CHINESE_NAME = "样品正面照片_" + "恒达工艺品厂手机支架黑色" * 6 + ".jpg"  # 239 of 255 bytes


@pytest.fixture
def world(database, supplier_service: SupplierService) -> World:
    return make_world(SampleService(database, today=lambda: TODAY), supplier_service)


@pytest.fixture
def store(db_path: Path) -> PhotoStore:
    return PhotoStore(db_path)


@pytest.fixture
def camera(tmp_path: Path) -> list[Path]:
    """Three small, different JPEGs as a phone would name them (one long Chinese name)."""
    folder = tmp_path / "camera"
    folder.mkdir()
    paths = []
    for name, colour in (
        ("IMG_0001.jpg", (200, 30, 30)),
        (LONG_CHINESE_NAME, (30, 200, 30)),
        ("IMG_0003.JPG", (30, 30, 200)),
    ):
        Image.new("RGB", (320, 240), colour).save(folder / name, quality=90)
        paths.append(folder / name)
    return paths


def _gallery(db_path: Path) -> list[tuple]:
    return query(
        db_path,
        "SELECT sample_id, hash, original_name, caption, angle, position FROM sample_photos "
        "ORDER BY sample_id, position",
    )


def test_imported_photos_join_the_gallery_in_order_with_their_names(
    world: World, store: PhotoStore, camera: list[Path], db_path: Path
) -> None:
    sample_id = world.add()
    report = store.import_files(camera)
    change = world.samples.add_photos(sample_id, report.photos)
    hashes = [photo.hash for photo in report.photos]
    assert _gallery(db_path) == [
        (sample_id, hashes[0], "IMG_0001.jpg", "", "other", 0),
        (sample_id, hashes[1], LONG_CHINESE_NAME, "", "other", 1),
        (sample_id, hashes[2], "IMG_0003.JPG", "", "other", 2),
    ]
    assert change.updated == (sample_id,) and change.products == (world.product_id,)
    assert len(change.added_photos) == 3 and change.skipped_photos == ()
    photos = world.samples.photos(sample_id)
    assert [photo.id for photo in photos] == list(change.added_photos)
    assert world.samples.referenced_hashes() == set(hashes)
    assert store.check(world.samples.referenced_hashes()).ok


def test_more_photos_go_to_the_end_with_the_angle_given(world: World, db_path: Path) -> None:
    sample_id = world.add()
    world.samples.add_photos(sample_id, [Imported(photo_hash(1))])
    world.samples.add_photos(sample_id, [Imported(photo_hash(2))], angle=PhotoAngle.DEFECT)
    assert [(row[1], row[4], row[5]) for row in _gallery(db_path)] == [
        (photo_hash(1), "other", 0),
        (photo_hash(2), "defect", 1),
    ]


def test_the_same_photo_twice_on_one_sample_is_skipped_and_reported(
    world: World, store: PhotoStore, camera: list[Path], db_path: Path
) -> None:
    sample_id, other_id = world.add(), world.add(supplier_id=world.yiwu)
    first = store.import_file(camera[0])
    world.samples.add_photos(sample_id, [first])
    again = store.import_file(camera[0])  # the store says it already has the file
    assert again.was_duplicate and again.hash == first.hash
    second = store.import_file(camera[1])

    change = world.samples.add_photos(sample_id, [again, second, second])

    assert [(s.hash, s.original_name, s.reason) for s in change.skipped_photos] == [
        (first.hash, "IMG_0001.jpg", "already on this sample"),
        (second.hash, LONG_CHINESE_NAME, "already on this sample"),  # twice in one import
    ]
    assert len(change.added_photos) == 1
    assert [row[1] for row in _gallery(db_path)] == [first.hash, second.hash]
    # Another sample may show the same photo: it is their evidence too.
    assert world.samples.add_photos(other_id, [again]).skipped_photos == ()


def test_nothing_added_means_nothing_changed(world: World) -> None:
    sample_id = world.add()
    world.samples.add_photos(sample_id, [Imported(photo_hash(1))])
    change = world.samples.add_photos(sample_id, [Imported(photo_hash(1))])
    assert change.updated == () and change.added_photos == () and len(change.skipped_photos) == 1
    assert world.samples.add_photos(sample_id, []).skipped_photos == ()


@pytest.mark.parametrize(
    ("photo", "message"),
    [
        (Imported("../../etc/passwd"), "not a photo store hash"),
        (Imported(photo_hash(0xABC).upper()), "not a photo store hash"),
        (Imported(photo_hash(1)[:63]), "not a photo store hash"),
        (Imported(photo_hash(1), "x" * 1001), "over 1,000 characters"),
        (Imported(photo_hash(1), None), "must be text"),  # type: ignore[arg-type]
    ],
)
def test_a_bad_photo_refuses_the_whole_import(
    world: World, db_path: Path, photo: Imported, message: str
) -> None:
    sample_id = world.add()
    with pytest.raises(ValidationError, match=message) as refused:
        world.samples.add_photos(sample_id, [Imported(photo_hash(9)), photo])
    assert list(refused.value.field_errors) == ["photos[1]"]
    assert _gallery(db_path) == []


def test_photos_of_a_missing_sample_are_not_found(world: World) -> None:
    with pytest.raises(NotFound, match="Sample 404"):
        world.samples.add_photos(404, [Imported(photo_hash(1))])
    with pytest.raises(NotFound):
        world.samples.reorder_photos(404, [])
    with pytest.raises(ValidationError, match="angle"):
        world.samples.add_photos(world.add(), [], angle="top")  # type: ignore[arg-type]


def test_reorder_takes_every_photo_once(world: World, db_path: Path) -> None:
    sample_id = world.add()
    ids = world.samples.add_photos(
        sample_id, [Imported(photo_hash(n)) for n in (1, 2, 3)]
    ).added_photos
    change = world.samples.reorder_photos(sample_id, [ids[2], ids[0], ids[1]])
    assert change.updated == (sample_id,)
    assert [p.hash for p in world.samples.photos(sample_id)] == [
        photo_hash(3),
        photo_hash(1),
        photo_hash(2),
    ]
    before = _gallery(db_path)
    other = world.samples.add_photos(world.add(), [Imported(photo_hash(4))]).added_photos
    for wrong in ([ids[0], ids[1]], [ids[0], ids[0], ids[1]], [*ids, *other], [*ids[:2], 999]):
        with pytest.raises(ValidationError) as refused:
            world.samples.reorder_photos(sample_id, wrong)
        assert list(refused.value.field_errors) == ["photo_ids"]
    assert _gallery(db_path)[:3] == before


def test_caption_and_angle(world: World, db_path: Path) -> None:
    sample_id = world.add()
    [photo_id] = world.samples.add_photos(sample_id, [Imported(photo_hash(1))]).added_photos
    world.samples.update_photo(photo_id, caption=" 底座划痕 scratch on the base ")
    world.samples.update_photo(photo_id, angle=PhotoAngle.DEFECT)
    assert [(p.caption, p.angle) for p in world.samples.photos(sample_id)] == [
        ("底座划痕 scratch on the base", PhotoAngle.DEFECT)
    ]
    before = _gallery(db_path)
    for changes, field in (
        ({"caption": "c" * 2001}, "caption"),
        ({"caption": 3}, "caption"),
        ({"angle": "top"}, "angle"),
    ):
        with pytest.raises(ValidationError) as refused:
            world.samples.update_photo(photo_id, **changes)  # type: ignore[arg-type]
        assert list(refused.value.field_errors) == [field]
    assert _gallery(db_path) == before
    with pytest.raises(NotFound, match="Photo 404"):
        world.samples.update_photo(404, caption="x")


def test_removing_a_photo_says_when_its_file_is_no_longer_used(
    world: World, store: PhotoStore, camera: list[Path]
) -> None:
    mine, theirs = world.add(), world.add(supplier_id=world.yiwu)
    shared, own = store.import_file(camera[0]), store.import_file(camera[1])
    world.samples.add_photos(theirs, [shared])
    shared_id, own_id = world.samples.add_photos(mine, [shared, own]).added_photos

    assert world.samples.remove_photo(shared_id).unreferenced_hashes == ()  # still on theirs
    change = world.samples.remove_photo(own_id)
    assert change.unreferenced_hashes == (own.hash,) and change.updated == (mine,)
    for photo_hash_ in change.unreferenced_hashes:
        store.delete(photo_hash_)
    check = store.check(world.samples.referenced_hashes())
    assert check.ok and check.orphans == () and check.missing == ()
    with pytest.raises(NotFound):
        world.samples.remove_photo(own_id)


def test_deleting_a_sample_leaves_no_orphaned_files(
    world: World, store: PhotoStore, camera: list[Path]
) -> None:
    keep, gone = world.add(), world.add(supplier_id=world.yiwu)
    photos = store.import_files(camera).photos
    world.samples.add_photos(keep, photos[:1])
    world.samples.add_photos(gone, photos)
    change = world.samples.delete_sample(gone)
    assert change.unreferenced_hashes == tuple(sorted(p.hash for p in photos[1:]))
    for photo_hash_ in change.unreferenced_hashes:
        store.delete(photo_hash_)
    check = store.check(world.samples.referenced_hashes())
    assert check.ok and store.all_hashes() == {photos[0].hash}
