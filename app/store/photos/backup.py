"""Backups include the photos: the originals beside the database are copied beside the backup.

Photos are named by their content hash, so a file already in the backup folder with the same
name and size is the same photo and is skipped: backing up again copies only new photos.
Thumbnails are a cache and are left out (they are remade when needed).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from app.errors import DatabaseError
from app.store.backup import backup_database
from app.store.photos.store import photos_folder

_SKIPPED = {"thumbs", ".incoming"}


def backup_with_photos(
    source: Path, target: Path, on_progress: Callable[[int, int], bool] | None = None
) -> tuple[Path, int]:
    """Back up the database, then its photos; returns the backup and the photos copied."""
    out = backup_database(source, target)
    return out, backup_photos(source, out, on_progress)


def backup_photos(
    source_db: Path, target_db: Path, on_progress: Callable[[int, int], bool] | None = None
) -> int:
    origin, destination = photos_folder(source_db), photos_folder(target_db)
    if not origin.is_dir():
        return 0
    originals = [
        path
        for shard in sorted(origin.iterdir())
        if shard.is_dir() and shard.name not in _SKIPPED
        for path in sorted(shard.iterdir())
        if path.is_file() and not path.name.startswith(".")
    ]
    copied = 0
    for done, path in enumerate(originals):
        if on_progress is not None and on_progress(done, len(originals)) is False:
            break
        target = destination / path.parent.name / path.name
        if target.is_file() and target.stat().st_size == path.stat().st_size:
            continue
        _copy(path, target)
        copied += 1
    return copied


def _copy(path: Path, target: Path) -> None:
    temporary = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, temporary)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as error:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise DatabaseError(
            f"Cannot copy the photo {path.name} to {target.parent}: {reason}."
        ) from None
