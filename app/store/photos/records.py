"""What the photo store reports: an imported photo, an import of several files, a check."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# An orphan wastes space but loses nothing: a check names it, a restore does not refuse it.
ORPHAN_PROBLEM = "photo not used by any record"


@dataclass(frozen=True)
class ImportedPhoto:
    """One file taken in: what the database keeps about it (hash, original name, size)."""

    hash: str
    stored_path: Path
    source_path: Path
    original_name: str  # the user's file name, as given (Chinese, long...)
    format: str  # Pillow's name: JPEG, PNG, WEBP, GIF, BMP, TIFF, MPO
    width: int  # as shown, after EXIF orientation
    height: int
    size_bytes: int
    was_duplicate: bool  # the same content was already in the store; nothing was copied


@dataclass
class ImportReport:
    """What an import of several files did, in the order the files were given."""

    photos: list[ImportedPhoto] = field(default_factory=list)  # imported and duplicates
    refused: list[tuple[Path, str]] = field(default_factory=list)  # (file, one-line reason)
    cancelled: bool = False
    failure: str | None = None  # why the whole import stopped (the photo folder is unusable)
    not_attempted: list[Path] = field(default_factory=list)  # left after a cancel or failure

    @property
    def imported(self) -> list[ImportedPhoto]:
        return [photo for photo in self.photos if not photo.was_duplicate]

    @property
    def duplicates(self) -> list[ImportedPhoto]:
        return [photo for photo in self.photos if photo.was_duplicate]

    def summary(self) -> str:
        """One line for a status bar, e.g. "3 photos imported, 1 already in the store"."""
        parts = [_count(len(self.imported), "photo") + " imported"]
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} already in the store")
        if self.refused:
            parts.append(f"{len(self.refused)} refused")
        if self.cancelled:
            parts.append(f"cancelled with {len(self.not_attempted)} not imported")
        if self.failure:
            parts.append(f"stopped: {self.failure}")
        return ", ".join(parts)


@dataclass(frozen=True)
class PhotoCheck:
    """What `PhotoStore.check()` found; empty tuples everywhere mean the store is healthy."""

    folder: Path
    orphans: tuple[str, ...]  # stored, but no record refers to them
    missing: tuple[str, ...]  # a record refers to them, but the file is gone
    damaged: tuple[str, ...] = ()  # content no longer matches its hash (only when verified)
    stray: tuple[Path, ...] = ()  # not the store's: leftovers of a crash, stale thumbnails
    stored_paths: dict[str, Path] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not (self.orphans or self.missing or self.damaged or self.stray)

    def problems(self) -> list[str]:
        """One line per finding, for `python -m app check`."""
        lines = [f"{ORPHAN_PROBLEM}: {self._path(h)}" for h in self.orphans]
        lines += [f"photo missing from {self.folder}: {h}" for h in self.missing]
        lines += [f"photo damaged (content changed): {self._path(h)}" for h in self.damaged]
        lines += [f"file that is not a stored photo (safe to delete): {p}" for p in self.stray]
        return lines

    def _path(self, photo_hash: str) -> Path | str:
        return self.stored_paths.get(photo_hash, photo_hash)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
