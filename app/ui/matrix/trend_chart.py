"""One supplier's scores over evaluation periods as a line chart, painted with QPainter."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple, SupportsFloat

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QWidget

from app.ui.matrix.legend import term
from app.ui.widgets.charts import (
    HIT_RADIUS,
    MARGIN,
    MARKER_RADIUS,
    ChartWidget,
    LegendItem,
    distance,
    draw_legend,
    draw_marker,
    format_value,
    labelled_steps,
    legend_layout,
    series_pen,
)

WEIGHTED_KEY = "Weighted"  # in the interface language as term(WEIGHTED_KEY)
LINE_WIDTH, WEIGHTED_WIDTH = 1.8, 3.4  # the weighted score is the one to read first
GRIDLINES = (0, 20, 40, 60, 80, 100)
FULL_SCALE = 100.0
LABEL_GAP = 6.0
MIN_MARKER_RADIUS = 2.5
PERIOD_LABEL_SPACING = 10.0  # minimum room between two period labels


@dataclass(frozen=True, slots=True, init=False)
class TrendPoint:
    """One period's scores by name ("Quality", ..., "Weighted"); None means not evaluated."""

    period: str
    values: Mapping[str, float | None]

    def __init__(self, period: str, values: Mapping[str, SupportsFloat | None]) -> None:
        floats = {k: None if v is None else float(v) for k, v in values.items()}
        for key, value in floats.items():
            if value is not None and not 0.0 <= value <= FULL_SCALE:
                raise ValueError(f"{period} {key}: scores must be 0 to 100, not {value}.")
        object.__setattr__(self, "period", period)
        object.__setattr__(self, "values", floats)  # a copy: the caller's dict may change


def category_x(left: float, width: float, index: int, count: int) -> float:
    """The centre of a period's slot, so a single period sits in the middle."""
    return left + width * (index + 0.5) / count


def value_y(top: float, height: float, value: float) -> float:
    """0 at the bottom of the plot, 100 at the top."""
    return top + height * (1.0 - value / FULL_SCALE)


def known_runs(values: Sequence[float | None]) -> list[list[int]]:
    """Indices of unbroken stretches of known values: the line is drawn only within a run."""
    runs: list[list[int]] = []
    for index, value in enumerate(values):
        if value is None:
            continue
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


class TrendHit(NamedTuple):
    key: str
    period: int
    point: QPointF


class _Layout(NamedTuple):
    plot: QRectF
    title: QRectF
    legend: list[LegendItem]


class TrendChart(ChartWidget):
    """Score lines per criterion over periods; a None breaks the line instead of dropping to 0."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._points: tuple[TrendPoint, ...] = ()

    def set_history(self, title: str, points: Sequence[TrendPoint]) -> None:
        self._title = title
        self._points = tuple(points)
        self.update()

    # --- what it shows, for the tab and for tests --------------------------------------
    def keys(self) -> list[str]:
        """Line names in order of first appearance; that order picks colour and style."""
        seen: dict[str, None] = {}
        for point in self._points:
            seen.update(dict.fromkeys(point.values))
        return list(seen)

    def series_values(self, key: str) -> list[float | None]:
        return [point.values.get(key) for point in self._points]

    def empty_text(self) -> str | None:
        if self._points:
            return None
        return self.tr("No evaluations yet for {supplier}").format(supplier=self._title)

    def legend_entries(self) -> list[str]:
        return [
            key
            if any(v is not None for v in self.series_values(key))
            else self.tr("{line} (unknown)").format(line=key)
            for key in self.keys()
        ]

    def markers(self) -> list[TrendHit]:
        """Every drawn point in widget coordinates; unknown values have none."""
        if not self._points:
            return []
        return [
            TrendHit(key, i, point)
            for key, points in self._positions(self._layout().plot).items()
            for i, point in enumerate(points)
            if point is not None
        ]

    def hits_at(self, pos: QPointF) -> list[TrendHit]:
        """Points within reach of the mouse, nearest first (equal scores coincide)."""
        near = [hit for hit in self.markers() if distance(hit.point, pos) <= HIT_RADIUS]
        return sorted(near, key=lambda hit: distance(hit.point, pos))

    def tooltip_at(self, pos: QPointF) -> str | None:
        lines = [
            f"{self._points[hit.period].period} — {hit.key}: "
            f"{format_value(self._points[hit.period].values.get(hit.key))}"
            for hit in self.hits_at(pos)
        ]
        if not lines and self._points:
            layout = self._layout()
            entries = self.legend_entries()  # in full where the legend had to elide
            lines = [entries[item.series] for item in layout.legend if item.rect.contains(pos)]
            if layout.title.contains(pos):
                lines.append(self._title)
        return "\n".join(lines) or None

    # --- Qt ----------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(480, 300)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 180)

    def paint_chart(self, painter: QPainter, palette: QPalette) -> None:
        background = palette.color(QPalette.ColorRole.Base)
        layout = self._layout()
        self._paint_axes(painter, layout, palette)
        keys = self.keys()
        pens = [self._pen(index, key) for index, key in enumerate(keys)]
        plot, count = layout.plot, len(self._points)
        # Markers shrink when periods crowd, so the lines between them stay visible.
        radius = max(min(MARKER_RADIUS, plot.width() / count / 4), MIN_MARKER_RADIUS)
        # The weighted line last, so it stays on top where lines cross.
        order = sorted(range(len(keys)), key=lambda i: _is_weighted(keys[i]))
        positions = self._positions(plot)
        for index in order:
            values, points = self.series_values(keys[index]), positions[keys[index]]
            painter.setPen(pens[index])
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for run in known_runs(values):
                # Known values have points: the filter only tells the type checker so.
                line = [known for known in (points[i] for i in run) if known is not None]
                if len(line) > 1:
                    path = QPainterPath(line[0])
                    for corner in line[1:]:
                        path.lineTo(corner)
                    painter.drawPath(path)
            for point in points:
                if point is not None:
                    draw_marker(painter, point, index, background, radius=radius)
        hollow = [all(v is None for v in self.series_values(key)) for key in keys]
        draw_legend(painter, layout.legend, palette, pens, hollow)

    # --- drawing ------------------------------------------------------------------------
    def _positions(self, plot: QRectF) -> dict[str, list[QPointF | None]]:
        """Each line's points in widget coordinates; None where the value is unknown."""
        count = len(self._points)
        return {
            key: [
                None
                if value is None
                else QPointF(
                    category_x(plot.left(), plot.width(), i, count),
                    value_y(plot.top(), plot.height(), value),
                )
                for i, value in enumerate(self.series_values(key))
            ]
            for key in self.keys()
        }

    def _pen(self, index: int, key: str) -> QPen:
        if _is_weighted(key):
            pen = series_pen(index, WEIGHTED_WIDTH)
            pen.setStyle(Qt.PenStyle.SolidLine)  # thick and unbroken: the headline line
            return pen
        return series_pen(index, LINE_WIDTH)

    def _layout(self) -> _Layout:
        """Title on top, legend at the bottom, period labels above it, values on the left."""
        metrics = QFontMetricsF(self.font())
        width, height = float(self.width()), float(self.height())
        title = QRectF(MARGIN, MARGIN, width - 2 * MARGIN, metrics.height())
        legend, legend_height = legend_layout(
            metrics, self.legend_entries(), MARGIN, 0.0, width - 2 * MARGIN
        )
        legend_top = height - MARGIN - legend_height
        legend = [item._replace(rect=item.rect.translated(0, legend_top)) for item in legend]
        left = MARGIN + metrics.horizontalAdvance("100") + LABEL_GAP
        # The first and last period labels are centred on their slots: room for their halves.
        count = max(len(self._points), 1)
        slot = (width - MARGIN - left) / count
        overhang = max(self._widest_period(metrics) / 2 - slot / 2, 0.0)
        left = max(left, MARGIN + overhang)
        right = width - MARGIN - overhang
        top = title.bottom() + LABEL_GAP + metrics.height() / 2  # room for the "100" label
        bottom = legend_top - LABEL_GAP - metrics.height() * 1.5  # period labels clear the "0"
        plot = QRectF(left, top, max(right - left, 1.0), max(bottom - top, 1.0))
        return _Layout(plot, title, legend)

    def _widest_period(self, metrics: QFontMetricsF) -> float:
        return max((metrics.horizontalAdvance(p.period) for p in self._points), default=0.0)

    def _paint_axes(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        plot = layout.plot
        metrics = QFontMetricsF(self.font())
        text_colour = palette.color(QPalette.ColorRole.Text)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        title = QFontMetricsF(bold).elidedText(
            self._title, Qt.TextElideMode.ElideRight, layout.title.width()
        )
        painter.drawText(layout.title, Qt.AlignmentFlag.AlignCenter, title)
        painter.setFont(self.font())
        for value in GRIDLINES:
            y = value_y(plot.top(), plot.height(), value)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1.0 if value == 0 else 0.6))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        spacing = plot.height() * (GRIDLINES[1] - GRIDLINES[0]) / FULL_SCALE
        for value in labelled_steps(GRIDLINES, spacing, metrics.height()):
            y = value_y(plot.top(), plot.height(), value)
            label = QRectF(
                MARGIN, y - metrics.height() / 2, plot.left() - MARGIN - LABEL_GAP, metrics.height()
            )
            painter.setPen(text_colour)
            painter.drawText(
                label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value)
            )
        count = len(self._points)
        slot = plot.width() / count
        widest = self._widest_period(metrics)
        # Label every n-th period when they would collide; the tooltip names each point.
        step = max(1, math.ceil((widest + PERIOD_LABEL_SPACING) / slot))
        for index in range(0, count, step):
            x = category_x(plot.left(), plot.width(), index, count)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1.0))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            label = QRectF(
                x - widest / 2 - 4,
                plot.bottom() + metrics.height() / 2 + 2,
                widest + 8,
                metrics.height(),
            )
            painter.setPen(text_colour)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, self._points[index].period)


def _is_weighted(key: str) -> bool:
    """The weighted score's line, named in English or in the interface language."""
    return key in (WEIGHTED_KEY, term(WEIGHTED_KEY))
