"""The photo store checked against what refers to it: sample galleries and photos attached to
audit answers; orphans, missing files and a missing folder, read without changing anything."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from app.domain.audits.checklist import Answer, Verdict, attached_photo_ref
from app.services.audits.service import AuditService
from app.services.photo_check import (
    attached_photos,
    check_photo_store,
    check_workbench,
    referenced_photo_hashes,
    stored_references,
)
from app.services.workbench import Workbench
from app.store.photos.store import ImportedPhoto, PhotoStore
from tests.conftest import TODAY
from tests.services.samples.fixtures import make_world

ITEM = "documents.business_licence"


@pytest.fixture
def workbench(db_path: Path) -> Iterator[Workbench]:
    opened = Workbench(db_path, today=lambda: TODAY)
    yield opened
    opened.close()


@pytest.fixture
def store(db_path: Path) -> PhotoStore:
    return PhotoStore(db_path)


def _photo(
    store: PhotoStore, folder: Path, name: str, colour: tuple[int, int, int]
) -> ImportedPhoto:
    folder.mkdir(exist_ok=True)
    Image.new("RGB", (80, 60), colour).save(folder / name)
    return store.import_file(folder / name)


@pytest.fixture
def on_sample(workbench: Workbench, store: PhotoStore, tmp_path: Path) -> tuple[int, ImportedPhoto]:
    """A sample with one photo in its gallery: (sample id, the photo)."""
    world = make_world(workbench.samples, workbench.suppliers)
    sample_id = world.add()
    photo = _photo(store, tmp_path / "camera", "IMG_0001.jpg", (200, 30, 30))
    workbench.samples.add_photos(sample_id, [photo])
    return sample_id, photo


def _attach_to_audit(workbench: Workbench, photo: ImportedPhoto) -> int:
    audits = AuditService(workbench.database, today=lambda: TODAY)
    supplier_id = workbench.suppliers.all_records()[0].id or 0
    audit = audits.start_audit(supplier_id)
    refs = (attached_photo_ref("营业执照 licence.jpg", photo.hash), "IMG_2041 (typed)")
    audits.save_answers(audit.id, [Answer(ITEM, Verdict.PASS, photo_refs=refs)])
    return audit.id


def test_a_clean_store_has_no_problems(
    workbench: Workbench, on_sample: tuple[int, ImportedPhoto], db_path: Path
) -> None:
    assert check_workbench(db_path) == []
    assert check_photo_store(workbench).ok


def test_a_file_no_record_refers_to_is_an_orphan(
    workbench: Workbench,
    on_sample: tuple[int, ImportedPhoto],
    store: PhotoStore,
    db_path: Path,
    tmp_path: Path,
) -> None:
    orphan = _photo(store, tmp_path / "camera", "left-over.jpg", (30, 200, 30))
    assert check_workbench(db_path) == [f"photo not used by any record: {orphan.stored_path}"]
    assert check_photo_store(workbench).orphans == (orphan.hash,)


def test_a_missing_file_is_named_with_the_sample_that_shows_it(
    workbench: Workbench, on_sample: tuple[int, ImportedPhoto], store: PhotoStore, db_path: Path
) -> None:
    sample_id, photo = on_sample
    photo.stored_path.unlink()
    problems = check_workbench(db_path)
    assert problems[0] == (
        f"photo missing from {store.folder}: {photo.hash} (IMG_0001.jpg on sample {sample_id})"
    )
    # Its cached thumbnail is now a leftover the check also names (safe to delete).
    assert len(problems) == 2 and problems[1].startswith("file that is not a stored photo")
    assert check_photo_store(workbench).missing == (photo.hash,)


def test_a_photo_attached_to_an_audit_answer_counts_as_referenced(
    workbench: Workbench,
    on_sample: tuple[int, ImportedPhoto],
    store: PhotoStore,
    db_path: Path,
    tmp_path: Path,
) -> None:
    licence = _photo(store, tmp_path / "camera", "licence.jpg", (30, 30, 200))
    audit_id = _attach_to_audit(workbench, licence)
    assert check_workbench(db_path) == []
    assert licence.hash in referenced_photo_hashes(workbench)
    assert check_photo_store(workbench).ok
    licence.stored_path.unlink()
    assert check_workbench(db_path)[0] == (
        f"photo missing from {store.folder}: {licence.hash} (营业执照 licence.jpg in audit {audit_id})"
    )


def test_the_window_and_the_command_line_see_the_same_references(
    workbench: Workbench,
    on_sample: tuple[int, ImportedPhoto],
    store: PhotoStore,
    db_path: Path,
    tmp_path: Path,
) -> None:
    _attach_to_audit(workbench, _photo(store, tmp_path / "camera", "a.jpg", (1, 2, 3)))
    _attach_to_audit(workbench, on_sample[1])  # also on a sample: referenced twice
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        places = stored_references(connection)
    finally:
        connection.close()
    assert set(places) == referenced_photo_hashes(workbench) == store.all_hashes()
    assert len(places[on_sample[1].hash]) == 2


def test_a_missing_photo_folder_is_one_line(
    workbench: Workbench, on_sample: tuple[int, ImportedPhoto], store: PhotoStore, db_path: Path
) -> None:
    for path in sorted(store.folder.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    store.folder.rmdir()
    assert check_workbench(db_path) == [
        f"the photo folder {store.folder} does not exist: 1 photo(s) that records refer to "
        "are missing (was the database copied or moved without it?)"
    ]


def test_no_photos_and_no_folder_is_healthy(db_path: Path, store: PhotoStore) -> None:
    assert check_workbench(db_path) == [] and not store.folder.exists()


def test_checking_changes_nothing(
    workbench: Workbench, on_sample: tuple[int, ImportedPhoto], store: PhotoStore, db_path: Path
) -> None:
    workbench.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    files = sorted(store.folder.rglob("*"))
    check_workbench(db_path)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    assert sorted(store.folder.rglob("*")) == files


@pytest.mark.parametrize(
    ("refs_json", "expected"),
    [
        (json.dumps(["IMG_2041", f"照片.jpg@{'ab' * 32}"]), [("照片.jpg", "ab" * 32)]),
        (json.dumps([f"a@b@{'cd' * 32}"]), [("a@b", "cd" * 32)]),
        (json.dumps([f"@{'ab' * 32}", f"x@{'AB' * 32}", 7]), []),  # no name, upper case, a number
        ("not json", []),
        (json.dumps({"a": 1}), []),
        (None, []),
    ],
)
def test_attached_photos_are_read_from_photo_refs(
    refs_json: str | None, expected: list[tuple[str, str]]
) -> None:
    assert attached_photos(refs_json) == expected
