"""Open (or create) a database file for use: validate, create or migrate, never touch foreign files.

sqlite3 only: safe to call before the window paints. Migration imports Alembic only when due.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.errors import DatabaseError
from app.store.connection import FileState, inspect_file


@dataclass(frozen=True)
class OpenedFile:
    path: Path
    created: bool = False
    migrated_from: str | None = None
    backup: Path | None = None


def open_database_file(path: Path, *, create: bool = True, quick_check: bool = True) -> OpenedFile:
    """Make sure `path` is a current workbench database we may write, creating it if asked.

    With `quick_check=False` the caller must run connection.verify_intact() itself.
    """
    path = Path(path).expanduser()
    if not path.exists():
        if not create:
            raise DatabaseError(f"{path} does not exist.")
        from app.store.migrate import create_database

        create_database(path)
        return OpenedFile(path=path, created=True)
    # A migration always gets the full check first: never upgrade a damaged file.
    state: FileState = inspect_file(path, quick_check=quick_check)
    if state.needs_migration:
        if not quick_check:
            from app.store.connection import verify_intact

            verify_intact(path)
        from app.store.migrate import migrate_with_backup

        backup = migrate_with_backup(path, state.revision)
        return OpenedFile(path=path, migrated_from=state.revision, backup=backup)
    return OpenedFile(path=path)
