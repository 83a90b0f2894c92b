"""Consistent copies of a live database with SQLite's backup API (safe while the app is open)."""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from pathlib import Path

from app.errors import DatabaseError, DatabaseLocked
from app.store.connection import connect, damage_lines, inspect_file, translate

# What SQLite may leave beside a half-written copy.
_SIDE_FILES = ("-journal", "-wal", "-shm")


def backup_database(source: Path, target: Path) -> Path:
    """Copy `source` to `target` via the backup API, verify the copy, fsync, then rename.

    Copying the file alone could miss committed rows still in the -wal file. An existing
    `target` is replaced only by a verified copy; on any failure no partial file is left.
    """
    source, target = Path(source), Path(target)
    inspect_file(source, writable=False)
    if target.resolve() == source.resolve():
        raise DatabaseError("Choose a backup file other than the database itself.")
    temporary = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        origin = connect(source, read_only=True)
    except sqlite3.Error as error:
        raise translate(error, source) from None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(temporary, isolation_level=None)
        try:
            origin.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            findings = damage_lines(copy.execute("PRAGMA quick_check").fetchall())
        finally:
            copy.close()
        if findings:
            raise DatabaseError(
                f"The backup copy failed its check ({findings[0]}); nothing was written."
            )
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
        fsync_folder(target.parent)
    except sqlite3.Error as error:
        translated = translate(error, source)
        if isinstance(translated, DatabaseLocked):
            raise translated from None
        # The source was just read without trouble: what failed is writing the copy.
        raise DatabaseError(f"Cannot write the backup to {target}: {error}.") from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise DatabaseError(f"Cannot write the backup to {target}: {reason}.") from None
    finally:
        origin.close()
        for leftover in (temporary, *(Path(f"{temporary}{end}") for end in _SIDE_FILES)):
            with suppress(OSError):  # cleaning up must not hide the real error
                leftover.unlink(missing_ok=True)
    return target


def fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
