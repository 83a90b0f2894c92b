"""The demo database, all or nothing: built beside the target, moved into place when complete.

`python -m app demo --db shop.sqlite3` builds `shop.demo-partial.sqlite3` and its photo folder
`shop.demo-partial.photos/`; only when every step has committed is the photo folder moved to
`shop.photos/`, then the file renamed to `shop.sqlite3`. A demo killed midway, or failing on a
full disk, leaves no half-filled database that `check` would pass: the partial files are
removed on any failure, and those of a run that was killed are removed by the next one.

The target may be missing (it is created) or an existing, empty workbench database (it is
replaced, e.g. the default database the window made on its first start); one holding anything
is refused and left as it is, as is one a window has open.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TypeVar

from app import temporaries
from app.errors import WorkbenchError
from app.store.connection import connect
from app.store.opening import open_database_file
from app.store.photos.files import fsync_file, fsync_folder
from app.store.photos.store import photos_folder
from app.store.sidecars import SIDECAR_SUFFIXES, window_holds

T = TypeVar("T")
PARTIAL_MARK = ".demo-partial"
_SCHEMA_TABLE = "alembic_version"


def partial_path(path: Path) -> Path:
    """Where the demo is built: `shop.sqlite3` → `shop.demo-partial.sqlite3` (its photo folder,
    `shop.demo-partial.photos`, never the target's)."""
    return path.with_name(f"{path.stem}{PARTIAL_MARK}{path.suffix or '.sqlite3'}")


def build_beside(path: Path, fill: Callable[[Path], T]) -> T:
    """`fill(partial database)` beside `path`, then the result moved into place; all or nothing.

    `fill` gets a new, empty database file and must have closed it when it returns."""
    path = Path(path).expanduser()
    require_new_or_empty(path)
    partial = partial_path(path)
    remove_database(partial)  # what a killed run left behind
    leftovers = _partial_files(partial)
    for leftover in leftovers:  # a run killed midway: swept at the next start of any command
        temporaries.register(leftover)
    try:
        open_database_file(partial)
        result = fill(partial)
        _settle(partial)
        require_new_or_empty(path)  # again: nothing may have appeared there meanwhile
        _move_into_place(partial, path)
    except BaseException:
        remove_database(partial)
        raise
    finally:
        for leftover in leftovers:
            temporaries.unregister(leftover)
    return result


def _partial_files(partial: Path) -> list[Path]:
    return [
        partial,
        *(Path(f"{partial}{suffix}") for suffix in SIDECAR_SUFFIXES),
        photos_folder(partial),
    ]


def require_new_or_empty(path: Path) -> None:
    """Refuse a file the demo must not replace: one holding data, not ours, or open."""
    if not path.exists():
        return
    open_database_file(path, create=False, read_only=True)  # refuses foreign or damaged files
    filled = _filled_tables(path)
    if "suppliers" in filled:
        raise WorkbenchError(
            f"{path} already holds suppliers: the demo only fills a new, empty database. "
            "Choose a new file."
        )
    if filled:
        raise WorkbenchError(
            f"{path} already holds data ({', '.join(filled)}): the demo only fills a new, "
            "empty database. Choose a new file."
        )
    if window_holds(path):
        raise WorkbenchError(f"{path} is open in a window: close it, then run the demo again.")


def remove_database(path: Path) -> None:
    """Delete a database file, its -wal/-shm and its photo folder, if they exist."""
    for file in (path, *(Path(f"{path}{suffix}") for suffix in SIDECAR_SUFFIXES)):
        with suppress(FileNotFoundError):
            file.unlink()
    shutil.rmtree(photos_folder(path), ignore_errors=True)


def _filled_tables(path: Path) -> list[str]:
    connection = connect(path, read_only=True)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            if name != _SCHEMA_TABLE
        ]
        return [
            name
            for name in tables
            if connection.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is not None
        ]
    finally:
        connection.close()


def _settle(partial: Path) -> None:
    """Everything of the closed partial database in its one file, on disk: no -wal to lose."""
    connection = connect(partial)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    for suffix in SIDECAR_SUFFIXES:
        sidecar = Path(f"{partial}{suffix}")
        if sidecar.exists() and sidecar.stat().st_size:
            raise WorkbenchError(f"The demo database {partial} is still open; nothing was made.")
        sidecar.unlink(missing_ok=True)
    fsync_file(partial)


def _move_into_place(partial: Path, path: Path) -> None:
    """The photo folder first, then the file (its rename is the moment the demo exists)."""
    source, target = photos_folder(partial), photos_folder(path)
    moved_folder = False
    if source.exists():
        if target.exists():
            _merge_folder(source, target)  # content-named files: a same name is the same photo
        else:
            os.replace(source, target)
            moved_folder = True
    try:
        if path.exists():  # an empty database: its -wal must not be applied to the new file
            for suffix in SIDECAR_SUFFIXES:
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(partial, path)
    except BaseException:
        if moved_folder:
            shutil.rmtree(target, ignore_errors=True)
        raise
    fsync_folder(path.parent)


def _merge_folder(source: Path, target: Path) -> None:
    for file in sorted(source.rglob("*")):
        if file.is_file():
            destination = target / file.relative_to(source)
            if not destination.exists():
                destination.parent.mkdir(parents=True, exist_ok=True)
                os.replace(file, destination)
    shutil.rmtree(source, ignore_errors=True)
