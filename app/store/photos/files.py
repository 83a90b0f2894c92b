"""File operations of the photo store: copy while hashing, fsync, atomic rename, and the
errors that say which file or folder failed."""

from __future__ import annotations

import hashlib
import os
from contextlib import suppress
from pathlib import Path

from app.errors import PhotoRejected, PhotoStoreError

COPY_CHUNK = 1 << 20


def copy_hashing(source: Path, temporary: Path) -> tuple[str, int]:
    """Copy `source` to `temporary` while hashing it; (SHA-256 hex, size in bytes)."""
    digest = hashlib.sha256()
    size = 0
    try:
        reader = open(source, "rb")  # noqa: SIM115 - closed below, errors told apart
    except FileNotFoundError:
        raise PhotoRejected(str(source), "the file does not exist") from None
    except IsADirectoryError:
        raise PhotoRejected(str(source), "it is a folder, not a file") from None
    except OSError as error:
        raise PhotoRejected(str(source), f"the file cannot be read ({reason(error)})") from None
    with reader:
        try:
            writer = open(temporary, "xb")  # noqa: SIM115
        except OSError as error:
            raise store_error(f"Cannot write to {temporary.parent}", error) from None
        with writer:
            while True:
                try:
                    chunk = reader.read(COPY_CHUNK)
                except OSError as error:
                    raise PhotoRejected(
                        str(source), f"the file cannot be read ({reason(error)})"
                    ) from None
                if not chunk:
                    break
                digest.update(chunk)
                size += len(chunk)
                try:
                    writer.write(chunk)
                except OSError as error:
                    raise store_error(f"Cannot write to {temporary.parent}", error) from None
    if size == 0:
        raise PhotoRejected(str(source), "the file is empty")
    return digest.hexdigest(), size


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(COPY_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1


def make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise store_error(f"Cannot create the photo folder {folder}", error) from None


def replace(temporary: Path, target: Path) -> None:
    try:
        os.replace(temporary, target)
    except OSError as error:
        raise store_error(f"Cannot write {target}", error) from None


def fsync_file(path: Path) -> None:
    try:
        with open(path, "rb+") as handle:
            os.fsync(handle.fileno())
    except OSError as error:
        raise store_error(f"Cannot write {path}", error) from None


def fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    # The file is in place: a folder that refuses fsync is no reason to fail the import.
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def store_error(what: str, error: OSError) -> PhotoStoreError:
    return PhotoStoreError(f"{what}: {reason(error)}.")
