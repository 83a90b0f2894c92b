"""Temporary files of writes in progress, and sweeping those a killed process left behind.

An export is written to `.NAME.PID.partial` beside its target and renamed into place; openpyxl's
write-only mode spools each sheet to a temporary file of up to 16 MB. A process killed midway
leaves both behind. So every temporary is listed in a small journal in the data folder while it
exists, openpyxl spools into our own folder, and `sweep()` (run when the app or a command
starts) deletes what a process that no longer runs left behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import suppress
from pathlib import Path

from app import config

JOURNAL = "writes-in-progress.txt"
SPOOL_FOLDER = "tmp"


def _journal() -> Path:
    return config.data_dir() / JOURNAL


def spool_folder() -> Path:
    """Where openpyxl's write-only sheets spool (swept at start)."""
    folder = config.data_dir() / SPOOL_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def register(path: Path) -> None:
    """Note a temporary file or folder of this process before it is created."""
    with suppress(OSError):
        _journal().parent.mkdir(parents=True, exist_ok=True)
        with open(_journal(), "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\t{Path(path).resolve()}\n")


def unregister(path: Path) -> None:
    """The temporary is gone (renamed into place or removed): forget it."""
    wanted = str(Path(path).resolve())
    _rewrite(lambda pid, name: not (pid == os.getpid() and name == wanted))


def sweep() -> list[Path]:
    """Delete the temporaries of processes that no longer run; returns what was removed."""
    removed: list[Path] = []

    def keep(pid: int, name: str) -> bool:
        if _alive(pid):
            return True
        path = Path(name)
        with suppress(OSError):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
        return False

    _rewrite(keep)
    spool = config.data_dir() / SPOOL_FOLDER
    if spool.is_dir():
        for leftover in spool.iterdir():
            pid = _pid_of(leftover.name)
            if pid is not None and not _alive(pid):
                with suppress(OSError):
                    leftover.unlink()
                    removed.append(leftover)
    return removed


def spooled_temporary_file(suffix: str = "") -> str:
    """openpyxl's `create_temporary_file`, in our folder and named with our process id."""
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - openpyxl opens it again by name
        mode="w+",
        suffix=suffix,
        prefix=f"openpyxl.{os.getpid()}.",
        dir=spool_folder(),
        delete=False,
    )
    name = handle.name
    handle.close()
    return name


def _rewrite(keep: object) -> None:
    journal = _journal()
    try:
        lines = journal.read_text(encoding="utf-8").splitlines()
    except OSError:
        return
    kept = []
    for line in lines:
        pid_text, _, name = line.partition("\t")
        try:
            pid = int(pid_text)
        except ValueError:
            continue
        if keep(pid, name):  # type: ignore[operator]
            kept.append(line)
    with suppress(OSError):
        if kept:
            journal.write_text("".join(f"{line}\n" for line in kept), encoding="utf-8")
        else:
            journal.unlink(missing_ok=True)


def _pid_of(name: str) -> int | None:
    parts = name.split(".")
    if len(parts) > 2 and parts[0] == "openpyxl":
        with suppress(ValueError):
            return int(parts[1])
    return None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # cannot tell here: leave it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
