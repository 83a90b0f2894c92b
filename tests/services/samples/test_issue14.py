"""Issue 14 in the sample service: the status follows the dates on save (and the PDF says so),
photos given to a sample before its first save are attached by that save (a refused save
stores none of it), only user words in every message, and the export of one comparison."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.samples.sample import PhotoAngle, SamplePhoto, SampleStatus
from app.errors import ValidationError, WorkbenchError
from app.services.exporting import export_samples
from app.services.samples.service import SampleService
from app.services.suppliers.service import SupplierService
from app.store.photos.store import PhotoStore
from tests.conftest import TODAY
from tests.db_rows import query
from tests.exports.pdf_tools import flat, pdf_text
from tests.services.samples.fixtures import Imported, World, make_world, photo_hash

SHIPPED_ON, RECEIVED_ON = date(2026, 11, 3), date(2026, 11, 9)
INTERNAL = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\w\(\w|<\w+\.")


@pytest.fixture
def world(database, supplier_service: SupplierService) -> World:
    return make_world(SampleService(database, today=lambda: TODAY), supplier_service)


def _requested(world: World) -> int:
    return world.add(status=SampleStatus.REQUESTED, shipped_on=None, received_on=None)


# --- the status follows the dates ------------------------------------------------------------
def test_typing_the_received_date_makes_a_requested_sample_received(
    world: World, db_path: Path, tmp_path: Path
) -> None:
    sample_id = _requested(world)
    stored = world.samples.sample(sample_id)
    assert stored.status is SampleStatus.REQUESTED
    world.samples.save_sample(replace(stored, received_on=RECEIVED_ON))
    assert query(db_path, "SELECT status FROM samples") == [("received",)]
    out = export_samples(world.samples, tmp_path / "samples.pdf", store=PhotoStore(db_path))
    text = flat(pdf_text(out))
    assert "Received 已收到" in text and "Requested 已索样" not in text


def test_a_status_chosen_by_hand_is_kept_and_decisions_never_move(
    world: World, db_path: Path
) -> None:
    sample_id = _requested(world)
    stored = world.samples.sample(sample_id)
    # Chosen in the form although the dates say received: the form tells the service.
    world.samples.save_sample(replace(stored, received_on=RECEIVED_ON), status_by_hand=True)
    assert world.samples.sample(sample_id).status is SampleStatus.REQUESTED
    # Received by hand without any date: kept on a later save that changes no date.
    world.samples.save_sample(replace(stored, status=SampleStatus.RECEIVED))
    again = world.samples.sample(sample_id)
    world.samples.save_sample(replace(again, variant="黑色"))
    assert world.samples.sample(sample_id).status is SampleStatus.RECEIVED
    rejected = world.add(status=SampleStatus.REJECTED)
    world.samples.save_sample(replace(world.samples.sample(rejected), received_on=None))
    assert world.samples.sample(rejected).status is SampleStatus.REJECTED


def test_a_new_sample_with_a_shipped_date_is_shipped(world: World) -> None:
    sample_id = world.add(status=SampleStatus.REQUESTED, received_on=None)
    assert world.samples.sample(sample_id).status is SampleStatus.SHIPPED


# --- photos before the first save ----------------------------------------------------------------
def test_photos_given_before_the_first_save_are_attached_by_it(world: World, db_path: Path) -> None:
    photos = [
        SamplePhoto(photo_hash(1), "IMG_0001.HEIC", caption="正面", angle=PhotoAngle.FRONT),
        SamplePhoto(photo_hash(2), "IMG_0002.jpg", angle=PhotoAngle.DEFECT),
        SamplePhoto(photo_hash(1), "IMG_0001 copy.HEIC"),  # the same photo twice: once
    ]
    change = world.samples.save_sample(world.sample(), photos)
    (sample_id,) = change.created
    assert len(change.added_photos) == 2 and len(change.skipped_photos) == 1
    stored = world.samples.photos(sample_id)
    assert [(p.hash, p.original_name, p.caption, p.angle, p.position) for p in stored] == [
        (photo_hash(1), "IMG_0001.HEIC", "正面", PhotoAngle.FRONT, 0),
        (photo_hash(2), "IMG_0002.jpg", "", PhotoAngle.DEFECT, 1),
    ]
    # Saving again adds after the gallery's own photos.
    world.samples.add_photos(sample_id, [Imported(photo_hash(3))])
    world.samples.save_sample(world.samples.sample(sample_id), [SamplePhoto(photo_hash(4), "x")])
    assert [p.position for p in world.samples.photos(sample_id)] == [0, 1, 2, 3]


def test_a_refused_first_save_stores_neither_sample_nor_photos(world: World, db_path: Path) -> None:
    photos = [SamplePhoto(photo_hash(1), "IMG_0001.jpg")]
    with pytest.raises(ValidationError) as refused:
        world.samples.save_sample(world.sample(supplier_id=None), photos)
    assert list(refused.value.field_errors) == ["supplier_id"]
    with pytest.raises(ValidationError) as refused:
        world.samples.save_sample(world.sample(), [SamplePhoto("not a hash", "x.jpg")])
    assert list(refused.value.field_errors) == ["photos[0]"]
    assert query(db_path, "SELECT count(*) FROM samples") == [(0,)]
    assert query(db_path, "SELECT count(*) FROM sample_photos") == [(0,)]


# --- messages --------------------------------------------------------------------------------
def test_no_service_message_names_an_internal_field(world: World) -> None:
    """The service's own refusals, on top of the domain's (tests/domain/samples/test_messages)."""
    sample_id = world.add()
    other = world.add(supplier_id=world.yiwu)
    attempts = [
        lambda: world.samples.compare(world.product_id, [sample_id, sample_id]),
        lambda: world.samples.compare(world.product_id, [sample_id, 999]),
        lambda: world.samples.set_golden(_requested(world)),
        lambda: world.samples.set_golden(world.add(status=SampleStatus.REJECTED)),
        lambda: world.samples.add_photos(sample_id, [Imported("nope")], "sideways"),  # type: ignore[arg-type]
        lambda: world.samples.reorder_photos(sample_id, [1, 1]),
        lambda: world.samples.update_photo(1, caption="c" * 3000, angle="up"),  # type: ignore[arg-type]
        lambda: world.samples.save_sample(
            world.sample(), [SamplePhoto(photo_hash(1), "x", "c" * 3000)]
        ),
        lambda: world.samples.save_sample(world.sample(weight_kg=-1, supplier_id=None)),
        lambda: world.samples.export_comparison(world.product_id, [other, 999], Path("a.xlsx")),
        lambda: world.samples.export_comparison(world.product_id, [other], Path("a.docx")),
    ]
    messages = []
    for attempt in attempts:
        with pytest.raises(WorkbenchError) as refused:
            attempt()
        error = refused.value
        messages += list(getattr(error, "field_errors", {}).values()) or [str(error)]
    assert len(messages) >= len(attempts)
    assert [m for m in messages if INTERNAL.search(m)] == []


# --- export of one comparison ------------------------------------------------------------------
def test_export_this_comparison_writes_just_the_samples_compared(
    world: World, db_path: Path, tmp_path: Path
) -> None:
    first = world.add(variant="黑色 black", defects="划痕 scratch", verdict="Too dark")
    second = world.add(supplier_id=world.yiwu, variant="银色 silver", verdict="Best finish")
    world.add(variant="left out", verdict="not compared")
    other_product = world.samples.save_product(
        replace(
            world.samples.product(world.product_id), id=None, name="Other", name_zh="", criteria=()
        )
    )
    world.samples.save_sample(
        world.sample(product_id=other_product.products[0], variant="other", scores={})
    )
    store = PhotoStore(db_path)

    xlsx = world.samples.export_comparison(
        world.product_id, [second, first], tmp_path / "cmp.xlsx", store=store
    )
    book = load_workbook(xlsx)
    assert len(book.sheetnames) == 1
    sheet = book.worksheets[0]
    variants = [sheet.cell(row, 4).value for row in range(1, sheet.max_row + 1)]
    assert [v for v in variants if v in ("银色 silver", "黑色 black", "left out", "other")] == [
        "银色 silver",
        "黑色 black",
    ]

    pdf = world.samples.export_comparison(world.product_id, [first, second], tmp_path / "c.pdf")
    text = flat(pdf_text(pdf))
    assert "1 product, 2 samples" in text
    assert "Too dark" in text and "Best finish" in text and "划痕 scratch" in text
    assert "not compared" not in text and "left out" not in text
