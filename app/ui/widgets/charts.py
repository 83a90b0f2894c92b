"""Colours, pens, markers, legend layout and empty state shared by the matrix charts."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QToolTip, QWidget

# Okabe-Ito: told apart with the common colour-vision deficiencies.
SERIES_COLOURS: tuple[QColor, ...] = tuple(
    QColor(code) for code in ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9")
)
# A second cue besides colour, so a greyscale print still tells the series apart.
PEN_STYLES: tuple[Qt.PenStyle, ...] = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
)
MARKER_SHAPES = ("circle", "square", "triangle", "diamond", "triangle_down")  # third cue
MARKER_RADIUS = 4.5
HIT_RADIUS = 8.0  # how close the mouse must be to a point for its tooltip
MARGIN = 10.0
SWATCH_WIDTH = 26.0  # a short line with the series marker in the middle
SWATCH_GAP = 6.0
ENTRY_SPACING = 18.0
ROW_SPACING = 4.0


def series_colour(index: int) -> QColor:
    return SERIES_COLOURS[index % len(SERIES_COLOURS)]


def series_pen(index: int, width: float = 2.0) -> QPen:
    pen = QPen(series_colour(index), width, PEN_STYLES[index % len(PEN_STYLES)])
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)  # round dots read better than 2 px squares
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def format_value(value: float | None) -> str:
    """Scores are shown to one decimal across the app; None is said, never shown as 0."""
    if value is None:
        return QCoreApplication.translate("charts", "unknown")
    return f"{value:.1f}"


def labelled_steps(values: Sequence[int], spacing: float, label_height: float) -> list[int]:
    """The top value, then every n-th below it, so scale labels `spacing` apart never overlap."""
    step = max(1, math.ceil(label_height / spacing)) if spacing > 0 else len(values)
    return sorted(values, reverse=True)[::step]


def distance(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())


def draw_marker(
    painter: QPainter,
    centre: QPointF,
    index: int,
    background: QColor,
    hollow: bool = False,
    radius: float = MARKER_RADIUS,
) -> None:
    """A filled shape per series; hollow (background inside) marks an unknown value."""
    colour = series_colour(index)
    painter.save()
    painter.setPen(QPen(colour, 1.6))
    painter.setBrush(QBrush(background if hollow else colour))
    shape = MARKER_SHAPES[index % len(MARKER_SHAPES)]
    x, y, r = centre.x(), centre.y(), radius
    if shape == "circle":
        painter.drawEllipse(centre, r, r)
    elif shape == "square":
        painter.drawRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
    else:
        corners = {
            "triangle": ((0, -1.15), (1.05, 0.8), (-1.05, 0.8)),
            "diamond": ((0, -1.2), (1.2, 0), (0, 1.2), (-1.2, 0)),
            "triangle_down": ((0, 1.15), (1.05, -0.8), (-1.05, -0.8)),
        }[shape]
        painter.drawPolygon(QPolygonF([QPointF(x + dx * r, y + dy * r) for dx, dy in corners]))
    painter.restore()


class LegendItem(NamedTuple):
    rect: QRectF  # swatch plus text, in widget coordinates
    text: str  # elided to fit; the full text is in the widget's legend_entries()
    series: int  # series index: colour, pen and marker


def legend_layout(
    metrics: QFontMetricsF, texts: Sequence[str], left: float, top: float, width: float
) -> tuple[list[LegendItem], float]:
    """Entries flowed into centred rows of at most `width`; returns them and their height."""
    line_height = max(metrics.height(), MARKER_RADIUS * 2 + 2)
    text_room = max(width - SWATCH_WIDTH - SWATCH_GAP, 20.0)
    rows: list[list[tuple[str, float, int]]] = [[]]
    row_width = 0.0
    for index, full_text in enumerate(texts):
        text = metrics.elidedText(full_text, Qt.TextElideMode.ElideRight, text_room)
        entry_width = SWATCH_WIDTH + SWATCH_GAP + metrics.horizontalAdvance(text)
        needed = entry_width + (ENTRY_SPACING if rows[-1] else 0.0)
        if rows[-1] and row_width + needed > width:
            rows.append([])
            row_width, needed = 0.0, entry_width
        rows[-1].append((text, entry_width, index))
        row_width += needed
    items: list[LegendItem] = []
    y = top
    for row in rows:
        total = sum(w for _, w, _ in row) + ENTRY_SPACING * (len(row) - 1)
        x = left + max((width - total) / 2, 0.0)
        for text, entry_width, index in row:
            items.append(LegendItem(QRectF(x, y, entry_width, line_height), text, index))
            x += entry_width + ENTRY_SPACING
        y += line_height + ROW_SPACING
    height = len(rows) * line_height + (len(rows) - 1) * ROW_SPACING if texts else 0.0
    return items, height


def draw_legend(
    painter: QPainter,
    items: Sequence[LegendItem],
    palette: QPalette,
    pens: Sequence[QPen],
    hollow: Sequence[bool],
) -> None:
    background = palette.color(QPalette.ColorRole.Base)
    for item in items:
        rect = item.rect
        mid_y = rect.center().y()
        painter.setPen(pens[item.series])
        painter.drawLine(
            QPointF(rect.left() + 1, mid_y), QPointF(rect.left() + SWATCH_WIDTH - 1, mid_y)
        )
        centre = QPointF(rect.left() + SWATCH_WIDTH / 2, mid_y)
        draw_marker(painter, centre, item.series, background, hollow[item.series])
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        text_rect = rect.adjusted(SWATCH_WIDTH + SWATCH_GAP, 0, 0, 0)
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, item.text
        )


def draw_empty_state(painter: QPainter, rect: QRectF, text: str, palette: QPalette) -> None:
    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
    painter.drawText(
        rect.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN),
        Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
        text,
    )


class ChartWidget(QWidget):
    """Paints the background or the empty state, then the chart (`paint_chart`); shows
    tooltip_at(pos) on hover: each chart says what lies under the mouse."""

    def tooltip_at(self, pos: QPointF) -> str | None:
        return None

    def empty_text(self) -> str | None:
        return None

    def paint_chart(self, painter: QPainter, palette: QPalette) -> None:
        raise NotImplementedError

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        empty = self.empty_text()
        if empty is not None:
            draw_empty_state(painter, QRectF(self.rect()), empty, palette)
        else:
            self.paint_chart(painter, palette)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
