"""A backup is complete or it does not exist (issue 10).

A backup is a folder: the database copy (`database.sqlite3`, made with SQLite's backup API),
its photos (`database.photos/`, originals only; thumbnails are a cache) and `manifest.json`
(every file with its size and SHA-256, the schema revision, record counts). Everything is
written into a hidden temporary folder beside the target, the manifest last, and the folder is
renamed into place: a backup killed midway leaves no folder that looks like a backup.

Photos are named by their content, so a photo already in an earlier backup (the one replaced,
or the latest automatic one) is hard-linked instead of copied when the file system allows:
repeated backups cost only the new photos.

`verify_backup` checks a backup against its manifest (sizes, hashes, the database's own check).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from app import __version__, temporaries
from app.errors import DatabaseError
from app.store.backup import backup_database, fsync_folder
from app.store.connection import connect, inspect_file
from app.store.photos.store import photos_folder

MANIFEST = "manifest.json"
DATABASE = "database.sqlite3"
FORMAT = 1
_SKIPPED_PHOTO_FOLDERS = {"thumbs", ".incoming"}
# What the manifest counts, table by table (a table a schema does not have yet counts 0).
COUNTED = {
    "suppliers": "suppliers",
    "products": "products",
    "samples": "samples",
    "audits": "audits",
    "photos": "sample_photos",
    "quotes": "quotes",
    "orders": "purchase_orders",
    "parcels": "parcels",
    "parcel photos": "parcel_photos",
    "shipments": "shipments",
}
Progress = Callable[[int, int], object]


@dataclass(frozen=True)
class BackupInfo:
    """What a backup's manifest says."""

    folder: Path
    source: str
    created_at: datetime
    revision: str
    counts: dict[str, int]
    files: dict[str, tuple[int, str]] = field(repr=False)  # relative path -> (size, sha256)

    @property
    def database(self) -> Path:
        return self.folder / DATABASE

    def summary(self) -> str:
        """ "36 suppliers, 4 products, 17 samples, 3 audits, 42 photos"."""
        return ", ".join(f"{count:,} {name}" for name, count in self.counts.items())


def is_backup(folder: Path) -> bool:
    return (Path(folder) / MANIFEST).is_file()


def read_manifest(folder: Path) -> BackupInfo:
    folder = Path(folder)
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return BackupInfo(
            folder=folder,
            source=str(data["source"]),
            created_at=datetime.fromisoformat(data["created_at"]),
            revision=str(data["revision"]),
            counts={str(k): int(v) for k, v in data["counts"].items()},
            files={str(k): (int(v["size"]), str(v["sha256"])) for k, v in data["files"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise DatabaseError(
            f"{folder} is not a complete Sourcing Workbench backup (its {MANIFEST} cannot be "
            f"read: {error})."
        ) from None


def write_backup(
    source: Path,
    target: Path,
    *,
    replace: bool = False,
    link_from: Iterable[Path] = (),
    on_progress: Progress | None = None,
) -> BackupInfo:
    """Back up the database at `source` and its photos into the new folder `target`.

    An existing `target` is refused unless `replace` is set and it is an earlier backup of the
    same database (never another database's, never a file that is not a backup). `link_from`:
    earlier backups whose photos may be hard-linked instead of copied.
    """
    source, target = Path(source).resolve(), Path(target)
    _check_target(source, target, replace=replace)
    temporary = target.with_name(f".{target.name}.partial-{os.getpid()}")
    shutil.rmtree(temporary, ignore_errors=True)
    temporaries.register(temporary)  # a killed backup's folder goes at the next start
    earlier = [Path(f) for f in link_from if is_backup(f)]
    if replace and is_backup(target):
        earlier.insert(0, target)
    try:
        temporary.mkdir(parents=True)
        backup_database(source, temporary / DATABASE)
        photos = _copy_photos(source, temporary, earlier, on_progress)
        info = _write_manifest(source, temporary, photos)
        _swap_into_place(temporary, target)
    except OSError as error:
        raise DatabaseError(
            f"Cannot write the backup to {target}: {error.strerror or error}. No backup was made."
        ) from None
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
        temporaries.unregister(temporary)
    return BackupInfo(target, info.source, info.created_at, info.revision, info.counts, info.files)


def _check_target(source: Path, target: Path, *, replace: bool) -> None:
    if target.resolve() == source or source in target.resolve().parents:
        raise DatabaseError("Choose a backup place other than the database itself.")
    if not target.exists():
        return
    if not is_backup(target):
        raise DatabaseError(
            f"{target} already exists and is not a backup: choose a new name. Nothing was written."
        )
    if not replace:
        raise DatabaseError(
            f"{target} already exists: choose a new name, or use --force to replace this "
            "earlier backup of the same database."
        )
    previous = read_manifest(target)
    if Path(previous.source) != source:
        raise DatabaseError(
            f"{target} is a backup of another database ({previous.source}); it is never "
            "replaced. Choose a new name."
        )


def _copy_photos(
    source: Path, folder: Path, earlier: list[Path], on_progress: Progress | None
) -> list[Path]:
    origin = photos_folder(source)
    if not origin.is_dir():
        return []
    originals = [
        path
        for shard in sorted(origin.iterdir())
        if shard.is_dir() and shard.name not in _SKIPPED_PHOTO_FOLDERS
        for path in sorted(shard.iterdir())
        if path.is_file() and not path.name.startswith(".")
    ]
    destination = photos_folder(folder / DATABASE)
    copied = []
    for done, path in enumerate(originals):
        if on_progress is not None and on_progress(done, len(originals)) is False:
            raise DatabaseError("Backup cancelled: no backup was made.")
        relative = Path(path.parent.name) / path.name
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not _link_earlier(relative, path, target, earlier):
            shutil.copyfile(path, target)
        copied.append(target)
    return copied


def _link_earlier(relative: Path, original: Path, target: Path, earlier: list[Path]) -> bool:
    size = original.stat().st_size
    for backup in earlier:
        candidate = photos_folder(backup / DATABASE) / relative
        with suppress(OSError):
            if candidate.stat().st_size == size:
                os.link(candidate, target)
                return True
    return False


def _write_manifest(source: Path, folder: Path, photos: list[Path]) -> BackupInfo:
    files = {
        str(path.relative_to(folder)): (path.stat().st_size, _sha256(path))
        for path in [folder / DATABASE, *photos]
    }
    revision, counts = _revision_and_counts(folder / DATABASE)
    created = datetime.now(UTC)
    document = {
        "format": FORMAT,
        "app": f"Sourcing Workbench {__version__}",
        "source": str(source),
        "created_at": created.isoformat(),
        "revision": revision,
        "counts": counts,
        "files": {name: {"size": s, "sha256": h} for name, (s, h) in files.items()},
    }
    manifest = folder / MANIFEST
    with open(manifest, "w", encoding="utf-8") as handle:  # last: its presence means complete
        json.dump(document, handle, ensure_ascii=False, indent=1)
        handle.flush()
        os.fsync(handle.fileno())
    fsync_folder(folder)
    return BackupInfo(folder, str(source), created, revision, counts, files)


def _revision_and_counts(database: Path) -> tuple[str, dict[str, int]]:
    connection = connect(database, read_only=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        counts = {
            name: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            if table in tables
            else 0
            for name, table in COUNTED.items()
        }
    finally:
        connection.close()
    return str(revision), counts


def _swap_into_place(temporary: Path, target: Path) -> None:
    """Rename the finished folder to `target`; an earlier backup there goes only afterwards."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.replaced-{os.getpid()}")
        os.replace(target, old)
    try:
        os.replace(temporary, target)
    except OSError:
        if old is not None:
            os.replace(old, target)
        raise
    fsync_folder(target.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def verify_backup(folder: Path) -> list[str]:
    """Every way the backup differs from its manifest, one line each ([] when complete)."""
    info = read_manifest(folder)
    problems = []
    for name, (size, digest) in info.files.items():
        path = info.folder / name
        if not path.is_file():
            problems.append(f"missing from the backup: {name}")
        elif path.stat().st_size != size or _sha256(path) != digest:
            problems.append(f"changed since the backup was made: {name}")
    if info.database.is_file() and not any(p.split(": ")[-1] == DATABASE for p in problems):
        try:
            inspect_file(info.database, writable=False)
        except DatabaseError as error:
            problems.append(str(error))
    return problems


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def count_rows(database: Path) -> dict[str, int]:
    """The manifest's counts for a live database (for messages: "36 suppliers, …")."""
    try:
        return _revision_and_counts(database)[1]
    except sqlite3.Error:
        return {}
