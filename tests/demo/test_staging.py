"""The demo is made all or nothing: built beside the target and moved into place when complete."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

import app.demo
from app.demo import create_demo
from app.demo.staging import partial_path
from app.domain.samples.sample import Product
from app.errors import WorkbenchError
from app.services.photo_check import check_workbench
from app.services.samples.service import SampleService
from app.store.db import Database
from app.store.opening import open_database_file
from app.store.photos.store import photos_folder
from tests.conftest import TODAY


def _names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_step_that_fails_leaves_no_database_and_no_photos(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def audits_fail(*_args: object) -> None:
        raise WorkbenchError("the disk is full")

    monkeypatch.setattr(app.demo, "fill_demo_audits", audits_fail)
    target = tmp_path / "shop.sqlite3"
    with pytest.raises(WorkbenchError, match="the disk is full"):
        create_demo(target, today=lambda: TODAY)
    assert _names(tmp_path) == ["data"]


def test_an_empty_database_is_replaced_and_a_killed_runs_leftovers_are_removed(
    tmp_path: Path,
) -> None:
    target = tmp_path / "shop.sqlite3"
    open_database_file(target)  # as the window makes the default database on its first start
    partial = partial_path(target)
    partial.write_bytes(b"half a database, left by a run that was killed")
    (photos_folder(partial) / "ab").mkdir(parents=True)
    assert photos_folder(partial) != photos_folder(target)

    change = create_demo(target, today=lambda: TODAY)

    assert _names(tmp_path) == ["data", "shop.photos", "shop.sqlite3"]
    assert _count(target, "suppliers") == len(change.created) == 36
    assert _count(target, "sample_photos") > 0
    assert check_workbench(target) == []


def test_a_database_holding_anything_is_refused_and_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "shop.sqlite3"
    open_database_file(target)
    database = Database(target)
    SampleService(database, today=lambda: TODAY).save_product(Product(name="Mug"))
    database.close()
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    with pytest.raises(WorkbenchError, match=r"already holds data \(products\)"):
        create_demo(target, today=lambda: TODAY)
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before
    assert not partial_path(target).exists()


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("shopping list\n", encoding="utf-8")
    with pytest.raises(WorkbenchError, match="not a Sourcing Workbench database"):
        create_demo(notes, today=lambda: TODAY)
    assert notes.read_text(encoding="utf-8") == "shopping list\n"
