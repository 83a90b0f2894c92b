"""The full-size photo viewer: one photo of a list at a time, zoom, pan, and keys to step through.

The original is decoded upright (EXIF orientation applied, by the photo store) on a worker
thread; the dialog says "Loading…" meanwhile, so a 12-megapixel photo never freezes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QPainter,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.samples.gallery_model import GalleryPhoto
from app.ui.samples.image_loader import ImageLoader

if TYPE_CHECKING:  # Pillow loads on first use, not at start-up
    from app.store.photos.store import PhotoStore


# The longest side decoded: every phone photo at full size (8000 px is 48 MP), while a 120 MP
# scan stays a 256 MB picture instead of 480 MB; JPEGs are scaled while decoding.
MAX_SIDE = 8000
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.02, 16.0
BACKDROP = "#262626"
LOADING_DELAY_MS = 150  # a quick load shows no "Loading…" flash
# By int: QKeyEvent.key() gives an int, and Qt.Key members are IntEnums that hash alike.
_STEP_KEYS: dict[int, int] = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_PageUp: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_PageDown: 1,
}
_KEYS_FOR_THE_DIALOG = {
    *_STEP_KEYS,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Plus,
    Qt.Key.Key_Equal,
    Qt.Key.Key_Minus,
    Qt.Key.Key_0,
    Qt.Key.Key_1,
}


class _Canvas(QGraphicsView):
    """The picture: drag to pan, Ctrl+wheel to zoom; stepping keys go up to the dialog."""

    zoom_requested = Signal(float)  # a factor
    resized = Signal()

    def __init__(self, scene: QGraphicsScene, parent: QWidget) -> None:
        super().__init__(scene, parent)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(QColor(BACKDROP))
        self.setFrameShape(QGraphicsView.Shape.NoFrame)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_requested.emit(ZOOM_STEP ** (event.angleDelta().y() / 120))
            event.accept()
        else:
            super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _KEYS_FOR_THE_DIALOG:
            event.ignore()  # the arrows would scroll the picture: the dialog steps instead
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class PhotoViewer(QDialog):
    """Shows `photos[index]` full size; ← → (PageUp/PageDown, Home/End) step through the list."""

    photo_changed = Signal(int)  # the index now shown
    photo_shown = Signal(str)  # a hash whose picture is on screen (or could not be)

    def __init__(
        self,
        store: PhotoStore,
        photos: Sequence[GalleryPhoto],
        index: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not photos:
            raise ValueError("the viewer needs at least one photo")
        self._photos = list(photos)
        self._index = -1
        self._fit = True
        self._image_size: tuple[int, int] | None = None
        self._settled: str | None = None  # the hash last shown, or found unshowable
        self._scene = QGraphicsScene(self)
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._item)
        self._canvas = _Canvas(self._scene, self)
        self._canvas.zoom_requested.connect(self.zoom_by)
        self._canvas.resized.connect(self._refit)
        self._message = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self._message.setStyleSheet(f"background: {BACKDROP}; color: #d0d0d0; font-size: 15px;")
        self._pages = QStackedWidget()
        self._pages.addWidget(self._canvas)
        self._pages.addWidget(self._message)
        self._info = QLabel()
        self._loading_timer = QTimer(self, singleShot=True, interval=LOADING_DELAY_MS)
        self._loading_timer.timeout.connect(lambda: self._show_message(self.tr("Loading…")))
        self._loader = ImageLoader(partial(read_upright, store), threads=1, parent=self)
        self._loader.loaded.connect(self._picture_loaded)
        self._loader.failed.connect(self._picture_failed)
        self._build_layout()
        self.resize(1100, 800)
        self.show_photo(index)

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 6)
        for text, tip, action in (
            (self.tr("‹ Previous"), self.tr("Previous photo (←, Page Up)"), lambda: self.step(-1)),
            (self.tr("Next ›"), self.tr("Next photo (→, Page Down)"), lambda: self.step(1)),
            ("−", self.tr("Zoom out (−, Ctrl+wheel)"), lambda: self.zoom_by(1 / ZOOM_STEP)),
            ("+", self.tr("Zoom in (+, Ctrl+wheel)"), lambda: self.zoom_by(ZOOM_STEP)),
            (self.tr("Fit"), self.tr("Fit to the window (0)"), self.zoom_fit),
            ("100 %", self.tr("Actual size (1)"), self.zoom_actual),
        ):
            button = QToolButton(autoRaise=True)
            button.setText(text)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the picture
            button.clicked.connect(action)
            bar.addWidget(button)
        bar.addSpacing(12)
        bar.addWidget(self._info, 1)
        hint = QLabel(self.tr("Drag to pan · Esc closes"))
        hint.setEnabled(False)
        bar.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._pages, 1)
        layout.addLayout(bar)

    # --- which photo -----------------------------------------------------------------------
    @property
    def current_index(self) -> int:
        return self._index

    def picture_size(self) -> tuple[int, int] | None:
        """The shown picture's width and height (upright), None while loading or unshowable."""
        return self._image_size

    def is_loading(self) -> bool:
        """The current photo is neither shown nor known to be unshowable yet."""
        return self._settled != self._photos[self._index].hash

    def show_photo(self, index: int) -> None:
        index = max(0, min(index, len(self._photos) - 1))
        if index == self._index:
            return
        self._index = index
        photo = self._photos[index]
        parts = [f"{index + 1} / {len(self._photos)}", photo.original_name or photo.hash[:12]]
        if photo.caption:
            parts.append(photo.caption)
        self.setWindowTitle(" — ".join(parts))
        self._item.setPixmap(QPixmap())
        self._image_size = None
        self._fit = True
        self._loader.cancel_pending()  # stepping fast: only the photo asked last is wanted
        self._loader.request(photo.hash)
        self._loading_timer.start()
        self._pages.setCurrentWidget(self._canvas)
        self._update_info()
        self.photo_changed.emit(index)

    def step(self, offset: int) -> None:
        self.show_photo(self._index + offset)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _STEP_KEYS:
            self.step(_STEP_KEYS[key])
        elif key == Qt.Key.Key_Home:
            self.show_photo(0)
        elif key == Qt.Key.Key_End:
            self.show_photo(len(self._photos) - 1)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.zoom_fit()
        elif key == Qt.Key.Key_1:
            self.zoom_actual()
        else:
            super().keyPressEvent(event)  # Esc closes
            return
        event.accept()

    # --- zoom ------------------------------------------------------------------------------
    def zoom_factor(self) -> float:
        """Screen pixels per photo pixel (1.0 is actual size)."""
        return self._canvas.transform().m11()

    def zoom_by(self, factor: float) -> None:
        self._set_zoom(self.zoom_factor() * factor)

    def zoom_actual(self) -> None:
        self._set_zoom(1.0)

    def zoom_fit(self) -> None:
        """The whole photo in the window; a photo smaller than the window stays at 100 %."""
        self._fit = True
        self._refit()

    def _refit(self) -> None:
        if not self._fit or self._image_size is None:
            return
        width, height = self._image_size
        area = self._canvas.viewport().rect()
        scale = min(area.width() / width, area.height() / height, 1.0)
        self._apply_zoom(scale)

    def _set_zoom(self, scale: float) -> None:
        if self._image_size is None:
            return
        self._fit = False
        self._apply_zoom(scale)

    def _apply_zoom(self, scale: float) -> None:
        scale = max(MIN_ZOOM, min(MAX_ZOOM, scale))
        self._canvas.setTransform(QTransform.fromScale(scale, scale))
        self._update_info()

    # --- loading ---------------------------------------------------------------------------
    def _picture_loaded(self, photo_hash: str, image: QImage) -> None:
        if photo_hash != self._photos[self._index].hash:
            return  # a photo stepped past while it loaded
        self._loading_timer.stop()
        self._item.setPixmap(QPixmap.fromImage(image))
        self._image_size = (image.width(), image.height())
        self._scene.setSceneRect(QRectF(0, 0, image.width(), image.height()))
        self._pages.setCurrentWidget(self._canvas)
        self._fit = True
        self._refit()
        self._canvas.centerOn(self._item)
        self._settled = photo_hash
        self.photo_shown.emit(photo_hash)

    def _picture_failed(self, photo_hash: str, reason: str) -> None:
        if photo_hash != self._photos[self._index].hash:
            return
        self._loading_timer.stop()
        self._show_message(self.tr("This photo cannot be shown.\n{reason}").format(reason=reason))
        self._settled = photo_hash
        self.photo_shown.emit(photo_hash)

    def _show_message(self, text: str) -> None:
        self._message.setText(text)
        self._pages.setCurrentWidget(self._message)

    def _update_info(self) -> None:
        photo = self._photos[self._index]
        parts = [f"{photo.angle.label} {photo.angle.label_zh}"]
        if self._image_size is not None:
            width, height = self._image_size
            parts += [f"{width} × {height} px", f"{self.zoom_factor() * 100:.0f} %"]
        self._info.setText("   ·   ".join(parts))


def read_upright(store: PhotoStore, photo_hash: str) -> QImage:
    """On a worker: the original upright, as a QImage in the screen's native 32-bit format."""
    picture = store.open_image(photo_hash, MAX_SIDE)
    width, height = picture.size
    pixels = picture.tobytes("raw", "RGBX")
    image = QImage(pixels, width, height, 4 * width, QImage.Format.Format_RGBX8888)
    # A copy in RGB32 that owns its pixels: the GUI thread's QPixmap is then a plain copy.
    return image.convertToFormat(QImage.Format.Format_RGB32)
