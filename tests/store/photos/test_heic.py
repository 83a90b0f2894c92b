"""iPhone photos (HEIC) are taken like the other formats (issue 14), read through pillow-heif
(its opener registered once, where the store opens images). The HEIC files are made by
pillow-heif itself, so the test runs wherever the installed build can encode HEVC."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from app.errors import PhotoRejected
from app.store.photos.store import PhotoStore
from app.store.photos.thumbnails import SUPPORTED_FORMATS_TEXT

pillow_heif = pytest.importorskip("pillow_heif", reason="pillow-heif is a dependency: install it")
if not pillow_heif.libheif_info().get("HEIF"):
    pytest.skip(
        "this pillow-heif build has no HEVC encoder, so no HEIC file can be made here",
        allow_module_level=True,
    )

RED, BLUE = (220, 30, 30), (30, 30, 220)
ORIENTATION = 0x0112


@pytest.fixture
def store(tmp_path: Path) -> PhotoStore:
    return PhotoStore(tmp_path / "shop.sqlite3")


def _heic(path: Path, size: tuple[int, int] = (320, 240), *, orientation: int = 1) -> Path:
    """A real HEIC, encoded by pillow-heif: red on the left half, blue on the right; an EXIF
    orientation is written as the HEIF rotation an iPhone writes."""
    picture = Image.new("RGB", size, RED)
    picture.paste(BLUE, (size[0] // 2, 0, size[0], size[1]))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    pillow_heif.from_pillow(picture).save(path, quality=90, exif=exif.tobytes())
    with open(path, "rb") as made:
        assert made.read(12)[4:8] == b"ftyp"  # an ISO media file, not a renamed JPEG
    return path


def _close(colour: tuple[int, ...], expected: tuple[int, int, int], tolerance: int = 50) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour[:3], expected, strict=True))


def test_a_heic_photo_is_imported_kept_as_it_came_and_shown_as_jpeg(
    store: PhotoStore, tmp_path: Path
) -> None:
    source = _heic(tmp_path / "IMG_4032.HEIC")
    photo = store.import_file(source)
    assert (photo.format, photo.width, photo.height) == ("HEIF", 320, 240)
    assert photo.stored_path.suffix == ".heic" and photo.original_name == "IMG_4032.HEIC"
    assert photo.stored_path.read_bytes() == source.read_bytes()  # the evidence, byte for byte
    with Image.open(store.thumbnail(photo.hash)) as thumbnail:
        assert thumbnail.format == "JPEG"
        pixels = thumbnail.convert("RGB")
        assert _close(pixels.getpixel((10, 10)), RED)
        assert _close(pixels.getpixel((pixels.width - 10, 10)), BLUE)
    shown = store.open_image(photo.hash, 100)  # what the viewer and the exports get
    assert shown.mode == "RGB" and max(shown.size) == 100
    assert store.contains(photo.hash) and store.check([photo.hash]).stray == ()
    again = store.import_file(source)
    assert again.was_duplicate and again.hash == photo.hash


def test_a_rotated_iphone_photo_shows_upright_and_is_not_turned_twice(
    store: PhotoStore, tmp_path: Path
) -> None:
    photo = store.import_file(_heic(tmp_path / "portrait.heic", orientation=6))
    assert (photo.width, photo.height) == (240, 320)  # portrait, as the phone held it
    with Image.open(store.thumbnail(photo.hash)) as thumbnail:
        assert thumbnail.height > thumbnail.width
        pixels = thumbnail.convert("RGB")
        # Turned a quarter clockwise: the red left half is now on top.
        assert _close(pixels.getpixel((pixels.width // 2, 10)), RED)
        assert _close(pixels.getpixel((pixels.width // 2, pixels.height - 10)), BLUE)


def test_a_folder_import_picks_up_heic_files(store: PhotoStore, tmp_path: Path) -> None:
    folder = tmp_path / "DCIM"
    folder.mkdir()
    _heic(folder / "IMG_0001.HEIC")
    _heic(folder / "IMG_0002.heif", (200, 150))
    report = store.import_files([folder])
    assert [p.original_name for p in report.photos] == ["IMG_0001.HEIC", "IMG_0002.heif"]
    assert report.refused == []
    assert "HEIC" in SUPPORTED_FORMATS_TEXT


def test_a_damaged_heic_is_refused_by_name(store: PhotoStore, tmp_path: Path) -> None:
    whole = _heic(tmp_path / "whole.heic").read_bytes()
    cut = tmp_path / "IMG_4033.HEIC"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(PhotoRejected) as refused:
        store.import_file(cut)
    assert refused.value.path == str(cut) and "damaged" in refused.value.reason
    assert store.all_hashes() == set()
