"""Write a file so that a crash or error never leaves half of it, nor destroys the old one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.errors import ExportFailed


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success fsync it and rename it into place.

    On any error the temporary file is removed and `target` is left as it was.
    """
    target = Path(target)
    if not target.parent.is_dir():
        raise ExportFailed(f"The folder {target.parent} does not exist.")
    if not os.access(target.parent, os.W_OK):
        raise ExportFailed(f"Cannot write to {target.parent}: the folder is read-only.")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        yield temporary
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except PermissionError as error:
        raise ExportFailed(
            f"Cannot write {target}: {error.strerror} (is it open elsewhere?)."
        ) from None
    finally:
        temporary.unlink(missing_ok=True)
