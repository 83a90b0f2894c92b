"""Backups that restore (issue 10): complete or absent, never over another file, restored safely."""

from __future__ import annotations

import hashlib
import os
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image

from app.cli import main
from app.demo import create_demo
from app.errors import DatabaseError, DatabaseLocked
from app.services.photo_check import problems_that_block_use
from app.services.suppliers.service import SupplierService
from app.store import backup_set
from app.store.auto_backup import Retention, list_backups, make_daily_backup, prune
from app.store.backup_set import DATABASE, read_manifest, verify_backup, write_backup
from app.store.db import Database
from app.store.photos.store import PhotoStore, photos_folder
from app.store.restore import restore_backup
from tests.conftest import TODAY
from tests.factories import hengda, minimal


def _photo(folder: Path, name: str, colour: tuple[int, int, int]) -> Path:
    path = folder / name
    Image.new("RGB", (40, 30), colour).save(path)
    return path


@pytest.fixture
def shop(db_path: Path, tmp_path: Path) -> Path:
    """A database with two suppliers and two photos in its store."""
    database = Database(db_path)
    try:
        SupplierService(database).insert_many([hengda(), minimal("宁波家居用品厂")])
    finally:
        database.close()
    store = PhotoStore(db_path)
    store.import_file(_photo(tmp_path, "正面.jpg", (200, 0, 0)))
    store.import_file(_photo(tmp_path, "背面.png", (0, 0, 200)))
    return db_path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _suppliers(path: Path) -> int:
    database = Database(path)
    try:
        return len(SupplierService(database).all_records())
    finally:
        database.close()


def test_a_backup_holds_the_database_photos_and_a_manifest(shop: Path, tmp_path: Path) -> None:
    info = write_backup(shop, tmp_path / "monday.backup")
    assert info.counts["suppliers"] == 2 and info.counts["photos"] == 0
    assert sorted(info.files) == sorted(
        [
            DATABASE,
            *(str(p.relative_to(info.folder)) for p in photos_folder(info.database).rglob("*.*")),
        ]
    )
    assert len(PhotoStore(info.database).all_hashes()) == 2
    assert verify_backup(info.folder) == []
    assert read_manifest(info.folder).summary().startswith("2 suppliers")


def test_a_backup_killed_midway_leaves_nothing_that_looks_like_one(
    shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copies: list[str] = []
    real_copy = shutil.copyfile

    def dying_copy(source: str, target: str, **options: object) -> None:
        if copies:
            raise OSError(28, "No space left on device")
        copies.append(source)
        real_copy(source, target)

    monkeypatch.setattr(backup_set.shutil, "copyfile", dying_copy)
    target = tmp_path / "half.backup"
    with pytest.raises(DatabaseError, match=r"No space left on device\. No backup was made"):
        write_backup(shop, target)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if "half" in p.name] == []


def test_a_damaged_backup_is_named_by_check(shop: Path, tmp_path: Path, capsys) -> None:
    info = write_backup(shop, tmp_path / "b.backup")
    photo = next(photos_folder(info.database).rglob("*.jpg"))
    photo.write_bytes(b"not the photo any more")
    assert verify_backup(info.folder) == [
        f"changed since the backup was made: {photo.relative_to(info.folder)}"
    ]
    assert main(["check", "--db", str(info.folder)]) == 1
    assert "changed since the backup was made" in capsys.readouterr().err


def test_backup_never_replaces_another_file(shop: Path, tmp_path: Path, db_path: Path) -> None:
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 a report")
    for target in (report, shop):
        before = _digest(target)
        assert main(["backup", "--db", str(shop), "--out", str(target), "--force"]) == 1
        assert _digest(target) == before


def test_force_replaces_an_earlier_backup_of_the_same_database_only(
    shop: Path, tmp_path: Path
) -> None:
    target = tmp_path / "nightly.backup"
    assert main(["backup", "--db", str(shop), "--out", str(target)]) == 0
    assert main(["backup", "--db", str(shop), "--out", str(target)]) == 1  # exists: refused
    database = Database(shop)
    try:
        SupplierService(database).insert_many([minimal("温州新星鞋厂")])
    finally:
        database.close()
    assert main(["backup", "--db", str(shop), "--out", str(target), "--force"]) == 0
    assert read_manifest(target).counts["suppliers"] == 3

    other = tmp_path / "other.sqlite3"
    shutil.copyfile(shop, other)
    assert main(["backup", "--db", str(other), "--out", str(target), "--force"]) == 1
    assert read_manifest(target).counts["suppliers"] == 3  # another database's: never replaced


def test_restore_sets_the_current_file_aside_and_checks_the_restored_one(
    shop: Path, tmp_path: Path
) -> None:
    backup = write_backup(shop, tmp_path / "good.backup").folder
    database = Database(shop)
    try:
        SupplierService(database).insert_many([minimal(f"新厂{n}") for n in range(5)])
    finally:
        database.close()
    current = _digest(shop)
    Path(f"{shop}-wal").write_bytes(b"stale wal of a crash")
    restored = restore_backup(
        backup, shop, check=problems_that_block_use, now=datetime(2026, 12, 7, 9, 30)
    )
    assert _suppliers(shop) == 2 and problems_that_block_use(shop) == []
    assert restored.set_aside == shop.with_name("test.before-restore-20261207-093000.sqlite3")
    assert _digest(restored.set_aside) == current  # kept, never deleted
    assert Path(f"{restored.set_aside}-wal").read_bytes() == b"stale wal of a crash"
    assert photos_folder(restored.set_aside).is_dir() and photos_folder(shop).is_dir()


def test_a_restore_that_fails_its_check_puts_everything_back(shop: Path, tmp_path: Path) -> None:
    backup = write_backup(shop, tmp_path / "good.backup").folder
    before = _digest(shop)
    with pytest.raises(DatabaseError, match="failed its check"):
        restore_backup(backup, shop, check=lambda _path: ["a problem"])
    assert _digest(shop) == before and photos_folder(shop).is_dir()
    assert not list(shop.parent.glob("*.before-restore-*"))


def test_an_incomplete_backup_is_never_restored(shop: Path, tmp_path: Path) -> None:
    backup = write_backup(shop, tmp_path / "b.backup").folder
    (backup / DATABASE).write_bytes(b"truncated")
    before = _digest(shop)
    with pytest.raises(DatabaseError, match="not a complete backup"):
        restore_backup(backup, shop, check=problems_that_block_use)
    assert _digest(shop) == before


def test_restore_is_refused_while_a_window_has_the_file_open(shop: Path, tmp_path: Path) -> None:
    backup = write_backup(shop, tmp_path / "b.backup").folder
    Path(f"{shop}.lock").write_text(f"{os.getpid()}\nworkbench\nhost\n", encoding="utf-8")
    with pytest.raises(DatabaseLocked, match="open in a Sourcing Workbench window"):
        restore_backup(backup, shop, check=problems_that_block_use)


def test_daily_backups_keep_seven_days_and_four_weeks(shop: Path, tmp_path: Path) -> None:
    root = tmp_path / "backups"
    first = make_daily_backup(shop, date(2026, 10, 1), root=root)
    assert first is not None and make_daily_backup(shop, date(2026, 10, 1), root=root) is None
    folder = first.folder.parent
    for offset in range(2, 61):  # two months of days, made by hand (fast)
        (folder / f"{date.fromordinal(date(2026, 10, 1).toordinal() + offset - 1)}.backup").mkdir()
    prune(folder, Retention(daily=7, weekly=4))
    kept = sorted(path.name for path in folder.iterdir())
    assert len(kept) == 11
    assert kept[-7:][0] == "2026-11-23.backup" and kept[-1] == "2026-11-29.backup"
    assert len(list_backups(shop, root)) == 0  # the hand-made ones have no manifest


def test_the_latest_daily_backup_links_its_photos(shop: Path, tmp_path: Path) -> None:
    root = tmp_path / "backups"
    first = make_daily_backup(shop, date(2026, 12, 6), root=root)
    second = make_daily_backup(shop, date(2026, 12, 7), root=root)
    assert first is not None and second is not None
    photo = next(photos_folder(second.database).rglob("*.jpg"))
    twin = photos_folder(first.database) / photo.parent.name / photo.name
    assert os.path.samefile(photo, twin)  # hard-linked, not copied again
    assert [info.folder.name for info in list_backups(shop, root)] == [
        "2026-12-07.backup",
        "2026-12-06.backup",
    ]


def test_the_manifest_counts_every_tabs_records(tmp_path: Path) -> None:
    demo = tmp_path / "demo.sqlite3"
    create_demo(demo, today=lambda: TODAY)
    counts = write_backup(demo, tmp_path / "demo.backup").counts
    assert counts["suppliers"] == 36
    for name in ("quotes", "orders", "parcels", "shipments", "photos"):
        assert counts[name] > 0, name
    assert "parcel photos" in counts
