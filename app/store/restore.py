"""Restoring a backup the safe way (issue 10): never by copying files over a live database.

1. The backup is verified first: its manifest (every file's size and hash) and the database's
   own check. A plain `.sqlite3` copy without a manifest is accepted after the database check.
2. The current database, its `-wal`/`-shm` and its photo folder are set aside, never deleted:
   renamed to `NAME.before-restore-TIME.*` beside it. (The stale `-wal`/`-shm` thus leave the
   live name: they can never be applied to the restored file.)
3. The backup's database and photos are copied in under temporary names and renamed into place.
4. The restored database must pass `check` before it is used; if it does not, the restored
   files are removed and the set-aside ones go back.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.errors import DatabaseError, DatabaseLocked
from app.store.backup import fsync_folder
from app.store.backup_set import DATABASE, is_backup, read_manifest, verify_backup
from app.store.connection import inspect_file
from app.store.photos.store import photos_folder
from app.store.sidecars import SIDECAR_SUFFIXES, window_holds

Checker = Callable[[Path], list[str]]


@dataclass(frozen=True)
class Restored:
    path: Path
    set_aside: Path | None  # the database as it was, or None when there was none
    summary: str  # what the backup holds ("36 suppliers, …") or "" for a plain copy


def backup_database_of(backup: Path) -> tuple[Path, str]:
    """The database file inside `backup` (a backup folder, its manifest, or a plain copy) and
    what it holds; raises when the backup is incomplete or damaged."""
    backup = Path(backup)
    folder = backup.parent if backup.name in (DATABASE, "manifest.json") else backup
    if is_backup(folder):
        problems = verify_backup(folder)
        if problems:
            raise DatabaseError(
                f"{folder} is not a complete backup ({problems[0]}"
                + (f"; and {len(problems) - 1} more" if len(problems) > 1 else "")
                + "). Nothing was restored."
            )
        return folder / DATABASE, read_manifest(folder).summary()
    if backup.is_file():
        inspect_file(backup, writable=False)  # at least a whole workbench database
        return backup, ""
    raise DatabaseError(f"{backup} is not a Sourcing Workbench backup. Nothing was restored.")


def restore_backup(
    backup: Path, target: Path, *, check: Checker, now: datetime | None = None
) -> Restored:
    """Put the backup in place of the database at `target` (which may not exist yet)."""
    target = Path(target).resolve()
    source, summary = backup_database_of(backup)
    if source.resolve() == target:
        raise DatabaseError("That backup is the database itself: choose a backup to restore.")
    if window_holds(target):
        raise DatabaseLocked(
            f"{target} is open in a Sourcing Workbench window: restore from that window "
            "(File ▸ Restore from backup…), or close it first."
        )
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = _set_aside(target, stamp)
    try:
        _copy_in(source, target, stamp)
        problems = check(target)
        if problems:
            raise DatabaseError(
                f"The restored database failed its check ({problems[0]}); the file as it was "
                "is back in place. Nothing was restored."
            )
    except BaseException:
        _remove_restored(target)
        _put_back(target, aside)
        raise
    return Restored(target, aside.get(target), summary)


def _set_aside(target: Path, stamp: str) -> dict[Path, Path]:
    """Rename the database, its -wal/-shm and its photo folder aside; what went where."""
    base = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
    moves = {target: base}
    moves.update({Path(f"{target}{s}"): Path(f"{base}{s}") for s in SIDECAR_SUFFIXES})
    moves[photos_folder(target)] = photos_folder(base)
    done: dict[Path, Path] = {}
    try:
        for current, aside in moves.items():
            if current.exists():
                os.replace(current, aside)
                done[current] = aside
    except OSError as error:
        _put_back(target, done)
        raise DatabaseError(
            f"{target} could not be set aside before restoring ({error.strerror or error}); "
            "nothing was changed."
        ) from None
    return done


def _copy_in(source: Path, target: Path, stamp: str) -> None:
    temporary = target.with_name(f".{target.name}.restoring-{stamp}")
    try:
        shutil.copyfile(source, temporary)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        origin = photos_folder(source)
        if origin.is_dir():
            shutil.copytree(origin, photos_folder(target), copy_function=_link_or_copy)
        os.replace(temporary, target)
        fsync_folder(target.parent)
    except OSError as error:
        raise DatabaseError(
            f"The backup could not be copied to {target}: {error.strerror or error}."
        ) from None
    finally:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def _remove_restored(target: Path) -> None:
    with suppress(OSError):
        target.unlink(missing_ok=True)
    for suffix in SIDECAR_SUFFIXES:
        with suppress(OSError):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(photos_folder(target), ignore_errors=True)


def _put_back(target: Path, aside: dict[Path, Path]) -> None:
    for current, moved in aside.items():
        with suppress(OSError):
            os.replace(moved, current)
