"""The photo store: files by content hash beside the database, upright thumbnails, clear refusals."""

from __future__ import annotations

import builtins
import struct
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image

from app.errors import NotFound, PhotoRejected, PhotoStoreError, WorkbenchError
from app.store.photos import files as photos_module  # where the store opens files
from app.store.photos.store import ImportedPhoto, PhotoStore, photos_folder

RED, BLUE, WHITE = (255, 0, 0), (0, 0, 255), (255, 255, 255)
ORIENTATION = 0x0112


@pytest.fixture
def store(tmp_path: Path) -> PhotoStore:
    return PhotoStore(tmp_path / "shop.sqlite3")


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "camera"
    folder.mkdir()
    return folder


def _photo(path: Path, size: tuple[int, int] = (400, 300), colour: object = BLUE, **save) -> Path:
    Image.new("RGB", size, colour).save(path, **save)
    return path


def _noisy_jpeg(path: Path, size: tuple[int, int] = (640, 480)) -> Path:
    """Compresses like a photo, so half of its bytes is half of the picture."""
    Image.merge("RGB", [Image.effect_noise(size, 60)] * 3).save(path, quality=90)
    return path


def _close(colour: tuple[int, ...], expected: tuple[int, int, int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour[:3], expected, strict=True))


def _thumbnail_pixels(store: PhotoStore, photo: ImportedPhoto, size: int = 256) -> Image.Image:
    with Image.open(store.thumbnail(photo.hash, size)) as thumbnail:
        assert thumbnail.format == "JPEG"
        return thumbnail.convert("RGB")


def _stored_files(store: PhotoStore) -> list[Path]:
    """Every file in the photo folder except cached thumbnails."""
    thumbs = store.folder / "thumbs"
    return sorted(p for p in store.folder.rglob("*") if p.is_file() and thumbs not in p.parents)


# --- layout and duplicates -----------------------------------------------------------------
def test_photos_live_beside_the_database_named_by_content_hash(
    store: PhotoStore, sources: Path, tmp_path: Path
) -> None:
    source = _photo(sources / "IMG_0001.JPG", format="JPEG")
    photo = store.import_file(source)
    assert store.folder == tmp_path / "shop.photos" == photos_folder(tmp_path / "shop.sqlite3")
    assert photo.stored_path == store.folder / photo.hash[:2] / f"{photo.hash}.jpg"
    assert photo.stored_path.read_bytes() == source.read_bytes()
    assert (photo.original_name, photo.format, photo.width, photo.height) == (
        "IMG_0001.JPG",
        "JPEG",
        400,
        300,
    )
    assert photo.size_bytes == source.stat().st_size and not photo.was_duplicate
    assert store.path_of(photo.hash) == photo.stored_path
    assert store.all_hashes() == {photo.hash}
    assert store.cached_thumbnail(photo.hash) is not None  # made during the import
    assert store.check({photo.hash}).ok


def test_the_same_content_is_stored_once_and_the_user_is_told(
    store: PhotoStore, sources: Path
) -> None:
    first = store.import_file(_photo(sources / "front.png"))
    copy = sources / "front (copy).png"
    copy.write_bytes(first.source_path.read_bytes())
    second = store.import_file(copy)
    assert second.was_duplicate and second.hash == first.hash
    assert second.stored_path == first.stored_path and second.original_name == "front (copy).png"
    assert (second.width, second.height, second.format) == (400, 300, "PNG")
    assert _stored_files(store) == [first.stored_path]
    report = store.import_files([first.source_path, copy])
    assert len(report.duplicates) == 2 and not report.imported
    assert report.summary() == "0 photos imported, 2 already in the store"


def test_chinese_and_very_long_file_names(store: PhotoStore, sources: Path) -> None:
    name = "样品-正面-义乌市恒达工艺品厂-"
    while len((name + "很长" + ".jpg").encode()) <= 255:
        name += "很长"
    name += ".jpg"
    assert 250 <= len(name.encode()) <= 255
    photo = store.import_file(_photo(sources / name, format="JPEG"))
    assert photo.original_name == name
    assert len(photo.stored_path.name) == 68  # the hash and ".jpg"
    assert store.thumbnail(photo.hash).is_file()


def test_the_stored_extension_follows_the_content_not_the_name(
    store: PhotoStore, sources: Path
) -> None:
    photo = store.import_file(_photo(sources / "really-a-png.jpg", format="PNG"))
    assert photo.format == "PNG" and photo.stored_path.suffix == ".png"


# --- what is shown: orientation and colour modes ---------------------------------------------
def test_exif_orientation_is_applied_and_the_users_bytes_are_kept(
    store: PhotoStore, sources: Path
) -> None:
    # The sensor's picture: 400 wide, 200 high, red in its top-left quarter. Orientation 6
    # says "turn 90° clockwise to show": upright it is 200 × 400, red at the top right.
    sensor = Image.new("RGB", (400, 200), BLUE)
    sensor.paste(RED, (0, 0, 200, 100))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    source = sources / "rotated.jpg"
    sensor.save(source, quality=95, exif=exif)

    photo = store.import_file(source)
    assert (photo.width, photo.height) == (200, 400)
    assert photo.stored_path.read_bytes() == source.read_bytes()  # same file: a re-import is a dup

    thumbnail = _thumbnail_pixels(store, photo, 64)
    assert thumbnail.size == (32, 64)
    assert _close(thumbnail.getpixel((29, 2)), RED)  # top right
    assert _close(thumbnail.getpixel((2, 2)), BLUE)  # top left
    assert _close(thumbnail.getpixel((29, 61)), BLUE)  # bottom right
    upright = store.open_image(photo.hash)
    assert upright.size == (200, 400) and _close(upright.getpixel((190, 10)), RED)
    assert store.import_file(source).was_duplicate


def test_cmyk_jpeg(store: PhotoStore, sources: Path) -> None:
    source = sources / "cmyk.jpg"
    Image.new("CMYK", (300, 200), (0, 255, 255, 0)).save(source, quality=95)  # red in ink
    photo = store.import_file(source)
    assert (photo.format, photo.width, photo.height) == ("JPEG", 300, 200)
    assert _close(_thumbnail_pixels(store, photo).getpixel((10, 10)), RED, 60)
    assert store.open_image(photo.hash).mode == "RGB"


def test_16_bit_greyscale_png_is_scaled_not_clipped_to_white(
    store: PhotoStore, sources: Path
) -> None:
    grey = Image.new("I;16", (200, 100), 0x1000)
    grey.paste(Image.new("I;16", (100, 100), 0xF000), (100, 0))
    source = sources / "scan-16bit.png"
    grey.save(source)
    with Image.open(source) as reopened:
        assert reopened.mode == "I;16"
    photo = store.import_file(source)
    thumbnail = _thumbnail_pixels(store, photo)
    assert thumbnail.size == (200, 100)  # never enlarged
    assert _close(thumbnail.getpixel((20, 50)), (16, 16, 16), 8)
    assert _close(thumbnail.getpixel((180, 50)), (240, 240, 240), 8)


def test_rgba_png_is_shown_on_white(store: PhotoStore, sources: Path) -> None:
    cutout = Image.new("RGBA", (200, 100), (255, 0, 0, 0))  # transparent (red underneath)
    cutout.paste((0, 0, 255, 255), (100, 0, 200, 100))
    source = sources / "cutout.png"
    cutout.save(source)
    thumbnail = _thumbnail_pixels(store, store.import_file(source))
    assert _close(thumbnail.getpixel((20, 50)), WHITE, 10)
    assert _close(thumbnail.getpixel((180, 50)), BLUE)


def test_palette_png_with_a_transparent_index_is_shown_on_white(
    store: PhotoStore, sources: Path
) -> None:
    palette = Image.new("P", (200, 100), 0)
    palette.putpalette([0, 0, 0, *RED] + [0] * (3 * 254))
    palette.paste(1, (100, 0, 200, 100))
    source = sources / "logo.png"
    palette.save(source, transparency=0)
    with Image.open(source) as reopened:
        assert reopened.mode == "P" and reopened.info["transparency"] == 0
    thumbnail = _thumbnail_pixels(store, store.import_file(source))
    assert _close(thumbnail.getpixel((20, 50)), WHITE, 10)
    assert _close(thumbnail.getpixel((180, 50)), RED)


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_webp(store: PhotoStore, sources: Path, mode: str) -> None:
    source = sources / f"listing-{mode}.webp"
    Image.new(mode, (300, 150), (*RED, 255)[: len(mode)]).save(source, quality=90)
    photo = store.import_file(source)
    assert (photo.format, photo.stored_path.suffix, photo.width) == ("WEBP", ".webp", 300)
    assert _close(_thumbnail_pixels(store, photo).getpixel((150, 75)), RED)


def test_multi_picture_jpeg_from_a_phone(store: PhotoStore, sources: Path) -> None:
    source = sources / "DSC_0001.JPG"
    Image.new("RGB", (320, 240), RED).save(
        source, "MPO", save_all=True, append_images=[Image.new("RGB", (320, 240), BLUE)]
    )
    photo = store.import_file(source)
    assert (photo.format, photo.stored_path.suffix) == ("MPO", ".jpg")
    assert _close(_thumbnail_pixels(store, photo).getpixel((10, 10)), RED)


# --- refusals ------------------------------------------------------------------------------
def _refusal(store: PhotoStore, path: Path) -> str:
    with pytest.raises(PhotoRejected) as refused:
        store.import_file(path)
    message = str(refused.value)
    assert isinstance(refused.value, WorkbenchError)
    assert str(path) in message and "\n" not in message and refused.value.path == str(path)
    assert _stored_files(store) == []  # nothing left behind, not even in .incoming
    return refused.value.reason


def test_a_text_file_named_jpg_is_refused(store: PhotoStore, sources: Path) -> None:
    fake = sources / "photo.jpg"
    fake.write_text("这不是图片 / not a picture\n", encoding="utf-8")
    assert "not an image" in _refusal(store, fake)


@pytest.mark.parametrize("thumbnail", [True, False])
def test_a_truncated_jpeg_is_refused(store: PhotoStore, sources: Path, thumbnail: bool) -> None:
    whole = _noisy_jpeg(sources / "whole.jpg").read_bytes()
    cut = sources / "cut.jpg"
    cut.write_bytes(whole[: len(whole) // 2])
    with Image.open(cut) as header_only:
        header_only.verify()  # verify() alone does not notice
    with pytest.raises(PhotoRejected, match="damaged or incomplete"):
        store.import_file(cut, thumbnail=thumbnail)
    assert _stored_files(store) == []


def test_a_truncated_png_is_refused(store: PhotoStore, sources: Path) -> None:
    whole = sources / "whole.png"
    Image.effect_noise((300, 200), 50).save(whole)
    cut = sources / "cut.png"
    cut.write_bytes(whole.read_bytes()[:-5000])
    assert "damaged or incomplete" in _refusal(store, cut)


def _png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` × `height` (a decompression bomb's shape)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + pixels + chunk(b"IEND", b"")


# pytest resets warning filters per test; the store's own filter keeps the app's stderr clean.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(
    ("width", "height"),
    [(60_000, 60_000), (15_000, 10_000)],  # far past Pillow's own guard; just past the store's
)
def test_a_decompression_bomb_is_refused_before_decoding(
    store: PhotoStore, sources: Path, width: int, height: int
) -> None:
    bomb = sources / "bomb.png"
    bomb.write_bytes(_png_declaring(width, height))  # megapixels in a few hundred bytes
    assert bomb.stat().st_size < 1000
    reason = _refusal(store, bomb)
    assert "too large to open safely" in reason and "120 megapixels" in reason


def test_the_pixel_limit_is_the_stores(tmp_path: Path, sources: Path) -> None:
    strict = PhotoStore(tmp_path / "strict.sqlite3", max_pixels=10_000)
    big = _photo(sources / "big.png", (200, 100), format="PNG")
    reason = _refusal(strict, big)
    assert "200 × 100 pixels" in reason and "0.01 megapixels" in reason
    assert not strict.import_file(_photo(sources / "small.png", (100, 100))).was_duplicate


def test_empty_missing_and_unreadable_files_are_refused(
    store: PhotoStore, sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = sources / "empty.jpg"
    empty.touch()
    assert _refusal(store, empty) == "the file is empty"
    assert _refusal(store, sources / "gone.jpg") == "the file does not exist"

    locked = _photo(sources / "locked.jpg", format="JPEG")

    def no_access(file: object, *args: object, **kwargs: object) -> object:
        if Path(str(file)) == locked:
            raise PermissionError(13, "Permission denied")
        return builtins.open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(photos_module, "open", no_access, raising=False)  # tests run as root
    assert _refusal(store, locked) == "the file cannot be read (permission denied)"


def test_an_unwritable_photo_folder_is_the_stores_error(tmp_path: Path, sources: Path) -> None:
    (tmp_path / "shop.photos").write_text("a file where the folder should be")
    store = PhotoStore(tmp_path / "shop.sqlite3")
    good = _photo(sources / "good.jpg", format="JPEG")
    with pytest.raises(PhotoStoreError, match="Cannot create the photo folder"):
        store.import_file(good)
    report = store.import_files([good, good])
    assert report.failure and report.not_attempted == [good, good] and not report.photos


# --- several files -------------------------------------------------------------------------
def test_one_bad_file_does_not_stop_the_others(store: PhotoStore, sources: Path) -> None:
    first = _photo(sources / "1.jpg", format="JPEG")
    bad = sources / "2.jpg"
    bad.write_bytes(b"GIF89a but not really")
    third = _photo(sources / "3.png", colour=RED)
    report = store.import_files([first, bad, third])
    assert [photo.source_path for photo in report.imported] == [first, third]
    assert [path for path, _ in report.refused] == [bad]
    assert report.summary() == "2 photos imported, 1 refused"
    assert not report.cancelled and report.failure is None


def test_cancelling_keeps_what_is_done(store: PhotoStore, sources: Path) -> None:
    files = [_photo(sources / f"{n}.png", colour=(n, 0, 0)) for n in range(4)]
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 2

    report = store.import_files(files, on_progress=progress)
    assert calls == [(0, 4), (1, 4), (2, 4)]
    assert report.cancelled and report.not_attempted == files[2:]
    assert [photo.source_path for photo in report.photos] == files[:2]
    assert store.all_hashes() == {photo.hash for photo in report.photos}
    assert report.summary() == "2 photos imported, cancelled with 2 not imported"


def test_progress_reaches_the_total(store: PhotoStore, sources: Path) -> None:
    files = [_photo(sources / f"{n}.png", colour=(0, n, 0)) for n in range(3)]
    calls: list[tuple[int, int]] = []
    store.import_files(files, on_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]  # a callback returning None never cancels


def test_folders_are_imported_recursively_in_name_order(
    store: PhotoStore, sources: Path, tmp_path: Path
) -> None:
    (sources / "b-side").mkdir()
    (sources / ".cache").mkdir()
    made = [
        _photo(sources / "2.JPG", colour=(1, 0, 0), format="JPEG"),
        _photo(sources / "10.png", colour=(2, 0, 0)),
        _photo(sources / "b-side" / "detail.webp", colour=(3, 0, 0)),
    ]
    _photo(sources / ".cache" / "hidden.png")
    _photo(sources / "._2.JPG", format="JPEG")  # macOS leaves these beside photos
    (sources / "notes.txt").write_text("not a photo")
    assert store.expand([sources]) == [sources / "10.png", sources / "2.JPG", made[2]]

    inside = PhotoStore(sources / "inside.sqlite3")  # a photo store is never re-imported
    inside.import_file(made[0])
    in_name_order = [sources / "10.png", sources / "2.JPG", made[2]]
    assert inside.expand([sources]) == store.expand([sources]) == in_name_order

    report = store.import_files([sources, tmp_path / "missing-folder"])
    assert len(report.photos) == 3 and report.refused[0][1] == "the file does not exist"


# --- thumbnails ----------------------------------------------------------------------------
def test_thumbnails_are_cached_and_remade_when_missing_or_cut_short(
    store: PhotoStore, sources: Path
) -> None:
    photo = store.import_file(_noisy_jpeg(sources / "photo.jpg", (1600, 1200)), thumbnail=False)
    assert store.cached_thumbnail(photo.hash) is None
    thumbnail = store.thumbnail(photo.hash)
    with Image.open(thumbnail) as made:
        assert made.size == (256, 192)
    first = thumbnail.stat().st_mtime_ns
    assert store.thumbnail(photo.hash) == thumbnail
    assert thumbnail.stat().st_mtime_ns == first  # reused, not rewritten
    assert store.cached_thumbnail(photo.hash) == thumbnail

    thumbnail.unlink()
    assert store.thumbnail(photo.hash) == thumbnail and thumbnail.is_file()

    thumbnail.write_bytes(thumbnail.read_bytes()[:500])  # a crash mid-write
    assert store.cached_thumbnail(photo.hash) is None
    with Image.open(store.thumbnail(photo.hash)) as remade:
        remade.load()
        assert remade.size == (256, 192)

    small = store.thumbnail(photo.hash, 64)
    assert small != thumbnail and Image.open(small).size == (64, 48)
    with pytest.raises(ValueError):
        store.thumbnail(photo.hash, 5000)


def test_thumbnails_from_many_threads_at_once(store: PhotoStore, sources: Path) -> None:
    hashes = [
        store.import_file(_noisy_jpeg(sources / f"{n}.jpg", (800, 600)), thumbnail=False).hash
        for n in range(4)
    ]
    with ThreadPoolExecutor(max_workers=8) as pool:
        made = list(pool.map(store.thumbnail, hashes * 6))
    assert made == [store.cached_thumbnail(h) for h in hashes] * 6
    for path in set(made):
        with Image.open(path) as thumbnail:
            thumbnail.load()
    assert not [p for p in store.folder.rglob("*") if p.name.endswith(".partial")]


def test_imports_from_many_threads_at_once(store: PhotoStore, sources: Path) -> None:
    files = [_photo(sources / f"{n}.png", colour=(n, n, 0)) for n in range(5)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        imported = list(pool.map(store.import_file, files * 3))
    assert store.all_hashes() == {photo.hash for photo in imported}
    assert len(_stored_files(store)) == 5
    assert sum(not photo.was_duplicate for photo in imported) == 5  # each told once as new


# --- deleting and checking -----------------------------------------------------------------
def test_delete_removes_the_original_and_every_thumbnail(store: PhotoStore, sources: Path) -> None:
    photo = store.import_file(_photo(sources / "a.jpg", format="JPEG"))
    kept = store.import_file(_photo(sources / "b.jpg", colour=RED, format="JPEG"))
    store.thumbnail(photo.hash, 64)
    (store.folder / "thumbs" / ".DS_Store").write_bytes(b"left by a file browser")
    assert store.delete(photo.hash)
    assert not photo.stored_path.exists() and store.cached_thumbnail(photo.hash) is None
    assert store.cached_thumbnail(photo.hash, 64) is None
    assert not store.delete(photo.hash)
    with pytest.raises(NotFound, match="missing"):
        store.thumbnail(photo.hash)
    assert store.all_hashes() == {kept.hash} and store.cached_thumbnail(kept.hash)
    found = store.check({kept.hash})
    assert found.orphans == found.missing == () and found.stray == (
        store.folder / "thumbs" / ".DS_Store",
    )


def test_check_reports_orphans_missing_damaged_and_stray_files(
    store: PhotoStore, sources: Path
) -> None:
    used = store.import_file(_photo(sources / "used.jpg", format="JPEG"))
    orphan = store.import_file(_photo(sources / "orphan.png", colour=RED))
    gone = "f" * 64
    (store.folder / ".incoming" / "0123.partial").write_bytes(b"half a photo")
    stale = store.folder / "thumbs" / "256" / "ee" / f"{'e' * 64}.jpg"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")

    found = store.check({used.hash, gone})
    assert found.orphans == (orphan.hash,) and found.missing == (gone,)
    assert found.damaged == () and not found.ok
    assert set(found.stray) == {store.folder / ".incoming" / "0123.partial", stale}
    lines = found.problems()
    assert f"photo not used by any record: {orphan.stored_path}" in lines
    assert f"photo missing from {store.folder}: {gone}" in lines

    used.stored_path.write_bytes(b"\xff\xd8 overwritten by a disk error")
    assert store.check({used.hash}, verify=True).damaged == (used.hash,)


def test_check_of_a_store_never_used(tmp_path: Path) -> None:
    store = PhotoStore(tmp_path / "new.sqlite3")
    found = store.check({"a" * 64})
    assert found.missing == ("a" * 64,) and found.orphans == ()
    assert not store.folder.exists()  # checking creates nothing


def test_reimporting_repairs_a_damaged_stored_copy(store: PhotoStore, sources: Path) -> None:
    source = _noisy_jpeg(sources / "evidence.jpg")
    photo = store.import_file(source)
    photo.stored_path.write_bytes(source.read_bytes()[:1000])
    again = store.import_file(source)
    assert not again.was_duplicate and again.stored_path.read_bytes() == source.read_bytes()
    with Image.open(store.thumbnail(photo.hash)) as thumbnail:
        thumbnail.load()


def test_hashes_are_checked(store: PhotoStore) -> None:
    for bad in ("../../etc/passwd", "ABC", "g" * 64):
        with pytest.raises(ValueError):
            store.path_of(bad)
    with pytest.raises(NotFound):
        store.path_of("0" * 64)
