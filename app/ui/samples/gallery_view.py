"""The gallery's thumbnail grid: keyboard, drops of files and folders, paste, drag to reorder.

`GalleryView` only reports what the user asked for (import these files, open this photo, remove
these, new order through the model); the Samples tab does it through its services.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontMetrics,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.ui.samples.gallery_model import HASH_ROLE, PHOTO_MIME, THUMBNAIL_PX, GalleryModel
from app.ui.widgets.photo_import import save_pasted_image

_Index = QModelIndex | QPersistentModelIndex
TEXT_LINES = 2  # caption lines under each thumbnail; longer ones are elided
CARD_PAD = 8
_HOVER_FRAME = "#c8c8c8"
_FRAMED_STATES = (
    QStyle.StateFlag.State_Selected
    | QStyle.StateFlag.State_MouseOver
    | QStyle.StateFlag.State_HasFocus
)
EMPTY_HINT = str(
    QT_TRANSLATE_NOOP("GalleryView", "Drop photos or folders here, or paste an image (Ctrl+V)")
)


class GalleryView(QListView):
    """A keyboard-navigable thumbnail grid that takes dropped and pasted photos."""

    import_requested = Signal(list)  # list[Path]: files and folders to import, as given
    open_requested = Signal(str)  # the photo's hash (Enter or double-click)
    remove_requested = Signal(list)  # list[str]: hashes of the selected photos (Delete)

    def __init__(self, parent: QWidget | None = None, *, icon_px: int = THUMBNAIL_PX) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        # Static: the model keeps the order; IconMode's free movement would only move pixels.
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.Batched)  # 2,000 items laid out a batch at a time
        self.setBatchSize(200)
        # Uniform sizes and a delegate of fixed size: laying out asks the model nothing.
        self.setUniformItemSizes(True)
        self.setItemDelegate(_PhotoCard(icon_px, self))  # it wraps captions to two lines
        self.setSpacing(4)
        self.setIconSize(QSize(icon_px, icon_px))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)  # hover highlight
        # setMovement(Static) switched dragging off; the view handles drags itself (below).
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self._drop_before: int | None = None  # where an internal drag would land, for painting
        self.doubleClicked.connect(self._open_index)

    # --- what is selected ------------------------------------------------------------------
    def selected_hashes(self) -> list[str]:
        rows = sorted(index.row() for index in self.selectionModel().selectedIndexes())
        return [self.model().index(row, 0).data(HASH_ROLE) for row in rows]

    def current_hash(self) -> str | None:
        index = self.currentIndex()
        return index.data(HASH_ROLE) if index.isValid() else None

    # --- keyboard --------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_from_clipboard()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open_index(self.currentIndex())
        elif event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            hashes = self.selected_hashes()
            if hashes:
                self.remove_requested.emit(hashes)
        else:
            super().keyPressEvent(event)  # arrows, Home/End, PageUp/Down, Ctrl+A, typing
            return
        event.accept()

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(index.data(HASH_ROLE))

    # --- paste and drops from outside ------------------------------------------------------
    def paste_from_clipboard(self) -> bool:
        """Ctrl+V: file URLs (copied in a file manager) or a raw image (a screenshot)."""
        return self.import_from_mime(QGuiApplication.clipboard().mimeData())

    def import_from_mime(self, mime: QMimeData | None) -> bool:
        """Emit `import_requested` for the local files and folders in `mime`, or for a PNG
        saved from its image; False when it holds neither."""
        if mime is None:
            return False
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        if not paths and mime.hasImage():
            image = mime.imageData()
            if isinstance(image, QPixmap):
                image = image.toImage()
            if isinstance(image, QImage) and not image.isNull():
                paths = [save_pasted_image(image)]
        if paths:
            self.import_requested.emit(paths)
        return bool(paths)

    def handle_drop(self, mime: QMimeData, pos: QPoint | None = None, *, internal: bool) -> bool:
        """What a drop does: reorder the selected photos (a drag within this view) or import."""
        self._set_drop_before(None)
        if internal:
            model = self.model()
            if not (isinstance(model, GalleryModel) and mime.hasFormat(PHOTO_MIME)):
                return False
            rows = [index.row() for index in self.selectionModel().selectedIndexes()]
            before = model.rowCount() if pos is None else self.row_before(pos)
            return model.move_rows(rows, before)
        return self.import_from_mime(mime)

    def row_before(self, pos: QPoint) -> int:
        """The row a drop at `pos` (viewport coordinates) goes in front of."""
        index = self.indexAt(pos)
        step = max(8, self.iconSize().width() // 2)
        x = pos.x()
        while not index.isValid() and x > 0:  # right of a row's last item: after it
            x -= step
            index = self.indexAt(QPoint(x, pos.y()))
        if not index.isValid():
            return self.model().rowCount()
        rect = self.visualRect(index)
        return index.row() + (1 if pos.x() > rect.center().x() else 0)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._accept_drag(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accept_drag(event) and event.source() is self:
            self._set_drop_before(self.row_before(event.position().toPoint()))

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_drop_before(None)

    def dropEvent(self, event: QDropEvent) -> None:
        internal = event.source() is self
        if self.handle_drop(event.mimeData(), event.position().toPoint(), internal=internal):
            event.acceptProposedAction()
        else:
            event.ignore()

    def _accept_drag(self, event: QDragMoveEvent) -> bool:
        mime = event.mimeData()
        if event.source() is self and mime.hasFormat(PHOTO_MIME):
            event.setDropAction(Qt.DropAction.MoveAction)
        elif any(url.isLocalFile() for url in mime.urls()) or mime.hasImage():
            event.setDropAction(Qt.DropAction.CopyAction)
        else:
            event.ignore()
            return False
        event.accept()
        return True

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        indexes = self.selectionModel().selectedIndexes()
        if not indexes:
            return
        drag = QDrag(self)
        drag.setMimeData(self.model().mimeData(indexes))
        picture = self.currentIndex().data(Qt.ItemDataRole.DecorationRole)
        if isinstance(picture, QPixmap) and not picture.isNull():
            drag.setPixmap(
                picture.scaled(
                    96,
                    96,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        drag.exec(Qt.DropAction.MoveAction)
        self._set_drop_before(None)

    # --- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            hint = QCoreApplication.translate("GalleryView", EMPTY_HINT)
            painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, hint)
        elif self._drop_before is not None:
            painter = QPainter(self.viewport())
            painter.fillRect(self._drop_marker(self._drop_before), self.palette().highlight())

    def _drop_marker(self, before: int) -> QRect:
        """A bar in the gap in front of row `before` (behind the last row at the end)."""
        rows = self.model().rowCount()
        rect = self.visualRect(self.model().index(min(before, rows - 1), 0))
        x = rect.right() + 2 if before >= rows else rect.left() - 3
        return QRect(x, rect.top() + 4, 3, rect.height() - 8)

    def _set_drop_before(self, before: int | None) -> None:
        if before != self._drop_before:
            self._drop_before = before
            self.viewport().update()


class _PhotoCard(QStyledItemDelegate):
    """A thumbnail at the foot of a square box, two lines of caption under it, a rounded frame when
    selected. Fixed size, and it draws the model's pixmap as it is (already at box size)."""

    def __init__(self, box_px: int, parent: QWidget) -> None:
        super().__init__(parent)
        self._box = box_px
        self._lines: dict[tuple[str, int], list[str]] = {}  # (text, width) -> wrapped lines

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(self._box + 2 * CARD_PAD, self._box + TEXT_LINES * line + 3 * CARD_PAD)

    # Python runs for every card of every paint: as few Qt calls as will do.
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        rect, state, box = option.rect, option.state, self._box
        if state & _FRAMED_STATES:
            self._paint_frame(painter, option)
        left, top = rect.x() + CARD_PAD, rect.y() + CARD_PAD
        picture = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(picture, QPixmap):
            size = picture.deviceIndependentSize()
            width, height = min(int(size.width()), box), min(int(size.height()), box)
            # At the foot of the box: the captions of a row start on one line.
            painter.drawPixmap(
                left + (box - width) // 2, top + box - height, width, height, picture
            )
        metrics = option.fontMetrics
        line_height = metrics.lineSpacing()
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        top += box + CARD_PAD
        for line in self._wrap(str(index.data() or ""), metrics, box):
            painter.drawText(left, top, box, line_height, Qt.AlignmentFlag.AlignHCenter, line)
            top += line_height

    def _paint_frame(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        accent = option.palette.color(QPalette.ColorRole.Highlight)
        if option.state & QStyle.StateFlag.State_Selected:
            fill = QColor(accent)
            fill.setAlpha(45)
            painter.setPen(QPen(accent, 2))
            painter.setBrush(fill)
        else:  # the keyboard's current card, or the one under the mouse
            focused = option.state & QStyle.StateFlag.State_HasFocus
            painter.setPen(QPen(accent if focused else QColor(_HOVER_FRAME), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(card, 6, 6)
        painter.restore()

    def _wrap(self, text: str, metrics: QFontMetrics, width: int) -> list[str]:
        """At most TEXT_LINES lines, broken at a space when there is one (Chinese anywhere),
        the last one elided."""
        key = (text, width)
        if key not in self._lines:
            lines: list[str] = []
            rest = text
            while rest and len(lines) < TEXT_LINES - 1 and metrics.horizontalAdvance(rest) > width:
                low, high = 1, len(rest)  # the longest prefix that fits
                while low < high:
                    middle = (low + high + 1) // 2
                    fits = metrics.horizontalAdvance(rest[:middle]) <= width
                    low, high = (middle, high) if fits else (low, middle - 1)
                space = rest.rfind(" ", 0, low + 1)
                cut = (
                    space if space > 0 and space >= low // 2 else low
                )  # not after 2 characters of Chinese
                lines.append(rest[:cut])
                rest = rest[cut:].lstrip()
            if rest:
                lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            if len(self._lines) > 5000:
                self._lines.clear()
            self._lines[key] = lines
        return self._lines[key]
