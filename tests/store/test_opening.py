"""Opening a file: create when missing, refuse anything else with the right error, change nothing."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import text

from app.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
    NotAWorkbenchDatabase,
)
from app.services.suppliers.service import SupplierService
from app.store import connection as store_connection
from app.store import opening
from app.store.connection import inspect_file
from app.store.db import Database
from app.store.migrate import create_database
from app.store.opening import open_database_file
from app.store.schema_version import APPLICATION_ID, HEAD
from tests.factories import hengda

# Busy timeout for the lock tests: long enough to be a real wait, short enough to stay quick.
QUICK_MS = 150


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _folder_listing(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir())


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    """A current database with a few whole suppliers in it, its WAL folded into the file."""
    database = Database(db_path)
    service = SupplierService(database)
    for number in range(40):
        service.save(hengda(name_zh=f"义乌工厂{number}", shop_url=f"https://s{number}.1688.com"))
    database.close()
    return db_path


# --- creating ----------------------------------------------------------------------------------
def test_a_missing_file_is_created_as_a_current_workbench_database(tmp_path: Path) -> None:
    path = tmp_path / "新建" / "workbench.sqlite3"
    opened = open_database_file(path)
    assert opened.created and opened.path == path
    # Built under a temporary name and renamed: nothing else is left in the folder.
    assert _folder_listing(path.parent) == ["workbench.sqlite3"]
    assert inspect_file(path).revision == HEAD
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    finally:
        connection.close()


@pytest.mark.parametrize("folder_name", ["采购 #1 ?50%", "100%25", "a?b=c"])
def test_folder_names_that_look_like_url_syntax_are_used_as_they_are(
    tmp_path: Path, folder_name: str
) -> None:
    """Engines were built from f"sqlite:///{path}": '?' cut the path, '%25' became '%'."""
    path = tmp_path / folder_name / "供应商.sqlite3"
    open_database_file(path)
    database = Database(path)
    try:
        SupplierService(database).save(hengda())
    finally:
        database.close()
    assert inspect_file(path).revision == HEAD
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT count(*) FROM supplier_tags").fetchone() == (2,)
    finally:
        connection.close()
    assert _folder_listing(tmp_path) == sorted(["data", folder_name])  # no stray files
    assert _folder_listing(path.parent) == ["供应商.sqlite3"]


def test_create_false_never_creates(tmp_path: Path) -> None:
    path = tmp_path / "missing.sqlite3"
    with pytest.raises(DatabaseError, match="does not exist"):
        open_database_file(path, create=False)
    assert not path.exists()


def test_a_schema_is_never_created_over_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"keep me")
    with pytest.raises(DatabaseError, match="already exists"):
        create_database(path)
    assert path.read_bytes() == b"keep me"
    assert _folder_listing(tmp_path) == ["data", "notes.sqlite3"]


def test_opening_a_current_database_does_not_rewrite_it(filled_db: Path) -> None:
    before = _digest(filled_db)
    opened = open_database_file(filled_db)
    assert not opened.created and opened.migrated_from is None and opened.backup is None
    assert _digest(filled_db) == before


def test_a_new_file_in_a_read_only_folder_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, which writes anywhere: os.access stands in for a read-only folder.
    folder = tmp_path / "cdrom"
    folder.mkdir()
    _deny_writing(monkeypatch, folder)
    with pytest.raises(DatabaseReadOnly, match="read-only") as caught:
        open_database_file(folder / "new.sqlite3")
    assert str(folder) in str(caught.value)
    assert _folder_listing(folder) == []


def test_a_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(DatabaseError, match="cannot be created"):
        open_database_file(blocker / "workbench.sqlite3")
    assert blocker.read_text() == "a file where a folder should be"


# --- refusing what is not ours -----------------------------------------------------------------
def _zero_bytes(path: Path) -> None:
    path.touch()


def _text_file(path: Path) -> None:
    path.write_text("供应商名单\nYiwu Hengda, 3000 CNY\n", encoding="utf-8")


def _foreign_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO photos (name) VALUES ('holiday.jpg')")
    connection.close()


def _half_made(path: Path) -> None:
    """Ours by application id, but never finished: no alembic_version."""
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute("CREATE TABLE suppliers (id INTEGER PRIMARY KEY)")
    connection.close()


@pytest.mark.parametrize(
    ("make", "expected", "words"),
    [
        (_zero_bytes, NotAWorkbenchDatabase, "not a Sourcing Workbench database"),
        (_text_file, NotAWorkbenchDatabase, "not a Sourcing Workbench database"),
        (_foreign_sqlite, NotAWorkbenchDatabase, "not a Sourcing Workbench database"),
        (_half_made, NotAWorkbenchDatabase, "no schema version"),
    ],
    ids=["zero-bytes", "text", "foreign-sqlite", "half-made"],
)
def test_files_that_are_not_ours_are_refused_and_left_alone(
    tmp_path: Path, make: Callable[[Path], None], expected: type[DatabaseError], words: str
) -> None:
    path = tmp_path / "chosen.sqlite3"
    make(path)
    before = _digest(path)
    with pytest.raises(expected, match=words) as caught:
        open_database_file(path)
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    assert _digest(path) == before
    assert _folder_listing(tmp_path) == ["chosen.sqlite3", "data"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "workbench.sqlite3"
    folder.mkdir()
    with pytest.raises(NotAWorkbenchDatabase, match="is a folder") as caught:
        open_database_file(folder)
    assert str(folder) in str(caught.value)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("offset_fraction", [1 / 3, 1 / 2, 2 / 3])
def test_a_corrupt_database_is_refused_and_left_alone(
    filled_db: Path, offset_fraction: float
) -> None:
    size = filled_db.stat().st_size
    assert size > 16 * 4096  # big enough that the middle holds table and index pages
    page_size = int.from_bytes(filled_db.read_bytes()[16:18], "big")  # SQLite header
    # A whole page, header included: garbage in a page's free middle is not corruption.
    page_start = int(size * offset_fraction) // page_size * page_size
    with open(filled_db, "r+b") as handle:
        handle.seek(page_start)
        handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))
    before = _digest(filled_db)
    with pytest.raises((DatabaseCorrupt, NotAWorkbenchDatabase)) as caught:
        open_database_file(filled_db)
    message = str(caught.value)
    assert str(filled_db) in message
    assert "\n" not in message  # one line, however many pages quick_check complains about
    assert _digest(filled_db) == before


def test_a_database_from_a_newer_app_is_refused_and_left_alone(db_path: Path) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    connection.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseTooNew, match="newer Sourcing Workbench") as caught:
        open_database_file(db_path)
    assert str(db_path) in str(caught.value) and "0099_from_the_future" in str(caught.value)
    assert _digest(db_path) == before
    assert not list(db_path.parent.glob("*.before-*"))  # no backup, no migration attempt


# --- locked and read-only ----------------------------------------------------------------------
@pytest.fixture
def exclusive_holder(filled_db: Path) -> Iterator[sqlite3.Connection]:
    """Another program holding the file: exclusive locking mode and an open write transaction."""
    holder = sqlite3.connect(filled_db, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE suppliers SET notes = 'being edited elsewhere'")
    yield holder
    holder.execute("ROLLBACK")
    holder.close()


@pytest.mark.parametrize("writable", [True, False])
def test_a_locked_database_is_reported_quickly(
    filled_db: Path, exclusive_holder: sqlite3.Connection, writable: bool
) -> None:
    started = time.monotonic()
    with pytest.raises(DatabaseLocked, match="locked by another program") as caught:
        inspect_file(filled_db, writable=writable, timeout_ms=QUICK_MS)
    assert 0.9 * QUICK_MS / 1000 <= time.monotonic() - started < 3  # waited, then gave up
    assert str(filled_db) in str(caught.value)


def test_open_database_file_reports_a_locked_database(
    filled_db: Path, exclusive_holder: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # open_database_file has no timeout parameter (it waits BUSY_TIMEOUT_MS, 5 s): shorten
    # the wait of the inspect_file it calls, nothing else.
    monkeypatch.setattr(opening, "inspect_file", partial(inspect_file, timeout_ms=QUICK_MS))
    with pytest.raises(DatabaseLocked):
        open_database_file(filled_db)


def test_the_lock_holder_keeps_its_changes(
    filled_db: Path, exclusive_holder: sqlite3.Connection
) -> None:
    with pytest.raises(DatabaseLocked):
        inspect_file(filled_db, timeout_ms=QUICK_MS)
    exclusive_holder.execute("COMMIT")
    exclusive_holder.execute("BEGIN IMMEDIATE")  # so the fixture's ROLLBACK has work to end
    notes = {row[0] for row in exclusive_holder.execute("SELECT notes FROM suppliers")}
    assert notes == {"being edited elsewhere"}


def _deny_writing(monkeypatch: pytest.MonkeyPatch, *places: Path) -> None:
    """Pretend `places` (files or folders) are read-only: root can write anywhere."""
    real_access = os.access
    denied = {os.path.realpath(place) for place in places}

    def access(path: str | os.PathLike[str], mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK and os.path.realpath(path) in denied:
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)


def test_a_database_in_a_read_only_folder_is_refused_and_left_alone(
    filled_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _digest(filled_db)
    _deny_writing(monkeypatch, filled_db.parent)
    with pytest.raises(DatabaseReadOnly) as caught:
        open_database_file(filled_db)
    message = str(caught.value)
    assert str(filled_db) in message and "read-only" in message
    assert _digest(filled_db) == before


def test_a_read_only_database_file_is_refused(
    filled_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _deny_writing(monkeypatch, filled_db)
    with pytest.raises(DatabaseReadOnly):
        open_database_file(filled_db)


def test_a_read_only_database_can_still_be_inspected_for_reading(
    filled_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _deny_writing(monkeypatch, filled_db, filled_db.parent)
    assert inspect_file(filled_db, writable=False).revision == HEAD


def test_a_write_while_another_program_holds_the_write_lock_is_database_locked(
    filled_db: Path,
) -> None:
    other = sqlite3.connect(filled_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # the write lock; readers are not blocked in WAL mode
    database = Database(filled_db, busy_timeout_ms=QUICK_MS)
    try:
        with pytest.raises(DatabaseLocked) as caught, database.transaction() as session:
            session.execute(text("UPDATE suppliers SET notes = 'mine'"))
        assert not isinstance(caught.value, sqlite3.Error)
        assert str(filled_db) in str(caught.value)
        other.execute("ROLLBACK")
        # Once the lock is gone the same Database writes normally.
        with database.transaction() as session:
            session.execute(text("UPDATE suppliers SET notes = 'mine'"))
    finally:
        database.close()
        other.close()
    with sqlite3.connect(filled_db) as check:
        assert {row[0] for row in check.execute("SELECT notes FROM suppliers")} == {"mine"}


def test_driver_errors_are_translated_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    cases = {
        "database is locked": DatabaseLocked,
        "attempt to write a readonly database": DatabaseReadOnly,
        "file is not a database": NotAWorkbenchDatabase,
        "database disk image is malformed": DatabaseCorrupt,
    }
    for message, expected in cases.items():
        error = store_connection.translate(sqlite3.OperationalError(message), path)
        assert type(error) is expected and str(path) in str(error)


def test_a_database_being_created_journals_every_sqlite_sidecar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed before WAL mode, the first writes leave a rollback -journal: swept too."""
    from app import temporaries
    from app.store.migrate import create_database

    registered: list[str] = []
    monkeypatch.setattr(temporaries, "register", lambda path: registered.append(Path(path).name))
    create_database(tmp_path / "new.sqlite3")
    suffixes = {name.rsplit("-", 1)[-1] for name in registered if name.count("-") > 1}
    assert {"journal", "wal", "shm"} <= suffixes
    assert [p.name for p in tmp_path.glob("*new.sqlite3*")] == ["new.sqlite3"]
