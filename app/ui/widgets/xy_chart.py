"""A general x/y chart on ChartWidget: lines or steps with markers, labelled reference lines,
round tick values (a log x axis by decades), a legend, tooltips at the points, an empty state.

Values are floats: a chart only places them; the exact Decimal figures stay in the tables and
the tooltips format them with the caller's own `x_format` / `y_format`."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QWidget

from app.ui.widgets.charts import (
    HIT_RADIUS,
    MARGIN,
    SWATCH_WIDTH,
    ChartWidget,
    LegendItem,
    distance,
    draw_marker,
    legend_layout,
    series_pen,
)

MAX_TICKS = 7
NICE_MULTIPLES = (1.0, 2.0, 5.0, 10.0)  # steps of 1, 2 or 5 times a power of ten
LABEL_GAP = 6.0
MARK_HIT = 4.0  # how close to a reference line the mouse must be for its tooltip
MARK_ALPHA = 170
LINE_WIDTH = 2.0
Formatter = Callable[[float], str]


@dataclass(frozen=True)
class XYSeries:
    name: str
    points: tuple[tuple[float, float], ...]  # (x, y), x ascending
    step: bool = False  # draw as a step function (a price that holds until the next break)
    markers: bool = True


@dataclass(frozen=True)
class XYMark:
    value: float
    label: str
    vertical: bool = True  # a vertical line at x (a break that pays) or horizontal at y (a target)


# --- scale and tick maths (plain functions: tested without a widget) -------------------------
def nice_step(span: float, max_ticks: int = MAX_TICKS) -> float:
    """The least of 1, 2 or 5 x 10^k that cuts `span` into at most max_ticks - 1 steps."""
    raw = span / max(max_ticks - 1, 1)
    if raw <= 0 or not math.isfinite(raw):
        return 1.0
    magnitude = 10.0 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in NICE_MULTIPLES if m * magnitude >= raw * (1 - 1e-9))


def nice_ticks(
    low: float, high: float, max_ticks: int = MAX_TICKS, min_step: float = 0.0
) -> list[float]:
    """Round tick values from a multiple of the step at or below `low` to one at or above
    `high`; a single value gets room around it."""
    low, high = min(low, high), max(low, high)
    if high == low:
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    step = max(nice_step(high - low, max_ticks), min_step)
    first = math.floor(low / step + 1e-9)
    last = math.ceil(high / step - 1e-9)
    places = decimals_of(step)
    return [round(n * step, places) for n in range(first, last + 1)]


def log_ticks(low: float, high: float) -> list[float]:
    """Powers of ten from the decade at or below `low` to the one at or above `high`
    (1, 10, 100, 1,000, 10,000); values of 0 or less have no place on a log axis."""
    low = max(low, 1e-9)
    high = max(high, low)
    first = math.floor(math.log10(low) + 1e-9)
    last = math.ceil(math.log10(high) - 1e-9)
    if last == first:
        last += 1
    return [10.0**n if n < 0 else float(10**n) for n in range(first, last + 1)]


def decimals_of(step: float) -> int:
    """How many decimals tick labels need for a step: 0.25 -> 2, 5 -> 0."""
    text = f"{step:.10f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def format_tick(value: float, places: int) -> str:
    """Thousands separators, the step's decimals: 1000 -> '1,000', 2.5 -> '2.5'."""
    text = f"{value:,.{places}f}"
    return "0" if text.lstrip("-") == f"{0:.{places}f}" else text


def format_number(value: float) -> str:
    """A value for a tooltip when the caller gives no format: '1,000', '2.8', '2.85'."""
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return text or "0"


@dataclass(frozen=True)
class Scale:
    """Maps values between `low` and `high` onto a pixel span (log10 when `log`)."""

    low: float
    high: float
    log: bool = False

    def position(self, value: float, start: float, length: float) -> float:
        """The pixel of `value`: `start` is where `low` lies, `length` may be negative."""
        low, high = self.low, self.high
        if self.log:
            low, high = math.log10(low), math.log10(high)
            value = math.log10(max(value, self.low * 1e-6))
        return start + (0.0 if high == low else (value - low) / (high - low)) * length


class XYHit(NamedTuple):
    series: int
    point: int
    pos: QPointF


class _Layout(NamedTuple):
    plot: QRectF
    title: QRectF
    legend: list[LegendItem]
    x_ticks: list[tuple[float, str]]  # value, label
    y_ticks: list[tuple[float, str]]
    x_scale: Scale
    y_scale: Scale
    mark_labels: list[tuple[XYMark, QRectF]]

    def x(self, value: float) -> float:
        return self.x_scale.position(value, self.plot.left(), self.plot.width())

    def y(self, value: float) -> float:
        return self.y_scale.position(value, self.plot.bottom(), -self.plot.height())


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTRE = Qt.AlignmentFlag.AlignCenter


class XYChart(ChartWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = self._x_label = self._y_label = self._empty = ""
        self._series: tuple[XYSeries, ...] = ()
        self._marks: tuple[XYMark, ...] = ()
        self._log_x = self._whole_x = False
        self._x_format: Formatter = format_number
        self._y_format: Formatter = format_number

    def set_chart(
        self,
        title: str,
        x_label: str,
        y_label: str,
        series: Sequence[XYSeries],
        marks: Sequence[XYMark] = (),
        *,
        log_x: bool = False,
        empty_text: str = "",
        x_format: Formatter | None = None,
        y_format: Formatter | None = None,
        whole_x: bool = False,
    ) -> None:
        """What to draw. `x_format` / `y_format` word a value in tooltips ('100 pcs',
        '¥2.80'); `whole_x` keeps x ticks on whole numbers (rounds, pieces)."""
        self._title, self._x_label, self._y_label = title, x_label, y_label
        self._series, self._marks = tuple(series), tuple(marks)
        self._log_x, self._whole_x, self._empty = log_x, whole_x, empty_text
        self._x_format = x_format or format_number
        self._y_format = y_format or format_number
        self.update()

    # --- what it shows, for the caller and for tests ------------------------------------------
    def series(self) -> tuple[XYSeries, ...]:
        return self._series

    def marks(self) -> tuple[XYMark, ...]:
        return self._marks

    def empty_text(self) -> str | None:
        if any(self._usable(x) for s in self._series for x, _ in s.points):
            return None
        return self._empty or self.tr("Nothing to chart yet")

    def x_ticks(self) -> list[str]:
        return [text for _, text in self._layout().x_ticks]

    def y_ticks(self) -> list[str]:
        return [text for _, text in self._layout().y_ticks]

    def markers(self) -> list[XYHit]:
        """Every data point in widget coordinates (with or without a drawn marker)."""
        if self.empty_text() is not None:
            return []
        layout = self._layout()
        return [
            XYHit(s, p, QPointF(layout.x(x), layout.y(y)))
            for s, item in enumerate(self._series)
            for p, (x, y) in enumerate(item.points)
            if self._usable(x)
        ]

    def tooltip_at(self, pos: QPointF) -> str | None:
        if self.empty_text() is not None:
            return None
        near = [hit for hit in self.markers() if distance(hit.pos, pos) <= HIT_RADIUS]
        lines = []
        for hit in sorted(near, key=lambda hit: distance(hit.pos, pos)):
            series = self._series[hit.series]
            x, y = series.points[hit.point]
            lines.append(f"{series.name}: {self._x_format(x)} → {self._y_format(y)}")
        if lines:
            return "\n".join(lines)
        layout = self._layout()
        lines = [self._series[i.series].name for i in layout.legend if i.rect.contains(pos)]
        lines += [mark.label for mark, rect in layout.mark_labels if rect.contains(pos)]
        if layout.plot.adjusted(-1, -1, 1, 1).contains(pos):
            for mark in self._marks:
                off = (
                    layout.x(mark.value) - pos.x()
                    if mark.vertical
                    else layout.y(mark.value) - pos.y()
                )
                lines += [mark.label] if abs(off) <= MARK_HIT else []
        if not lines and self._title and layout.title.contains(pos):
            lines.append(self._title)
        return "\n".join(dict.fromkeys(lines)) or None

    # --- Qt -----------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(520, 320)

    def minimumSizeHint(self) -> QSize:
        return QSize(280, 200)

    def paint_chart(self, painter: QPainter, palette: QPalette) -> None:
        layout = self._layout()
        self._paint_frame(painter, layout, palette)
        self._paint_marks(painter, layout, palette)
        painter.save()
        painter.setClipRect(layout.plot.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))
        background = palette.color(QPalette.ColorRole.Base)
        for index, series in enumerate(self._series):
            points = [
                QPointF(layout.x(x), layout.y(y)) for x, y in series.points if self._usable(x)
            ]
            if not points:
                continue
            painter.setPen(series_pen(index, LINE_WIDTH))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            path = QPainterPath(points[0])
            for before, after in pairwise(points):
                if series.step:
                    path.lineTo(QPointF(after.x(), before.y()))
                path.lineTo(after)
            if series.step:  # the last price holds to the end of the axis
                path.lineTo(QPointF(layout.plot.right(), points[-1].y()))
            painter.drawPath(path)
            for point in points if series.markers else ():
                draw_marker(painter, point, index, background)
        painter.restore()
        self._paint_legend(painter, layout, palette)

    # --- geometry ------------------------------------------------------------------------------
    def _usable(self, x: float) -> bool:
        return x > 0 or not self._log_x

    def _ticks(self, metrics: QFontMetricsF) -> tuple[list[tuple[float, str]], ...]:
        """(x ticks, y ticks) with their labels, from the data and the marks."""
        xs = [x for s in self._series for x, _ in s.points if self._usable(x)]
        ys = [y for s in self._series for x, y in s.points if self._usable(x)]
        xs += [m.value for m in self._marks if m.vertical and self._usable(m.value)]
        ys += [m.value for m in self._marks if not m.vertical]
        xs, ys = xs or [0.0, 1.0], ys or [0.0, 1.0]
        room = (self.height() - 6 * metrics.height()) / (2 * metrics.height())
        y_values = nice_ticks(min(ys), max(ys), int(max(2, min(MAX_TICKS, room))))
        if self._log_x:
            x_ticks = [(v, format_tick(v, decimals_of(v))) for v in log_ticks(min(xs), max(xs))]
        else:
            whole = 1.0 if self._whole_x else 0.0
            x_ticks = _labelled(nice_ticks(min(xs), max(xs), min_step=whole))
        return x_ticks, _labelled(y_values)

    def _layout(self) -> _Layout:
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        width, height = float(self.width()), float(self.height())
        title = QRectF(MARGIN, MARGIN, width - 2 * MARGIN, line if self._title else 0.0)
        names = [s.name for s in self._series]
        legend, legend_height = legend_layout(metrics, names, MARGIN, 0.0, width - 2 * MARGIN)
        legend_top = height - MARGIN - legend_height
        legend = [item._replace(rect=item.rect.translated(0, legend_top)) for item in legend]
        x_ticks, y_ticks = self._ticks(metrics)
        y_width = max(metrics.horizontalAdvance(text) for _, text in y_ticks)
        left = MARGIN + (line + LABEL_GAP if self._y_label else 0.0) + y_width + LABEL_GAP
        horizontal = [m for m in self._marks if not m.vertical]
        gutter = max((metrics.horizontalAdvance(m.label) for m in horizontal), default=0.0)
        last_x = metrics.horizontalAdvance(x_ticks[-1][1])
        span = max(width - MARGIN - max(gutter + LABEL_GAP, last_x / 2) - left, 1.0)
        pad = 0.5 if self._whole_x else 0.0  # whole numbers sit inside the axis, not on it
        x_scale = Scale(x_ticks[0][0] - pad, x_ticks[-1][0] + pad, self._log_x)
        y_scale = Scale(y_ticks[0][0], y_ticks[-1][0])
        vertical = [m for m in self._marks if m.vertical and self._usable(m.value)]
        rows = _vertical_rows(vertical, metrics, lambda v: x_scale.position(v, left, span))
        band = (1 + max(row for row, _ in rows)) * line if rows else 0.0
        top = title.bottom() + LABEL_GAP + band + line / 2
        bottom = legend_top - LABEL_GAP - line * (2.4 if self._x_label else 1.3)
        plot = QRectF(left, top, span, max(bottom - top, 1.0))
        layout = _Layout(plot, title, legend, x_ticks, y_ticks, x_scale, y_scale, [])
        layout.mark_labels.extend(
            _mark_label_rects(layout, horizontal, rows, metrics, title.bottom() + LABEL_GAP)
        )
        return layout

    # --- painting ------------------------------------------------------------------------------
    def _paint_frame(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        plot, metrics = layout.plot, QFontMetricsF(self.font())
        line, text = metrics.height(), palette.color(QPalette.ColorRole.Text)
        grid = QPen(palette.color(QPalette.ColorRole.Mid), 0.6)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        elided = QFontMetricsF(bold).elidedText(
            self._title, Qt.TextElideMode.ElideRight, layout.title.width()
        )
        painter.drawText(layout.title, _CENTRE, elided)
        painter.setFont(self.font())
        for value, label in layout.y_ticks:
            y = layout.y(value)
            painter.setPen(grid)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            box = QRectF(MARGIN, y - line / 2, plot.left() - MARGIN - LABEL_GAP, line)
            painter.drawText(box, _RIGHT, label)
        widest = max(metrics.horizontalAdvance(label) for _, label in layout.x_ticks)
        spacing = plot.width() / max(len(layout.x_ticks) - 1, 1)
        every = max(1, math.ceil((widest + 2 * LABEL_GAP) / max(spacing, 1.0)))  # never collide
        for number, (value, label) in enumerate(layout.x_ticks):
            x = layout.x(value)
            painter.setPen(grid)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom() + 4))
            if number % every == 0:
                painter.setPen(text)
                painter.drawText(
                    QRectF(x - widest, plot.bottom() + 5, widest * 2, line), _CENTRE, label
                )
        painter.setPen(QPen(text, 1.0))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        if self._x_label:
            box = QRectF(plot.left(), plot.bottom() + 5 + line, plot.width(), line)
            painter.drawText(box, _CENTRE, self._x_label)
        if self._y_label:
            painter.save()
            painter.translate(MARGIN, plot.center().y())
            painter.rotate(-90)
            painter.drawText(
                QRectF(-plot.height() / 2, 0, plot.height(), line), _CENTRE, self._y_label
            )
            painter.restore()

    def _paint_marks(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        plot = layout.plot
        colour = QColor(palette.color(QPalette.ColorRole.Text))
        colour.setAlpha(MARK_ALPHA)
        for mark, rect in layout.mark_labels:
            painter.setPen(QPen(colour, 1.2, Qt.PenStyle.DashLine))
            if mark.vertical:
                x = layout.x(mark.value)
                painter.drawLine(QPointF(x, rect.bottom()), QPointF(x, plot.bottom()))
            else:
                y = layout.y(mark.value)
                painter.drawLine(QPointF(plot.left(), y), QPointF(rect.left() - 2, y))
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(rect, _CENTRE if mark.vertical else _LEFT, mark.label)

    def _paint_legend(self, painter: QPainter, layout: _Layout, palette: QPalette) -> None:
        """Like charts.draw_legend, but a series drawn without markers has none here either."""
        background = palette.color(QPalette.ColorRole.Base)
        for item in layout.legend:
            rect, left, middle = item.rect, item.rect.left(), item.rect.center().y()
            painter.setPen(series_pen(item.series, LINE_WIDTH))
            painter.drawLine(QPointF(left + 1, middle), QPointF(left + SWATCH_WIDTH - 1, middle))
            if self._series[item.series].markers:
                centre = QPointF(left + SWATCH_WIDTH / 2, middle)
                draw_marker(painter, centre, item.series, background)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(rect.adjusted(SWATCH_WIDTH + LABEL_GAP, 0, 0, 0), _LEFT, item.text)


def _labelled(values: list[float]) -> list[tuple[float, str]]:
    places = decimals_of(values[1] - values[0]) if len(values) > 1 else 0
    return [(value, format_tick(value, places)) for value in values]


def _vertical_rows(
    vertical: Sequence[XYMark], metrics: QFontMetricsF, place: Callable[[float], float]
) -> list[tuple[int, XYMark]]:
    """(row, mark): a label that would touch the one before it in a row goes a row up."""
    ends: list[float] = []
    rows = []
    for mark in sorted(vertical, key=lambda m: m.value):
        centre, half = place(mark.value), metrics.horizontalAdvance(mark.label) / 2 + LABEL_GAP
        row = next((r for r, end in enumerate(ends) if end <= centre - half), len(ends))
        ends[row : row + 1] = [centre + half]
        rows.append((row, mark))
    return rows


def _mark_label_rects(
    layout: _Layout,
    horizontal: Sequence[XYMark],
    rows: Sequence[tuple[int, XYMark]],
    metrics: QFontMetricsF,
    band_top: float,
) -> list[tuple[XYMark, QRectF]]:
    """Where each mark's label goes: horizontal ones in the right gutter at their y (pushed up
    so they never overlap), vertical ones in the band above the plot."""
    line, plot = metrics.height(), layout.plot
    placed: list[tuple[XYMark, QRectF]] = []
    above = math.inf  # the top of the label placed below
    for mark in sorted(horizontal, key=lambda m: -layout.y(m.value)):  # from the bottom up
        top = min(layout.y(mark.value) - line / 2, above - line)
        width = metrics.horizontalAdvance(mark.label) + 2
        placed.append((mark, QRectF(plot.right() + LABEL_GAP, top, width, line)))
        above = top
    band_rows = 1 + max((row for row, _ in rows), default=0)
    for row, mark in rows:
        half = metrics.horizontalAdvance(mark.label) / 2 + 1
        top = band_top + (band_rows - 1 - row) * line
        placed.append((mark, QRectF(layout.x(mark.value) - half, top, half * 2, line)))
    return placed
