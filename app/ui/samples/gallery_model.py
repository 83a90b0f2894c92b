"""The gallery's Qt model: one sample's photos, thumbnails loaded lazily off the GUI thread.

Data in, signals out: the owner hands it photo records (`SamplePhoto` fits) and a PhotoStore,
and listens to `order_changed`; the model never writes anything.

Thumbnails: the first time a row's picture is asked for, the model answers with a grey
placeholder and queues the hash; a worker (`ImageLoader`) finds the original, gets the cached
thumbnail from the store (made if missing), decodes it into a QImage at the view's icon size and
hands it back. Here, on the GUI thread, it becomes a QPixmap (QPixmap must not be made off it),
goes into an LRU cache and only that row is repainted (dataChanged for its row alone; the
pictures arriving within REPAINT_MS are put on show together, so the view paints once for
them). A photo that cannot be shown gets the "broken" picture and says why in its tooltip.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPen, QPixmap

from app.domain.samples.sample import PhotoAngle
from app.errors import PhotoStoreError
from app.ui.samples.image_loader import ImageLoader

if TYPE_CHECKING:  # Pillow loads on first use, not at start-up
    from app.store.photos.store import PhotoStore


_Index = QModelIndex | QPersistentModelIndex
HASH_ROLE = Qt.ItemDataRole.UserRole + 1
PHOTO_ROLE = Qt.ItemDataRole.UserRole + 2
PHOTO_MIME = "application/x-workbench-photo-hashes"  # a drag within the gallery
THUMBNAIL_PX = 160  # the grid's icon size: 6 columns fit a 1,100 px wide panel
# Thumbnails arriving this close together are shown together: the view paints once, not for
# every one of them (a paint of a full 1920 × 1080 grid costs the GUI thread ~10 ms).
REPAINT_MS = 30
MAX_CACHED = 3000  # ~75 KB each at 160 × 120: a 2,000-photo gallery stays in memory (≤ 225 MB)
_PLACEHOLDER_FILL, _BROKEN_FILL, _BROKEN_INK = "#e3e3e3", "#f4e4e4", "#b04040"


class GalleryPhoto(Protocol):
    """What the gallery needs of a photo record (`app.domain.samples.sample.SamplePhoto` has it)."""

    @property
    def hash(self) -> str: ...
    @property
    def original_name(self) -> str: ...
    @property
    def caption(self) -> str: ...
    @property
    def angle(self) -> PhotoAngle: ...
    @property
    def position(self) -> int: ...


class GalleryModel(QAbstractListModel):
    """A list of photo records in gallery order, optionally showing one angle only."""

    order_changed = Signal(list)  # every hash in the new order (also those filtered out)

    def __init__(
        self,
        store: PhotoStore,
        parent: Any = None,
        *,
        thumbnail_px: int = THUMBNAIL_PX,
        max_cached: int = MAX_CACHED,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.thumbnail_px = thumbnail_px
        self._max_cached = max_cached
        self._photos: list[GalleryPhoto] = []  # every photo, in gallery order
        self._shown: list[GalleryPhoto] = []  # those that pass the angle filter
        self._angle: PhotoAngle | None = None
        self._rows_of: dict[str, list[int]] = {}
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()  # LRU: most recent last
        self._broken: dict[str, str] = {}  # hash -> why it cannot be shown
        self._requested: set[str] = set()
        self._arrived: dict[str, QImage | str] = {}  # hash -> picture, or why there is none
        self._repaint_timer = QTimer(self, singleShot=True, interval=REPAINT_MS)
        self._repaint_timer.timeout.connect(self._take_arrived)
        self._placeholder = _placeholder(thumbnail_px, broken=False)
        self._broken_picture = _placeholder(thumbnail_px, broken=True)
        # The loader's function holds the store and a size, never the model (see image_loader).
        self._loader = ImageLoader(partial(read_thumbnail, store, thumbnail_px), parent=self)
        self._loader.loaded.connect(self._thumbnail_loaded)
        self._loader.failed.connect(self._thumbnail_failed)

    # --- data in ---------------------------------------------------------------------------
    def set_photos(self, photos: Iterable[GalleryPhoto]) -> None:
        """Show these photos, by `position` (ties keep the order given); cached pictures stay."""
        self.beginResetModel()
        self._loader.cancel_pending()
        self._requested.clear()
        self._photos = sorted(photos, key=lambda photo: photo.position)
        self._broken.clear()  # a photo imported again may be whole now
        self._refilter()
        self.endResetModel()

    def set_angle_filter(self, angle: PhotoAngle | None) -> None:
        """Show only photos of this angle tag; None shows them all."""
        if angle == self._angle:
            return
        self.beginResetModel()
        self._angle = angle
        self._refilter()
        self.endResetModel()

    def photos(self) -> list[GalleryPhoto]:
        """Every photo in gallery order, those filtered out included."""
        return list(self._photos)

    def photo_at(self, row: int) -> GalleryPhoto:
        return self._shown[row]

    def shown_photos(self) -> list[GalleryPhoto]:
        return list(self._shown)

    def row_of(self, photo_hash: str) -> int | None:
        rows = self._rows_of.get(photo_hash)
        return rows[0] if rows else None

    def is_loaded(self, row: int) -> bool:
        """The row shows its real thumbnail (or its broken mark), not the grey placeholder."""
        photo_hash = self._shown[row].hash
        return photo_hash in self._pixmaps or photo_hash in self._broken

    def broken_reason(self, photo_hash: str) -> str | None:
        return self._broken.get(photo_hash)

    def stop_loading(self) -> None:
        """No more thumbnails: for an owner that is closing (deleting the model does it too)."""
        self._loader.stop()

    # --- Qt's questions --------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        photo = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return photo.caption or photo.original_name
        if role == Qt.ItemDataRole.DecorationRole:
            return self._picture(photo.hash)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(photo)
        if role == HASH_ROLE:
            return photo.hash
        if role == PHOTO_ROLE:
            return photo
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        # Photos can be dragged; GalleryView takes the drops (a new order, or files to import).
        drag = Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else Qt.ItemFlag.NoItemFlags
        return super().flags(index) | drag

    def mimeTypes(self) -> list[str]:
        return [PHOTO_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        # Hashes, not Qt's default item data (which would carry every pixmap along).
        rows = sorted({index.row() for index in indexes if index.isValid()})
        mime = QMimeData()
        hashes = "\n".join(self._shown[row].hash for row in rows)
        mime.setData(PHOTO_MIME, QByteArray(hashes.encode()))
        return mime

    def moveRows(
        self,
        source_parent: _Index,
        source_row: int,
        count: int,
        destination_parent: _Index,
        destination_child: int,
    ) -> bool:
        """Qt's move: rows [source_row, source_row + count) go before `destination_child`."""
        if source_parent.isValid() or destination_parent.isValid():
            return False
        return self.move_rows(range(source_row, source_row + count), destination_child)

    # --- reordering ------------------------------------------------------------------------
    def move(self, from_row: int, to_row: int) -> bool:
        """Move one photo so that it ends up at `to_row`; emits `order_changed`."""
        rows = len(self._shown)
        if from_row == to_row or not (0 <= from_row < rows and 0 <= to_row < rows):
            return False
        return self.move_rows([from_row], to_row + 1 if to_row > from_row else to_row)

    def move_rows(self, rows: Iterable[int], before_row: int) -> bool:
        """Move these rows (any order, gaps allowed) together in front of `before_row`
        (`rowCount()` puts them last), keeping their order; emits `order_changed` once."""
        chosen = sorted(set(rows))
        count = len(self._shown)
        if not (chosen and chosen[0] >= 0 and chosen[-1] < count and 0 <= before_row <= count):
            return False
        moving = [self._shown[row] for row in chosen]
        moving_ids = {id(photo) for photo in moving}
        staying = [photo for photo in self._shown if id(photo) not in moving_ids]
        place = before_row - sum(1 for row in chosen if row < before_row)
        previous = staying[place - 1] if place else None  # they go right after this one
        moved = False
        for photo in moving:
            current, after = self._row_of_record(photo), self._row_of_record(previous)
            target = after if current < after else after + 1  # its row once moved
            if current != target:
                # Qt counts the destination before the move: one further when moving down.
                destination = target + 1 if target > current else target
                self.beginMoveRows(QModelIndex(), current, current, QModelIndex(), destination)
                self._shown.insert(target, self._shown.pop(current))
                self.endMoveRows()
                moved = True
            previous = photo
        if moved:
            self._write_back_order()
        return moved

    def _row_of_record(self, photo: GalleryPhoto | None) -> int:
        """Its row (-1 for None); by identity, as two records may show the same photo."""
        return next((row for row, shown in enumerate(self._shown) if shown is photo), -1)

    def _write_back_order(self) -> None:
        # The shown photos take back, in their new order, the places they held among all of
        # them: photos hidden by the angle filter keep their places.
        slots = [row for row, photo in enumerate(self._photos) if self._passes(photo)]
        for slot, photo in zip(slots, self._shown, strict=True):
            self._photos[slot] = photo
        self._index_rows()
        self.order_changed.emit([photo.hash for photo in self._photos])

    # --- internals -------------------------------------------------------------------------
    def _passes(self, photo: GalleryPhoto) -> bool:
        return self._angle is None or photo.angle == self._angle

    def _refilter(self) -> None:
        self._shown = [photo for photo in self._photos if self._passes(photo)]
        self._index_rows()

    def _index_rows(self) -> None:
        self._rows_of = {}
        for row, photo in enumerate(self._shown):
            self._rows_of.setdefault(photo.hash, []).append(row)

    def _picture(self, photo_hash: str) -> QPixmap:
        pixmap = self._pixmaps.get(photo_hash)
        if pixmap is not None:
            self._pixmaps.move_to_end(photo_hash)
            return pixmap
        if photo_hash in self._broken:
            return self._broken_picture
        if photo_hash not in self._requested:
            self._requested.add(photo_hash)
            self._loader.request(photo_hash)
        return self._placeholder

    def _tooltip(self, photo: GalleryPhoto) -> str:
        lines = [
            photo.original_name or photo.hash[:12],
            f"{photo.angle.label} {photo.angle.label_zh}",
        ]
        if photo.caption:
            lines.append(photo.caption)
        problem = self._broken.get(photo.hash)
        if problem:
            lines.append(self.tr("Cannot be shown: {reason}").format(reason=problem))
        return "\n".join(lines)

    def _thumbnail_loaded(self, photo_hash: str, image: QImage) -> None:
        self._arrive(photo_hash, image)

    def _thumbnail_failed(self, photo_hash: str, reason: str) -> None:
        self._arrive(photo_hash, reason)

    def _arrive(self, photo_hash: str, outcome: QImage | str) -> None:
        self._arrived[photo_hash] = outcome
        if not self._repaint_timer.isActive():
            self._repaint_timer.start()

    def _take_arrived(self) -> None:
        """Put the pictures that came in since the last call on show: each row repainted once,
        all of them in one paint of the view."""
        arrived, self._arrived = self._arrived, {}
        rows: list[int] = []
        for photo_hash, outcome in arrived.items():
            self._requested.discard(photo_hash)
            if isinstance(outcome, QImage):
                self._pixmaps[photo_hash] = QPixmap.fromImage(outcome)
                self._pixmaps.move_to_end(photo_hash)
            else:
                self._broken[photo_hash] = outcome
            rows.extend(self._rows_of.get(photo_hash, ()))
        while len(self._pixmaps) > self._max_cached:
            self._pixmaps.popitem(last=False)  # asked for again if it is shown again
        roles = [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole]
        for row in sorted(rows):
            index = self.index(row)
            self.dataChanged.emit(index, index, roles)


def read_thumbnail(store: PhotoStore, size_px: int, photo_hash: str) -> QImage:
    """On a worker: the photo's cached thumbnail decoded to fit `size_px` × `size_px`.

    Raises NotFound when the original is gone (even if an old thumbnail is still cached: the
    gallery should not pretend a photo is there) and PhotoStoreError when it cannot be decoded.
    """
    store.path_of(photo_hash)
    path = store.thumbnail(photo_hash)
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > size_px:
        # The JPEG decoder scales while decoding: cheaper than decoding 256 px and scaling.
        reader.setScaledSize(
            size.scaled(QSize(size_px, size_px), Qt.AspectRatioMode.KeepAspectRatio)
        )
    image = reader.read()
    if image.isNull():
        problem = QCoreApplication.translate(
            "GalleryModel", "Its thumbnail {path} cannot be decoded: {reason}."
        )
        raise PhotoStoreError(problem.format(path=path, reason=reader.errorString()))
    return image


def _placeholder(size_px: int, *, broken: bool) -> QPixmap:
    """A flat 4:3 tile while loading; a pale red tile with a torn-picture mark when broken."""
    width, height = size_px, size_px * 3 // 4
    pixmap = QPixmap(width, height)
    pixmap.fill(QColor(_BROKEN_FILL if broken else _PLACEHOLDER_FILL))
    if broken:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(_BROKEN_INK), 3))
        side = height // 3
        left, top = (width - side) // 2, (height - side) // 2
        painter.drawRect(left, top, side, side)
        painter.drawLine(left, top + side, left + side, top)  # the picture crossed out
        painter.end()
    return pixmap
