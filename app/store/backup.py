"""Consistent copies of a live database with SQLite's backup API (safe while the app is open)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from app.errors import DatabaseError
from app.store.connection import connect, inspect_file, translate


def backup_database(source: Path, target: Path) -> Path:
    """Copy `source` to `target` via the backup API, verify the copy, fsync, then rename.

    Copying the file alone could miss committed rows still in the -wal file.
    """
    source, target = Path(source), Path(target)
    inspect_file(source, writable=False)
    if target.resolve() == source.resolve():
        raise DatabaseError("Choose a backup file other than the database itself.")
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        origin = connect(source, read_only=True)
        copy = sqlite3.connect(temporary, isolation_level=None)
        try:
            origin.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            (verdict,) = copy.execute("PRAGMA quick_check").fetchone()
        finally:
            copy.close()
            origin.close()
        if verdict != "ok":
            raise DatabaseError(
                f"The backup copy failed its check ({verdict}); nothing was written."
            )
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
        _fsync_folder(target.parent)
    except sqlite3.Error as error:
        raise translate(error, source) from None
    except OSError as error:
        raise DatabaseError(f"Cannot write the backup to {target}: {error.strerror}.") from None
    finally:
        temporary.unlink(missing_ok=True)
    return target


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
