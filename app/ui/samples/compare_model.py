"""The compare view's two models (issue 4), one column per sample: `ComparisonModel` adapts a
ComparisonTable (compare_samples decided every value and best mark; best is told by ★, bold and
a colour-blind-safe tint, never colour alone); `PhotoGridModel` puts the photos of each angle
side by side, thumbnails decoded on worker threads by the gallery's ImageLoader (grey first)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QImage, QPixmap

from app.domain.kit.money import Money
from app.domain.matrix.grade_palette import TEXT_ON_FILL, Tone
from app.domain.samples.sample import (
    SCORE_MAX,
    ComparisonCell,
    ComparisonRow,
    ComparisonTable,
    PassFail,
    PhotoAngle,
    RowKind,
    Sample,
    SamplePhoto,
)
from app.ui.i18n import message_text
from app.ui.samples.form_fields import term
from app.ui.samples.gallery_model import read_thumbnail
from app.ui.samples.image_loader import ImageLoader

if TYPE_CHECKING:  # Pillow loads on first use, not at start-up
    from app.store.photos.store import PhotoStore


_Index = QModelIndex | QPersistentModelIndex
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the raw cell value (Money, Decimal, int, PassFail)
BEST_ROLE = Qt.ItemDataRole.UserRole + 2  # True where the cell is the best of its row
SAMPLE_ID_ROLE = Qt.ItemDataRole.UserRole + 3  # horizontal header: the column's sample id
BEST_MARK = "★"
GOLDEN_MARK = "★"  # on the golden sample's column header, with "golden" spelled out
UNKNOWN = "—"
BEST_FILL = Tone.BEST.fill
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
GRID_THUMBNAIL_PX = 140  # five columns of photos fit a 1,000 px wide panel
_LOADING_FILL, _BROKEN_FILL, _BROKEN_INK, _EMPTY_INK = "#e3e3e3", "#f4e4e4", "#b04040", "#8a8a8a"
_CANNOT_SHOW = str(
    QT_TRANSLATE_NOOP("ComparisonModel", "⚠ cannot be shown")
)  # the tooltip says why
# After the compared rows: what the buyer wrote of each sample, as the PDF shows it (issue 14).
FINDINGS = (
    ("defects", str(QT_TRANSLATE_NOOP("ComparisonModel", "Defects"))),
    ("verdict", str(QT_TRANSLATE_NOOP("ComparisonModel", "Verdict"))),
)
FINDINGS_SHOWN = 240  # characters in the cell; the tooltip has the whole text
_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


def supplier_label(sample: Sample, supplier_names: Mapping[int, str]) -> str:
    """Who sent the sample; names are given by SAMPLE id (one supplier may send two variants)."""
    unnamed = QCoreApplication.translate("ComparisonModel", "Supplier {id}")
    return supplier_names.get(sample.id or 0) or unnamed.format(id=sample.supplier_id)


def sample_header_data(sample: Sample, supplier_names: Mapping[int, str], role: int) -> Any:
    """A sample column's header (supplier, variant, the golden mark spelled out), its tooltip,
    bold font when golden, and its sample id (SAMPLE_ID_ROLE)."""
    name = supplier_label(sample, supplier_names)
    if role == Qt.ItemDataRole.DisplayRole:
        golden = QCoreApplication.translate("ComparisonModel", "{mark} golden sample")
        # A 'zh · en' name takes two lines: the column stays as narrow as a photo.
        lines: tuple[str, ...] = (
            name.replace(" · ", "\n"),
            sample.variant,
            golden.format(mark=GOLDEN_MARK) if sample.golden else "",
        )
        return "\n".join(line for line in lines if line)
    if role == Qt.ItemDataRole.ToolTipRole:
        status = f"{sample.status.label} {sample.status.label_zh}"
        tips = [name]
        if sample.variant:
            variant = QCoreApplication.translate("ComparisonModel", "Variant: {variant}")
            tips.append(variant.format(variant=sample.variant))
        tips.append(
            QCoreApplication.translate("ComparisonModel", "Status: {status}").format(status=status)
        )
        if sample.golden:
            tips.append(
                QCoreApplication.translate(
                    "ComparisonModel", "The golden sample: the approved reference for this product."
                )
            )
        if sample.verdict:
            verdict = QCoreApplication.translate("ComparisonModel", "Verdict: {verdict}")
            tips.append(verdict.format(verdict=sample.verdict))
        return "\n".join(tip for tip in tips if tip)
    if role == Qt.ItemDataRole.FontRole and sample.golden:
        return _bold()
    return sample.id if role == SAMPLE_ID_ROLE else None


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def row_label(row: ComparisonRow) -> str:
    """'Length (cm) · spec 12.5'; a row with a note gets 'ⓘ' so its tooltip is found."""
    name = term(row.label)  # the user's own criteria are not listed: they stay as typed
    label = f"{name} ({row.unit})" if row.unit else name
    if row.kind is RowKind.MEASUREMENT:
        if row.target is None:
            label += " · " + QCoreApplication.translate("ComparisonModel", "no spec")
        else:
            spec = QCoreApplication.translate("ComparisonModel", "spec {value}")
            label += " · " + spec.format(value=f"{row.target:f}")
    return f"{label}  ⓘ" if row.note else label


def cell_text(row: ComparisonRow, cell: ComparisonCell, sample: Sample) -> str:
    """What a cell shows: '18.00 CNY', '12.4 cm · +0.4 cm (+3.2 %)', '4 / 5', '✓ pass', '—'."""
    value = cell.value
    if value is None:
        text = UNKNOWN
    elif isinstance(value, Money):
        free = QCoreApplication.translate("ComparisonModel", "{price} (free)")
        text = free.format(price=value) if row.key == "price" and sample.free else str(value)
    elif isinstance(value, PassFail):
        text = (
            QCoreApplication.translate("ComparisonModel", "✓ pass")
            if value is PassFail.PASS
            else QCoreApplication.translate("ComparisonModel", "✗ fail")
        )
    elif row.kind is RowKind.CRITERION:
        text = f"{value} / {SCORE_MAX}"
    else:
        text = f"{Decimal(value):f} {row.unit}".strip()  # as measured: 11.0 keeps its place
        if cell.deviation is not None:
            text += f"\n{deviation_text(cell.deviation, cell.deviation_percent, row.unit)}"
    return f"{BEST_MARK} {text}" if cell.best else text


def deviation_text(deviation: Decimal, percent: Decimal | None, unit: str) -> str:
    """'+0.4 cm (+3.2 %)', '-0.02 kg (-1.3 %)'; an exact match says so."""
    if deviation == 0:
        return QCoreApplication.translate("ComparisonModel", "on spec")
    sign = "+" if deviation > 0 else "-"  # the percent follows it, even when it rounds to 0.0
    text = f"{sign}{abs(deviation):f} {unit}"
    return text if percent is None else f"{text} ({sign}{abs(percent)} %)"


def findings_text(text: str) -> str:
    """A defects or verdict cell: the text (cut at FINDINGS_SHOWN characters), or '—'."""
    text = text.strip()
    if not text:
        return UNKNOWN
    return text if len(text) <= FINDINGS_SHOWN else text[: FINDINGS_SHOWN - 1].rstrip() + "…"


class ComparisonModel(QAbstractTableModel):
    """Read-only: rows are the table's rows, then Defects and Verdict (FINDINGS); columns its
    samples in the order compared."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table: ComparisonTable | None = None
        self._names: Mapping[int, str] = {}
        # Best is marked by ★ in the text and by these three roles (keyed by int, as data()
        # gets its role: ItemDataRole members are IntEnums and hash alike).
        self._best_roles: dict[int, QFont | QColor] = {
            Qt.ItemDataRole.FontRole: _bold(),
            Qt.ItemDataRole.BackgroundRole: QColor(BEST_FILL),
            Qt.ItemDataRole.ForegroundRole: QColor(TEXT_ON_FILL),  # dark text on the tint
        }

    def set_table(self, table: ComparisonTable | None, supplier_names: Mapping[int, str]) -> None:
        self.beginResetModel()
        self.table = table
        self._names = dict(supplier_names)
        self.endResetModel()

    def sample_at(self, column: int) -> Sample:
        assert self.table is not None
        return self.table.samples[column]

    def column_of(self, sample_id: int) -> int | None:
        samples = self.table.samples if self.table else ()
        return next((c for c, sample in enumerate(samples) if sample.id == sample_id), None)

    # --- Qt's questions ------------------------------------------------------------------
    def findings_row(self, key: str) -> int | None:
        """The row of "defects" or "verdict"; None without a table."""
        if self.table is None:
            return None
        keys = [name for name, _label in FINDINGS]
        return len(self.table.rows) + keys.index(key)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.table is None:
            return 0
        return len(self.table.rows) + len(FINDINGS)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.table is None else len(self.table.samples)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        samples, rows = (self.table.samples, self.table.rows) if self.table else ((), ())
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(samples):
            return sample_header_data(samples[section], self._names, role)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(rows):
            if role == Qt.ItemDataRole.DisplayRole:
                return row_label(rows[section])
            if role == Qt.ItemDataRole.ToolTipRole:  # whole, when the view elides the name
                note = rows[section].note_said
                shown = None if note is None else message_text(note)
                return "\n".join(filter(None, (term(rows[section].label), shown)))
        findings = section - len(rows)
        named = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        vertical = orientation == Qt.Orientation.Vertical
        if vertical and named and self.table and 0 <= findings < len(FINDINGS):
            return QCoreApplication.translate("ComparisonModel", FINDINGS[findings][1])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.table is None:
            return None
        if index.row() >= len(self.table.rows):
            return self._findings_data(index, role)
        row = self.table.rows[index.row()]
        cell = row.cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(row, cell, self.table.samples[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            # The cell's own reason first; a row note (mixed currencies) explains every cell.
            missing = self.tr("Not entered yet.") if cell.value is None else None
            note = cell.note_said or row.note_said
            return missing if note is None else message_text(note)
        if role in self._best_roles:
            return self._best_roles[role] if cell.best else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRE
        if role == VALUE_ROLE:
            return cell.value
        if role == BEST_ROLE:
            return cell.best
        return None

    def _findings_data(self, index: _Index, role: int) -> Any:
        assert self.table is not None
        key = FINDINGS[index.row() - len(self.table.rows)][0]
        text: str = getattr(self.table.samples[index.column()], key)
        if role == Qt.ItemDataRole.DisplayRole:
            return findings_text(text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text.strip() or self.tr("Not entered yet.")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _TOP_LEFT if text.strip() else _CENTRE
        if role == VALUE_ROLE:
            return text
        return False if role == BEST_ROLE else None


class PhotoGridModel(QAbstractTableModel):
    """Rows: each angle present, in PhotoAngle order; a sample's second photo of an angle opens
    a second row of it (no evidence hidden). Columns: the samples. Empty cell: 'no photo'."""

    def __init__(self, parent: Any = None, *, thumbnail_px: int = GRID_THUMBNAIL_PX) -> None:
        super().__init__(parent)
        self.thumbnail_px = thumbnail_px
        self.supplier_names: Mapping[int, str] = {}
        self._samples: tuple[Sample, ...] = ()
        self._by_angle: list[dict[PhotoAngle, list[SamplePhoto]]] = []  # one dict per column
        self._rows: list[tuple[PhotoAngle, int]] = []  # (angle, n-th photo of it)
        self._angle: PhotoAngle | None = None
        self._store: PhotoStore | None = None
        self._loader: ImageLoader | None = None
        self._pixmaps: dict[str, QPixmap] = {}  # a comparison shows a few dozen: no LRU needed
        self._broken: dict[str, str] = {}  # hash -> why it cannot be shown
        self._loading = _tile(thumbnail_px, _LOADING_FILL)
        self._broken_picture = _tile(thumbnail_px, _BROKEN_FILL)

    def set_photos(
        self,
        samples: Sequence[Sample],
        photos: Mapping[int, Sequence[SamplePhoto]],
        supplier_names: Mapping[int, str],
        store: PhotoStore | None,
    ) -> None:
        self.beginResetModel()
        if store is not self._store:
            self._swap_store(store)
        self._broken.clear()  # a photo imported again may be whole now
        shown = {photo.hash for found in photos.values() for photo in found}
        self._pixmaps = {h: p for h, p in self._pixmaps.items() if h in shown}  # no pile-up
        self._samples = tuple(samples)
        self.supplier_names = dict(supplier_names)
        self._by_angle = []
        for sample in self._samples:
            by_angle: dict[PhotoAngle, list[SamplePhoto]] = {}
            for photo in sorted(photos.get(sample.id or 0, ()), key=lambda p: p.position):
                by_angle.setdefault(photo.angle, []).append(photo)
            self._by_angle.append(by_angle)
        self._layout_rows()
        self.endResetModel()

    def set_angle_filter(self, angle: PhotoAngle | None) -> None:
        if angle != self._angle:
            self.beginResetModel()
            self._angle = angle
            self._layout_rows()
            self.endResetModel()

    def angle_counts(self) -> dict[PhotoAngle, int]:
        """Photos of each angle over all compared samples."""
        return dict(Counter(p.angle for b in self._by_angle for found in b.values() for p in found))

    def photo_at(self, row: int, column: int) -> SamplePhoto | None:
        angle, nth = self._rows[row]
        found = self._by_angle[column].get(angle, [])
        return found[nth] if nth < len(found) else None

    def sample_id_at(self, column: int) -> int | None:
        return self._samples[column].id

    def is_loaded(self, photo_hash: str) -> bool:
        return photo_hash in self._pixmaps or photo_hash in self._broken

    def stop_loading(self) -> None:
        if self._loader is not None:
            self._loader.stop()

    # --- Qt's questions --------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._samples)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._samples):
            return sample_header_data(self._samples[section], self.supplier_names, role)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            angle, nth = self._rows[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{angle.label} {angle.label_zh}" + (f" ({nth + 1})" if nth else "")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        photo = self.photo_at(index.row(), index.column())
        if photo is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("no photo")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(_EMPTY_INK)
            return None
        broken = self._broken.get(photo.hash)
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("ComparisonModel", _CANNOT_SHOW)
                if broken
                else photo.caption or photo.original_name
            )
        if role == Qt.ItemDataRole.ForegroundRole and broken:
            return QColor(_BROKEN_INK)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._picture(photo.hash)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [photo.original_name or photo.hash[:12], photo.caption]
            if broken:
                lines.append(self.tr("Cannot be shown: {reason}").format(reason=broken))
            lines.append(self.tr("Double-click to open it."))
            return "\n".join(line for line in lines if line)
        return None

    # --- internals -------------------------------------------------------------------------
    def _layout_rows(self) -> None:
        self._rows = []
        for angle in PhotoAngle:
            if self._angle is None or angle == self._angle:
                most = max((len(b.get(angle, ())) for b in self._by_angle), default=0)
                self._rows.extend((angle, nth) for nth in range(most))

    def _swap_store(self, store: PhotoStore | None) -> None:
        if self._loader is not None:
            self._loader.stop()
            self._loader.deleteLater()
        self._store, self._loader = store, None
        self._pixmaps.clear()
        if store is not None:
            # The loader's function holds the store and a size, never the model (image_loader).
            self._loader = ImageLoader(
                partial(read_thumbnail, store, self.thumbnail_px), parent=self
            )
            self._loader.loaded.connect(self._thumbnail_loaded)
            self._loader.failed.connect(self._thumbnail_failed)

    def _picture(self, photo_hash: str) -> QPixmap:
        pixmap = self._pixmaps.get(photo_hash)
        if pixmap is not None:
            return pixmap
        if photo_hash in self._broken:
            return self._broken_picture
        if self._loader is not None:
            self._loader.request(photo_hash)  # a no-op while it is queued or being loaded
        return self._loading

    def _thumbnail_loaded(self, photo_hash: str, image: QImage) -> None:
        self._pixmaps[photo_hash] = QPixmap.fromImage(image)  # on the GUI thread: allowed
        self._repaint(photo_hash)

    def _thumbnail_failed(self, photo_hash: str, reason: str) -> None:
        self._broken[photo_hash] = reason
        self._repaint(photo_hash)

    def _repaint(self, _photo_hash: str) -> None:
        # A few dozen cells at most: repainting them all is cheaper than finding the one.
        if self._rows and self._samples:
            last = self.index(len(self._rows) - 1, len(self._samples) - 1)
            self.dataChanged.emit(self.index(0, 0), last)  # picture, caption, tooltip


def _tile(size_px: int, fill: str) -> QPixmap:
    """A flat 4:3 tile: grey while loading, pale red (captioned '⚠ cannot be shown') when broken."""
    pixmap = QPixmap(size_px, size_px * 3 // 4)
    pixmap.fill(QColor(fill))
    return pixmap
