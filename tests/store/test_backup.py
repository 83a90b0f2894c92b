"""Backups with SQLite's backup API: complete while the app writes, standalone, never half-written."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.errors import DatabaseError, NotAWorkbenchDatabase
from app.services.suppliers.service import SupplierService
from app.store import backup as backup_module
from app.store.backup import backup_database
from app.store.db import Database
from app.store.opening import open_database_file
from tests.factories import hengda, minimal


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _names(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {row[0] for row in connection.execute("SELECT name_zh FROM suppliers")}
    finally:
        connection.close()


def _folder_listing(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir())


@pytest.fixture
def live_db(db_path: Path) -> Iterator[tuple[Path, Database]]:
    """A database the app has open, with rows committed to the -wal file and not checkpointed."""
    database = Database(db_path)
    service = SupplierService(database)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")  # keep them in the WAL
    service.save(hengda())
    service.save(minimal("温州鞋业有限公司"))
    yield db_path, database
    database.close()


def test_backup_includes_rows_still_in_the_wal(
    live_db: tuple[Path, Database], tmp_path: Path
) -> None:
    db_path, _database = live_db
    wal = Path(f"{db_path}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    # The pitfall: the main file alone does not have the new rows yet.
    naive = tmp_path / "naive-copy.sqlite3"
    shutil.copyfile(db_path, naive)
    assert _names(naive) == set()

    target = backup_database(db_path, tmp_path / "backups" / "copy.sqlite3")
    assert _names(target) == {"义乌市恒达工艺品厂", "温州鞋业有限公司"}


def test_the_backup_is_a_standalone_healthy_workbench_file(
    live_db: tuple[Path, Database], tmp_path: Path
) -> None:
    db_path, _database = live_db
    target = backup_database(db_path, tmp_path / "copy.sqlite3")
    assert _folder_listing(tmp_path) == sorted(["copy.sqlite3", "data", *_db_files(db_path)])
    connection = sqlite3.connect(target)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        connection.close()
    # File format bytes 18-19 are 1 (rollback journal), not 2 (WAL): one file is the whole copy.
    assert target.read_bytes()[18:20] == b"\x01\x01"
    opened = open_database_file(target, create=False)
    assert not opened.created and opened.migrated_from is None
    copy_service = SupplierService(Database(target))
    try:
        assert [s.name_zh for s in copy_service.all_records()] == [
            "温州鞋业有限公司",
            "义乌市恒达工艺品厂",
        ]
    finally:
        copy_service.database.close()


def _db_files(db_path: Path) -> list[str]:
    return [p.name for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]


def test_backup_onto_the_database_itself_is_refused(
    live_db: tuple[Path, Database], tmp_path: Path
) -> None:
    db_path, _database = live_db
    alias = tmp_path / "sub" / ".." / db_path.name
    (tmp_path / "sub").mkdir()
    link = tmp_path / "link.sqlite3"
    link.symlink_to(db_path)
    for same in (db_path, alias, link):
        with pytest.raises(DatabaseError, match="other than the database itself"):
            backup_database(db_path, same)
    assert _names(db_path) == {"义乌市恒达工艺品厂", "温州鞋业有限公司"}


def test_a_source_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("not a database")
    target = tmp_path / "copy.sqlite3"
    with pytest.raises(NotAWorkbenchDatabase):
        backup_database(notes, target)
    assert not target.exists()


def test_a_target_folder_that_cannot_be_made_is_a_database_error(
    live_db: tuple[Path, Database], tmp_path: Path
) -> None:
    db_path, _database = live_db
    blocker = tmp_path / "usb"
    blocker.write_text("a file where the backup folder should be")
    with pytest.raises(DatabaseError, match="Cannot write the backup") as caught:
        backup_database(db_path, blocker / "copy.sqlite3")
    assert str(blocker / "copy.sqlite3") in str(caught.value)
    assert blocker.read_text() == "a file where the backup folder should be"


def test_a_target_folder_failing_mid_way_leaves_no_partial_file(
    live_db: tuple[Path, Database], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path, _database = live_db
    folder = tmp_path / "backups"

    def full_disk(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup_module.os, "replace", full_disk)
    with pytest.raises(DatabaseError, match="No space left on device"):
        backup_database(db_path, folder / "copy.sqlite3")
    assert _folder_listing(folder) == []


def test_a_target_that_sqlite_cannot_write_leaves_no_partial_file(
    live_db: tuple[Path, Database], tmp_path: Path
) -> None:
    db_path, _database = live_db
    folder = tmp_path / "backups"
    folder.mkdir()
    # The temporary name is taken by a folder, so SQLite cannot open its copy there.
    (folder / f".copy.sqlite3.partial-{os.getpid()}").mkdir()
    with pytest.raises(DatabaseError, match="Cannot write the backup to") as caught:
        backup_database(db_path, folder / "copy.sqlite3")
    message = str(caught.value)
    assert str(folder / "copy.sqlite3") in message and str(db_path) not in message  # the target
    assert not (folder / "copy.sqlite3").exists()


def test_an_existing_target_is_replaced_only_by_a_good_copy(
    live_db: tuple[Path, Database], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path, database = live_db
    target = tmp_path / "weekly.sqlite3"
    backup_database(db_path, target)
    last_week = _digest(target)
    SupplierService(database).save(minimal("东莞电子厂"))

    # A copy that fails its check never replaces the previous backup.
    real_damage_lines = backup_module.damage_lines
    monkeypatch.setattr(backup_module, "damage_lines", lambda rows: ["Page 3: never used"])
    with pytest.raises(DatabaseError, match="failed its check"):
        backup_database(db_path, target)
    assert _digest(target) == last_week
    assert _folder_listing(tmp_path) == sorted(["weekly.sqlite3", "data", *_db_files(db_path)])

    # A good copy does.
    monkeypatch.setattr(backup_module, "damage_lines", real_damage_lines)
    backup_database(db_path, target)
    assert _names(target) == {"义乌市恒达工艺品厂", "温州鞋业有限公司", "东莞电子厂"}


def test_backup_does_not_change_the_source_file(
    live_db: tuple[Path, Database], tmp_path: Path
) -> None:
    db_path, database = live_db
    database.close()  # folds the WAL back into the file
    before = _digest(db_path)
    backup_database(db_path, tmp_path / "copy.sqlite3")
    assert _digest(db_path) == before
