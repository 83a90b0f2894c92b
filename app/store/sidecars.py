"""The files SQLite keeps beside a database (`-wal`, `-shm`), and what to do before trusting them.

A `-wal` beside a database is applied to it by the first read-write connection that closes, and
nothing in it says which database it belongs to: one left by a crash of *another* file (what a
user makes by copying a backup over the live file) turns the database into garbage
(README: Pitfalls). So every check runs read-only, and before the first read-write open of a
file that has a `-wal` or `-shm` and no live holder, the three files are copied aside, named
with the time, so whatever SQLite then does can be undone.

`Fingerprint` makes "the file was not changed" a checked statement, not a hope.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.errors import DatabaseError

SIDECAR_SUFFIXES = ("-wal", "-shm")
HASH_CHUNK = 1 << 20
# Databases this process has open (app.store.db registers them): their -wal is their own.
_open_here: Counter[Path] = Counter()


def sidecars(path: Path) -> list[Path]:
    """The `-wal` / `-shm` files beside `path` that exist now."""
    return [Path(f"{path}{s}") for s in SIDECAR_SUFFIXES if Path(f"{path}{s}").exists()]


def has_pending_wal(path: Path) -> bool:
    """Whether a `-wal` with content lies beside `path`: something a read-write connection would
    apply to it. (A read-only look leaves an empty `-wal` and a `-shm`: harmless.)"""
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def opened_here(path: Path) -> None:
    _open_here[Path(path).resolve()] += 1


def closed_here(path: Path) -> None:
    key = Path(path).resolve()
    _open_here[key] -= 1
    if _open_here[key] <= 0:
        del _open_here[key]


def window_holds(path: Path) -> bool:
    """Whether a live Sourcing Workbench window has `path` open (its lock file names a process
    that still runs); its `-wal` is then its own, not one left behind."""
    lock = Path(f"{path}.lock")
    try:
        pid = int(lock.read_text(encoding="utf-8", errors="replace").split()[0])
    except (OSError, ValueError, IndexError):
        return False
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # cannot tell on this system: trust the lock
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    return True


def set_aside_before_writing(
    path: Path, *, pending: bool, now: datetime | None = None
) -> Path | None:
    """Copy the database and its `-wal`/`-shm` aside when a `-wal` with content was beside it
    before we looked (`pending`, from has_pending_wal) and no live connection owns it: it may
    be left by a crash or copied in. The copy of the database, or None when none was needed.

    Called before the first read-write connection.
    """
    if not pending or Path(path).resolve() in _open_here or window_holds(path):
        return None
    present = sidecars(path)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.before-open-{stamp}{path.suffix}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.stem}.before-open-{stamp}-{number}{path.suffix}")
    try:
        for source in (path, *present):
            target = Path(str(aside) + str(source)[len(str(path)) :])
            shutil.copy2(source, target)
    except OSError as error:
        raise DatabaseError(
            f"{path} has a {' and '.join(p.name for p in present)} beside it, and a safety "
            f"copy could not be made before opening it ({error.strerror or error}); "
            "nothing was opened or changed."
        ) from None
    return aside


@dataclass(frozen=True)
class Fingerprint:
    """Size, modification time and (when it matters) the content hash of a file."""

    size: int
    mtime_ns: int
    sha256: str | None

    @classmethod
    def of(cls, path: Path, *, with_hash: bool) -> Fingerprint:
        stat = path.stat()
        return cls(stat.st_size, stat.st_mtime_ns, _sha256(path) if with_hash else None)

    def still_matches(self, path: Path) -> bool:
        try:
            now = Fingerprint.of(path, with_hash=self.sha256 is not None)
        except OSError:
            return False
        return now == self


def fingerprint_before_opening(path: Path) -> Fingerprint:
    """The file as it is before any check. The hash is taken when a `-wal` with content is
    beside it (the only case where opening could rewrite it); otherwise size and time say enough."""
    return Fingerprint.of(path, with_hash=has_pending_wal(path))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
