"""The photo gallery: lazy thumbnails off the GUI thread, filter, reorder, drops, paste, the
full-size viewer and the import summary, over a real photo store in a temporary folder."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QGuiApplication, QImage, QPixmap, QWheelEvent
from PySide6.QtWidgets import QApplication

from app.domain.samples.sample import PhotoAngle, SamplePhoto
from app.errors import Cancelled
from app.store.photos.store import PhotoStore
from app.ui.samples.gallery_model import HASH_ROLE, GalleryModel
from app.ui.samples.gallery_view import GalleryView
from app.ui.samples.photo_viewer import PhotoViewer
from app.ui.widgets import photo_import
from app.ui.widgets.photo_import import import_summary, import_with_progress

RED, GREEN, BLUE = (220, 30, 30), (30, 180, 60), (40, 60, 220)
DECORATION = Qt.ItemDataRole.DecorationRole
ORIENTATION = 0x0112


@pytest.fixture
def store(tmp_path: Path) -> PhotoStore:
    return PhotoStore(tmp_path / "shop.sqlite3")


@pytest.fixture
def camera(tmp_path: Path) -> Path:
    folder = tmp_path / "相机"
    folder.mkdir()
    return folder


def _jpeg(path: Path, colour: tuple[int, int, int], size=(400, 300), orientation=1) -> Path:
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    Image.new("RGB", size, colour).save(path, "JPEG", quality=90, exif=exif)
    return path


@pytest.fixture
def photos(store: PhotoStore, camera: Path) -> list[SamplePhoto]:
    """Three stored photos: red front, green back (taken sideways), blue front."""
    made = [
        (_jpeg(camera / "正面.jpg", RED), "正面 白色款", PhotoAngle.FRONT, 1),
        (_jpeg(camera / "背面.jpg", GREEN, orientation=6), "", PhotoAngle.BACK, 1),
        (_jpeg(camera / "正面2.jpg", BLUE), "蓝色款", PhotoAngle.FRONT, 1),
    ]
    records = []
    for position, (path, caption, angle, _) in enumerate(made):
        imported = store.import_file(path)
        records.append(SamplePhoto(imported.hash, path.name, caption, angle, position))
    return records


@pytest.fixture
def model(qtbot, store: PhotoStore, photos: list[SamplePhoto]):
    gallery = GalleryModel(store)
    gallery.set_photos(photos)
    yield gallery
    gallery.stop_loading()


def _centre(picture: QPixmap) -> tuple[int, int, int]:
    colour = picture.toImage().pixelColor(picture.width() // 2, picture.height() // 2)
    return colour.red(), colour.green(), colour.blue()


def _close(found: tuple[int, int, int], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 30 for a, b in zip(found, expected, strict=True))


# --- the model ---------------------------------------------------------------------------
def test_a_placeholder_first_then_the_thumbnail_loaded_off_the_gui_thread(
    qtbot, model: GalleryModel, store: PhotoStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    real_thumbnail = store.thumbnail

    def recording_thumbnail(photo_hash: str, size: int = 256) -> Path:
        threads.append(threading.current_thread())
        return real_thumbnail(photo_hash, size)

    monkeypatch.setattr(store, "thumbnail", recording_thumbnail)
    changed: list[tuple[int, int, list[int]]] = []
    model.dataChanged.connect(
        lambda top, bottom, roles: changed.append((top.row(), bottom.row(), roles))
    )

    first = model.data(model.index(0), DECORATION)
    assert isinstance(first, QPixmap) and _close(_centre(first), (227, 227, 227))  # grey
    assert not model.is_loaded(0)
    qtbot.waitUntil(lambda: model.is_loaded(0), timeout=5000)

    loaded = model.data(model.index(0), DECORATION)
    assert _close(_centre(loaded), RED)
    assert (loaded.width(), loaded.height()) == (160, 120)  # fits the grid's 160 px box
    assert changed and {(top, bottom) for top, bottom, _ in changed} == {(0, 0)}
    assert DECORATION in changed[0][2]
    assert not model.is_loaded(1) and not model.is_loaded(2)  # never asked for: never loaded
    assert threads and threading.main_thread() not in threads


def test_the_thumbnail_is_upright_and_cached(qtbot, model: GalleryModel) -> None:
    model.data(model.index(1), DECORATION)
    qtbot.waitUntil(lambda: model.is_loaded(1), timeout=5000)
    sideways = model.data(model.index(1), DECORATION)
    assert (sideways.width(), sideways.height()) == (120, 160)  # EXIF orientation 6: portrait
    assert model.data(model.index(1), DECORATION).cacheKey() == sideways.cacheKey()


def test_text_and_tooltip(model: GalleryModel, photos: list[SamplePhoto]) -> None:
    assert model.data(model.index(0)) == "正面 白色款"
    assert model.data(model.index(1)) == "背面.jpg"  # no caption: the original name
    tooltip = model.data(model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "正面.jpg\nFront 正面\n正面 白色款"
    assert model.data(model.index(2), HASH_ROLE) == photos[2].hash


def test_the_model_passes_qts_model_checks(qtmodeltester, model: GalleryModel) -> None:
    qtmodeltester.check(model)


def test_the_angle_filter(model: GalleryModel, photos: list[SamplePhoto]) -> None:
    model.set_angle_filter(PhotoAngle.FRONT)
    assert [p.hash for p in model.shown_photos()] == [photos[0].hash, photos[2].hash]
    model.set_angle_filter(PhotoAngle.DEFECT)
    assert model.rowCount() == 0
    model.set_angle_filter(None)
    assert model.rowCount() == 3


def test_photos_are_shown_by_position(qtbot, store: PhotoStore, photos: list[SamplePhoto]) -> None:
    gallery = GalleryModel(store)
    gallery.set_photos(reversed(photos))
    assert [p.hash for p in gallery.shown_photos()] == [p.hash for p in photos]


def test_reordering_emits_the_new_order(qtbot, model: GalleryModel, photos) -> None:
    red, green, blue = (photo.hash for photo in photos)
    with qtbot.waitSignal(model.order_changed) as moved:
        assert model.move(0, 2)
    assert moved.args == [[green, blue, red]]
    with qtbot.waitSignal(model.order_changed) as moved:
        assert model.moveRow(QModelIndex(), 2, QModelIndex(), 0)  # Qt's own API
    assert moved.args == [[red, green, blue]]
    with qtbot.waitSignal(model.order_changed) as moved:
        assert model.move_rows([0, 2], 3)  # a selection with a gap, dropped at the end
    assert moved.args == [[green, red, blue]]
    with qtbot.waitSignal(model.order_changed) as moved:
        assert model.move_rows([2, 1], 0)
    assert moved.args == [[red, blue, green]]
    with qtbot.assertNotEmitted(model.order_changed):
        assert not model.move(1, 1)
        assert not model.move(0, 3)
        assert not model.move_rows([0], 1)  # already there


def test_reordering_a_filtered_gallery_keeps_hidden_photos_in_place(
    qtbot, model: GalleryModel, photos
) -> None:
    red, green, blue = (photo.hash for photo in photos)
    model.set_angle_filter(PhotoAngle.FRONT)  # red and blue; green (back) is hidden at row 1
    with qtbot.waitSignal(model.order_changed) as moved:
        model.move(1, 0)
    assert moved.args == [[blue, green, red]]
    assert [p.hash for p in model.photos()] == [blue, green, red]


def test_a_missing_or_damaged_photo_shows_the_broken_picture(
    qtbot, store: PhotoStore, photos: list[SamplePhoto]
) -> None:
    damaged = photos[0]
    store.path_of(damaged.hash).write_bytes(b"not a jpeg any more")
    for thumbs in (store.folder / "thumbs").rglob(f"{damaged.hash}.jpg"):
        thumbs.unlink()
    missing = SamplePhoto("ab" * 32, "丢失.jpg", "", PhotoAngle.DEFECT, 5)
    gallery = GalleryModel(store)
    gallery.set_photos([damaged, missing, photos[1]])
    for row in range(3):
        gallery.data(gallery.index(row), DECORATION)
    qtbot.waitUntil(lambda: all(gallery.is_loaded(row) for row in range(3)), timeout=5000)
    rows = {photo.hash: gallery.row_of(photo.hash) for photo in (damaged, missing, photos[1])}
    pictures = {h: gallery.data(gallery.index(row), DECORATION) for h, row in rows.items()}
    corner = pictures[missing.hash].toImage().pixelColor(4, 4)
    assert _close((corner.red(), corner.green(), corner.blue()), (244, 228, 228))  # pale red
    assert pictures[damaged.hash].cacheKey() == pictures[missing.hash].cacheKey()
    assert _close(_centre(pictures[photos[1].hash]), GREEN)  # the others still load
    tooltip = gallery.data(gallery.index(rows[missing.hash]), Qt.ItemDataRole.ToolTipRole)
    assert "Cannot be shown" in tooltip and "missing" in tooltip
    assert "cannot be shown" in gallery.broken_reason(damaged.hash)
    assert gallery.broken_reason(photos[1].hash) is None
    gallery.stop_loading()


# --- the view ----------------------------------------------------------------------------
@pytest.fixture
def view(qtbot, model: GalleryModel):
    gallery = GalleryView()
    gallery.setModel(model)
    qtbot.addWidget(gallery)
    gallery.resize(700, 400)
    gallery.show()
    qtbot.waitExposed(gallery)
    return gallery


def _urls(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def test_the_first_screen_loads_its_thumbnails(qtbot, view: GalleryView, model) -> None:
    qtbot.waitUntil(lambda: all(model.is_loaded(row) for row in range(3)), timeout=5000)


def test_dropping_files_and_folders_asks_to_import_them(qtbot, view: GalleryView, camera) -> None:
    photo, folder = camera / "正面.jpg", camera
    with qtbot.waitSignal(view.import_requested) as asked:
        assert view.handle_drop(_urls(photo, folder), internal=False)
    assert asked.args == [[photo, folder]]
    dragged = _urls(folder)  # the event keeps only a pointer to it
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        dragged,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(view.import_requested) as dropped:
        view.dropEvent(event)
    assert dropped.args == [[folder]] and event.isAccepted()
    with qtbot.assertNotEmitted(view.import_requested):
        mime = QMimeData()
        mime.setText("just text")
        assert not view.handle_drop(mime, internal=False)


def test_dragging_within_the_view_reorders(qtbot, view: GalleryView, model, photos) -> None:
    red, green, blue = (photo.hash for photo in photos)
    view.setCurrentIndex(model.index(0))  # select the red one
    target = view.visualRect(model.index(2)).center() + QPoint(5, 0)  # right half of blue
    mime = model.mimeData([model.index(0)])
    with qtbot.waitSignal(model.order_changed) as moved:
        assert view.handle_drop(mime, target, internal=True)
    assert moved.args == [[green, blue, red]]


def test_pasting_an_image_saves_a_png_and_asks_to_import_it(qtbot, view: GalleryView) -> None:
    screenshot = QImage(320, 200, QImage.Format.Format_RGB32)
    screenshot.fill(QColor(*GREEN))
    QGuiApplication.clipboard().setImage(screenshot)
    with qtbot.waitSignal(view.import_requested) as asked:
        qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    [pasted] = asked.args[0]
    assert pasted.suffix == ".png" and pasted.name.startswith("Pasted image")
    with Image.open(pasted) as image:
        assert image.format == "PNG" and image.size == (320, 200)
        assert _close(image.convert("RGB").getpixel((10, 10)), GREEN)


def test_pasting_copied_files_asks_to_import_them(qtbot, view: GalleryView, camera) -> None:
    QGuiApplication.clipboard().setMimeData(_urls(camera / "背面.jpg"))
    with qtbot.waitSignal(view.import_requested) as asked:
        assert view.paste_from_clipboard()
    assert asked.args == [[camera / "背面.jpg"]]


def test_keys_open_remove_and_move(qtbot, view: GalleryView, model, photos) -> None:
    view.setFocus()
    view.setCurrentIndex(model.index(0))
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.current_hash() == photos[1].hash
    with qtbot.waitSignal(view.open_requested) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [photos[1].hash]
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(view.remove_requested) as removed:
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert removed.args == [[photos[1].hash, photos[2].hash]]
    with qtbot.waitSignal(view.open_requested) as double_clicked:
        view.doubleClicked.emit(model.index(2))
    assert double_clicked.args == [photos[2].hash]


# --- the viewer --------------------------------------------------------------------------
@pytest.fixture
def viewer(qtbot, store: PhotoStore, photos: list[SamplePhoto]):
    dialog = PhotoViewer(store, photos, 0)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.is_loading(), timeout=5000)
    return dialog


def test_the_viewer_steps_through_the_photos(qtbot, viewer: PhotoViewer) -> None:
    assert viewer.windowTitle() == "1 / 3 — 正面.jpg — 正面 白色款"
    assert viewer.picture_size() == (400, 300)
    qtbot.keyClick(viewer, Qt.Key.Key_Right)
    assert viewer.current_index == 1 and viewer.windowTitle() == "2 / 3 — 背面.jpg"
    qtbot.waitUntil(lambda: not viewer.is_loading(), timeout=5000)
    assert viewer.picture_size() == (300, 400)  # EXIF orientation applied
    qtbot.keyClick(viewer, Qt.Key.Key_End)
    assert viewer.current_index == 2
    qtbot.keyClick(viewer, Qt.Key.Key_PageDown)  # past the end: stays
    assert viewer.current_index == 2
    qtbot.keyClick(viewer, Qt.Key.Key_Home)
    qtbot.keyClick(viewer, Qt.Key.Key_Left)
    assert viewer.current_index == 0
    qtbot.keyClick(viewer, Qt.Key.Key_PageDown)
    assert viewer.current_index == 1


def test_the_viewer_zooms(qtbot, viewer: PhotoViewer) -> None:
    assert viewer.zoom_factor() == pytest.approx(1.0)  # a small photo fits at 100 %
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)
    assert viewer.zoom_factor() == pytest.approx(1.25)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus)
    assert viewer.zoom_factor() == pytest.approx(0.8)
    qtbot.keyClick(viewer, Qt.Key.Key_1)
    assert viewer.zoom_factor() == pytest.approx(1.0)
    viewer.resize(300, 260)  # smaller than the photo: fitting shrinks it
    qtbot.keyClick(viewer, Qt.Key.Key_0)
    assert viewer.zoom_factor() < 1.0
    canvas = viewer._canvas.viewport()
    before = viewer.zoom_factor()
    wheel = QWheelEvent(
        QPointF(50, 50),
        QPointF(canvas.mapToGlobal(QPoint(50, 50))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas, wheel)
    assert viewer.zoom_factor() == pytest.approx(before * 1.25)


def test_the_viewer_says_when_a_photo_cannot_be_shown(qtbot, store: PhotoStore) -> None:
    missing = SamplePhoto("cd" * 32, "丢失.jpg", "", PhotoAngle.OTHER, 0)
    dialog = PhotoViewer(store, [missing])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.is_loading(), timeout=5000)
    assert dialog.picture_size() is None
    assert "cannot be shown" in dialog._message.text() and "missing" in dialog._message.text()


# --- importing -----------------------------------------------------------------------------
def test_the_import_summary_tells_duplicates_and_refusals(
    store: PhotoStore, camera: Path, photos: list[SamplePhoto]
) -> None:
    notes = camera / "notes.txt"
    notes.write_text("not a photo")
    new = _jpeg(camera / "新的.jpg", (200, 200, 0))
    report = store.import_files([new, camera / "正面.jpg", notes])
    summary = import_summary(report)
    assert summary.text.splitlines()[0] == "1 photo imported."
    assert "1 photo already in the store, not copied again: 正面.jpg" in summary.text
    assert "1 file refused:" in summary.text
    assert f"notes.txt: {report.refused[0][1]}" in summary.text
    assert summary.warning and summary.details == ""
    clean = import_summary(store.import_files([_jpeg(camera / "b.jpg", (1, 2, 3))]))
    assert clean.text == "1 photo imported." and not clean.warning


def test_a_long_summary_keeps_the_full_list_for_details(store: PhotoStore, camera: Path) -> None:
    junk = []
    for number in range(12):
        junk.append(camera / f"junk{number}.jpg")
        junk[-1].write_bytes(b"x" * 10)
    summary = import_summary(store.import_files(junk))
    assert "… and 4 more (see Details)" in summary.text
    assert all(str(path) in summary.details for path in junk)


def test_import_with_progress_imports_then_says_what_happened(
    qtbot, store: PhotoStore, camera: Path, dialogs
) -> None:
    folder = camera / "批次"
    folder.mkdir()
    _jpeg(folder / "a.jpg", RED)
    _jpeg(folder / "b.jpg", BLUE, size=(401, 300))
    report = import_with_progress(None, store, [folder])
    assert report is not None and len(report.imported) == 2
    assert dialogs.asked and dialogs.asked[-1].startswith("2 photos imported.")


def test_a_cancelled_import_still_reports_what_was_imported(
    qtbot, store: PhotoStore, camera: Path, dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    def cancel_after_one(_parent, _label, work):
        work(lambda done, _total: done < 1)  # the user presses Cancel after the first file
        raise Cancelled("Cancelled; nothing was written.")

    monkeypatch.setattr(photo_import, "run_with_progress", cancel_after_one)
    paths = [_jpeg(camera / f"{n}.jpg", (n * 40, 0, 0)) for n in range(3)]
    report = import_with_progress(None, store, paths)
    assert report is not None and report.cancelled and len(report.imported) == 1
    assert "Cancelled: 2 files not imported" in dialogs.asked[-1]
