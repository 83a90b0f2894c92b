"""The comparison radar and the score trend: geometry, legend, empty state, tooltips, pixels."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QToolTip

from app.ui.matrix.radar_chart import RadarChart, RadarSeries, axis_angle, radar_points
from app.ui.matrix.trend_chart import (
    TrendChart,
    TrendPoint,
    category_x,
    known_runs,
    value_y,
)
from app.ui.widgets.charts import SERIES_COLOURS, labelled_steps

AXES = ("Quality 质量", "Delivery", "Service", "Cost", "Capacity 产能")
JIAMEI = RadarSeries("义乌市佳美饰品有限公司", (86, 72, 90, 65, 80))
HUAQIANG = RadarSeries("深圳市华强通讯配件有限公司", (78, 88, 70, None, 60))
BLUE, ORANGE, GREEN, PINK = (SERIES_COLOURS[i] for i in range(4))
LEGEND_ROOM = 40  # a one-row legend and the bottom margin


def colour_count(image: QImage, colour: QColor, tolerance: int = 12) -> int:
    """Pixels within `tolerance` per channel of `colour`."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(rgb.constBits())
    want = (colour.blue(), colour.green(), colour.red())  # RGB32 is stored B, G, R, A
    found = 0
    for offset in range(0, len(data), 4):
        b, g, r = data[offset], data[offset + 1], data[offset + 2]
        if abs(b - want[0]) <= tolerance and abs(g - want[1]) <= tolerance:
            found += abs(r - want[2]) <= tolerance
    return found


def column_count(image: QImage, x: int, colour: QColor, tolerance: int = 40) -> int:
    """Pixels near `colour` in one column above the legend (a wide tolerance counts line edges)."""
    return colour_count(image.copy(x, 0, 1, image.height() - LEGEND_ROOM), colour, tolerance)


@pytest.fixture
def radar(qtbot) -> RadarChart:
    chart = RadarChart()
    qtbot.addWidget(chart)
    chart.resize(420, 360)
    return chart


@pytest.fixture
def trend(qtbot) -> TrendChart:
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(480, 300)
    return chart


def test_scale_labels_thin_out_when_they_would_overlap() -> None:
    rings = (20, 40, 60, 80, 100)
    assert labelled_steps(rings, spacing=30, label_height=14) == [100, 80, 60, 40, 20]
    assert labelled_steps(rings, spacing=10, label_height=14) == [100, 60, 20]
    assert labelled_steps(rings, spacing=0, label_height=14) == [100]


# --- radar ---------------------------------------------------------------------------------
def test_radar_points_put_100_on_the_outer_ring_0_at_the_centre_and_keep_unknown_apart() -> None:
    center = QPointF(100, 100)
    points = radar_points(center, 50, [100, 0, None, 50])
    assert points[0] == QPointF(100, 50)  # first axis points straight up
    assert points[1] == QPointF(100, 100)
    assert points[2] is None
    assert points[3].x() == pytest.approx(75)  # fourth of four points left, half way out
    assert points[3].y() == pytest.approx(100)
    assert axis_angle(1, 4) == pytest.approx(0.0)  # clockwise: the second axis points right


def test_radar_series_takes_decimals_and_refuses_values_off_the_scale() -> None:
    assert RadarSeries("A", [Decimal("78.9"), None, 1]).values == (78.9, None, 1.0)
    with pytest.raises(ValueError, match="0 to 100"):
        RadarSeries("A", (101, 50, 50))


def test_set_series_refuses_values_that_do_not_match_the_axes(radar: RadarChart) -> None:
    with pytest.raises(ValueError, match="4 values for 5 axes"):
        radar.set_series(AXES, [JIAMEI, RadarSeries("B", (1, 2, 3, 4))])
    with pytest.raises(ValueError, match="at least 3 axes"):
        radar.set_series(("Quality", "Cost"), [])


@pytest.mark.parametrize("count", [0, 1])
def test_radar_asks_for_two_to_five_suppliers(radar: RadarChart, count: int) -> None:
    radar.set_series(AXES, [JIAMEI, HUAQIANG][:count])
    assert radar.empty_text() == "Select 2 to 5 suppliers to compare"
    assert radar.legend_entries() == []
    assert radar.vertices() == []
    assert colour_count(radar.grab().toImage(), BLUE) == 0


def test_radar_with_six_suppliers_says_how_many_are_selected(radar: RadarChart) -> None:
    radar.set_series(AXES, [JIAMEI] * 6)
    assert radar.empty_text() == "Select 2 to 5 suppliers to compare (6 selected)"


def test_radar_legend_names_every_supplier_and_says_which_value_is_unknown(
    radar: RadarChart,
) -> None:
    radar.set_series(AXES, [JIAMEI, HUAQIANG])
    assert radar.empty_text() is None
    assert radar.legend_entries() == [
        "义乌市佳美饰品有限公司",
        "深圳市华强通讯配件有限公司 (unknown: Cost)",
    ]


def test_radar_vertices_scale_with_the_widget_and_put_unknown_at_the_centre(
    radar: RadarChart,
) -> None:
    full = RadarSeries("Full", (100, 100, 100, 100, 100))
    radar.set_series(AXES, [full, HUAQIANG])
    by_key = {(hit.series, hit.axis): hit.point for hit in radar.vertices()}
    center = by_key[(1, 3)]  # Huaqiang's unknown Cost
    top = by_key[(0, 0)]
    assert top.x() == pytest.approx(center.x())
    small_radius = center.y() - top.y()
    assert small_radius > 100  # the radar uses most of a 420 x 360 widget
    radar.resize(840, 720)
    top, center = radar.vertices()[0].point, radar.vertices()[5 + 3].point
    # Labels and legend keep their size, so the rings get more than twice the room.
    assert 2 * small_radius < center.y() - top.y() < 720 / 2
    assert top.y() > 0


def test_radar_tooltip_names_supplier_axis_and_value(radar: RadarChart) -> None:
    radar.set_series(AXES, [JIAMEI, HUAQIANG])
    by_key = {(hit.series, hit.axis): hit.point for hit in radar.vertices()}
    assert (
        radar.tooltip_at(by_key[(0, 1)] + QPointF(3, 2))
        == "义乌市佳美饰品有限公司 — Delivery: 72.0"
    )
    unknown = radar.tooltip_at(by_key[(1, 3)])
    assert unknown == "深圳市华强通讯配件有限公司 — Cost: unknown"
    assert radar.tooltip_at(QPointF(2, 2)) is None


# The offscreen platform cannot raise the tooltip window: harmless there.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_hovering_shows_the_tooltip(radar: RadarChart) -> None:
    radar.set_series(AXES, [JIAMEI, HUAQIANG])
    radar.show()
    vertex = radar.vertices()[0].point.toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, vertex, radar.mapToGlobal(vertex))
    radar.event(event)
    assert QToolTip.text() == "义乌市佳美饰品有限公司 — Quality 质量: 86.0"
    QToolTip.hideText()


def test_elided_legend_name_is_given_in_full_by_the_tooltip(radar: RadarChart) -> None:
    radar.set_series(AXES, [JIAMEI, HUAQIANG])
    radar.resize(240, 200)
    x = radar.width() / 2  # the legend's rows are centred; look up from the bottom edge
    tips = {radar.tooltip_at(QPointF(x, radar.height() - dy)) for dy in range(1, 60)}
    assert "深圳市华强通讯配件有限公司 (unknown: Cost)" in tips


def test_radar_paints_each_supplier_in_its_own_colour(radar: RadarChart) -> None:
    radar.set_series(AXES, [JIAMEI, HUAQIANG])
    image = radar.grab().toImage()
    assert colour_count(image, BLUE) > 50
    assert colour_count(image, ORANGE) > 50
    assert colour_count(image, PINK) == 0  # the fourth colour: only with four suppliers


# --- trend ---------------------------------------------------------------------------------
def history(*rows: tuple[str, dict[str, float | None]]) -> list[TrendPoint]:
    return [TrendPoint(period, values) for period, values in rows]


HISTORY = history(
    ("2025-Q2", {"Quality": 80, "Delivery": None, "Weighted": 80}),
    ("2025-Q3", {"Quality": 82, "Delivery": 70, "Weighted": 77.2}),
    ("2025-Q4", {"Quality": 90, "Delivery": 75, "Weighted": 84}),
)


def test_trend_geometry_helpers() -> None:
    assert category_x(0, 100, 0, 1) == 50  # a single period sits in the middle
    assert [category_x(10, 100, i, 4) for i in range(4)] == [22.5, 47.5, 72.5, 97.5]
    assert value_y(10, 200, 100) == 10
    assert value_y(10, 200, 0) == 210
    assert value_y(10, 200, 25) == 160
    assert known_runs([1, None, 2, 3, None, None, 4]) == [[0], [2, 3], [6]]
    assert known_runs([None, None]) == []


def test_trend_point_copies_its_values_and_refuses_scores_off_the_scale() -> None:
    values: dict[str, float | None] = {"Quality": Decimal("82.5")}
    point = TrendPoint("2025-Q4", values)
    values["Quality"] = 10
    assert point.values == {"Quality": 82.5}
    with pytest.raises(ValueError, match="0 to 100"):
        TrendPoint("2025-Q4", {"Cost": -1})


def test_trend_without_points_says_no_evaluations(trend: TrendChart) -> None:
    trend.set_history("义乌市佳美饰品有限公司", [])
    assert trend.empty_text() == "No evaluations yet for 义乌市佳美饰品有限公司"
    assert trend.markers() == []
    assert colour_count(trend.grab().toImage(), BLUE) == 0


def test_trend_markers_skip_unknown_values_and_legend_flags_lines_without_any(
    trend: TrendChart,
) -> None:
    trend.set_history("Jiamei", [*HISTORY[:2], TrendPoint("2025-Q4", {"Cost": None})])
    assert trend.keys() == ["Quality", "Delivery", "Weighted", "Cost"]
    assert trend.legend_entries() == ["Quality", "Delivery", "Weighted", "Cost (unknown)"]
    drawn = {(hit.key, hit.period) for hit in trend.markers()}
    assert drawn == {
        ("Quality", 0),
        ("Quality", 1),
        ("Delivery", 1),
        ("Weighted", 0),
        ("Weighted", 1),
    }


def test_trend_places_points_by_period_and_value(trend: TrendChart) -> None:
    trend.set_history("Jiamei", HISTORY)
    points = {(hit.key, hit.period): hit.point for hit in trend.markers()}
    xs = [points[("Quality", i)].x() for i in range(3)]
    assert xs[0] < xs[1] < xs[2]
    assert xs[1] - xs[0] == pytest.approx(xs[2] - xs[1])  # a category axis: equal steps
    assert points[("Quality", 2)].y() < points[("Quality", 1)].y()  # 90 above 82
    assert points[("Delivery", 1)].x() == xs[1]


def test_a_single_period_draws_markers_in_the_middle(trend: TrendChart) -> None:
    trend.set_history("Jiamei", HISTORY[:1])
    xs = {hit.point.x() for hit in trend.markers()}
    assert len(xs) == 1
    assert abs(xs.pop() - trend.width() / 2) < 40
    assert colour_count(trend.grab().toImage(), BLUE) > 10  # Quality's marker


def test_trend_tooltip_names_period_line_and_value(trend: TrendChart) -> None:
    trend.set_history("义乌市佳美饰品有限公司", HISTORY)
    points = {(hit.key, hit.period): hit.point for hit in trend.markers()}
    assert trend.tooltip_at(points[("Delivery", 2)]) == "2025-Q4 — Delivery: 75.0"
    # Equal scores share a spot: the tooltip lists both.
    both = trend.tooltip_at(points[("Quality", 0)])
    assert set(both.splitlines()) == {"2025-Q2 — Quality: 80.0", "2025-Q2 — Weighted: 80.0"}
    assert trend.tooltip_at(QPointF(trend.width() - 2, trend.height() / 2)) is None


def test_an_unknown_value_breaks_the_line_instead_of_dropping_to_zero(trend: TrendChart) -> None:
    trend.set_history("Jiamei", history(("A", {"Quality": 50}), ("B", {"Quality": 50})))
    points = [hit.point for hit in trend.markers()]
    middle = round((points[0].x() + points[1].x()) / 2)
    assert column_count(trend.grab().toImage(), middle, BLUE) > 0  # joined: a line between

    trend.set_history(
        "Jiamei",
        history(("A", {"Quality": 50}), ("B", {"Quality": None}), ("C", {"Quality": 50})),
    )
    points = [hit.point for hit in trend.markers()]
    image = trend.grab().toImage()
    for x in (points[0].x() + 20, (points[0].x() + points[1].x()) / 2, points[1].x() - 20):
        assert column_count(image, round(x), BLUE) == 0  # no line, and nothing at zero


def test_the_weighted_line_is_thicker(trend: TrendChart) -> None:
    trend.set_history(
        "Jiamei",
        history(("A", {"Quality": 30, "Weighted": 70}), ("B", {"Quality": 30, "Weighted": 70})),
    )
    points = [hit.point for hit in trend.markers()]
    image = trend.grab().toImage()
    middle = round((points[0].x() + points[1].x()) / 2)
    quality, weighted = column_count(image, middle, BLUE), column_count(image, middle, ORANGE)
    assert 0 < quality < weighted
