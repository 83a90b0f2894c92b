"""Opening a database file safely with sqlite3 alone: is it ours, intact, writable, current?

Kept free of SQLAlchemy so the window can list suppliers before the ORM is imported.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseTooNew,
    NotAWorkbenchDatabase,
)
from app.store.schema_version import APPLICATION_ID, HEAD, REVISIONS

SQLITE_HEADER = b"SQLite format 3\x00"
# Restoring means the app's restore (the file set aside, the backup checked), never copying files
# over a live database: that is how a foreign -wal gets beside it.
RESTORE_HINT = (
    "Restore a backup with File ▸ Restore from backup… or 'workbench restore BACKUP --db "
    "PATH' (never by copying files over it)"
)
NOT_CHANGED = "the file was not changed"
BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class FileState:
    """What an existing database file holds: its schema revision and whether it is behind."""

    path: Path
    revision: str

    @property
    def needs_migration(self) -> bool:
        return self.revision != HEAD


def connect(
    path: Path,
    *,
    read_only: bool = False,
    timeout_ms: int = BUSY_TIMEOUT_MS,
    check_same_thread: bool = True,
) -> sqlite3.Connection:
    """A raw connection with foreign keys on and a busy timeout; read-only never writes a byte.

    `check_same_thread=False` for a pool whose connections move between threads."""
    if read_only:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        if not os.access(Path(path).resolve().parent, os.W_OK):
            # Read-only media: SQLite cannot make the -shm a WAL file needs to be read, and
            # nobody can write the file there, so read it as immutable.
            uri += "&immutable=1"
        connection = sqlite3.connect(
            uri,
            uri=True,
            timeout=timeout_ms / 1000,
            isolation_level=None,
            check_same_thread=check_same_thread,
        )
    else:
        connection = sqlite3.connect(
            path,
            timeout=timeout_ms / 1000,
            isolation_level=None,
            check_same_thread=check_same_thread,
        )
    connection.execute(f"PRAGMA busy_timeout = {int(timeout_ms)}")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def translate(error: sqlite3.Error, path: Path) -> DatabaseError:
    """Turn a driver error into a message the user can act on."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLocked(
            f"{path} is locked by another program. Close the other program and try again."
        )
    if "readonly" in text or "read-only" in text or "attempt to write" in text:
        return DatabaseReadOnly(
            f"{path} cannot be written (read-only file or folder). "
            "Copy it to a folder you can write to, or change its permissions."
        )
    if "not a database" in text or "encrypted" in text:
        return NotAWorkbenchDatabase(f"{path} is not a Sourcing Workbench database.")
    if "malformed" in text or "corrupt" in text or "disk i/o" in text:
        return DatabaseCorrupt(
            f"{path} is damaged ({error}). {RESTORE_HINT}; the file was not changed."
        )
    if "unable to open" in text:
        return DatabaseError(f"{path} cannot be opened: {error}.")
    return DatabaseError(f"{path}: {error}")


def check_writable(path: Path) -> None:
    folder = path.parent
    if not os.access(path, os.W_OK) or not os.access(folder, os.W_OK):
        raise DatabaseReadOnly(
            f"{path} is in a read-only place (the file or its folder {folder} cannot be written). "
            "Copy it to a folder you can write to, or change its permissions."
        )


def check_header(path: Path) -> None:
    """A 0-byte or foreign file is never turned into a database: say so and leave it alone."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except IsADirectoryError:
        raise NotAWorkbenchDatabase(f"{path} is a folder, not a database file.") from None
    except PermissionError:
        raise DatabaseReadOnly(f"{path} cannot be read: permission denied.") from None
    if header != SQLITE_HEADER:
        raise NotAWorkbenchDatabase(f"{path} is not a Sourcing Workbench database.")


def inspect_file(
    path: Path,
    *,
    writable: bool = True,
    timeout_ms: int = BUSY_TIMEOUT_MS,
    quick_check: bool = True,
) -> FileState:
    """Validate an existing file without changing it; raise a DatabaseError saying what is wrong.

    The check always runs on a read-only connection: a read-write one would apply a `-wal`
    beside the file to it on close, whoever's that `-wal` is (see app.store.sidecars).
    `writable=True` also requires the file and its folder to be writable.
    `quick_check=False` skips the page scan (0.17 s per 130 MB): the window runs it with
    verify_intact() on a worker thread instead, so a big file still opens fast.
    """
    path = Path(path)
    if not path.exists():
        raise DatabaseError(f"{path} does not exist.")
    check_header(path)
    if writable:
        check_writable(path)
    try:
        connection = connect(path, read_only=True, timeout_ms=timeout_ms)
        try:
            return _inspect(connection, path, quick_check=quick_check)
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise translate(error, path) from None


def damage_lines(rows: list[tuple[str]]) -> list[str]:
    """What quick_check/integrity_check found, one finding a line ([] when the file is ok).

    SQLite packs several findings into one row, separated by newlines, under a
    "*** in database main ***" heading.
    """
    lines = [line.strip() for (text,) in rows for line in str(text).splitlines()]
    return [line for line in lines if line and line != "ok" and not line.startswith("***")]


def verify_intact(path: Path, *, timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    """Run SQLite's quick_check read-only; raise DatabaseCorrupt naming the first damage."""
    try:
        connection = connect(path, read_only=True, timeout_ms=timeout_ms)
        try:
            _check_intact(connection, path)
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise translate(error, path) from None


def _check_intact(connection: sqlite3.Connection, path: Path) -> None:
    findings = damage_lines(connection.execute("PRAGMA quick_check").fetchall())
    if findings:
        more = f"; and {len(findings) - 1} more" if len(findings) > 1 else ""
        raise DatabaseCorrupt(
            f"{path} is damaged ({findings[0]}{more}). {RESTORE_HINT}; the file was not changed."
        )


def _inspect(connection: sqlite3.Connection, path: Path, *, quick_check: bool) -> FileState:
    (application_id,) = connection.execute("PRAGMA application_id").fetchone()
    if application_id != APPLICATION_ID:
        raise NotAWorkbenchDatabase(
            f"{path} is an SQLite file but not a Sourcing Workbench database."
        )
    if quick_check:
        _check_intact(connection, path)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError:
        row = None
    if row is None:
        raise NotAWorkbenchDatabase(
            f"{path} has no schema version: it is not a finished workbench database."
        )
    revision = row[0]
    if revision not in REVISIONS:
        raise DatabaseTooNew(
            f"{path} was made by a newer Sourcing Workbench (schema {revision}). "
            "Update the app to open it; the file was not changed."
        )
    return FileState(path=path, revision=revision)
