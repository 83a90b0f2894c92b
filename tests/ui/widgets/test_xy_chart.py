"""The general x/y chart: tick and scale maths as plain functions, the empty state, step lines,
reference marks, pixels on a grab, and tooltips at the points."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QToolTip

from app.ui.widgets.charts import SERIES_COLOURS
from app.ui.widgets.xy_chart import (
    Scale,
    XYChart,
    XYMark,
    XYSeries,
    decimals_of,
    format_number,
    format_tick,
    log_ticks,
    nice_step,
    nice_ticks,
)

BLUE, ORANGE = SERIES_COLOURS[0], SERIES_COLOURS[1]
HENGDA = XYSeries("Hengda", ((2.0, 3.2), (100.0, 2.8), (500.0, 2.5)), step=True)
NINGBO = XYSeries("Ningbo", ((10.0, 3.0), (300.0, 2.7)), step=True)


def colour_count(image: QImage, colour: QColor, tolerance: int = 12) -> int:
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(rgb.constBits())
    want = (colour.blue(), colour.green(), colour.red())
    return sum(
        all(abs(data[i + c] - want[c]) <= tolerance for c in range(3))
        for i in range(0, len(data), 4)
    )


@pytest.fixture
def chart(qtbot) -> XYChart:
    widget = XYChart()
    qtbot.addWidget(widget)
    widget.resize(600, 360)
    return widget


def prices(chart: XYChart, *series: XYSeries, marks: tuple[XYMark, ...] = ()) -> None:
    chart.set_chart(
        "Unit price by quantity",
        "pieces",
        "CNY",
        series,
        marks,
        log_x=True,
        x_format=lambda x: f"{x:,.0f} pcs",
        y_format=lambda y: f"¥{y:.2f}",
    )


# --- maths -----------------------------------------------------------------------------------
def test_steps_are_one_two_or_five_times_a_power_of_ten() -> None:
    assert nice_step(100, 6) == 20
    assert nice_step(0.7, 7) == pytest.approx(0.2)
    assert nice_step(9_000, 6) == 2_000
    assert nice_step(0, 6) == 1.0  # nothing to span: any step will do


def test_ticks_are_round_values_that_cover_the_data() -> None:
    assert nice_ticks(0, 97, 6) == [0, 20, 40, 60, 80, 100]
    assert nice_ticks(2.3, 3.0) == [2.2, 2.4, 2.6, 2.8, 3.0]
    assert nice_ticks(1, 3, min_step=1.0) == [1, 2, 3]  # rounds: never 1.5
    single = nice_ticks(5, 5)
    assert single[0] < 5 < single[-1]


def test_a_log_axis_has_a_tick_at_every_decade() -> None:
    assert log_ticks(2, 5_000) == [1, 10, 100, 1_000, 10_000]
    assert log_ticks(100, 100) == [100, 1_000]
    assert log_ticks(0.5, 20) == [0.1, 1, 10, 100]


def test_tick_labels_group_thousands_and_keep_the_steps_decimals() -> None:
    assert format_tick(10_000, 0) == "10,000"
    assert format_tick(2.5, decimals_of(0.5)) == "2.5"
    assert format_tick(2.0, decimals_of(0.25)) == "2.00"
    assert format_tick(-0.0, 1) == "0"
    assert format_number(1_000.0) == "1,000"
    assert format_number(2.85) == "2.85"


def test_scales_map_values_onto_pixels_linear_or_log() -> None:
    assert Scale(0, 100).position(25, 10, 200) == pytest.approx(60)
    assert Scale(0, 100).position(25, 300, -200) == pytest.approx(250)  # y grows downwards
    assert Scale(1, 10_000, log=True).position(100, 0, 400) == pytest.approx(200)


# --- the widget --------------------------------------------------------------------------------
def test_without_series_the_chart_says_why_it_is_empty(chart: XYChart) -> None:
    chart.set_chart("t", "x", "y", [], empty_text="No quotes yet")
    assert chart.empty_text() == "No quotes yet"
    assert chart.markers() == []
    assert chart.tooltip_at(QPointF(300, 180)) is None
    assert colour_count(chart.grab().toImage(), BLUE) == 0
    chart.set_chart("t", "x", "y", [XYSeries("empty", ())])
    assert chart.empty_text() == "Nothing to chart yet"


def test_axes_get_round_ticks(chart: XYChart) -> None:
    prices(chart, HENGDA, NINGBO)
    assert chart.x_ticks() == ["1", "10", "100", "1,000"]
    assert float(chart.y_ticks()[0]) <= 2.5 and float(chart.y_ticks()[-1]) >= 3.2
    chart.set_chart(
        "Rounds", "round", "CNY", [XYSeries("offers", ((1, 2.3), (2, 2.5), (3, 2.6)))], whole_x=True
    )
    assert chart.x_ticks() == ["1", "2", "3"]


def test_the_grab_shows_each_series_in_its_colour(chart: XYChart, tmp_path) -> None:
    prices(chart, HENGDA, NINGBO)
    image = chart.grab().toImage()
    assert image.save(str(tmp_path / "chart.png"))
    assert colour_count(image, BLUE) > 100
    assert colour_count(image, ORANGE) > 50
    assert colour_count(image, SERIES_COLOURS[2]) == 0  # a third colour only with a third series


def test_a_step_series_holds_its_price_until_the_next_break(chart: XYChart) -> None:
    prices(chart, HENGDA)
    first, second = (hit.pos for hit in chart.markers()[:2])
    middle_x = int((first.x() + second.x()) / 2)
    image = chart.grab().toImage()
    column = image.copy(middle_x, 0, 1, image.height())
    on_price = image.copy(middle_x, int(first.y()) - 2, 1, 5)
    assert colour_count(on_price, BLUE, 40) > 0  # flat at ¥3.20 half way to the break
    assert colour_count(column, BLUE, 40) < 10  # and nowhere else in that column


def test_tooltip_at_a_point_names_series_quantity_and_price(chart: XYChart) -> None:
    prices(chart, HENGDA, NINGBO)
    points = {(hit.series, hit.point): hit.pos for hit in chart.markers()}
    assert chart.tooltip_at(points[(0, 1)] + QPointF(2, 1)) == "Hengda: 100 pcs → ¥2.80"
    assert chart.tooltip_at(points[(1, 0)]) == "Ningbo: 10 pcs → ¥3.00"


def test_marks_are_drawn_labelled_and_explained_on_hover(chart: XYChart) -> None:
    target = XYMark(2.6, "Target ¥2.60", vertical=False)
    pays = XYMark(100, "100: the break pays")
    prices(chart, HENGDA, marks=(target, pays))
    assert chart.marks() == (target, pays)
    left = chart.markers()[0].pos.x()
    along_y = {chart.tooltip_at(QPointF(left + 10, y)) for y in range(chart.height())}
    assert "Target ¥2.60" in along_y
    low = chart.markers()[-1].pos.y() + 20  # below every point, above the x axis
    along_x = {chart.tooltip_at(QPointF(x, low)) for x in range(chart.width())}
    assert "100: the break pays" in along_x


def test_marks_widen_the_axis_to_stay_in_view(chart: XYChart) -> None:
    prices(chart, HENGDA, marks=(XYMark(4.0, "Walk-away ¥4.00", vertical=False),))
    assert float(chart.y_ticks()[-1].replace(",", "")) >= 4.0


# The offscreen platform cannot raise the tooltip window: harmless there.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_hovering_shows_the_tooltip(chart: XYChart) -> None:
    prices(chart, HENGDA)
    chart.show()
    point = chart.markers()[2].pos.toPoint()
    chart.event(QHelpEvent(QEvent.Type.ToolTip, point, chart.mapToGlobal(point)))
    assert QToolTip.text() == "Hengda: 500 pcs → ¥2.50"
    QToolTip.hideText()
