"""The photo store: image files beside the database, named by content hash, thumbnails cached.

Layout, for a database `shop.sqlite3`:

    shop.photos/ab/<sha-256 of the file>.jpg     originals, in 256 folders by the hash's first
                                                 two characters (100,000 photos: ~400 a folder)
    shop.photos/thumbs/256/ab/<sha-256>.jpg      cached thumbnails, one folder per size
    shop.photos/.incoming/                       imports being copied (renamed into place)

Decisions:

- **The user's bytes are kept as they are.** The hash is the SHA-256 of the file the user chose,
  so importing it again is recognised as a duplicate, and the stored file is the evidence exactly
  as it came from the camera (EXIF date and all). EXIF orientation is applied whenever pixels are
  shown: in thumbnails, in `open_image()`, and in the width and height an import reports.
- **Thumbnails are JPEG, transparency flattened onto white**: small, quick to decode for a grid of
  2,000, what product photos are usually shown on. They are a cache: written without fsync,
  checked cheaply (the JPEG end marker) and remade when missing or cut short.
- **Nothing half-written is ever visible.** An import copies into `.incoming/` while hashing,
  decodes the copy completely (see `thumbnails.py`), fsyncs it, then renames it into place; a
  refused file leaves nothing behind. A thumbnail is written to a temporary name and renamed.
- **Threads**: import, thumbnail and delete may run on worker threads at once. The only shared
  state is one lock per photo folder, held just to place or remove files.

Database rows (samples, photos) are the services' business: they keep the hash and the original
file name, delete a photo here when its last row goes, and pass every hash they hold to `check()`.
"""

from __future__ import annotations

import os
import re
import secrets
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from pathlib import Path

from PIL import Image

from app.errors import NotFound, PhotoRejected, PhotoStoreError
from app.store.photos.files import (
    copy_hashing,
    fsync_file,
    fsync_folder,
    hash_file,
    make_folder,
    replace,
    size_of,
    store_error,
)
from app.store.photos.records import ImportedPhoto, ImportReport, PhotoCheck
from app.store.photos.thumbnails import (
    MAX_PHOTO_PIXELS,
    STORED_EXTENSIONS,
    THUMBNAIL_SIZE,
    UnreadableImage,
    describe_photo,
    looks_complete,
    render_photo,
    save_thumbnail,
)

PHOTOS_SUFFIX = ".photos"
THUMBS_FOLDER = "thumbs"
INCOMING_FOLDER = ".incoming"
# What a folder import picks up (any file named explicitly is tried, whatever its name).
PHOTO_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff"}
    | {".heic", ".heif"}  # iPhone photos (read by pillow-heif: thumbnails.py)
)
MIN_THUMBNAIL_SIZE, MAX_THUMBNAIL_SIZE = 16, 4096

_HASH = re.compile(r"[0-9a-f]{64}")
_SHARD = re.compile(r"[0-9a-f]{2}")
# Most likely first: path_of() tries them in this order.
_EXTENSIONS = tuple(dict.fromkeys(STORED_EXTENSIONS.values()))

# One lock per photo folder, shared by every PhotoStore of this process on that folder.
_FOLDER_LOCKS: dict[Path, threading.Lock] = {}
_FOLDER_LOCKS_GUARD = threading.Lock()

ProgressCallback = Callable[[int, int], object]


def photos_folder(database_path: Path) -> Path:
    """The folder beside the database that holds its photos: `shop.sqlite3` → `shop.photos`."""
    database_path = Path(database_path)
    return database_path.with_name(database_path.stem + PHOTOS_SUFFIX)


class PhotoStore:
    """The photo files of one database. Cheap to create: nothing is touched until it is used."""

    def __init__(self, database_path: Path, *, max_pixels: int = MAX_PHOTO_PIXELS) -> None:
        self.folder = photos_folder(database_path)
        self.max_pixels = max_pixels
        with _FOLDER_LOCKS_GUARD:
            self._lock = _FOLDER_LOCKS.setdefault(self.folder.resolve(), threading.Lock())

    # --- finding -------------------------------------------------------------------------------
    def path_of(self, photo_hash: str) -> Path:
        """The stored original; raises `NotFound` if it is not in the store."""
        found = self._find(photo_hash)
        if found is None:
            raise NotFound(f"Photo {photo_hash[:12]}… is missing from {self.folder}.")
        return found

    def contains(self, photo_hash: str) -> bool:
        return self._find(photo_hash) is not None

    def all_hashes(self) -> set[str]:
        return {photo_hash for photo_hash, _ in self._originals()}

    # --- importing -----------------------------------------------------------------------------
    def import_file(self, path: Path, *, thumbnail: bool = True) -> ImportedPhoto:
        """Copy one image file into the store (once per content) and make its thumbnail.

        Raises `PhotoRejected` naming the file when it cannot be taken (not an image, damaged,
        too large, empty, unreadable): nothing is left in the store. Raises `PhotoStoreError`
        when the photo folder itself cannot be written (read-only, disk full).
        """
        source = Path(path)
        incoming = self.folder / INCOMING_FOLDER
        make_folder(incoming)
        temporary = incoming / f"{secrets.token_hex(8)}.partial"
        try:
            photo_hash, size = copy_hashing(source, temporary)
            existing = self._find(photo_hash)
            if existing is not None and size_of(existing) == size:
                return self._duplicate(source, existing, photo_hash, size)
            try:
                rendered = render_photo(
                    temporary, THUMBNAIL_SIZE if thumbnail else 1, max_pixels=self.max_pixels
                )
            except UnreadableImage as problem:
                raise PhotoRejected(str(source), str(problem)) from None
            except OSError as error:
                raise store_error(f"Cannot read back {temporary}", error) from None
            stored = self._original_path(photo_hash, STORED_EXTENSIONS[rendered.format])
            fsync_file(temporary)
            with self._lock:
                raced = self._find(photo_hash)
                if raced in (None, existing):
                    raced = None
                    make_folder(stored.parent)
                    replace(temporary, stored)
                    if existing is not None and existing != stored:  # a damaged copy, replaced
                        existing.unlink(missing_ok=True)
            if raced is not None:  # another thread stored the same content meanwhile
                return self._duplicate(source, raced, photo_hash, size)
            fsync_folder(stored.parent)
            if existing is not None:
                self._remove_thumbnails(photo_hash)  # they were made from the damaged copy
            if thumbnail:
                self._write_thumbnail(photo_hash, THUMBNAIL_SIZE, rendered.image)
        finally:
            with suppress(OSError):  # cleaning up must not hide the real error
                temporary.unlink(missing_ok=True)
        return ImportedPhoto(
            hash=photo_hash,
            stored_path=stored,
            source_path=source,
            original_name=source.name,
            format=rendered.format,
            width=rendered.width,
            height=rendered.height,
            size_bytes=size,
            was_duplicate=False,
        )

    def import_files(
        self,
        paths: Iterable[Path],
        on_progress: ProgressCallback | None = None,
        *,
        thumbnail: bool = True,
    ) -> ImportReport:
        """Import files and folders (folders: their images, recursively, in name order).

        A refused file is listed in the report and the others go on. `on_progress(done, total)`
        is called before the first file and after each one; returning `False` cancels, keeping
        the files already imported (they are in the report). A photo folder that cannot be
        written stops the import with `report.failure` set.
        """
        files = self.expand(paths)
        report = ImportReport()
        total = len(files)
        for done, path in enumerate(files):
            if on_progress is not None and on_progress(done, total) is False:
                report.cancelled = True
                report.not_attempted = files[done:]
                return report
            try:
                report.photos.append(self.import_file(path, thumbnail=thumbnail))
            except PhotoRejected as refusal:
                report.refused.append((path, refusal.reason))
            except PhotoStoreError as error:
                report.failure = str(error)
                report.not_attempted = files[done:]
                return report
        if on_progress is not None:
            on_progress(total, total)
        return report

    def expand(self, paths: Iterable[Path]) -> list[Path]:
        """Files to import: a folder gives its image files, sorted, skipping hidden ones and
        any photo store inside; files given by name are kept as they are, in their order."""
        files: list[Path] = []
        for path in map(Path, paths):
            if path.is_dir():
                files.extend(self._images_under(path))
            else:
                files.append(path)
        return files

    # --- showing -------------------------------------------------------------------------------
    def thumbnail(self, photo_hash: str, size: int = THUMBNAIL_SIZE) -> Path:
        """The cached thumbnail (longest side `size`), made first if missing or cut short.

        Raises `NotFound` if the photo is not stored, `PhotoStoreError` if it cannot be decoded.
        Safe from several threads at once: each writes its own temporary file and renames it.
        """
        target = self._thumbnail_path(photo_hash, size)
        if looks_complete(target):
            return target
        picture = self.open_image(photo_hash, size)
        self._write_thumbnail(photo_hash, size, picture)
        return target

    def cached_thumbnail(self, photo_hash: str, size: int = THUMBNAIL_SIZE) -> Path | None:
        """The thumbnail if it is already made, else None: cheap enough for the GUI thread."""
        target = self._thumbnail_path(photo_hash, size)
        return target if looks_complete(target) else None

    def open_image(self, photo_hash: str, max_side: int | None = None) -> Image.Image:
        """The photo upright in RGB, scaled to fit `max_side` (JPEGs scaled while decoding)."""
        original = self.path_of(photo_hash)
        try:
            return render_photo(original, max_side, max_pixels=self.max_pixels).image
        except (UnreadableImage, OSError) as problem:
            raise PhotoStoreError(
                f"The stored photo {original} cannot be shown: {problem}."
            ) from None

    # --- removing and checking -----------------------------------------------------------------
    def delete(self, photo_hash: str) -> bool:
        """Remove the original and every thumbnail of it; False if it was not stored."""
        try:
            with self._lock:
                original = self._find(photo_hash)
                if original is not None:
                    original.unlink(missing_ok=True)
                self._remove_thumbnails(photo_hash)
        except OSError as error:
            raise store_error(f"Cannot delete photo {photo_hash[:12]}…", error) from None
        return original is not None

    def check(self, referenced_hashes: Iterable[str], *, verify: bool = False) -> PhotoCheck:
        """Compare the folder with the hashes the database refers to; read-only.

        `verify=True` also re-reads every file and reports those whose content no longer matches
        their name (slow: the whole store is read).
        """
        referenced = set(referenced_hashes)
        stored: dict[str, Path] = {}
        stray: list[Path] = []
        for photo_hash, path in self._originals(stray):
            stored[photo_hash] = path
        stray.extend(self._stale_thumbnails(stored.keys()))
        incoming = self.folder / INCOMING_FOLDER
        if incoming.is_dir():
            stray.extend(sorted(entry for entry in incoming.iterdir()))
        damaged = [h for h, path in sorted(stored.items()) if verify and hash_file(path) != h]
        return PhotoCheck(
            folder=self.folder,
            orphans=tuple(sorted(stored.keys() - referenced)),
            missing=tuple(sorted(referenced - stored.keys())),
            damaged=tuple(damaged),
            stray=tuple(stray),
            stored_paths=stored,
        )

    # --- internals -----------------------------------------------------------------------------
    def _find(self, photo_hash: str) -> Path | None:
        folder = self.folder / _shard(photo_hash)
        for extension in _EXTENSIONS:
            candidate = folder / f"{photo_hash}{extension}"
            if candidate.is_file():
                return candidate
        return None

    def _original_path(self, photo_hash: str, extension: str) -> Path:
        return self.folder / _shard(photo_hash) / f"{photo_hash}{extension}"

    def _thumbnail_path(self, photo_hash: str, size: int) -> Path:
        if not MIN_THUMBNAIL_SIZE <= size <= MAX_THUMBNAIL_SIZE:
            raise ValueError(
                f"thumbnail size {size} is outside {MIN_THUMBNAIL_SIZE}-{MAX_THUMBNAIL_SIZE}"
            )
        return self.folder / THUMBS_FOLDER / str(size) / _shard(photo_hash) / f"{photo_hash}.jpg"

    def _duplicate(self, source: Path, existing: Path, photo_hash: str, size: int) -> ImportedPhoto:
        try:
            photo_format, width, height = describe_photo(existing, max_pixels=self.max_pixels)
        except (UnreadableImage, OSError) as problem:
            raise PhotoStoreError(
                f"The stored photo {existing} cannot be read: {problem}."
            ) from None
        return ImportedPhoto(
            hash=photo_hash,
            stored_path=existing,
            source_path=source,
            original_name=source.name,
            format=photo_format,
            width=width,
            height=height,
            size_bytes=size,
            was_duplicate=True,
        )

    def _write_thumbnail(self, photo_hash: str, size: int, picture: Image.Image) -> None:
        target = self._thumbnail_path(photo_hash, size)
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.partial")
        try:
            make_folder(target.parent)
            save_thumbnail(picture, temporary)
            with self._lock:
                original = self._find(photo_hash)
                if original is not None:  # not deleted meanwhile
                    replace(temporary, target)
        except OSError as error:
            raise store_error(f"Cannot write the thumbnail {target}", error) from None
        finally:
            with suppress(OSError):
                temporary.unlink(missing_ok=True)
        if original is None:
            raise NotFound(f"Photo {photo_hash[:12]}… was deleted from {self.folder}.")

    def _remove_thumbnails(self, photo_hash: str) -> None:
        thumbs = self.folder / THUMBS_FOLDER
        if not thumbs.is_dir():
            return
        for size_folder in thumbs.iterdir():
            if size_folder.is_dir():  # file browsers leave .DS_Store and Thumbs.db about
                (size_folder / _shard(photo_hash) / f"{photo_hash}.jpg").unlink(missing_ok=True)

    def _originals(self, stray: list[Path] | None = None) -> Iterator[tuple[str, Path]]:
        """(hash, path) of every stored original; anything else found goes to `stray`."""
        if not self.folder.is_dir():
            return
        for shard in sorted(self.folder.iterdir()):
            if shard.name in (THUMBS_FOLDER, INCOMING_FOLDER):
                continue
            if not (shard.is_dir() and _SHARD.fullmatch(shard.name)):
                if stray is not None:
                    stray.append(shard)
                continue
            for entry in sorted(os.scandir(shard), key=lambda item: item.name):
                photo_hash, _, extension = entry.name.partition(".")
                if (
                    entry.is_file()
                    and _HASH.fullmatch(photo_hash)
                    and photo_hash.startswith(shard.name)
                    and f".{extension}" in _EXTENSIONS
                ):
                    yield photo_hash, Path(entry.path)
                elif stray is not None:
                    stray.append(Path(entry.path))

    def _stale_thumbnails(self, stored: Iterable[str]) -> Iterator[Path]:
        """Thumbnails of photos no longer stored, and half-written ones."""
        stored = set(stored)
        thumbs = self.folder / THUMBS_FOLDER
        if not thumbs.is_dir():
            return
        for path in sorted(thumbs.rglob("*")):
            if path.is_file() and (path.suffix != ".jpg" or path.stem not in stored):
                yield path

    def _images_under(self, folder: Path) -> Iterator[Path]:
        for root, folders, names in os.walk(folder):
            if _is_photo_store(Path(root)):  # a database's own photos and cached thumbnails
                folders.clear()
                continue
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            for name in sorted(names):
                if not name.startswith(".") and Path(name).suffix.lower() in PHOTO_EXTENSIONS:
                    yield Path(root) / name


# --- files -------------------------------------------------------------------------------------
def _is_photo_store(folder: Path) -> bool:
    return folder.name.endswith(PHOTOS_SUFFIX) and (folder / THUMBS_FOLDER).is_dir()


def _shard(photo_hash: str) -> str:
    if not _HASH.fullmatch(photo_hash):
        raise ValueError(f"not a photo hash: {photo_hash!r}")
    return photo_hash[:2]
