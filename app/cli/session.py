"""The opened database a command works on, and the exit codes every command shares."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.workbench import Workbench

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE = 0, 1, 2


@contextmanager
def open_workbench(db_path: Path, *, create: bool, read_only: bool = False) -> Iterator[Workbench]:
    """The validated (created, migrated) database and its services, closed afterwards.

    `read_only=True` for commands that only read (exports): the file is never written."""
    from app.services.workbench import Workbench
    from app.store.opening import open_database_file

    opened = open_database_file(db_path, create=create, read_only=read_only)
    for notice in opened.notices():
        print(f"note: {notice}", file=sys.stderr)
    workbench = Workbench(db_path, read_only=read_only and opened.migrated_from is None)
    try:
        yield workbench
    finally:
        workbench.close()
