"""Open (or create) a database file for use: validate, create or migrate, never touch foreign files.

Order matters (issue 10): every check runs on a read-only connection; only a file that passed is
ever opened read-write, and before that first read-write open a `-wal`/`-shm` beside it that may
not be its own is copied aside with the database (app.store.sidecars). A refusal that says "the
file was not changed" is checked against the file's fingerprint from before the checks.

sqlite3 only: safe to call before the window paints. Migration imports Alembic only when due.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.errors import DatabaseCorrupt, DatabaseError
from app.store.connection import NOT_CHANGED, FileState, inspect_file
from app.store.sidecars import (
    Fingerprint,
    fingerprint_before_opening,
    has_pending_wal,
    set_aside_before_writing,
)


@dataclass(frozen=True)
class OpenedFile:
    path: Path
    created: bool = False
    migrated_from: str | None = None
    backup: Path | None = None
    # A copy of the file and its -wal/-shm made before the first read-write open, or None.
    set_aside: Path | None = None

    def notices(self) -> list[str]:
        """What the user should be told about this opening (a copy made, an upgrade done)."""
        lines = []
        if self.set_aside is not None:
            lines.append(
                f"{self.path.name} had a -wal/-shm file beside it (left by a crash, or copied "
                f"in): before opening it, a copy of all three was set aside as "
                f"{self.set_aside.name}."
            )
        if self.migrated_from is not None:
            lines.append(
                f"{self.path.name} was upgraded from schema {self.migrated_from}; the copy "
                f"from before is {self.backup}."
            )
        return lines


def open_database_file(
    path: Path, *, create: bool = True, quick_check: bool = True, read_only: bool = False
) -> OpenedFile:
    """Make sure `path` is a current workbench database we may use, creating it if asked.

    `read_only=True` (exports, checks): nothing is ever written, unless the schema is behind,
    which needs the usual upgrade (with its backup) first.
    With `quick_check=False` the caller must run connection.verify_intact() itself.
    """
    path = Path(path).expanduser()
    if not path.exists():
        if not create:
            raise DatabaseError(f"{path} does not exist.")
        from app.store.migrate import create_database

        create_database(path)
        return OpenedFile(path=path, created=True)
    pending = has_pending_wal(path)  # before our own read-only look leaves an empty one
    before = fingerprint_before_opening(path)
    try:
        state: FileState = inspect_file(path, writable=not read_only, quick_check=quick_check)
    except DatabaseError as error:
        raise _truthful(_with_wal_hint(error, path, pending), path, before) from None
    if read_only and not state.needs_migration:
        return OpenedFile(path=path)
    if read_only:  # an upgrade writes: the place must allow it
        inspect_file(path, writable=True, quick_check=False)
    set_aside = set_aside_before_writing(path, pending=pending)
    if state.needs_migration:
        # A migration always gets the full check first: never upgrade a damaged file.
        if not quick_check:
            from app.store.connection import verify_intact

            verify_intact(path)
        from app.store.migrate import migrate_with_backup

        backup = migrate_with_backup(path, state.revision)
        return OpenedFile(
            path=path, migrated_from=state.revision, backup=backup, set_aside=set_aside
        )
    return OpenedFile(path=path, set_aside=set_aside)


def _with_wal_hint(error: DatabaseError, path: Path, pending: bool) -> DatabaseError:
    """A damaged read with a -wal beside the file may be the -wal's fault, not the file's."""
    if not pending or not isinstance(error, DatabaseCorrupt):
        return error
    return DatabaseCorrupt(
        f"{error} A {path.name}-wal file lies beside it (left by a crash, or copied in with "
        "another file): if you copied files over this database, move its -wal and -shm "
        "files aside and open it again."
    )


def _truthful(error: DatabaseError, path: Path, before: Fingerprint) -> DatabaseError:
    """The refusal, with "the file was not changed" only when that is still true."""
    text = str(error)
    if NOT_CHANGED not in text or before.still_matches(path):
        return error
    return type(error)(
        text.replace(
            NOT_CHANGED,
            "WARNING: the file changed while it was being checked (another program may be "
            "writing it); check it again before trusting it",
        )
    )
