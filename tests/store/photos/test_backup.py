"""A backup carries the photos: originals copied beside it, thumbnails left out, repeats cheap."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from app.store.photos.backup import backup_with_photos
from app.store.photos.store import PhotoStore, photos_folder


def _photo(folder: Path, name: str, colour: tuple[int, int, int]) -> Path:
    path = folder / name
    Image.new("RGB", (40, 30), colour).save(path)
    return path


def test_backup_copies_the_originals_once(db_path: Path, tmp_path: Path) -> None:
    store = PhotoStore(db_path)
    first = store.import_file(_photo(tmp_path, "正面.jpg", (200, 0, 0)))
    second = store.import_file(_photo(tmp_path, "背面.png", (0, 0, 200)))
    target = tmp_path / "backups" / "copy.sqlite3"
    out, copied = backup_with_photos(db_path, target)
    assert out == target and copied == 2
    copy = PhotoStore(target)
    assert copy.all_hashes() == {first.hash, second.hash}
    assert copy.path_of(first.hash).read_bytes() == store.path_of(first.hash).read_bytes()
    assert not (photos_folder(target) / "thumbs").exists()  # a cache, remade when needed
    _out, again = backup_with_photos(db_path, target)
    assert again == 0  # already there: nothing copied twice


def test_a_database_without_photos_backs_up_alone(db_path: Path, tmp_path: Path) -> None:
    out, copied = backup_with_photos(db_path, tmp_path / "copy.sqlite3")
    assert out.exists() and copied == 0
    assert not photos_folder(out).exists()
