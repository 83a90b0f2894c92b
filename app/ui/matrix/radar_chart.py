"""A radar chart comparing 2-5 suppliers' 0-100 scores, painted with QPainter (no QtCharts)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, SupportsFloat

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QWidget

from app.ui.widgets.charts import (
    HIT_RADIUS,
    MARGIN,
    ChartWidget,
    LegendItem,
    distance,
    draw_legend,
    draw_marker,
    format_value,
    labelled_steps,
    legend_layout,
    series_colour,
    series_pen,
)

MIN_SERIES, MAX_SERIES = 2, 5  # one colour-blind-safe colour per supplier
MIN_AXES = 3  # fewer axes make no polygon
RINGS = (20, 40, 60, 80, 100)
FULL_SCALE = 100.0
FILL_ALPHA = 45  # see-through, so overlapping suppliers stay visible
LABEL_GAP = 8.0
RING_LABEL_OFFSET = 7.0  # clears a marker on the upward axis
MAX_LABEL_SHARE = 0.28  # an axis label may take at most this share of the width
EMPTY_TEXT = str(QT_TRANSLATE_NOOP("RadarChart", "Select 2 to 5 suppliers to compare"))


@dataclass(frozen=True, slots=True, init=False)
class RadarSeries:
    """One supplier's values, one per axis, 0-100; None means unknown (not zero)."""

    name: str
    values: tuple[float | None, ...]

    def __init__(self, name: str, values: Iterable[SupportsFloat | None]) -> None:
        floats = tuple(None if v is None else float(v) for v in values)
        for value in floats:
            if value is not None and not 0.0 <= value <= FULL_SCALE:
                raise ValueError(f"{name}: radar values must be 0 to 100, not {value}.")
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "values", floats)  # Decimals and lists arrive too

    @property
    def unknown_axes(self) -> tuple[int, ...]:
        return tuple(i for i, value in enumerate(self.values) if value is None)


def axis_angle(index: int, count: int) -> float:
    """Radians of an axis: the first points straight up, the rest follow clockwise."""
    return -math.pi / 2 + 2 * math.pi * index / count


def radar_points(
    center: QPointF, radius: float, values: Sequence[float | None]
) -> list[QPointF | None]:
    """Where each value sits: 100 on the outer ring, 0 at the centre, None (unknown) as None."""
    points: list[QPointF | None] = []
    for index, value in enumerate(values):
        if value is None:
            points.append(None)
            continue
        angle = axis_angle(index, len(values))
        reach = radius * value / FULL_SCALE
        points.append(
            QPointF(center.x() + reach * math.cos(angle), center.y() + reach * math.sin(angle))
        )
    return points


class RadarHit(NamedTuple):
    series: int
    axis: int
    point: QPointF


class _Layout(NamedTuple):
    center: QPointF
    radius: float
    label_width: float
    legend: list[LegendItem]


class RadarChart(ChartWidget):
    """Polygons per supplier over shared axes; unknown values sit at the centre, hollow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._axes: tuple[str, ...] = ()
        self._series: tuple[RadarSeries, ...] = ()

    def set_series(self, axes: Sequence[str], series: Sequence[RadarSeries]) -> None:
        if len(axes) < MIN_AXES:
            raise ValueError(f"A radar chart needs at least {MIN_AXES} axes, got {len(axes)}.")
        for one in series:
            if len(one.values) != len(axes):
                raise ValueError(f"{one.name}: {len(one.values)} values for {len(axes)} axes.")
        self._axes = tuple(axes)
        self._series = tuple(series)
        self.update()

    # --- what it shows, for the tab and for tests --------------------------------------
    def is_comparing(self) -> bool:
        """More than five would repeat colours; the empty state asks for a smaller pick."""
        return MIN_SERIES <= len(self._series) <= MAX_SERIES

    def empty_text(self) -> str | None:
        if self.is_comparing():
            return None
        if len(self._series) > MAX_SERIES:
            more = self.tr("Select 2 to 5 suppliers to compare ({count} selected)")
            return more.format(count=len(self._series))
        return QCoreApplication.translate("RadarChart", EMPTY_TEXT)

    def legend_entries(self) -> list[str]:
        entries: list[str] = []
        for one in self._series if self.is_comparing() else ():
            unknown = [self._axes[i] for i in one.unknown_axes]
            text = self.tr("{name} (unknown: {axes})").format(
                name=one.name, axes=", ".join(unknown)
            )
            entries.append(text if unknown else one.name)
        return entries

    def vertices(self) -> list[RadarHit]:
        """Every drawn vertex in widget coordinates; an unknown value is drawn at the centre."""
        if not self.is_comparing():
            return []
        layout = self._layout()
        hits: list[RadarHit] = []
        for s, one in enumerate(self._series):
            for axis, point in enumerate(radar_points(layout.center, layout.radius, one.values)):
                hits.append(RadarHit(s, axis, point if point is not None else layout.center))
        return hits

    def hits_at(self, pos: QPointF) -> list[RadarHit]:
        """Vertices within reach of the mouse, nearest first (several can coincide)."""
        near = [hit for hit in self.vertices() if distance(hit.point, pos) <= HIT_RADIUS]
        return sorted(near, key=lambda hit: distance(hit.point, pos))

    def tooltip_at(self, pos: QPointF) -> str | None:
        lines = [
            f"{self._series[hit.series].name} — {self._axes[hit.axis]}: "
            f"{format_value(self._series[hit.series].values[hit.axis])}"
            for hit in self.hits_at(pos)
        ]
        if not lines and self.is_comparing():
            # Legend names and axis labels may be elided; the tooltip gives them in full.
            layout = self._layout()
            entries = self.legend_entries()
            lines = [entries[item.series] for item in layout.legend if item.rect.contains(pos)]
            labels = self._axis_labels(layout)
            lines += [self._axes[i] for i, (rect, _) in enumerate(labels) if rect.contains(pos)]
        return "\n".join(lines) or None

    # --- Qt ----------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(420, 360)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 200)

    def paint_chart(self, painter: QPainter, palette: QPalette) -> None:
        layout = self._layout()
        self._paint_grid(painter, layout, palette)
        background = palette.color(QPalette.ColorRole.Base)
        pens = [series_pen(i) for i in range(len(self._series))]
        for s, one in enumerate(self._series):
            points = radar_points(layout.center, layout.radius, one.values)
            # An unknown value pulls the outline to the centre with a hollow marker there:
            # visibly "no data", where a silent zero would look like a real bad score.
            drawn = [p if p is not None else layout.center for p in points]
            fill = QColor(series_colour(s))
            fill.setAlpha(FILL_ALPHA)
            painter.setPen(pens[s])
            painter.setBrush(fill)
            painter.drawPolygon(QPolygonF(drawn))
            for point, original in zip(drawn, points, strict=True):
                draw_marker(painter, point, s, background, hollow=original is None)
        self._paint_ring_labels(painter, layout, palette)
        hollow = [bool(one.unknown_axes) for one in self._series]
        draw_legend(painter, layout.legend, palette, pens, hollow)

    # --- drawing ------------------------------------------------------------------------
    def _layout(self) -> _Layout:
        """Legend at the bottom, axis labels around the rings, the rest for the radar."""
        metrics = QFontMetricsF(self.font())
        width, height = float(self.width()), float(self.height())
        legend, legend_height = legend_layout(
            metrics, self.legend_entries(), MARGIN, 0.0, width - 2 * MARGIN
        )
        legend_top = height - MARGIN - legend_height
        legend = [item._replace(rect=item.rect.translated(0, legend_top)) for item in legend]
        chart = QRectF(MARGIN, MARGIN, width - 2 * MARGIN, legend_top - 2 * MARGIN)
        widest = max((metrics.horizontalAdvance(axis) for axis in self._axes), default=0.0)
        label_width = min(widest, chart.width() * MAX_LABEL_SHARE)
        radius = min(
            (chart.width() - 2 * (label_width + LABEL_GAP)) / 2,
            (chart.height() - 2 * (metrics.height() + LABEL_GAP)) / 2,
        )
        return _Layout(chart.center(), max(radius, 0.0), label_width, legend)

    def _paint_grid(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        center, radius, count = layout.center, layout.radius, len(self._axes)
        grid = palette.color(QPalette.ColorRole.Mid)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(grid, 0.8))
        for ring in RINGS:
            corners = radar_points(center, radius, [float(ring)] * count)
            painter.drawPolygon(QPolygonF([p for p in corners if p is not None]))
        for outer in radar_points(center, radius, [FULL_SCALE] * count):
            if outer is not None:
                painter.drawLine(center, outer)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        for rect, text in self._axis_labels(layout):
            painter.drawText(rect, text)

    def _axis_labels(self, layout: _Layout) -> list[tuple[QRectF, str]]:
        metrics = QFontMetricsF(self.font())
        labels: list[tuple[QRectF, str]] = []
        for index, axis in enumerate(self._axes):
            text = metrics.elidedText(axis, Qt.TextElideMode.ElideRight, layout.label_width)
            labels.append((self._label_rect(layout, index, metrics, text), text))
        return labels

    def _paint_ring_labels(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        """Ring values beside the upward axis, over the series on a faint backing to stay legible."""
        small = QFont(self.font())
        small.setPointSizeF(max(self.font().pointSizeF() * 0.8, 6.0))
        metrics = QFontMetricsF(small)
        backing = QColor(palette.color(QPalette.ColorRole.Base))
        backing.setAlpha(190)
        painter.save()
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        spacing = layout.radius * (RINGS[1] - RINGS[0]) / FULL_SCALE
        for ring in labelled_steps(RINGS, spacing, metrics.height()):
            y = layout.center.y() - layout.radius * ring / FULL_SCALE
            box = QRectF(0, 0, metrics.horizontalAdvance(str(ring)) + 2, metrics.height())
            # Right of the marker on the spoke, centred on the ring's height.
            box.moveCenter(QPointF(layout.center.x() + RING_LABEL_OFFSET + box.width() / 2, y))
            painter.fillRect(box, backing)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(ring))
        painter.restore()

    def _label_rect(self, layout: _Layout, index: int, metrics: QFontMetricsF, text: str) -> QRectF:
        """A label's box just outside the outer ring, on the side its axis points to."""
        angle = axis_angle(index, len(self._axes))
        cos, sin = math.cos(angle), math.sin(angle)
        reach = layout.radius + LABEL_GAP
        anchor = QPointF(layout.center.x() + reach * cos, layout.center.y() + reach * sin)
        w, h = metrics.horizontalAdvance(text) + 1, metrics.height()
        return QRectF(anchor.x() + _shift(cos, w), anchor.y() + _shift(sin, h), w, h)


def _shift(direction: float, size: float) -> float:
    """Centred on an axis pointing mostly across; otherwise the box lies beyond the tip."""
    if abs(direction) < 0.3:
        return -size / 2
    return 0.0 if direction > 0 else -size
