"""Write a file so that a crash or error never leaves half of it, nor destroys the old one."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from app import temporaries
from app.errors import ExportFailed

# What a user can do about each failure of a write (errno → the cause in words).
_CAUSES = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied (is it open elsewhere?)",
    errno.EPERM: "permission denied (is it open elsewhere?)",
    errno.ENOENT: "the folder does not exist or cannot hold files",
    errno.EISDIR: "a folder has that name",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EIO: "the disk reported an input/output error",
}


def write_error(target: Path, error: OSError) -> ExportFailed:
    """One clear line for any OSError while writing `target`."""
    cause = _CAUSES.get(error.errno or 0) or error.strerror or str(error)
    return ExportFailed(f"Cannot write {target}: {cause}. Nothing was written.")


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success fsync it, rename it into place and
    fsync the folder. On any error the temporary file is removed and `target` is left as it
    was; an OSError becomes one ExportFailed line. The temporary is journalled while it exists,
    so one left by a killed process is swept at the next start (temporaries.sweep)."""
    target = Path(target)
    if not target.parent.is_dir():
        raise ExportFailed(f"Cannot write {target}: the folder {target.parent} does not exist.")
    if not os.access(target.parent, os.W_OK):
        raise ExportFailed(f"Cannot write {target}: the folder is read-only.")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    temporaries.register(temporary)
    try:
        yield temporary
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
        fsync_folder(target.parent)
    except OSError as error:
        raise write_error(target, error) from None
    finally:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
        temporaries.unregister(temporary)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
